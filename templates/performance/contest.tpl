{{%AUTOESCAPE context="HTML"}}{{>PERF_TABS}}
<link rel="stylesheet" href="{{static}}/performance.css">
<header class="page-head">
  <div>
    <p class="eyebrow">{{t_perf_contests_title}} · {{period}} · {{team}}</p>
    <h1>{{name}}</h1>
    <p><span class="badge">{{state}}</span>{{#LIVE}} {{t_perf_contest_live}}{{/LIVE}}</p>
  </div>
  {{#CAN_FINISH}}<div class="actions"><form method="post" action="/performance/contests/{{id}}" class="inline-form"><input type="hidden" name="csrf" value="{{csrf}}"><button class="btn primary" id="contest-finish">{{t_perf_contest_finish}}</button></form></div>{{/CAN_FINISH}}
</header>
<section class="card"><h2>{{t_perf_prizes}}</h2>
  <ul class="perf-rep-links">{{#PRIZE}}<li>{{t_perf_rank}} {{rank}}: <span class="money">{{amount}}</span></li>{{/PRIZE}}</ul>
</section>
<section class="card">
  <div class="table-wrap"><table class="data compact" id="standings">
    <thead><tr><th class="num">{{t_perf_rank}}</th><th>{{t_perf_rep}}</th><th>{{t_perf_team}}</th><th class="num">{{t_perf_sales}}</th><th class="num">{{t_perf_prize}}</th></tr></thead>
    <tbody>{{#STANDING}}<tr{{#ME}} class="me-row"{{/ME}}><td class="num rank">{{rank}}</td><td>{{name}}</td><td>{{team}}</td><td class="num money">{{measure}}</td><td class="num money">{{prize}}</td></tr>{{/STANDING}}</tbody>
  </table></div>
  {{#NO_STANDINGS}}<p class="empty">{{t_perf_no_figures}}</p>{{/NO_STANDINGS}}
</section>
