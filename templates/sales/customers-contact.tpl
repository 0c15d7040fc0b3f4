{{%AUTOESCAPE context="HTML"}}{{>SALES_TABS}}
<header class="page-head">
  <div>
    <p class="eyebrow"><a href="{{base}}">{{customer}}</a> · <span class="mono">{{customer_code}}</span></p>
    <h1>{{t_cust_contact_edit_title}}</h1>
  </div>
  <div class="actions"><a class="btn ghost" href="{{base}}#contacts">{{t_common_back}}</a></div>
</header>
<section class="card">
<form method="post" action="{{base}}/contacts/{{cid}}/edit" class="form" novalidate>
  <input type="hidden" name="csrf" value="{{csrf}}">
  {{>FORM_ERRORS}}
  <div class="field">
    <label for="c_name" class="required">{{t_sales_name}}</label>
    <input id="c_name" name="c_name" type="text" value="{{c_name}}" maxlength="100"{{#C_NAME_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/C_NAME_ERROR}}>
    {{#C_NAME_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/C_NAME_ERROR}}
  </div>
  <div class="field">
    <label for="c_title">{{t_cust_contact_title}}</label>
    <input id="c_title" name="c_title" type="text" value="{{c_title}}" maxlength="100"{{#C_TITLE_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/C_TITLE_ERROR}}>
    {{#C_TITLE_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/C_TITLE_ERROR}}
  </div>
  <div class="field">
    <label for="c_phone">{{t_cust_contact_phone}}</label>
    <input id="c_phone" name="c_phone" type="tel" value="{{c_phone}}" maxlength="40"{{#C_PHONE_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/C_PHONE_ERROR}}>
    {{#C_PHONE_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/C_PHONE_ERROR}}
  </div>
  <div class="field">
    <label for="c_email">{{t_cust_contact_email}}</label>
    <input id="c_email" name="c_email" type="email" value="{{c_email}}" maxlength="254"{{#C_EMAIL_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/C_EMAIL_ERROR}}>
    {{#C_EMAIL_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/C_EMAIL_ERROR}}
  </div>
  <div class="form-actions">
    <button type="submit" class="btn primary">{{t_common_save}}</button>
    <a class="btn ghost" href="{{base}}#contacts">{{t_common_cancel}}</a>
  </div>
</form>
</section>
