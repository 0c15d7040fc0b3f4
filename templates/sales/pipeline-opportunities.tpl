{{%AUTOESCAPE context="HTML"}}{{>SALES_TABS}}
<div class="page-head">
  <div>
    <h1>{{t_pipe_opps_title}}</h1>
    <p>{{t_pipe_opps_help}}</p>
  </div>
  <div class="actions">
    {{#CAN_WRITE}}<a class="btn primary" href="/sales/opportunities/new">{{t_pipe_opp_new}}</a>{{/CAN_WRITE}}
  </div>
</div>
{{>FORM_ERRORS}}
<form method="get" action="/sales/opportunities" class="filters" aria-label="{{t_common_filter}}">
  <label>{{t_sales_stage}}
    <select name="stage" id="stage"{{#STAGE_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/STAGE_ERROR}}><option value="">{{t_common_all}}</option>{{#STAGE_OPT}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/STAGE_OPT}}</select>{{#STAGE_ERROR}}<span class="error" id="{{error_id}}">{{error}}</span>{{/STAGE_ERROR}}
  </label>
  <label>{{t_sales_rep}}
    <select name="rep" id="rep"{{#REP_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/REP_ERROR}}><option value="">{{t_common_all}}</option>{{#REP_OPT}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/REP_OPT}}</select>{{#REP_ERROR}}<span class="error" id="{{error_id}}">{{error}}</span>{{/REP_ERROR}}
  </label>
  <label class="grow">{{t_sales_customer}}
    <select name="customer" id="customer"{{#CUSTOMER_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/CUSTOMER_ERROR}}><option value="">{{t_common_all}}</option>{{#CUSTOMER_OPT}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/CUSTOMER_OPT}}</select>{{#CUSTOMER_ERROR}}<span class="error" id="{{error_id}}">{{error}}</span>{{/CUSTOMER_ERROR}}
  </label>
  <label>{{t_pipe_tag}}
    <select name="tag" id="tag"{{#TAG_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/TAG_ERROR}}><option value="">{{t_common_all}}</option>{{#TAG_OPT}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/TAG_OPT}}</select>{{#TAG_ERROR}}<span class="error" id="{{error_id}}">{{error}}</span>{{/TAG_ERROR}}
  </label>
  <label>{{t_pipe_close_month}}
    <input type="month" name="month" id="month" value="{{month}}" placeholder="YYYY-MM"{{#MONTH_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/MONTH_ERROR}}>{{#MONTH_ERROR}}<span class="error" id="{{error_id}}">{{error}}</span>{{/MONTH_ERROR}}
  </label>
  <div class="filter-actions">
    <button type="submit" class="btn primary">{{t_common_filter}}</button>
    {{#LIST_FILTERED}}<a class="btn ghost" href="/sales/opportunities">{{t_common_reset}}</a>{{/LIST_FILTERED}}
  </div>
</form>
{{#SORT_PRIORITY}}<p class="muted small">{{t_pipe_sorted_by_priority}}</p>{{/SORT_PRIORITY}}
{{#LIST_EMPTY}}<div class="empty">{{t_pipe_opps_empty}}</div>{{/LIST_EMPTY}}
{{#LIST_ROWS}}
<div class="table-wrap">
  <table class="data compact sortable" id="opportunities">
    <thead><tr>
      {{>SORT_TITLE}}
      <th>{{t_sales_customer}}</th>
      {{>SORT_STAGE}}
      {{>SORT_AMOUNT}}
      <th class="num">{{t_pipe_weighted}}</th>
      {{>SORT_CLOSE}}
      {{>SORT_FOLLOW_UP}}
      {{>SORT_SCORE}}
    </tr></thead>
    <tbody>
    {{/LIST_ROWS}}{{#OPP}}<tr>
      <td class="wrap"><a href="/sales/opportunities/{{id}}">{{title}}</a>{{#TAG}} <span class="tag {{code}}">{{label}}</span>{{/TAG}}</td>
      <td>{{customer}}<br><span class="muted small">{{owner}}</span></td>
      <td><span class="badge {{stage}}">{{stage_label}}</span></td>
      <td class="num money">{{amount}}</td>
      <td class="num money">{{weighted}}</td>
      <td>{{close}}</td>
      <td>{{follow_up}}</td>
      <td class="num">{{score}}</td>
    </tr>{{/OPP}}{{#LIST_ROWS}}
    </tbody>
    <tfoot><tr><td colspan="3">{{t_common_total}} · {{list_total}}</td>{{#TOTALS}}<td class="num money">{{total_amount}}</td><td class="num money">{{total_weighted}}</td>{{/TOTALS}}{{#LIST_CAPPED}}<td colspan="2" class="muted small">{{t_list_totals_capped}}</td>{{/LIST_CAPPED}}<td colspan="3"></td></tr></tfoot>
  </table>
</div>
{{/LIST_ROWS}}
{{>PAGER}}
<details class="card">
  <summary>{{t_pipe_rules_title}}</summary>
  <ul class="small">
    <li><span class="tag overdue">{{t_pipe_tag_overdue}}</span> {{t_pipe_rule_overdue}}</li>
    <li><span class="tag stale">{{t_pipe_tag_stale}}</span> {{t_pipe_rule_stale}}</li>
    <li><span class="tag closing">{{t_pipe_tag_closing}}</span> {{t_pipe_rule_closing}}</li>
    <li><span class="tag large">{{t_pipe_tag_large}}</span> {{t_pipe_rule_large}}</li>
  </ul>
  <p class="small">{{t_pipe_rule_score}}</p>
</details>
