{{%AUTOESCAPE context="HTML"}}{{>PERF_TABS}}
<link rel="stylesheet" href="{{static}}/performance.css">
<header class="page-head">
  <div>
    <p class="eyebrow">{{t_perf_title}}</p>
    <h1>{{title}}</h1>
    <p>{{#REPS}}{{t_perf_targets_intro}}{{/REPS}}{{#TEAMS}}{{t_perf_team_targets_intro}}{{/TEAMS}}</p>
  </div>
  <div class="actions">
    {{#CAN_PROPOSE}}<a class="btn" href="/performance/proposals">{{t_perf_propose}}</a>{{/CAN_PROPOSE}}
    {{#EDITABLE}}<a class="btn ghost" href="/performance/targets/import">{{t_perf_import_title}}</a>{{/EDITABLE}}
  </div>
</header>
<form method="get" action="{{grid_action}}" class="filters" aria-label="{{t_common_filter}}">
  <label>{{t_perf_kind}}
    <select name="kind">{{#KIND_OPT}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/KIND_OPT}}</select>
  </label>
  <label>{{t_perf_year}}<input type="number" name="year" value="{{year}}" min="2000" max="2100"></label>
  <div class="filter-actions">
    <button type="submit" class="btn">{{t_common_filter}}</button>
    <a class="btn ghost" href="{{grid_action}}?kind={{kind}}&amp;year={{prev_year}}">{{prev_year}}</a>
    <a class="btn ghost" href="{{grid_action}}?kind={{kind}}&amp;year={{next_year}}">{{next_year}}</a>
  </div>
</form>
<section class="card">
<form method="post" action="{{grid_action}}" class="perf-grid-form" id="target-grid-form">
  {{>FORM_ERRORS}}
  <input type="hidden" name="csrf" value="{{csrf}}">
  <input type="hidden" name="kind" value="{{kind}}">
  <input type="hidden" name="year" value="{{year}}">
  {{#EDITABLE}}<p class="hint">{{t_perf_grid_hint}}</p>{{/EDITABLE}}
  <div class="table-wrap">
  <table class="data compact perf-grid" id="target-grid">
    <thead><tr><th scope="col">{{#REPS}}{{t_perf_rep}}{{/REPS}}{{#TEAMS}}{{t_perf_team}}{{/TEAMS}}</th>{{#COL}}<th scope="col" class="num">{{label}}{{#CLOSED}} <span class="badge">{{t_perf_closed}}</span>{{/CLOSED}}</th>{{/COL}}<th scope="col" class="num">{{t_common_total}}</th></tr></thead>
    <tbody>{{#ROW}}<tr>
      <th scope="row">{{name}}{{#ROW_TEAM}}<br><span class="muted small">{{team}}</span>{{/ROW_TEAM}}</th>
      {{#CELL}}<td class="num{{#CELL_CLOSED}} closed{{/CELL_CLOSED}}{{#CELL_ERROR}} cell-error{{/CELL_ERROR}}">
        {{#INPUT}}<input class="perf-cell" id="{{input}}" name="{{input}}" value="{{value}}" inputmode="decimal" autocomplete="off" aria-label="{{row_name}} {{label}}"{{#CELL_ERROR}} aria-invalid="true" aria-describedby="{{input}}-error"{{/CELL_ERROR}}>{{/INPUT}}
        {{#TEXT}}<span class="money">{{shown}}</span>{{/TEXT}}
        {{#CELL_ERROR}}<span class="perf-cell-msg" id="{{input}}-error">{{error}}</span>{{/CELL_ERROR}}
        {{#HINT}}<span class="perf-hint small muted">Σ {{sum}}{{#DIFF}} · <span class="perf-diff">Δ {{diff}}</span>{{/DIFF}}</span>{{/HINT}}
      </td>{{/CELL}}
      <td class="num money">{{row_total}}</td>
    </tr>{{/ROW}}</tbody>
    <tfoot><tr><th scope="row">{{t_common_total}}</th>{{#TOTAL}}<td class="num money">{{total}}</td>{{/TOTAL}}<td></td></tr></tfoot>
  </table>
  </div>
  <p class="muted small">{{#REPS}}{{t_perf_hint_months}}{{/REPS}}{{#TEAMS}}{{t_perf_hint_members}}{{/TEAMS}}</p>
  {{#NO_ROWS}}<p class="empty">{{t_perf_no_rows}}</p>{{/NO_ROWS}}
  {{#EDITABLE}}<div class="form-actions"><button type="submit" class="btn primary">{{t_common_save}}</button></div>{{/EDITABLE}}
</form>
</section>
{{#COPY}}<section class="card">
  <h2>{{t_perf_copy_title}}</h2>
  <form method="post" action="/performance/targets/copy" class="inline-form">
    <input type="hidden" name="csrf" value="{{csrf}}">
    <input type="hidden" name="kind" value="{{kind}}">
    <input type="hidden" name="year" value="{{year}}">
    {{#TEAMS}}<input type="hidden" name="teams" value="1">{{/TEAMS}}
    <label>{{t_perf_copy_from}}<select name="from">{{#COL}}<option value="{{label}}">{{label}}</option>{{/COL}}</select></label>
    <label>{{t_perf_copy_to}}<select name="to">{{#COL}}<option value="{{label}}"{{#TO_SELECTED}} selected{{/TO_SELECTED}}>{{label}}</option>{{/COL}}</select></label>
    <label>{{t_perf_copy_growth}}<input name="growth" value="0" inputmode="decimal" size="6"></label>
    <button type="submit" class="btn">{{t_perf_copy_go}}</button>
  </form>
  <p class="hint">{{t_perf_copy_hint}}</p>
</section>{{/COPY}}
<script src="{{static}}/performance.js" defer></script>
