{{%AUTOESCAPE context="HTML"}}{{>CM_TABS}}
<header class="page-head">
  <div>
    <p class="eyebrow"><a href="/commission/plans/{{id}}">{{t_cm_plan_title}}</a></p>
    <h1>{{t_cm_head_title}}</h1>
    <p>{{t_cm_head_help}}</p>
  </div>
</header>
<form method="post" action="/commission/plans/{{id}}/edit" class="form card" id="head-form" novalidate>
  {{>FORM_ERRORS}}
  <input type="hidden" name="csrf" value="{{csrf}}">
  <input type="hidden" name="nacc" value="{{nacc}}">
  <input type="hidden" name="nbon" value="{{nbon}}">
  <div class="field">
    <label for="name" class="required">{{t_cm_plan_name}}</label>
    <input id="name" name="name" type="text" maxlength="200" value="{{name}}"{{#NAME_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/NAME_ERROR}}>
    {{#NAME_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/NAME_ERROR}}
  </div>
  <div class="field">
    <label for="cap">{{t_cm_plan_cap}}</label>
    <input id="cap" name="cap" type="text" inputmode="decimal" class="num" value="{{cap}}"{{#CAP_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/CAP_ERROR}}>
    <p class="hint">{{t_cm_head_cap_hint}}</p>
    {{#CAP_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/CAP_ERROR}}
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
  <fieldset id="accelerators">
    <legend>{{t_cm_plan_accelerators}}</legend>
    <p class="hint field wide">{{t_cm_head_steps_hint}}</p>
    <table class="data compact field wide" id="acc-table">
      <thead><tr><th class="num">#</th><th>{{t_cm_attainment}} (%)</th><th>{{t_cm_multiplier}}</th></tr></thead>
      <tbody>{{#ACC}}<tr>
        <td class="num">{{n}}</td>
        <td><input id="acc_at_{{n}}" name="acc_at_{{n}}" type="text" class="num" aria-label="{{t_cm_attainment}} {{n}}" value="{{acc_at}}"{{#ACC_AT_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/ACC_AT_ERROR}}>{{#ACC_AT_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/ACC_AT_ERROR}}</td>
        <td><input id="acc_mul_{{n}}" name="acc_mul_{{n}}" type="text" class="num" aria-label="{{t_cm_multiplier}} {{n}}" value="{{acc_mul}}"{{#ACC_MUL_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/ACC_MUL_ERROR}}>{{#ACC_MUL_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/ACC_MUL_ERROR}}</td>
      </tr>{{/ACC}}</tbody>
    </table>
  </fieldset>
  <fieldset id="bonuses">
    <legend>{{t_cm_plan_bonuses}}</legend>
    <table class="data compact field wide" id="bon-table">
      <thead><tr><th class="num">#</th><th>{{t_cm_attainment}} (%)</th><th>{{t_cm_bonus_amount}}</th></tr></thead>
      <tbody>{{#BON}}<tr>
        <td class="num">{{n}}</td>
        <td><input id="bon_at_{{n}}" name="bon_at_{{n}}" type="text" class="num" aria-label="{{t_cm_attainment}} {{n}}" value="{{bon_at}}"{{#BON_AT_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/BON_AT_ERROR}}>{{#BON_AT_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/BON_AT_ERROR}}</td>
        <td><input id="bon_amt_{{n}}" name="bon_amt_{{n}}" type="text" class="num" aria-label="{{t_cm_bonus_amount}} {{n}}" value="{{bon_amt}}"{{#BON_AMT_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/BON_AMT_ERROR}}>{{#BON_AMT_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/BON_AMT_ERROR}}</td>
      </tr>{{/BON}}</tbody>
    </table>
  </fieldset>
  <div class="form-actions">
    <button type="submit" class="btn primary" id="head-save">{{t_cm_head_save}}</button>
    <a class="btn" href="/commission/plans/{{id}}">{{t_cm_rule_cancel}}</a>
  </div>
</form>
