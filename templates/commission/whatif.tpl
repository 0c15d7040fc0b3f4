{{%AUTOESCAPE context="HTML"}}{{>CM_TABS}}
<header class="page-head">
  <div>
    <h1>{{t_cm_whatif_title}}</h1>
    <p>{{t_cm_whatif_help}}</p>
  </div>
</header>
{{#NO_DRAFTS}}<div class="empty"><p>{{t_cm_whatif_no_drafts}}</p></div>{{/NO_DRAFTS}}
<form method="get" action="/commission/whatif" class="form card" id="whatif-form" novalidate>
  {{>FORM_ERRORS}}
  <div class="field">
    <label for="version" class="required">{{t_cm_whatif_version}}</label>
    <select id="version" name="version"{{#VERSION_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/VERSION_ERROR}}>{{#VERSION_OPT}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/VERSION_OPT}}</select>
    {{#VERSION_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/VERSION_ERROR}}
  </div>
  <div class="field">
    <label for="from" class="required">{{t_cm_whatif_from}}</label>
    <input id="from" name="from" type="text" value="{{from}}"{{#FROM_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/FROM_ERROR}}>
    <p class="hint">{{t_cm_whatif_period_hint}}</p>
    {{#FROM_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/FROM_ERROR}}
  </div>
  <div class="field">
    <label for="to" class="required">{{t_cm_whatif_to}}</label>
    <input id="to" name="to" type="text" value="{{to}}"{{#TO_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/TO_ERROR}}>
    {{#TO_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/TO_ERROR}}
  </div>
  <div class="form-actions"><button type="submit" class="btn primary" id="whatif-run">{{t_cm_whatif_run}}</button></div>
</form>
{{#ENGINE_ERROR}}<div class="flash error" role="status">{{t_cm_whatif_engine_error}} {{error}}</div>{{/ENGINE_ERROR}}
{{#RESULT}}<section class="card" id="whatif-result">
  <h2>{{t_cm_whatif_result}} · {{from_label}} – {{to_label}}</h2>
  <p class="hint">{{t_cm_whatif_nothing_written}}</p>
  {{#NO_REPS}}<p class="muted">{{t_cm_whatif_no_reps}}</p>{{/NO_REPS}}
  <div class="table-wrap">
    <table class="data" id="whatif-table">
      <thead><tr><th>{{t_cm_whatif_rep}}</th><th class="num">{{t_cm_whatif_now}}</th><th class="num">{{t_cm_whatif_draft}}</th><th class="num">{{t_cm_whatif_diff}}</th></tr></thead>
      <tbody>{{#REP}}<tr data-rep="{{rep}}"><td class="mono">{{rep}}</td><td class="num money">{{now}}</td><td class="num money">{{draft}}</td><td class="num money{{#UP}} up{{/UP}}{{#DOWN}} down{{/DOWN}}">{{diff}}</td></tr>{{/REP}}</tbody>
      <tfoot><tr id="whatif-total"><th>{{t_cm_whatif_total}}</th><td class="num money">{{total_now}}</td><td class="num money">{{total_draft}}</td><td class="num money">{{total_diff}}</td></tr></tfoot>
    </table>
  </div>
  {{>WHATIF_CHART}}
</section>{{/RESULT}}
