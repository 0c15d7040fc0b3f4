{{%AUTOESCAPE context="HTML"}}{{>PERF_TABS}}
<link rel="stylesheet" href="{{static}}/performance.css">
<header class="page-head">
  <div>
    <p class="eyebrow">{{t_perf_title}}</p>
    <h1>{{t_perf_charts_title}} · {{period}}</h1>
    <p>{{t_perf_charts_intro}}</p>
  </div>
  <div class="actions"><button type="button" class="btn ghost" data-print>{{t_common_print}}</button></div>
</header>
<form method="get" action="/performance/charts" class="filters" aria-label="{{t_common_filter}}">
  <label>{{t_perf_period}}<input name="period" value="{{period}}" size="10"></label>
  <div class="filter-actions"><button type="submit" class="btn">{{t_common_filter}}</button></div>
</form>
<section class="card" id="card-attainment"><div class="card-head"><h2>{{t_perf_chart_att_title}}</h2></div>{{>CHART_ATT}}</section>
<section class="card" id="card-months"><div class="card-head"><h2>{{t_perf_chart_months_title}}</h2></div>{{>CHART_MONTHS}}</section>
<div class="grid-2">
<section class="card" id="card-teams"><div class="card-head"><h2>{{t_perf_chart_teams_title}}</h2></div>{{>CHART_TEAMS}}</section>
<section class="card" id="card-distribution"><div class="card-head"><h2>{{t_perf_chart_dist_title}}</h2></div>{{>CHART_DIST}}</section>
</div>
<section class="card"><div class="card-head"><h2>{{t_perf_chart_trend_title}}</h2></div>
  <ul class="perf-rep-links">{{#REP_LINK}}<li><a href="/performance/reps/{{id}}?period={{period}}">{{name}}</a></li>{{/REP_LINK}}</ul>
</section>
