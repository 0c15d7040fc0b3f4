{{%AUTOESCAPE context="HTML"}}{{>SALES_TABS}}
<div class="page-head">
  <div>
    <h1>{{t_pipe_teams_title}}</h1>
    <p>{{t_pipe_teams_help}}</p>
  </div>
</div>
{{>FORM_ERRORS}}
<form method="get" action="/sales/teams" class="filters">
  <label>{{t_sales_from}}
    <input type="date" name="from" id="from" value="{{from}}"{{#FROM_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/FROM_ERROR}}>{{#FROM_ERROR}}<span class="error" id="{{error_id}}">{{error}}</span>{{/FROM_ERROR}}
  </label>
  <label>{{t_sales_to}}
    <input type="date" name="to" id="to" value="{{to}}"{{#TO_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/TO_ERROR}}>{{#TO_ERROR}}<span class="error" id="{{error_id}}">{{error}}</span>{{/TO_ERROR}}
  </label>
  <div class="filter-actions">
    <button type="submit" class="btn primary">{{t_common_filter}}</button>
    <a class="btn ghost" href="/sales/teams">{{t_common_reset}}</a>
  </div>
</form>
<section class="card">
  <h2>{{t_pipe_teams_chart}} <span class="muted small">{{from}} – {{to}}</span></h2>
  {{>CHART}}
</section>
<section class="card">
  <h2>{{t_pipe_teams_table}} <span class="muted small">{{from}} – {{to}}</span></h2>
  {{#NO_TEAMS}}<div class="empty">{{t_pipe_teams_none}}</div>{{/NO_TEAMS}}
  <div class="table-wrap">
    <table class="data compact" id="teams">
      <thead><tr><th>{{t_sales_team}}</th><th class="num">{{t_pipe_teams_reps}}</th><th class="num">{{t_pipe_teams_booked}}</th><th class="num">{{t_pipe_teams_collected}}</th><th class="num">{{t_pipe_teams_won}}</th><th class="num">{{t_pipe_teams_open}}</th><th class="num">{{t_pipe_weighted}}</th><th class="num">{{t_pipe_teams_overdue}}</th><th class="num">{{t_pipe_teams_activities}}</th></tr></thead>
      <tbody>{{#TEAM}}<tr data-team="{{team}}"><td>{{team}}</td><td class="num" data-k="reps">{{reps}}</td><td class="num"><span class="money" data-k="booked">{{booked}}</span><br><span class="muted small"><span data-k="orders">{{orders}}</span> {{t_pipe_teams_orders}}</span></td><td class="num money" data-k="collected">{{collected}}</td><td class="num"><span class="money" data-k="won">{{won}}</span><br><span class="muted small"><span data-k="won_count">{{won_count}}</span> {{t_pipe_teams_won_count}}</span></td><td class="num"><span class="money" data-k="open">{{open}}</span><br><span class="muted small"><span data-k="open_count">{{open_count}}</span> {{t_pipe_kpi_open_sub}}</span></td><td class="num money" data-k="weighted">{{weighted}}</td><td class="num" data-k="overdue">{{overdue}}</td><td class="num" data-k="activities">{{activities}}</td></tr>{{/TEAM}}</tbody>
      <tfoot><tr><td>{{t_common_total}}</td><td class="num">{{sum_reps}}</td><td class="num"><span class="money">{{sum_booked}}</span><br><span class="muted small">{{sum_orders}} {{t_pipe_teams_orders}}</span></td><td class="num money">{{sum_collected}}</td><td class="num"><span class="money">{{sum_won}}</span><br><span class="muted small">{{sum_won_count}} {{t_pipe_teams_won_count}}</span></td><td class="num"><span class="money">{{sum_open}}</span><br><span class="muted small">{{sum_open_count}} {{t_pipe_kpi_open_sub}}</span></td><td class="num money">{{sum_weighted}}</td><td class="num">{{sum_overdue}}</td><td class="num">{{sum_activities}}</td></tr></tfoot>
    </table>
  </div>
  <p class="small muted">{{t_pipe_teams_def}}</p>
</section>
