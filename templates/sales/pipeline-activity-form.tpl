{{%AUTOESCAPE context="HTML"}}{{>SALES_TABS}}
<div class="page-head">
  <div>
    <p class="eyebrow"><a href="/sales/activities">{{t_pipe_acts_title}}</a></p>
    <h1>{{#NEW}}{{t_pipe_act_new}}{{/NEW}}{{#EDIT}}{{t_pipe_act_edit}}{{/EDIT}}</h1>
  </div>
</div>
{{#NO_CUSTOMERS}}<div class="flash warn">{{t_pipe_no_customers}}</div>{{/NO_CUSTOMERS}}
<form method="post" action="{{action}}" class="form card" novalidate>
  {{>FORM_ERRORS}}
  <input type="hidden" name="csrf" value="{{csrf}}">
  <input type="hidden" name="return" value="{{return}}">
  <div class="field">
    <label for="kind" class="required">{{t_pipe_kind}}</label>
    <select id="kind" name="kind"{{#KIND_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/KIND_ERROR}}>{{#KIND_OPT}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/KIND_OPT}}</select>
    {{#KIND_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/KIND_ERROR}}
  </div>
  <div class="field">
    <label for="activity_date" class="required">{{t_sales_date}}</label>
    <input id="activity_date" name="activity_date" type="date" value="{{activity_date}}" required{{#ACTIVITY_DATE_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/ACTIVITY_DATE_ERROR}}>
    {{#ACTIVITY_DATE_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/ACTIVITY_DATE_ERROR}}
  </div>
  <div class="field">
    <label for="customer" class="required">{{t_sales_customer}}</label>
    <select id="customer" name="customer" required{{#CUSTOMER_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/CUSTOMER_ERROR}}><option value="">—</option>{{#CUSTOMER_OPT}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/CUSTOMER_OPT}}</select>
    {{#CUSTOMER_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/CUSTOMER_ERROR}}
  </div>
  <div class="field">
    <label for="opportunity">{{t_sales_opportunity}} <span class="muted">({{t_common_optional}})</span></label>
    <select id="opportunity" name="opportunity"{{#OPPORTUNITY_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/OPPORTUNITY_ERROR}}><option value="">—</option>{{#OPP_GROUP}}<optgroup label="{{customer}}">{{#OPP_OPT}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/OPP_OPT}}</optgroup>{{/OPP_GROUP}}</select>
    <p class="hint">{{t_pipe_opp_of_customer}}</p>
    {{#OPPORTUNITY_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/OPPORTUNITY_ERROR}}
  </div>
  <div class="field wide">
    <label for="notes" class="required">{{t_sales_notes}}</label>
    <textarea id="notes" name="notes" rows="4" required{{#NOTES_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/NOTES_ERROR}}>{{notes}}</textarea>
    {{#NOTES_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/NOTES_ERROR}}
  </div>
  <div class="field wide">
    <label for="next_step">{{t_pipe_next_step}}</label>
    <input id="next_step" name="next_step" type="text" maxlength="255" value="{{next_step}}"{{#NEXT_STEP_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/NEXT_STEP_ERROR}}>
    {{#NEXT_STEP_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/NEXT_STEP_ERROR}}
  </div>
  <div class="form-actions">
    <button type="submit" class="btn primary">{{t_common_save}}</button>
    <a class="btn ghost" href="{{return}}">{{t_common_cancel}}</a>
  </div>
</form>
