{{%AUTOESCAPE context="HTML"}}{{>PERF_TABS}}
<link rel="stylesheet" href="{{static}}/performance.css">
<header class="page-head">
  <div>
    <p class="eyebrow">{{t_perf_title}} · {{team}}</p>
    <h1>{{name}}</h1>
    <p>{{t_perf_rep_intro}}</p>
  </div>
</header>
<section class="card" id="incentives"><div class="card-head"><h2>{{t_perf_incentives_title}} · {{inc_period}}</h2></div>
  <p>{{t_perf_inc_bonus}}: <span class="money">{{inc_bonus}}</span>{{#INC_NO_TARGET}} · {{t_perf_inc_no_target}}{{/INC_NO_TARGET}}{{#INC_HAS_TARGET}} · {{t_perf_attainment}} {{inc_att}}{{/INC_HAS_TARGET}}</p>
  <ul class="perf-steps">{{#STEP}}<li>{{#IS_BONUS}}{{t_perf_inc_bonus_at}}{{/IS_BONUS}}{{#IS_ACCEL}}{{t_perf_inc_accel_at}}{{/IS_ACCEL}} {{threshold}}% ({{#MULT}}×{{/MULT}}{{reward}}): {{#REACHED}}<strong>{{t_perf_inc_reached}}</strong>{{/REACHED}}{{#TO_GO}}{{t_perf_inc_another}} <span class="money">{{need}}</span> {{t_perf_inc_reaches}} {{threshold}}%{{/TO_GO}}</li>{{/STEP}}</ul>
  {{#INC_NO_STEPS}}<p class="muted">{{t_perf_inc_no_steps}}</p>{{/INC_NO_STEPS}}
</section>
<section class="card" id="card-trend"><div class="card-head"><h2>{{t_perf_chart_trend_title}}</h2></div>{{>CHART_TREND}}</section>
<section class="card" id="card-rep-months"><div class="card-head"><h2>{{t_perf_chart_months_title}}</h2></div>{{>CHART_MONTHS}}</section>
<section class="card">
  <div class="table-wrap"><table class="data compact" id="rep-months">
    <thead><tr><th>{{t_perf_period}}</th><th class="num">{{t_perf_sales}}</th><th class="num">{{t_perf_target}}</th><th class="num">{{t_perf_attainment}}</th></tr></thead>
    <tbody>{{#MONTH}}<tr><td>{{period}}</td><td class="num money">{{sales}}</td><td class="num money">{{target}}</td><td class="num">{{att}}</td></tr>{{/MONTH}}</tbody>
  </table></div>
</section>
