{{%AUTOESCAPE context="HTML"}}{{>PERF_TABS}}
<link rel="stylesheet" href="{{static}}/performance.css">
<header class="page-head">
  <div>
    <p class="eyebrow">{{t_perf_title}}</p>
    <h1>{{t_perf_contests_title}}</h1>
    <p>{{t_perf_contests_intro}}</p>
  </div>
</header>
<section class="card">
  <div class="table-wrap"><table class="data compact" id="contests">
    <thead><tr><th>{{t_perf_contest_name}}</th><th>{{t_perf_period}}</th><th>{{t_perf_team}}</th><th class="num">{{t_perf_prize_pool}}</th><th>{{t_perf_state}}</th></tr></thead>
    <tbody>{{#CONTEST}}<tr><td><a href="/performance/contests/{{id}}">{{name}}</a></td><td>{{period}}</td><td>{{team}}</td><td class="num money">{{pool}}</td><td><span class="badge">{{state}}</span></td></tr>{{/CONTEST}}</tbody>
  </table></div>
  {{#NO_CONTESTS}}<p class="empty">{{t_perf_no_contests}}</p>{{/NO_CONTESTS}}
</section>
{{#CREATE}}<section class="card">
  <h2>{{t_perf_contest_new}}</h2>
  <form method="post" action="/performance/contests" class="form narrow" id="contest-form">
    {{>FORM_ERRORS}}
    <input type="hidden" name="csrf" value="{{csrf}}">
    <div class="field"><label for="name" class="required">{{t_perf_contest_name}}</label>
      <input id="name" name="name" value="{{name}}"{{#NAME_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/NAME_ERROR}}>
      {{#NAME_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/NAME_ERROR}}</div>
    <div class="field"><label for="period" class="required">{{t_perf_period}}</label>
      <input id="period" name="period" value="{{period}}" placeholder="2026-Q4"{{#PERIOD_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/PERIOD_ERROR}}>
      {{#PERIOD_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/PERIOD_ERROR}}</div>
    <div class="field"><label for="team">{{t_perf_team}}</label>
      <select id="team" name="team"><option value="">{{t_perf_all_reps}}</option>{{#TEAM_OPT}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/TEAM_OPT}}</select></div>
    <fieldset class="field"><legend>{{t_perf_prizes}}</legend>
      {{#PRIZE_INPUT}}<label>{{t_perf_rank}} {{n}} <input name="{{input}}" value="{{value}}" inputmode="decimal" size="10"></label> {{/PRIZE_INPUT}}
      <p class="hint">{{t_perf_prizes_hint}}</p></fieldset>
    <div class="form-actions"><button type="submit" class="btn primary">{{t_perf_contest_create}}</button></div>
  </form>
</section>{{/CREATE}}
