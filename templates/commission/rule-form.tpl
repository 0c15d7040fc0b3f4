{{%AUTOESCAPE context="HTML"}}{{>CM_TABS}}
<header class="page-head">
  <div>
    <p class="eyebrow"><a href="/commission/plans/{{id}}">{{t_cm_plan_title}}</a></p>
    <h1>{{#NEW}}{{t_cm_rule_new_title}}{{/NEW}}{{#EXISTING}}{{t_cm_rule_edit_title}} <span class="mono">{{code}}</span>{{/EXISTING}}</h1>
    <p>{{t_cm_rule_form_help}}</p>
  </div>
</header>
<form method="post" action="/commission/plans/{{id}}/rules/{{#NEW}}new{{/NEW}}{{#EXISTING}}{{pos}}{{/EXISTING}}" class="form card" id="rule-form" novalidate>
  {{>FORM_ERRORS}}
  <input type="hidden" name="csrf" value="{{csrf}}">
  <input type="hidden" name="nbands" value="{{nbands}}">
  <button type="submit" name="op" value="save" class="visually-hidden" tabindex="-1" aria-hidden="true"></button>
    <div class="field">
      <label for="code" class="required">{{t_cm_rule_code}}</label>
      <input id="code" name="code" type="text" maxlength="64" class="mono" value="{{code}}"{{#CODE_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/CODE_ERROR}}>
      {{#CODE_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/CODE_ERROR}}
    </div>
    <div class="field">
      <label for="priority">{{t_cm_rule_priority}}</label>
      <input id="priority" name="priority" type="text" inputmode="numeric" class="num" value="{{priority}}"{{#PRIORITY_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/PRIORITY_ERROR}}>
      <p class="hint">{{t_cm_rule_priority_hint}}</p>
      {{#PRIORITY_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/PRIORITY_ERROR}}
    </div>
  <fieldset class="field wide">
    <legend>{{t_cm_rule_applies_to}}</legend>
    <p class="hint field wide">{{t_cm_rule_match_hint}}</p>
      <div class="field">
        <label for="product_type">{{t_cm_match_product_type}}</label>
        <select id="product_type" name="product_type"{{#PRODUCT_TYPE_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/PRODUCT_TYPE_ERROR}}>{{#PRODUCT_TYPE_OPT}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/PRODUCT_TYPE_OPT}}</select>
        {{#PRODUCT_TYPE_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/PRODUCT_TYPE_ERROR}}
      </div>
      <div class="field">
        <label for="region">{{t_cm_match_region}}</label>
        <select id="region" name="region"{{#REGION_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/REGION_ERROR}}>{{#REGION_OPT}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/REGION_OPT}}</select>
        {{#REGION_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/REGION_ERROR}}
      </div>
      <div class="field">
        <label for="channel">{{t_cm_match_channel}}</label>
        <select id="channel" name="channel"{{#CHANNEL_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/CHANNEL_ERROR}}>{{#CHANNEL_OPT}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/CHANNEL_OPT}}</select>
        {{#CHANNEL_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/CHANNEL_ERROR}}
      </div>
      <div class="field">
        <label for="product">{{t_cm_match_product}}</label>
        <select id="product" name="product"{{#PRODUCT_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/PRODUCT_ERROR}}>{{#PRODUCT_OPT}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/PRODUCT_OPT}}</select>
        {{#PRODUCT_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/PRODUCT_ERROR}}
      </div>
      <div class="field">
        <label for="customer">{{t_cm_match_customer}}</label>
        <select id="customer" name="customer"{{#CUSTOMER_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/CUSTOMER_ERROR}}>{{#CUSTOMER_OPT}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/CUSTOMER_OPT}}</select>
        {{#CUSTOMER_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/CUSTOMER_ERROR}}
      </div>
  </fieldset>
    <div class="field">
      <label for="base" class="required">{{t_cm_rule_base}}</label>
      <select id="base" name="base"{{#BASE_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/BASE_ERROR}}>{{#BASE_OPT}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/BASE_OPT}}</select>
      {{#BASE_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/BASE_ERROR}}
    </div>
    <div class="field">
      <label for="kind" class="required">{{t_cm_rule_kind}}</label>
      <select id="kind" name="kind"{{#KIND_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/KIND_ERROR}}>{{#KIND_OPT}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/KIND_OPT}}</select>
      <p class="hint">{{t_cm_rule_kind_hint}}</p>
      {{#KIND_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/KIND_ERROR}}
    </div>
    <div class="field">
      <label for="rate">{{t_cm_rule_rate}} (%)</label>
      <input id="rate" name="rate" type="text" inputmode="decimal" class="num" value="{{rate}}"{{#RATE_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/RATE_ERROR}}>
      <p class="hint">{{t_cm_rule_rate_hint}}</p>
      {{#RATE_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/RATE_ERROR}}
    </div>
    <div class="field">
      <label for="per_unit">{{t_cm_rule_per_unit}}</label>
      <input id="per_unit" name="per_unit" type="text" inputmode="decimal" class="num" value="{{per_unit}}"{{#PER_UNIT_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/PER_UNIT_ERROR}}>
      <p class="hint">{{t_cm_rule_per_unit_hint}}</p>
      {{#PER_UNIT_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/PER_UNIT_ERROR}}
    </div>
  <fieldset class="field wide" id="bands"{{#BANDS_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/BANDS_ERROR}}>
    <legend>{{t_cm_rule_bands}}</legend>
    <p class="hint field wide">{{t_cm_rule_bands_hint}}</p>
    <div class="field">
      <label for="mode">{{t_cm_rule_mode}}</label>
      <select id="mode" name="mode"{{#MODE_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/MODE_ERROR}}><option value="">—</option>{{#MODE_OPT}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/MODE_OPT}}</select>
      {{#MODE_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/MODE_ERROR}}
    </div>
    {{#BANDS_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/BANDS_ERROR}}
    <div class="table-wrap field wide">
      <table class="data compact" id="band-table">
        <thead><tr><th class="num">#</th><th>{{t_cm_tiers_upto}}</th><th>{{t_cm_rule_rate}} (%)</th><th></th></tr></thead>
        <tbody>{{#BAND}}<tr>
          <td class="num">{{n}}</td>
          <td><input id="upto_{{n}}" name="upto_{{n}}" type="text" inputmode="decimal" class="num" aria-label="{{t_cm_tiers_upto}} {{n}}" value="{{upto}}"{{#UPTO_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/UPTO_ERROR}}>{{#UPTO_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/UPTO_ERROR}}</td>
          <td><input id="brate_{{n}}" name="brate_{{n}}" type="text" inputmode="decimal" class="num" aria-label="{{t_cm_rule_rate}} {{n}}" value="{{brate}}"{{#BRATE_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/BRATE_ERROR}}>{{#BRATE_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/BRATE_ERROR}}</td>
          <td><button type="submit" name="op" value="remove_{{n}}" class="btn small" data-remove-band="{{n}}">{{t_cm_rule_band_remove}}</button></td>
        </tr>{{/BAND}}</tbody>
      </table>
    </div>
    <div class="field wide"><button type="submit" name="op" value="add_band" class="btn small" id="band-add">{{t_cm_rule_band_add}}</button></div>
  </fieldset>
  <div class="form-actions">
    <button type="submit" name="op" value="save" class="btn primary" id="rule-save">{{t_cm_rule_save}}</button>
    <a class="btn" href="/commission/plans/{{id}}">{{t_cm_rule_cancel}}</a>
  </div>
</form>
