{{%AUTOESCAPE context="HTML"}}{{>SALES_TABS}}
<div class="page-head">
  <div>
    <h1>{{t_pipe_funnel_title}}</h1>
    <p>{{t_pipe_funnel_help}}</p>
  </div>
</div>
{{>FORM_ERRORS}}
<form method="get" action="/sales/funnel" class="filters">
  {{#TEAM_PICKER}}<label>{{t_sales_team}}
    <select name="team" id="team"{{#TEAM_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/TEAM_ERROR}}><option value="">{{t_pipe_company}}</option>{{#TEAM_OPT}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/TEAM_OPT}}</select>{{#TEAM_ERROR}}<span class="error" id="{{error_id}}">{{error}}</span>{{/TEAM_ERROR}}
  </label>{{/TEAM_PICKER}}
  {{#REP_PICKER}}<label>{{t_sales_rep}}
    <select name="rep" id="rep"{{#REP_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/REP_ERROR}}><option value="">{{t_pipe_everyone}}</option>{{#REP_OPT}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/REP_OPT}}</select>{{#REP_ERROR}}<span class="error" id="{{error_id}}">{{error}}</span>{{/REP_ERROR}}
  </label>{{/REP_PICKER}}
  <label>{{t_sales_from}}
    <input type="date" name="from" id="from" value="{{from}}"{{#FROM_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/FROM_ERROR}}>{{#FROM_ERROR}}<span class="error" id="{{error_id}}">{{error}}</span>{{/FROM_ERROR}}
  </label>
  <label>{{t_sales_to}}
    <input type="date" name="to" id="to" value="{{to}}"{{#TO_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/TO_ERROR}}>{{#TO_ERROR}}<span class="error" id="{{error_id}}">{{error}}</span>{{/TO_ERROR}}
  </label>
  <div class="filter-actions">
    <button type="submit" class="btn primary">{{t_common_filter}}</button>
    <a class="btn ghost" href="/sales/funnel">{{t_common_reset}}</a>
  </div>
</form>
<section class="card">
  <h2>{{t_pipe_funnel_reached}} <span class="muted small">{{from}} – {{to}}</span></h2>
  <p class="small muted" id="funnel-def">{{t_pipe_funnel_reached_def}}</p>
  {{>CHART}}
</section>
<div class="grid-2">
  <section class="card">
    <h2>{{t_pipe_funnel_reached}} <span class="muted small">{{from}} – {{to}}</span></h2>
    <div class="table-wrap">
      <table class="data compact" id="funnel-reached">
        <thead><tr><th>{{t_sales_stage}}</th><th class="num">{{t_pipe_funnel_reached_count}}</th><th class="num">{{t_sales_amount}}</th><th class="num">{{t_pipe_funnel_of_first}}</th></tr></thead>
        <tbody>{{#REACHED_ROW}}<tr data-stage="{{stage}}"><td><span class="badge {{stage}}">{{label}}</span></td><td class="num count">{{count}}</td><td class="num money">{{amount}}</td><td class="num">{{pct}}</td></tr>{{/REACHED_ROW}}</tbody>
      </table>
    </div>
  </section>
  <section class="card">
    <h2>{{t_pipe_funnel_current}}</h2>
    <p class="small muted">{{t_pipe_funnel_current_def}}</p>
    <div class="table-wrap">
      <table class="data compact" id="funnel-stages">
        <thead><tr><th>{{t_sales_stage}}</th><th class="num">{{t_sales_probability}}</th><th class="num">{{t_pipe_count}}</th><th class="num">{{t_sales_amount}}</th></tr></thead>
        <tbody>{{#STAGE_ROW}}<tr data-stage="{{stage}}"><td><span class="badge {{stage}}">{{label}}</span></td><td class="num">{{probability}}%</td><td class="num count">{{count}}</td><td class="num money">{{amount}}</td></tr>{{/STAGE_ROW}}</tbody>
        <tfoot><tr><td colspan="2">{{t_common_total}}</td><td class="num">{{total_count}}</td><td class="num money">{{total_amount}}</td></tr></tfoot>
      </table>
    </div>
  </section>
</div>
<section class="card">
    <h2>{{t_pipe_conversion}} <span class="muted small">{{from}} – {{to}}</span></h2>
    <div class="table-wrap">
      <table class="data compact" id="conversion">
        <thead><tr><th>{{t_pipe_from_stage}}</th><th>{{t_pipe_to_stage}}</th><th class="num">{{t_pipe_in_stage}}</th><th class="num">{{t_pipe_reached}}</th><th class="num">{{t_pipe_rate}}</th></tr></thead>
        <tbody>{{#CONV}}<tr><td>{{from_label}}</td><td>{{to_label}}</td><td class="num">{{entered}}</td><td class="num">{{reached}}</td><td class="num">{{pct}}<div class="progress"><span class="progress-bar {{wclass}}"></span></div></td></tr>{{/CONV}}</tbody>
      </table>
    </div>
    <p class="small muted">{{t_pipe_conversion_def}}</p>
  </section>
