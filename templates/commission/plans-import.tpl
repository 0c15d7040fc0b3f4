{{%AUTOESCAPE context="HTML"}}{{>CM_TABS}}
<header class="page-head">
  <div>
    <p class="eyebrow"><a href="/commission/plans">{{t_cm_plans_title}}</a></p>
    <h1>{{t_cm_import_title}}</h1>
    <p>{{t_cm_import_help}}</p>
  </div>
</header>
<section class="card">
  <form method="post" action="/commission/plans/import" enctype="multipart/form-data" class="form narrow">
    <input type="hidden" name="csrf" value="{{csrf}}">
    <div class="field">
      <label for="file" class="required">{{t_cm_import_file}}</label>
      <input id="file" name="file" type="file" accept=".json,application/json" required aria-describedby="file-hint{{#FILE_ERROR}} {{error_id}}{{/FILE_ERROR}}"{{#FILE_ERROR}} aria-invalid="true"{{/FILE_ERROR}}>
      {{#FILE_ERROR}}<div class="error" id="{{error_id}}"><p>{{error}}</p>{{#SPEC_MESSAGE}}<p class="mono" id="spec-message">{{message}}</p>{{/SPEC_MESSAGE}}</div>{{/FILE_ERROR}}
      <p class="hint" id="file-hint">{{t_cm_import_file_hint}}</p>
    </div>
    <div class="form-actions"><button type="submit" class="btn primary">{{t_cm_plans_import}}</button></div>
  </form>
</section>
