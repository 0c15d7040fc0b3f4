{{%AUTOESCAPE context="HTML"}}{{>SALES_TABS}}
<div class="page-head">
  <div>
    <p class="eyebrow">{{t_sales_title}} · {{scope_label}}</p>
    <h1>{{t_pipe_overview_title}}</h1>
  </div>
  <div class="actions">
    {{#IS_ADMIN}}<a class="btn" href="/sales/stages">{{t_pipe_stages_title}}</a>{{/IS_ADMIN}}
    {{#CAN_WRITE}}<a class="btn" href="/sales/activities/new">{{t_pipe_act_new}}</a>
    <a class="btn primary" href="/sales/opportunities/new">{{t_pipe_opp_new}}</a>{{/CAN_WRITE}}
  </div>
</div>
<div class="kpis">
  <div class="kpi"><div class="kpi-label">{{t_pipe_kpi_open}}</div><div class="kpi-value money">{{open_amount}}</div><div class="kpi-sub">{{open_count}} {{t_pipe_kpi_open_sub}}</div></div>
  <div class="kpi"><div class="kpi-label">{{t_pipe_kpi_weighted}}</div><div class="kpi-value money">{{open_weighted}}</div><div class="kpi-sub">{{t_pipe_kpi_weighted_sub}}</div></div>
  <div class="kpi" id="kpi-booked"><div class="kpi-label">{{t_pipe_kpi_booked_month}}</div><div class="kpi-value money">{{booked_amount}}</div><div class="kpi-sub"><a href="/sales/orders?from={{month_from}}&amp;to={{month_to}}&amp;status=booked">{{booked_count}} {{t_pipe_kpi_booked_sub}}</a></div></div>
  <div class="kpi" id="kpi-won"><div class="kpi-label">{{t_pipe_kpi_won_month}}</div><div class="kpi-value money">{{won_amount}}</div><div class="kpi-sub up">{{won_count}} {{t_pipe_kpi_won_sub}}</div></div>
  <div class="kpi"><div class="kpi-label">{{t_pipe_kpi_week_activities}}</div><div class="kpi-value">{{week_activities}}</div><div class="kpi-sub"><a href="/sales/activities">{{t_pipe_acts_title}}</a></div></div>
  <div class="kpi"><div class="kpi-label">{{t_pipe_kpi_overdue}}</div><div class="kpi-value">{{overdue_count}}</div><div class="kpi-sub down"><a href="/sales/opportunities?tag=overdue">{{t_pipe_tag_overdue}}</a></div></div>
</div>
<details class="card kpi-defs" id="kpi-defs">
  <summary>{{t_pipe_kpi_defs}}</summary>
  <dl>
    <dt>{{t_pipe_kpi_open}}</dt><dd>{{t_pipe_kpi_open_def}}</dd>
    <dt>{{t_pipe_kpi_weighted}}</dt><dd>{{t_pipe_kpi_weighted_def}}</dd>
    <dt>{{t_pipe_kpi_booked_month}}</dt><dd>{{t_pipe_kpi_booked_def}}</dd>
    <dt>{{t_pipe_kpi_won_month}}</dt><dd>{{t_pipe_kpi_won_def}}</dd>
    <dt>{{t_pipe_kpi_week_activities}}</dt><dd>{{t_pipe_kpi_week_def}}</dd>
    <dt>{{t_pipe_kpi_overdue}}</dt><dd>{{t_pipe_kpi_overdue_def}}</dd>
  </dl>
</details>
<section class="card">
  <div class="card-head">
    <h2>{{t_pipe_attention}}</h2>
    <a href="/sales/opportunities">{{t_pipe_all_opps}}</a>
  </div>
  <p class="muted small">{{t_pipe_attention_help}}</p>
  {{#ATTENTION_EMPTY}}<div class="empty">{{t_pipe_attention_empty}}</div>{{/ATTENTION_EMPTY}}
  {{#ATTENTION_TABLE}}<div class="table-wrap">
    <table class="data" id="attention">
      <thead><tr><th>{{t_pipe_opp_title}}</th><th>{{t_sales_customer}}</th><th>{{t_sales_owner}}</th><th>{{t_sales_stage}}</th><th class="num">{{t_sales_amount}}</th><th>{{t_sales_expected_close}}</th><th>{{t_pipe_tags}}</th><th class="num">{{t_pipe_score}}</th></tr></thead>
      <tbody>
      {{#OPP}}<tr>
        <td><a href="/sales/opportunities/{{id}}">{{title}}</a></td>
        <td>{{customer}}</td>
        <td>{{owner}}</td>
        <td><span class="badge {{stage}}">{{stage_label}}</span></td>
        <td class="num money">{{amount}}</td>
        <td>{{close}}</td>
        <td class="tags">{{#TAG}}<span class="tag {{code}}">{{label}}</span>{{/TAG}}</td>
        <td class="num">{{score}}</td>
      </tr>{{/OPP}}
      </tbody>
    </table>
  </div>{{/ATTENTION_TABLE}}
</section>
<nav class="grid-3" aria-label="{{t_sales_title}}">
  <a class="card" href="/sales/funnel"><h2>{{t_pipe_funnel_title}}</h2><p class="muted">{{t_pipe_funnel_help_short}}</p></a>
  <a class="card" href="/sales/forecast"><h2>{{t_pipe_forecast_title}}</h2><p class="muted">{{t_pipe_forecast_help_short}}</p></a>
  <a class="card" href="/sales/activities"><h2>{{t_pipe_acts_title}}</h2><p class="muted">{{t_pipe_acts_help_short}}</p></a>
</nav>
