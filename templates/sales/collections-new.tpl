{{%AUTOESCAPE context="HTML"}}{{>SALES_TABS}}
<header class="page-head">
  <div>
    <p class="eyebrow">{{t_coll_title}}</p>
    <h1>{{t_coll_new_title}}</h1>
    <p>{{t_coll_new_intro}}</p>
  </div>
  <div class="actions">
    <a class="btn ghost" href="/sales/collections/import">{{t_coll_import_title}}</a>
  </div>
</header>
<section class="card">
<form method="post" action="/sales/collections/new" class="form" novalidate>
  {{>FORM_ERRORS}}
  <input type="hidden" name="csrf" value="{{csrf}}">
  <div class="field">
    <label for="order" class="required">{{t_sales_order_no}}</label>
    <input id="order" name="order" type="text" value="{{order}}" maxlength="40" required autofocus{{#ORDER_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/ORDER_ERROR}}>
    {{#ORDER_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/ORDER_ERROR}}
  </div>
  <div class="field">
    <label for="date" class="required">{{t_coll_payment_date}}</label>
    <input id="date" name="date" type="date" value="{{date}}" required{{#DATE_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/DATE_ERROR}}>
    {{#DATE_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/DATE_ERROR}}
  </div>
  <div class="field">
    <label for="amount" class="required">{{t_sales_amount}}</label>
    <input id="amount" name="amount" type="text" inputmode="decimal" class="money" value="{{amount}}" required{{#AMOUNT_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/AMOUNT_ERROR}}>
    <p class="hint">{{t_coll_amount_hint}}</p>
    {{#AMOUNT_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/AMOUNT_ERROR}}
  </div>
  <div class="field">
    <label for="reference">{{t_coll_reference}}</label>
    <input id="reference" name="reference" type="text" value="{{reference}}" maxlength="128"{{#REFERENCE_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/REFERENCE_ERROR}}>
    <p class="hint">{{t_coll_reference_hint}}</p>
    {{#REFERENCE_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/REFERENCE_ERROR}}
  </div>
  <div class="field">
    <label for="payment_no">{{t_coll_payment_no}}</label>
    <input id="payment_no" name="payment_no" type="text" value="{{payment_no}}" maxlength="64" class="mono"{{#PAYMENT_NO_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/PAYMENT_NO_ERROR}}>
    <p class="hint">{{t_coll_payment_no_hint}}</p>
    {{#PAYMENT_NO_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/PAYMENT_NO_ERROR}}
  </div>
  <div class="form-actions">
    <button type="submit" class="btn primary">{{t_common_save}}</button>
    <a class="btn ghost" href="/sales/collections">{{t_common_cancel}}</a>
  </div>
</form>
</section>
