{{%AUTOESCAPE context="HTML"}}{{>CM_TABS}}
<header class="page-head">
  <div>
    <p class="eyebrow">{{t_nav_commission}}</p>
    <h1>{{t_dsp_title}}</h1>
    <p>{{t_dsp_intro}}</p>
  </div>
  <div class="actions">
    {{#CAN_RAISE}}<a class="btn primary" id="dsp-new" href="/commission/disputes/new">{{t_dsp_new_missing}}</a>{{/CAN_RAISE}}
  </div>
</header>
{{>FORM_ERRORS}}
<form class="filters" method="get" action="/commission/disputes">
  <label>{{t_dsp_state}}<select name="state" id="state"{{#STATE_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/STATE_ERROR}}>
    <option value="">{{t_common_all}}</option>
    {{#STATE_OPT}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/STATE_OPT}}
  </select>{{#STATE_ERROR}}<span class="error" id="{{error_id}}">{{error}}</span>{{/STATE_ERROR}}</label>
  <label>{{t_dsp_period}}<input type="text" name="period" id="period" value="{{period}}" maxlength="8" placeholder="2026-11"{{#PERIOD_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/PERIOD_ERROR}}>{{#PERIOD_ERROR}}<span class="error" id="{{error_id}}">{{error}}</span>{{/PERIOD_ERROR}}</label>
  <div class="filter-actions">
    <button type="submit" class="btn primary">{{t_common_filter}}</button>
    <a class="btn ghost" href="/commission/disputes">{{t_common_reset}}</a>
  </div>
</form>
{{#LIST_EMPTY}}<div class="card empty"><p>{{t_dsp_empty}}</p></div>{{/LIST_EMPTY}}
{{#LIST_ROWS}}<div class="table-wrap">
<table class="data compact" id="disputes">
  <thead><tr>
    <th>#</th><th>{{t_dsp_created_at}}</th><th>{{t_dsp_period}}</th><th>{{t_dsp_rep}}</th><th>{{t_dsp_subject}}</th><th>{{t_dsp_comment}}</th><th>{{t_dsp_state}}</th>
  </tr></thead>
  <tbody>
  {{#DSP}}<tr data-id="{{id}}">
    <td><a href="/commission/disputes/{{id}}">{{id}}</a></td>
    <td>{{created_at}}</td>
    <td>{{period}}</td>
    <td>{{rep}}</td>
    <td>{{#ON_LINE}}{{t_dsp_line}} · {{order_no}}{{/ON_LINE}}{{#MISSING}}{{t_dsp_missing_order}} · {{order_ref}}{{/MISSING}}{{#REMOVED}} <span class="badge warn">{{t_dsp_line_removed_short}}</span>{{/REMOVED}}</td>
    <td class="wrap">{{comment}}</td>
    <td><span class="badge {{state_code}}">{{state}}</span></td>
  </tr>{{/DSP}}
  </tbody>
  <tfoot><tr><td colspan="7">{{t_common_total}} · {{list_total}}</td></tr></tfoot>
</table>
</div>{{/LIST_ROWS}}
{{>PAGER}}
