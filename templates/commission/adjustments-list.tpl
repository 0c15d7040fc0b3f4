{{%AUTOESCAPE context="HTML"}}{{>CM_TABS}}
<header class="page-head">
  <div>
    <p class="eyebrow">{{t_nav_commission}}</p>
    <h1>{{t_adj_title}}</h1>
    <p>{{t_adj_intro}}</p>
  </div>
  <div class="actions">
    {{#CAN_PROPOSE}}<a class="btn primary" id="adj-new" href="/commission/adjustments/new">{{t_adj_new_title}}</a>{{/CAN_PROPOSE}}
  </div>
</header>
{{>FORM_ERRORS}}
<form class="filters" method="get" action="/commission/adjustments">
  <label>{{t_adj_period}}<input type="text" name="period" id="period" value="{{period}}" maxlength="8" placeholder="2026-11"{{#PERIOD_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/PERIOD_ERROR}}>{{#PERIOD_ERROR}}<span class="error" id="{{error_id}}">{{error}}</span>{{/PERIOD_ERROR}}</label>
  <label>{{t_adj_state}}<select name="state" id="state"{{#STATE_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/STATE_ERROR}}>
    <option value="">{{t_common_all}}</option>
    {{#STATE_OPT}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/STATE_OPT}}
  </select>{{#STATE_ERROR}}<span class="error" id="{{error_id}}">{{error}}</span>{{/STATE_ERROR}}</label>
  <label>{{t_adj_kind}}<select name="kind" id="kind"{{#KIND_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/KIND_ERROR}}>
    <option value="">{{t_common_all}}</option>
    {{#KIND_OPT}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/KIND_OPT}}
  </select>{{#KIND_ERROR}}<span class="error" id="{{error_id}}">{{error}}</span>{{/KIND_ERROR}}</label>
  <div class="filter-actions">
    <button type="submit" class="btn primary">{{t_common_filter}}</button>
    <a class="btn ghost" href="/commission/adjustments">{{t_common_reset}}</a>
  </div>
</form>
{{#LIST_EMPTY}}<div class="card empty"><p>{{t_adj_empty}}</p></div>{{/LIST_EMPTY}}
{{#LIST_ROWS}}<div class="table-wrap">
<table class="data compact" id="adjustments">
  <thead><tr>
    <th>#</th>
    {{>SORT_ID}}
    <th>{{t_adj_period}}</th>
    <th>{{t_adj_rep}}</th>
    <th>{{t_adj_kind}}</th>
    <th>{{t_adj_reason}}</th>
    <th>{{t_adj_state}}</th>
    <th>{{t_adj_tracking}}</th>
    {{>SORT_AMOUNT}}
  </tr></thead>
  <tbody>
  {{#ADJ}}<tr data-id="{{id}}">
    <td><a href="/commission/adjustments/{{id}}">{{id}}</a></td>
    <td>{{proposed_at}}</td>
    <td>{{period}}</td>
    <td>{{rep}}</td>
    <td>{{kind}}</td>
    <td class="wrap">{{reason}}</td>
    <td><span class="badge {{state_code}}">{{state}}</span></td>
    <td>{{tracking}}</td>
    <td class="num money{{#amount_NEG}} neg{{/amount_NEG}}">{{amount}}</td>
  </tr>{{/ADJ}}
  </tbody>
  <tfoot><tr><td colspan="8">{{t_common_total}} · {{list_total}}{{#LIST_CAPPED}} · {{t_list_totals_capped}}{{/LIST_CAPPED}}</td><td class="num money{{#sum_NEG}} neg{{/sum_NEG}}">{{sum}}</td></tr></tfoot>
</table>
</div>{{/LIST_ROWS}}
{{>PAGER}}
