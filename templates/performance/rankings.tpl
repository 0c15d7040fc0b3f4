{{%AUTOESCAPE context="HTML"}}{{>PERF_TABS}}
<link rel="stylesheet" href="{{static}}/performance.css">
<header class="page-head">
  <div>
    <p class="eyebrow">{{t_perf_title}}</p>
    <h1>{{t_perf_rank_title}} · {{period}}</h1>
    <p>{{t_perf_rank_intro}}</p>
  </div>
</header>
<form method="get" action="/performance/rankings" class="filters" aria-label="{{t_common_filter}}">
  <label>{{t_perf_period}}<input name="period" value="{{period}}" size="10"></label>
  <label>{{t_perf_rank_by}}<select name="by"><option value="attainment"{{#BY_ATT}} selected{{/BY_ATT}}>{{t_perf_attainment}}</option><option value="sales"{{#BY_SALES}} selected{{/BY_SALES}}>{{t_perf_sales}}</option></select></label>
  <label>{{t_perf_rank_of}}<select name="of"><option value="reps"{{#OF_REPS}} selected{{/OF_REPS}}>{{t_perf_reps}}</option><option value="teams"{{#OF_TEAMS}} selected{{/OF_TEAMS}}>{{t_perf_teams}}</option></select></label>
  <div class="filter-actions">
    <button type="submit" class="btn">{{t_common_filter}}</button>
    <a class="btn ghost" href="/performance/rankings?period={{prev_period}}&amp;by={{by}}&amp;of={{of}}">← {{prev_period}}</a>
    <a class="btn ghost" href="/performance/rankings?period={{next_period}}&amp;by={{by}}&amp;of={{of}}">{{next_period}} →</a>
  </div>
</form>
{{#AMOUNTS_HIDDEN}}<p class="muted small">{{t_perf_amounts_hidden}}</p>{{/AMOUNTS_HIDDEN}}
<section class="card">
  <div class="table-wrap"><table class="data compact" id="rankings">
    <thead><tr><th class="num">{{t_perf_rank}}</th><th>{{#OF_REPS}}{{t_perf_rep}}{{/OF_REPS}}{{#OF_TEAMS}}{{t_perf_team}}{{/OF_TEAMS}}</th>{{#OF_REPS}}<th>{{t_perf_team}}</th>{{/OF_REPS}}<th class="num">{{t_perf_attainment}}</th><th class="num">{{t_perf_sales}}</th><th class="num">{{t_perf_target}}</th><th class="num">{{t_perf_rank_move}} ({{prev_period}})</th></tr></thead>
    <tbody>{{#ENTRY}}<tr{{#ME}} class="me-row" aria-current="true"{{/ME}}><td class="num rank">{{rank}}</td><td>{{name}}</td>{{#ROW_TEAM}}<td>{{team}}</td>{{/ROW_TEAM}}<td class="num">{{att}}</td><td class="num money">{{sales}}</td><td class="num money">{{target}}</td><td class="num{{#DOWN}} neg{{/DOWN}}">{{move}}</td></tr>{{/ENTRY}}</tbody>
  </table></div>
  {{#NO_ENTRIES}}<p class="empty">{{t_perf_no_figures}}</p>{{/NO_ENTRIES}}
</section>
