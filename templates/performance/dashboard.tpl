{{%AUTOESCAPE context="HTML"}}{{>PERF_TABS}}
<link rel="stylesheet" href="{{static}}/performance.css">
<header class="page-head">
  <div>
    <p class="eyebrow">{{t_perf_title}}</p>
    <h1>{{t_perf_dashboard_title}} · {{period}}</h1>
    <p>{{t_perf_dashboard_intro}}</p>
  </div>
  <div class="actions"><button type="button" class="btn ghost" data-print>{{t_common_print}}</button></div>
</header>
<div class="kpis" id="dash-totals">
  {{#TOTAL}}<div class="kpi"><p class="kpi-label"><a href="/performance/?period={{label}}">{{label}}</a></p><p class="kpi-value">{{att}}%</p><p class="kpi-sub"><span class="money">{{sales}}</span> / <span class="money">{{target}}</span>{{#STALE}} <span class="badge warn">{{t_perf_stale_title}}</span>{{/STALE}}</p></div>{{/TOTAL}}
  <div class="kpi"><p class="kpi-label"><a href="/settlement/cost?period={{period}}">{{t_perf_cost_share}}</a></p><p class="kpi-value" id="dash-cost-share">{{cost_share}}%</p><p class="kpi-sub money">{{cost}}</p></div>
</div>
<div class="grid-2">
<section class="card" id="dash-top"><div class="card-head"><h2>{{t_perf_top}}</h2><a href="/performance/rankings?period={{period}}">{{t_perf_rank_title}}</a></div>
  <ol>{{#TOP}}<li><a href="/performance/reps/{{id}}?period={{period}}">{{name}}</a> <span class="muted">{{att}}%</span></li>{{/TOP}}</ol></section>
<section class="card" id="dash-bottom"><div class="card-head"><h2>{{t_perf_bottom}}</h2><a href="/performance/?period={{period}}">{{t_perf_eval_title}}</a></div>
  <ul>{{#BOTTOM}}<li><a href="/performance/reps/{{id}}?period={{period}}">{{name}}</a> <span class="muted">{{att}}%</span></li>{{/BOTTOM}}</ul></section>
</div>
<section class="card"><div class="card-head"><h2>{{t_perf_chart_months_title}}</h2><a href="/performance/charts?period={{period}}">{{t_perf_charts_title}}</a></div>{{>CHART_MONTHS}}</section>
<section class="card"><div class="card-head"><h2>{{t_perf_chart_dist_title}}</h2></div>{{>CHART_DIST}}</section>
