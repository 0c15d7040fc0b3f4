{{%AUTOESCAPE context="HTML"}}{{>PERF_TABS}}
<link rel="stylesheet" href="{{static}}/performance.css">
<header class="page-head">
  <div>
    <p class="eyebrow">{{t_perf_title}}</p>
    <h1>{{t_perf_import_title}}</h1>
    <p>{{t_perf_import_intro}}</p>
  </div>
  <div class="actions"><a class="btn ghost" href="/performance/targets">{{t_perf_targets_title}}</a></div>
</header>
{{#REPORT}}<section class="card" id="import-report">
  <div class="card-head"><h2>{{t_imp_report_title}}</h2><span class="badge danger">{{bad_rows}} {{t_imp_bad_rows}}</span></div>
  <p>{{t_imp_nothing_written}}</p>
  <div class="table-wrap"><table class="data compact" id="import-errors">
    <thead><tr><th class="num">{{t_imp_line}}</th><th>{{t_imp_reason}}</th><th>{{t_imp_value}}</th></tr></thead>
    <tbody>{{#ERROR}}<tr><td class="num">{{line}}</td><td class="wrap">{{reason}}</td><td class="mono wrap">{{value}}</td></tr>{{/ERROR}}</tbody>
  </table></div>
</section>{{/REPORT}}
{{#DONE}}<section class="card" id="import-summary">
  <div class="kpis">
    <div class="kpi"><div class="kpi-label">{{t_perf_import_rows}}</div><div class="kpi-value">{{done_rows}}</div></div>
    <div class="kpi"><div class="kpi-label">{{t_perf_added}}</div><div class="kpi-value">{{done_added}}</div></div>
    <div class="kpi"><div class="kpi-label">{{t_perf_changed}}</div><div class="kpi-value">{{done_changed}}</div></div>
    <div class="kpi"><div class="kpi-label">{{t_perf_unchanged}}</div><div class="kpi-value">{{done_unchanged}}</div></div>
  </div>
</section>{{/DONE}}
<section class="card">
  <form method="post" action="/performance/targets/import" enctype="multipart/form-data" class="form narrow">
    {{>FORM_ERRORS}}
    <input type="hidden" name="csrf" value="{{csrf}}">
    <div class="field">
      <label for="file" class="required">{{t_perf_import_file}}</label>
      <input id="file" name="file" type="file" accept=".csv,text/csv" required>
      <p class="hint">{{t_perf_import_hint}}</p>
    </div>
    <div class="form-actions"><button type="submit" class="btn primary">{{t_common_import_csv}}</button></div>
  </form>
</section>
