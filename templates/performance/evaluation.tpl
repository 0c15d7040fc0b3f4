{{%AUTOESCAPE context="HTML"}}{{>PERF_TABS}}
<link rel="stylesheet" href="{{static}}/performance.css">
<header class="page-head">
  <div>
    <p class="eyebrow">{{t_perf_title}}</p>
    <h1>{{t_perf_eval_title}} · {{period}}</h1>
    <p>{{t_perf_eval_intro}}</p>
  </div>
  <div class="actions">
    <a class="btn" href="{{csv_href}}?period={{period}}" download>{{t_common_export_csv}}</a>
    <a class="btn ghost" href="/performance/rankings?period={{period}}">{{t_perf_rank_title}}</a>
  </div>
</header>
<form method="get" action="/performance/" class="filters" aria-label="{{t_common_filter}}">
  <label>{{t_perf_period}}<input name="period" value="{{period}}" placeholder="2026-07 / 2026-Q3 / 2026" size="10"></label>
  <div class="filter-actions">
    <button type="submit" class="btn">{{t_common_filter}}</button>
    <a class="btn ghost" href="/performance/?period={{prev_period}}">← {{prev_period}}</a>
    <a class="btn ghost" href="/performance/?period={{next_period}}">{{next_period}} →</a>
  </div>
</form>
{{#FINER_THAN_PLAN}}<div class="flash warn" role="alert">{{t_perf_finer_than_plan}}</div>{{/FINER_THAN_PLAN}}
{{#STALE}}<div class="flash warn" role="alert" id="stale-warning"><div><strong>{{t_perf_stale_title}}</strong> {{t_perf_stale_text}} ({{stale_period}}){{#CAN_RECALC}} <a href="/commission/runs">{{t_perf_recalc}}</a>{{/CAN_RECALC}}</div></div>{{/STALE}}
<div class="kpis">
  <div class="kpi"><p class="kpi-label">{{t_perf_sales}}</p><p class="kpi-value money">{{co_sales}}</p><p class="kpi-sub">{{co_reps}} {{t_perf_reps}}</p></div>
  <div class="kpi"><p class="kpi-label">{{t_perf_target}}</p><p class="kpi-value money">{{co_target}}</p></div>
  <div class="kpi"><p class="kpi-label">{{t_perf_attainment}}</p><p class="kpi-value" id="company-attainment">{{co_att}}{{#co_HAS_ATT}}%{{/co_HAS_ATT}}</p><p class="kpi-sub">{{#co_HAS_ATT}}<span class="band band-{{co_band}}">{{co_band_label}}</span>{{/co_HAS_ATT}}</p></div>
  <div class="kpi"><p class="kpi-label">{{t_perf_vs_prev}} ({{prev_period}})</p><p class="kpi-value{{#co_vs_prev_NEG}} neg{{/co_vs_prev_NEG}}">{{co_vs_prev}}</p><p class="kpi-sub">{{t_perf_vs_last}} ({{last_year_period}}): {{co_vs_last}}</p></div>
</div>
<p class="muted small perf-legend">{{t_perf_bands}}: <span class="band band-low">{{t_perf_band_low}} &lt; {{band_low}}%</span> <span class="band band-mid">{{t_perf_band_mid}}</span> <span class="band band-high">{{t_perf_band_high}} ≥ {{band_high}}%</span></p>
<section class="card">
  <div class="card-head"><h2>{{t_perf_by_team}}</h2></div>
  <div class="table-wrap"><table class="data compact" id="eval-teams">
    <thead><tr><th>{{t_perf_team}}</th><th class="num">{{t_perf_reps}}</th><th class="num">{{t_perf_sales}}</th><th class="num">{{t_perf_target}}</th><th class="num">{{t_perf_attainment}}</th></tr></thead>
    <tbody>{{#TEAM}}<tr><td>{{team}}</td><td class="num">{{reps}}</td><td class="num money">{{tm_sales}}</td><td class="num money">{{tm_target}}</td><td class="num">{{#tm_HAS_ATT}}<span class="band band-{{tm_band}}" title="{{tm_band_label}}">{{/tm_HAS_ATT}}{{tm_att}}{{#tm_HAS_ATT}}%</span>{{/tm_HAS_ATT}}</td></tr>{{/TEAM}}</tbody>
  </table></div>
</section>
<section class="card">
  <div class="card-head"><h2>{{t_perf_by_rep}}</h2></div>
  <div class="table-wrap"><table class="data compact" id="eval-reps">
    <thead><tr><th>{{t_perf_rep}}</th><th>{{t_perf_team}}</th><th class="num">{{t_perf_sales}}</th><th class="num">{{t_perf_target}}</th><th class="num">{{t_perf_attainment}}</th><th>{{t_perf_band}}</th><th class="num">{{t_perf_vs_prev}}</th><th class="num">{{t_perf_vs_last}}</th></tr></thead>
    <tbody>{{#REP}}<tr data-login="{{login}}"><td>{{name}}</td><td>{{team}}</td><td class="num money">{{r_sales}}</td><td class="num money">{{r_target}}</td><td class="num">{{r_att}}</td><td>{{#r_HAS_ATT}}<span class="band band-{{r_band}}">{{r_band_label}}</span>{{/r_HAS_ATT}}</td><td class="num{{#vs_prev_NEG}} neg{{/vs_prev_NEG}}">{{vs_prev}}</td><td class="num{{#vs_last_NEG}} neg{{/vs_last_NEG}}">{{vs_last}}</td></tr>{{/REP}}</tbody>
  </table></div>
  {{#NO_REPS}}<p class="empty">{{t_perf_no_figures}}</p>{{/NO_REPS}}
</section>
