{{%AUTOESCAPE context="HTML"}}{{>PERF_TABS}}
<link rel="stylesheet" href="{{static}}/performance.css">
<header class="page-head">
  <div>
    <p class="eyebrow">{{t_perf_title}} · {{team}}</p>
    <h1>{{name}}</h1>
    <p>{{t_perf_rep_intro}}</p>
  </div>
</header>
<section class="card" id="card-trend"><div class="card-head"><h2>{{t_perf_chart_trend_title}}</h2></div>{{>CHART_TREND}}</section>
<section class="card" id="card-rep-months"><div class="card-head"><h2>{{t_perf_chart_months_title}}</h2></div>{{>CHART_MONTHS}}</section>
<section class="card">
  <div class="table-wrap"><table class="data compact" id="rep-months">
    <thead><tr><th>{{t_perf_period}}</th><th class="num">{{t_perf_sales}}</th><th class="num">{{t_perf_target}}</th><th class="num">{{t_perf_attainment}}</th></tr></thead>
    <tbody>{{#MONTH}}<tr><td>{{period}}</td><td class="num money">{{sales}}</td><td class="num money">{{target}}</td><td class="num">{{att}}</td></tr>{{/MONTH}}</tbody>
  </table></div>
</section>
