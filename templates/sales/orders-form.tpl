{{%AUTOESCAPE context="HTML"}}{{>SALES_TABS}}
<header class="page-head">
  <div>
    <p class="eyebrow"><a href="/sales/orders">{{t_ord_list_title}}</a></p>
    <h1>{{#NEW}}{{t_ord_new_title}}{{/NEW}}{{#EDIT}}{{t_ord_edit_title}} <span class="mono">{{order_no}}</span>{{/EDIT}}</h1>
    <p>{{t_ord_form_intro}}</p>
  </div>
</header>
<form method="post" action="{{action}}" class="form stack order-form" novalidate>
  <button type="submit" class="visually-hidden" tabindex="-1" aria-hidden="true">{{t_common_save}}</button>
  {{>FORM_ERRORS}}
  {{#EDIT}}{{#CREDIT_PENDING}}<p class="flash warn" id="credit-pending" role="status">{{t_ord_form_credit_pending}} <a href="/sales/orders/{{id}}#credit-requests">{{t_ord_form_credit_pending_link}}</a></p>{{/CREDIT_PENDING}}{{/EDIT}}
  <input type="hidden" name="csrf" value="{{csrf}}">
  <input type="hidden" name="opportunity" value="{{opportunity}}">
  <input type="hidden" name="lines" value="{{lines}}">
  <input type="hidden" name="rep_rows" value="{{rep_rows}}">
  <fieldset>
    <legend>{{t_ord_header}}</legend>
    <div class="field">
      <label for="order_no">{{t_sales_order_no}}</label>
      <input id="order_no" name="order_no" value="{{order_no}}" maxlength="40" class="mono" placeholder="{{t_ord_order_no_auto}}" aria-describedby="order_no-hint{{#ORDER_NO_ERROR}} {{error_id}}{{/ORDER_NO_ERROR}}"{{#ORDER_NO_ERROR}} aria-invalid="true"{{/ORDER_NO_ERROR}}>
      {{#ORDER_NO_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/ORDER_NO_ERROR}}
      <p class="hint" id="order_no-hint">{{t_ord_order_no_hint}}</p>
    </div>
    <div class="field">
      <label for="customer" class="required">{{t_sales_customer}}</label>
      <select id="customer" name="customer"{{#CUSTOMER_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/CUSTOMER_ERROR}}>
        <option value="">{{t_ord_choose}}</option>
        {{#CUSTOMER_OPT}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/CUSTOMER_OPT}}
      </select>
      {{#CUSTOMER_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/CUSTOMER_ERROR}}
    </div>
    <div class="field">
      <label for="order_date" class="required">{{t_sales_date}}</label>
      <input id="order_date" type="date" name="order_date" value="{{order_date}}"{{#ORDER_DATE_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/ORDER_DATE_ERROR}}>
      {{#ORDER_DATE_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/ORDER_DATE_ERROR}}
    </div>
    <div class="field">
      <label for="region">{{t_sales_region}}</label>
      <select id="region" name="region"{{#REGION_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/REGION_ERROR}}>
        <option value="">{{t_ord_from_customer}}</option>
        {{#REGION_OPT}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/REGION_OPT}}
      </select>
      {{#REGION_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/REGION_ERROR}}
    </div>
    <div class="field">
      <label for="channel">{{t_sales_channel}}</label>
      <select id="channel" name="channel"{{#CHANNEL_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/CHANNEL_ERROR}}>
        <option value="">{{t_ord_from_customer}}</option>
        {{#CHANNEL_OPT}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/CHANNEL_OPT}}
      </select>
      {{#CHANNEL_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/CHANNEL_ERROR}}
    </div>
    <div class="field wide">
      <label for="note">{{t_sales_notes}} <span class="muted">({{t_common_optional}})</span></label>
      <input id="note" name="note" value="{{note}}" maxlength="255"{{#NOTE_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/NOTE_ERROR}}>
      {{#NOTE_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/NOTE_ERROR}}
    </div>
    <div class="field">
      <label for="payment_terms">{{t_ord_terms}}</label>
      <input id="payment_terms" name="payment_terms" value="{{payment_terms}}" maxlength="3" inputmode="numeric" placeholder="{{t_ord_terms_customer}}" aria-describedby="payment_terms-hint{{#PAYMENT_TERMS_ERROR}} {{error_id}}{{/PAYMENT_TERMS_ERROR}}"{{#PAYMENT_TERMS_ERROR}} aria-invalid="true"{{/PAYMENT_TERMS_ERROR}}>
      <p class="hint" id="payment_terms-hint">{{t_ord_terms_hint}}</p>
      {{#PAYMENT_TERMS_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/PAYMENT_TERMS_ERROR}}
    </div>
  </fieldset>
  <fieldset class="reps" id="split" tabindex="-1"{{#SPLIT_ERROR}} aria-describedby="{{error_id}}"{{/SPLIT_ERROR}}>
    <legend>{{t_ord_credited_reps}}</legend>
    <div class="field wide"><p class="hint">{{t_ord_split_hint}}</p></div>
    {{#SPLIT_ERROR}}<div class="field wide"><p class="error" id="{{error_id}}">{{error}}</p></div>{{/SPLIT_ERROR}}
    <div class="table-wrap field wide">
    <table class="data compact order-reps">
      <thead><tr><th class="num">#</th><th>{{t_sales_rep}}</th><th class="num">{{t_ord_share}} (%)</th></tr></thead>
      <tbody>{{#REPROW}}<tr>
        <td class="num">{{n}}</td>
        <td><select id="rep_{{n}}" name="rep" aria-label="{{t_sales_rep}} {{n}}"{{#REP_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/REP_ERROR}}>
          <option value="">{{t_ord_choose}}</option>
          {{#REP_OPT}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/REP_OPT}}
        </select>{{#REP_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/REP_ERROR}}</td>
        <td><input id="share_{{n}}" name="share" value="{{share}}" class="num" size="10" inputmode="decimal" aria-label="{{t_ord_share}} {{n}} (%)"{{#SHARE_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/SHARE_ERROR}}{{#SPLIT_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/SPLIT_ERROR}}>{{#SHARE_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/SHARE_ERROR}}</td>
      </tr>{{/REPROW}}</tbody>
    </table>
    </div>
    <div class="form-actions"><button type="submit" name="more" value="reps" class="btn small">{{t_ord_add_rep}}</button></div>
  </fieldset>
  <fieldset class="lines" id="order_lines" tabindex="-1"{{#ORDER_LINES_ERROR}} aria-describedby="{{error_id}}"{{/ORDER_LINES_ERROR}}>
    <legend>{{t_ord_lines}}</legend>
    <div class="field wide"><p class="hint">{{t_ord_lines_hint}}</p></div>
    {{#ORDER_LINES_ERROR}}<div class="field wide"><p class="error" id="{{error_id}}">{{error}}</p></div>{{/ORDER_LINES_ERROR}}
    <div class="table-wrap field wide">
    <table class="data compact order-lines">
      <thead><tr><th class="num">{{t_sales_line}}</th><th>{{t_sales_product}}</th><th class="num">{{t_sales_quantity}}</th><th class="num">{{t_sales_unit_price}}</th><th class="num">{{t_sales_discount}}</th><th class="num">{{t_sales_amount}}</th></tr></thead>
      <tbody>{{#LINE}}<tr>
        <td class="num">{{n}}<input type="hidden" name="lid_{{n}}" value="{{lid}}"></td>
        <td><select id="product_{{n}}" name="product_{{n}}" aria-label="{{t_sales_line}} {{n}} {{t_sales_product}}"{{#PRODUCT_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/PRODUCT_ERROR}}>
          <option value="">{{t_ord_choose}}</option>
          {{#PRODUCT_OPT}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/PRODUCT_OPT}}
        </select>{{#PRODUCT_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/PRODUCT_ERROR}}</td>
        <td><input id="qty_{{n}}" name="qty_{{n}}" value="{{qty}}" class="num" size="8" inputmode="decimal" aria-label="{{t_sales_line}} {{n}} {{t_sales_quantity}}"{{#QTY_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/QTY_ERROR}}>{{#QTY_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/QTY_ERROR}}</td>
        <td><input id="price_{{n}}" name="price_{{n}}" value="{{price}}" class="money" size="10" inputmode="decimal" placeholder="{{t_ord_list_price}}" aria-label="{{t_sales_line}} {{n}} {{t_sales_unit_price}}"{{#PRICE_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/PRICE_ERROR}}>{{#PRICE_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/PRICE_ERROR}}</td>
        <td><input id="discount_{{n}}" name="discount_{{n}}" value="{{discount}}" class="num" size="6" inputmode="decimal" placeholder="0" aria-label="{{t_sales_line}} {{n}} {{t_sales_discount}}"{{#DISCOUNT_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/DISCOUNT_ERROR}}>{{#DISCOUNT_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/DISCOUNT_ERROR}}</td>
        <td><input id="amount_{{n}}" name="amount_{{n}}" value="{{amount}}" class="money" size="12" inputmode="decimal" placeholder="{{t_ord_computed}}" aria-label="{{t_sales_line}} {{n}} {{t_sales_amount}}"{{#AMOUNT_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/AMOUNT_ERROR}}>{{#AMOUNT_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/AMOUNT_ERROR}}</td>
      </tr>{{/LINE}}</tbody>
    </table>
    </div>
    <div class="form-actions"><button type="submit" name="more" value="lines" class="btn small">{{t_ord_add_lines}}</button></div>
  </fieldset>
  <div class="form-actions">
    <button type="submit" class="btn primary">{{t_common_save}}</button>
    {{#NEW}}<a class="btn ghost" href="/sales/orders">{{t_common_cancel}}</a>{{/NEW}}
    {{#EDIT}}<a class="btn ghost" href="/sales/orders/{{id}}">{{t_common_cancel}}</a>{{/EDIT}}
  </div>
</form>
