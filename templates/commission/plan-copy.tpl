{{%AUTOESCAPE context="HTML"}}{{>CM_TABS}}
<header class="page-head">
  <div>
    <p class="eyebrow"><a href="/commission/plans/{{id}}">{{t_cm_plan_title}}</a></p>
    <h1>{{t_cm_copy_title}}</h1>
    <p>{{t_cm_copy_help}}</p>
  </div>
</header>
<form method="post" action="/commission/plans/{{id}}/copy" class="form card narrow" id="copy-form" novalidate>
  {{>FORM_ERRORS}}
  <input type="hidden" name="csrf" value="{{csrf}}">
  <div class="field">
    <label for="name" class="required">{{t_cm_plan_name}}</label>
    <input id="name" name="name" type="text" maxlength="200" value="{{name}}"{{#NAME_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/NAME_ERROR}}>
    {{#NAME_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/NAME_ERROR}}
  </div>
  <div class="field">
    <label for="effective_from" class="required">{{t_cm_plan_from}}</label>
    <input id="effective_from" name="effective_from" type="text" placeholder="YYYY-MM-DD" value="{{effective_from}}"{{#EFFECTIVE_FROM_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/EFFECTIVE_FROM_ERROR}}>
    <p class="hint">{{t_cm_copy_from_hint}}</p>
    {{#EFFECTIVE_FROM_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/EFFECTIVE_FROM_ERROR}}
  </div>
  <div class="field">
    <label for="effective_to">{{t_cm_plan_to}}</label>
    <input id="effective_to" name="effective_to" type="text" placeholder="YYYY-MM-DD" value="{{effective_to}}"{{#EFFECTIVE_TO_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/EFFECTIVE_TO_ERROR}}>
    <p class="hint">{{t_cm_copy_to_hint}}</p>
    {{#EFFECTIVE_TO_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/EFFECTIVE_TO_ERROR}}
  </div>
  <div class="form-actions">
    <button type="submit" class="btn primary" id="copy-save">{{t_cm_copy_save}}</button>
    <a class="btn" href="/commission/plans/{{id}}">{{t_cm_rule_cancel}}</a>
  </div>
</form>
