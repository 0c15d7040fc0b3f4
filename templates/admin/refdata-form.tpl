{{%AUTOESCAPE context="HTML"}}<header class="page-head">
  <div>
    <p class="eyebrow">{{t_ref_title}} · {{kind_label}}</p>
    <h1>{{#CREATING}}{{t_ref_new_title}}{{/CREATING}}{{#EDITING}}{{t_ref_edit_title}}{{/EDITING}}</h1>
    <p>{{kind_one}}{{#EDITING}} · <span class="mono">{{code}}</span>{{#ROW_INACTIVE}} <span class="badge draft">{{t_sales_inactive}}</span>{{/ROW_INACTIVE}}{{/EDITING}}</p>
  </div>
  <div class="actions">
    <a class="btn ghost" href="/admin/refdata/{{kind_slug}}">{{t_common_back}}</a>
  </div>
</header>
{{>ADMIN_TABS}}
<nav class="tabs" aria-label="{{t_ref_title}}">{{#REF_TAB}}<a href="{{href}}"{{#REF_TAB_CURRENT}} aria-current="page"{{/REF_TAB_CURRENT}}>{{label}}</a>{{/REF_TAB}}</nav>
<section class="card">
<form method="post" action="{{action}}" class="form" novalidate>
  <input type="hidden" name="csrf" value="{{csrf}}">
  {{>FORM_ERRORS}}
  <div class="field">
    <label for="code" class="required">{{t_sales_code}}</label>
    <input id="code" name="code" type="text" class="mono" value="{{code}}" maxlength="32" autocapitalize="none" spellcheck="false"{{#CODE_FIXED}} readonly aria-describedby="code-hint"{{/CODE_FIXED}}{{#CODE_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/CODE_ERROR}}>
    {{#CODE_FREE}}<p class="hint">{{t_ref_code_hint}}</p>{{/CODE_FREE}}
    {{#CODE_FIXED}}<p class="hint" id="code-hint">{{t_ref_code_fixed}} ({{t_ref_used}}: {{used}})</p>{{/CODE_FIXED}}
    {{#CODE_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/CODE_ERROR}}
  </div>
  <div class="field">
    <label for="name_zh" class="required">{{t_sales_name_zh}}</label>
    <input id="name_zh" name="name_zh" type="text" value="{{name_zh}}" maxlength="100"{{#NAME_ZH_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/NAME_ZH_ERROR}}>
    {{#NAME_ZH_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/NAME_ZH_ERROR}}
  </div>
  <div class="field">
    <label for="name_en" class="required">{{t_sales_name_en}}</label>
    <input id="name_en" name="name_en" type="text" value="{{name_en}}" maxlength="100"{{#NAME_EN_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/NAME_EN_ERROR}}>
    {{#NAME_EN_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/NAME_EN_ERROR}}
  </div>
  {{#PRODUCT}}<div class="field">
    <label for="product_type" class="required">{{t_sales_product_type}}</label>
    <select id="product_type" name="product_type"{{#PRODUCT_TYPE_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/PRODUCT_TYPE_ERROR}}>
      <option value="">{{t_ref_choose}}</option>
      {{#TYPE_OPTION}}<option value="{{id}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/TYPE_OPTION}}
    </select>
    {{#PRODUCT_TYPE_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/PRODUCT_TYPE_ERROR}}
  </div>
  <div class="field">
    <label for="list_price" class="required">{{t_ref_list_price}}</label>
    <input id="list_price" name="list_price" type="text" inputmode="decimal" class="money" value="{{list_price}}"{{#LIST_PRICE_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/LIST_PRICE_ERROR}}>
    <p class="hint">{{t_ref_money_hint}}</p>
    {{#LIST_PRICE_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/LIST_PRICE_ERROR}}
  </div>
  <div class="field">
    <label for="standard_cost" class="required">{{t_ref_standard_cost}}</label>
    <input id="standard_cost" name="standard_cost" type="text" inputmode="decimal" class="money" value="{{standard_cost}}"{{#STANDARD_COST_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/STANDARD_COST_ERROR}}>
    <p class="hint">{{t_ref_money_hint}}</p>
    {{#STANDARD_COST_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/STANDARD_COST_ERROR}}
  </div>{{/PRODUCT}}
  <div class="form-actions">
    <button type="submit" class="btn primary">{{t_common_save}}</button>
    <a class="btn ghost" href="/admin/refdata/{{kind_slug}}">{{t_common_cancel}}</a>
  </div>
</form>
</section>
{{#EDITING}}<section class="card">
  <h2>{{t_sales_status}}</h2>
  {{#ROW_ACTIVE}}<p class="muted">{{t_ref_active_text}}</p>
  <form method="post" action="/admin/refdata/{{kind_slug}}/{{row_id}}/deactivate" class="inline-form" data-confirm="{{t_ref_confirm_deactivate}}"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit" class="btn danger">{{t_ref_deactivate}}</button></form>{{/ROW_ACTIVE}}
  {{#ROW_INACTIVE}}<p class="muted">{{t_ref_inactive_text}}</p>
  <form method="post" action="/admin/refdata/{{kind_slug}}/{{row_id}}/activate" class="inline-form"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit" class="btn">{{t_ref_activate}}</button></form>{{/ROW_INACTIVE}}
</section>{{/EDITING}}
