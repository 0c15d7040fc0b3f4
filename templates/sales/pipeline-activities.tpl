{{%AUTOESCAPE context="HTML"}}{{>SALES_TABS}}
<div class="page-head">
  <div>
    <p class="eyebrow">{{week_label}} · {{week_from}} – {{week_to}}</p>
    <h1>{{t_pipe_acts_title}}</h1>
  </div>
  <div class="actions">
    <a class="btn" href="{{prev_href}}" rel="prev">← {{t_pipe_prev_week}}</a>
    <a class="btn" href="{{this_href}}">{{t_pipe_this_week}}</a>
    <a class="btn" href="{{next_href}}" rel="next">{{t_pipe_next_week}} →</a>
    {{#CAN_WRITE}}<a class="btn primary" href="/sales/activities/new">{{t_pipe_act_new}}</a>{{/CAN_WRITE}}
  </div>
</div>
{{>FORM_ERRORS}}
<form method="get" action="/sales/activities" class="filters" aria-label="{{t_common_filter}}">
  <label>{{t_pipe_week}}
    <input type="week" name="week" id="week" value="{{week}}" placeholder="YYYY-Www"{{#WEEK_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/WEEK_ERROR}}>{{#WEEK_ERROR}}<span class="error" id="{{error_id}}">{{error}}</span>{{/WEEK_ERROR}}
  </label>
  <label>{{t_sales_rep}}
    <select name="rep" id="rep"{{#REP_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/REP_ERROR}}>{{#REP_ALL}}<option value="0"{{#SELECTED}} selected{{/SELECTED}}>{{t_pipe_everyone}}</option>{{/REP_ALL}}{{#REP_OPT}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/REP_OPT}}</select>{{#REP_ERROR}}<span class="error" id="{{error_id}}">{{error}}</span>{{/REP_ERROR}}
  </label>
  <div class="filter-actions">
    <button type="submit" class="btn primary">{{t_common_filter}}</button>
  </div>
</form>
{{#COUNT}}<p class="muted small">{{list_total}} {{t_pipe_acts_count}}</p>{{/COUNT}}
{{#LIST_EMPTY}}<div class="empty">{{t_pipe_acts_empty}}</div>{{/LIST_EMPTY}}
<div class="stack">
{{#DAY}}<section class="card day">
  <h2>{{date}} · {{weekday}}{{#TODAY}} <span class="badge info">{{t_pipe_today}}</span>{{/TODAY}}</h2>
  <div class="table-wrap">
    <table class="data compact activities">
      <thead><tr><th>{{t_pipe_kind}}</th><th>{{t_sales_customer}}</th><th>{{t_sales_opportunity}}</th><th>{{t_sales_notes}}</th><th>{{t_pipe_next_step}}</th><th>{{t_sales_rep}}</th><th></th></tr></thead>
      <tbody>{{#ACT}}<tr>
        <td><span class="badge plain">{{kind_label}}</span></td>
        <td><a href="/sales/customers/{{customer_id}}/timeline">{{customer}}</a></td>
        <td>{{#OPP}}<a href="/sales/opportunities/{{opp_id}}">{{opp_title}}</a>{{/OPP}}</td>
        <td class="wrap">{{notes}}</td>
        <td class="wrap">{{#NEXT_STEP}}{{next_step}}{{/NEXT_STEP}}</td>
        <td>{{who}}</td>
        <td class="right">{{#CAN_EDIT}}<a href="/sales/activities/{{id}}/edit">{{t_common_edit}}</a>{{/CAN_EDIT}}</td>
      </tr>{{/ACT}}</tbody>
    </table>
  </div>
</section>{{/DAY}}
</div>
{{>PAGER}}
