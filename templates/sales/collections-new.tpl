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
  <input type="hidden" name="csrf" value="{{csrf}}">
  <div class="field">
    <label for="order" class="required">{{t_sales_order_no}}</label>
    <input id="order" name="order" type="text" value="{{order}}" maxlength="40" required autofocus{{#ERR_order}} aria-invalid="true" aria-describedby="order-error"{{/ERR_order}}>
    {{#ERR_order}}<p class="error" id="order-error">{{msg}}</p>{{/ERR_order}}
  </div>
  <div class="field">
    <label for="date" class="required">{{t_coll_payment_date}}</label>
    <input id="date" name="date" type="date" value="{{date}}" required{{#ERR_date}} aria-invalid="true" aria-describedby="date-error"{{/ERR_date}}>
    {{#ERR_date}}<p class="error" id="date-error">{{msg}}</p>{{/ERR_date}}
  </div>
  <div class="field">
    <label for="amount" class="required">{{t_sales_amount}}</label>
    <input id="amount" name="amount" type="text" inputmode="decimal" class="money" value="{{amount}}" required{{#ERR_amount}} aria-invalid="true" aria-describedby="amount-error"{{/ERR_amount}}>
    <p class="hint">{{t_coll_amount_hint}}</p>
    {{#ERR_amount}}<p class="error" id="amount-error">{{msg}}</p>{{/ERR_amount}}
  </div>
  <div class="field">
    <label for="reference">{{t_coll_reference}}</label>
    <input id="reference" name="reference" type="text" value="{{reference}}" maxlength="128"{{#ERR_reference}} aria-invalid="true" aria-describedby="reference-error"{{/ERR_reference}}>
    <p class="hint">{{t_coll_reference_hint}}</p>
    {{#ERR_reference}}<p class="error" id="reference-error">{{msg}}</p>{{/ERR_reference}}
  </div>
  <div class="field">
    <label for="payment_no">{{t_coll_payment_no}}</label>
    <input id="payment_no" name="payment_no" type="text" value="{{payment_no}}" maxlength="64" class="mono"{{#ERR_payment_no}} aria-invalid="true" aria-describedby="payment_no-error"{{/ERR_payment_no}}>
    <p class="hint">{{t_coll_payment_no_hint}}</p>
    {{#ERR_payment_no}}<p class="error" id="payment_no-error">{{msg}}</p>{{/ERR_payment_no}}
  </div>
  <div class="form-actions">
    <button type="submit" class="btn primary">{{t_common_save}}</button>
    <a class="btn ghost" href="/sales/collections">{{t_common_cancel}}</a>
  </div>
</form>
</section>
