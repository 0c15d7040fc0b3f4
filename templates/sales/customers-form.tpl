{{%AUTOESCAPE context="HTML"}}{{>SALES_TABS}}
<header class="page-head">
  <div>
    <p class="eyebrow">{{t_cust_title}}</p>
    <h1>{{#CREATING}}{{t_cust_new_title}}{{/CREATING}}{{#EDITING}}{{t_cust_edit_title}}{{/EDITING}}</h1>
    {{#EDITING}}<p><span class="mono">{{code}}</span></p>{{/EDITING}}
  </div>
  <div class="actions"><a class="btn ghost" href="{{cancel}}">{{t_common_back}}</a></div>
</header>
<section class="card">
<form method="post" action="{{action}}" class="form" novalidate>
  <input type="hidden" name="csrf" value="{{csrf}}">
  {{>FORM_ERRORS}}
  {{#DUPLICATES}}<div class="flash warn" role="alert"><div>
    <p><strong>{{t_cust_dup_title}}</strong> {{t_cust_dup_text}}</p>
    <ul>{{#DUP}}<li><span class="mono">{{code}}</span> <strong>{{name}}</strong> · {{t_sales_owner}}: <span>{{owner}}</span></li>{{/DUP}}</ul>
  </div></div>
  <div class="field wide check">
    <label><input type="checkbox" name="confirm_duplicate" value="1"> {{t_cust_dup_confirm}}</label>
  </div>{{/DUPLICATES}}
  <div class="field">
    <label for="code">{{t_sales_code}}</label>
    {{#CREATING}}<input id="code" name="code" type="text" class="mono" value="{{code}}" maxlength="32" autocapitalize="none" spellcheck="false" aria-describedby="code-hint{{#CODE_ERROR}} {{error_id}}{{/CODE_ERROR}}"{{#CODE_ERROR}} aria-invalid="true"{{/CODE_ERROR}}>
    <p class="hint" id="code-hint">{{t_cust_code_hint}}</p>{{/CREATING}}
    {{#EDITING}}<input id="code" type="text" class="mono" value="{{code}}" readonly aria-describedby="code-hint">
    <p class="hint" id="code-hint">{{t_cust_code_fixed}}</p>{{/EDITING}}
    {{#CODE_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/CODE_ERROR}}
  </div>
  <div class="field">
    <label for="name" class="required">{{t_sales_name}}</label>
    <input id="name" name="name" type="text" value="{{name}}" maxlength="200"{{#NAME_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/NAME_ERROR}}>
    {{#NAME_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/NAME_ERROR}}
  </div>
  <div class="field">
    <label for="region" class="required">{{t_sales_region}}</label>
    <select id="region" name="region"{{#REGION_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/REGION_ERROR}}>
      <option value="">{{t_cust_choose}}</option>
      {{#REGION_OPTION}}<option value="{{id}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/REGION_OPTION}}
    </select>
    {{#REGION_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/REGION_ERROR}}
  </div>
  <div class="field">
    <label for="industry">{{t_sales_industry}}</label>
    <input id="industry" name="industry" type="text" list="industries" value="{{industry}}" maxlength="64" placeholder="{{t_cust_industry_placeholder}}"{{#INDUSTRY_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/INDUSTRY_ERROR}}>
    <datalist id="industries">{{#INDUSTRY_OPTION}}<option value="{{value}}">{{/INDUSTRY_OPTION}}</datalist>
    {{#INDUSTRY_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/INDUSTRY_ERROR}}
  </div>
  <div class="field">
    <label for="channel" class="required">{{t_cust_default_channel}}</label>
    <select id="channel" name="channel"{{#CHANNEL_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/CHANNEL_ERROR}}>
      <option value="">{{t_cust_choose}}</option>
      {{#CHANNEL_OPTION}}<option value="{{id}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/CHANNEL_OPTION}}
    </select>
    <p class="hint">{{t_cust_channel_hint}}</p>
    {{#CHANNEL_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/CHANNEL_ERROR}}
  </div>
  <div class="field">
    <label for="owner" class="required">{{t_cust_owner_rep}}</label>
    {{#OWNER_PICK}}<select id="owner" name="owner"{{#OWNER_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/OWNER_ERROR}}>
      <option value="">{{t_cust_choose}}</option>
      {{#OWNER_OPTION}}<option value="{{id}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}} ({{login}})</option>{{/OWNER_OPTION}}
    </select>{{/OWNER_PICK}}
    {{#OWNER_SELF}}<input id="owner" type="text" value="{{me}}" readonly aria-describedby="owner-hint">
    <p class="hint" id="owner-hint">{{#CREATING}}{{t_cust_owner_self}}{{/CREATING}}{{#EDITING}}{{t_cust_owner_fixed}}{{/EDITING}}</p>{{/OWNER_SELF}}
    {{#OWNER_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/OWNER_ERROR}}
  </div>
  <div class="field">
    <label for="status" class="required">{{t_sales_status}}</label>
    <select id="status" name="status"{{#STATUS_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/STATUS_ERROR}}>
      {{#STATUS_OPTION}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/STATUS_OPTION}}
    </select>
    {{#STATUS_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/STATUS_ERROR}}
  </div>
  <div class="field">
    <label for="payment_terms">{{t_cust_terms}}</label>
    <input id="payment_terms" name="payment_terms" type="text" inputmode="numeric" maxlength="3" value="{{payment_terms}}" aria-describedby="payment_terms-hint{{#PAYMENT_TERMS_ERROR}} {{error_id}}{{/PAYMENT_TERMS_ERROR}}"{{#PAYMENT_TERMS_ERROR}} aria-invalid="true"{{/PAYMENT_TERMS_ERROR}}>
    <p class="hint" id="payment_terms-hint">{{t_cust_terms_hint}}</p>
    {{#PAYMENT_TERMS_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/PAYMENT_TERMS_ERROR}}
  </div>
  <div class="form-actions">
    <button type="submit" class="btn primary">{{t_common_save}}</button>
    <a class="btn ghost" href="{{cancel}}">{{t_common_cancel}}</a>
  </div>
</form>
</section>
