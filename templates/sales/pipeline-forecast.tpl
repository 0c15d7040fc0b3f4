{{%AUTOESCAPE context="HTML"}}{{>SALES_TABS}}
<div class="page-head">
  <div>
    <h1>{{t_pipe_forecast_title}}</h1>
    <p>{{t_pipe_forecast_help}}</p>
  </div>
</div>
{{>FORM_ERRORS}}
{{#FILTERS}}<form method="get" action="/sales/forecast" class="filters">
  {{#TEAM_PICKER}}<label>{{t_sales_team}}
    <select name="team" id="team"{{#TEAM_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/TEAM_ERROR}}><option value="">{{t_pipe_company}}</option>{{#TEAM_OPT}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/TEAM_OPT}}</select>{{#TEAM_ERROR}}<span class="error" id="{{error_id}}">{{error}}</span>{{/TEAM_ERROR}}
  </label>{{/TEAM_PICKER}}
  {{#REP_PICKER}}<label>{{t_sales_rep}}
    <select name="rep" id="rep"{{#REP_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/REP_ERROR}}><option value="">{{t_pipe_everyone}}</option>{{#REP_OPT}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/REP_OPT}}</select>{{#REP_ERROR}}<span class="error" id="{{error_id}}">{{error}}</span>{{/REP_ERROR}}
  </label>{{/REP_PICKER}}
  <div class="filter-actions">
    <button type="submit" class="btn primary">{{t_common_filter}}</button>
    <a class="btn ghost" href="/sales/forecast">{{t_common_reset}}</a>
  </div>
</form>{{/FILTERS}}
<div class="kpis">
  <div class="kpi"><div class="kpi-label">{{t_pipe_booked_6m}}</div><div class="kpi-value money" id="total-booked">{{total_booked}}</div></div>
  <div class="kpi"><div class="kpi-label">{{t_pipe_won_6m}}</div><div class="kpi-value money">{{total_won}}</div></div>
  <div class="kpi"><div class="kpi-label">{{t_pipe_weighted_6m}}</div><div class="kpi-value money">{{total_weighted}}</div></div>
  <div class="kpi"><div class="kpi-label">{{t_pipe_pipeline_6m}}</div><div class="kpi-value money">{{total_pipeline}}</div></div>
  {{#OVERDUE}}<div class="kpi"><div class="kpi-label">{{t_pipe_fc_overdue}}</div><div class="kpi-value money" id="overdue-amount">{{overdue_amount}}</div><div class="kpi-sub down"><a href="#overdue">{{overdue_count}} {{t_pipe_kpi_open_sub}}</a></div></div>{{/OVERDUE}}
</div>
<section class="card">
  <h2>{{t_pipe_forecast_chart}}</h2>
  {{>CHART}}
</section>
<div class="table-wrap">
  <table class="data" id="forecast">
    <thead><tr><th>{{t_sales_month}}</th><th class="num">{{t_pipe_won}}</th><th class="num">{{t_pipe_won_count}}</th><th class="num">{{t_pipe_booked}}</th><th class="num">{{t_pipe_booked_count}}</th><th class="num">{{t_pipe_open_amount}}</th><th class="num">{{t_pipe_weighted}}</th><th class="num">{{t_pipe_open_count}}</th></tr></thead>
    <tbody>{{#MONTH}}<tr{{#CURRENT}} class="selected"{{/CURRENT}}>
      <td>{{month}}</td>
      {{#HAS_WON}}<td class="num money">{{won}}</td><td class="num">{{won_count}}</td><td class="num money">{{booked}}</td><td class="num">{{booked_count}}</td>{{/HAS_WON}}{{#NO_WON}}<td class="num muted">–</td><td class="num muted">–</td><td class="num muted">–</td><td class="num muted">–</td>{{/NO_WON}}
      {{#HAS_FC}}<td class="num money">{{pipeline}}</td><td class="num money">{{weighted}}</td><td class="num">{{open_count}}</td>{{/HAS_FC}}{{#NO_FC}}<td class="num muted">–</td><td class="num muted">–</td><td class="num muted">–</td>{{/NO_FC}}
    </tr>{{/MONTH}}</tbody>
    <tfoot><tr><td>{{t_common_total}}</td><td class="num money">{{total_won}}</td><td></td><td class="num money">{{total_booked}}</td><td></td><td class="num money">{{total_pipeline}}</td><td class="num money">{{total_weighted}}</td><td></td></tr></tfoot>
  </table>
</div>
<p class="small muted">{{t_pipe_forecast_def}}</p>
{{#OVERDUE}}<section class="card" id="overdue">
  <h2>{{t_pipe_fc_overdue}} <span class="muted small">{{overdue_count}} · {{overdue_amount}} · {{t_pipe_weighted}} {{overdue_weighted}}</span></h2>
  <p class="small muted">{{t_pipe_fc_overdue_def}}</p>
  {{#OVERDUE_NONE}}<div class="empty">{{t_pipe_fc_overdue_none}}</div>{{/OVERDUE_NONE}}
  {{#OVERDUE_MORE}}<p class="small">{{t_pipe_fc_overdue_more}} {{shown}}</p>{{/OVERDUE_MORE}}
  <div class="table-wrap">
    <table class="data compact" id="overdue-list">
      <thead><tr><th>{{t_pipe_opp_title}}</th><th>{{t_sales_customer}}</th><th>{{t_sales_owner}}</th><th>{{t_sales_stage}}</th><th class="num">{{t_sales_amount}}</th><th>{{t_sales_expected_close}}</th><th class="num">{{t_pipe_fc_days_overdue}}</th></tr></thead>
      <tbody>{{#OVERDUE_ROW}}<tr data-id="{{id}}"><td><a href="/sales/opportunities/{{id}}">{{title}}</a></td><td>{{customer}}</td><td>{{owner}}</td><td><span class="badge {{stage}}">{{stage_label}}</span></td><td class="num money">{{amount}}</td><td>{{close}}</td><td class="num">{{days}}</td></tr>{{/OVERDUE_ROW}}</tbody>
    </table>
  </div>
</section>{{/OVERDUE}}
