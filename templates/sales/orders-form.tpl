{{%AUTOESCAPE context="HTML"}}{{>SALES_TABS}}
<header class="page-head">
  <div>
    <p class="eyebrow"><a href="/sales/orders">{{t_ord_list_title}}</a></p>
    <h1>{{#NEW}}{{t_ord_new_title}}{{/NEW}}{{#EDIT}}{{t_ord_edit_title}} <span class="mono">{{order_no}}</span>{{/EDIT}}</h1>
    <p>{{t_ord_form_intro}}</p>
  </div>
</header>
{{#HAS_ERRORS}}<div class="flash error" role="alert">
  <p><strong>{{t_ord_err_summary}}</strong></p>
  <ul>{{#ERRLIST}}<li>{{text}}</li>{{/ERRLIST}}</ul>
</div>{{/HAS_ERRORS}}
<form method="post" action="{{action}}" class="form stack order-form" novalidate>
  <button type="submit" class="visually-hidden" tabindex="-1" aria-hidden="true">{{t_common_save}}</button>
  <input type="hidden" name="csrf" value="{{csrf}}">
  <input type="hidden" name="opportunity" value="{{opportunity}}">
  <input type="hidden" name="lines" value="{{lines}}">
  <input type="hidden" name="rep_rows" value="{{rep_rows}}">
  <fieldset>
    <legend>{{t_ord_header}}</legend>
    <div class="field">
      <label for="f-order_no">{{t_sales_order_no}}</label>
      <input id="f-order_no" name="order_no" value="{{order_no}}" maxlength="40" class="mono" placeholder="{{t_ord_order_no_auto}}"{{#ORDER_NO_INVALID}} aria-invalid="true" aria-describedby="e-order_no"{{/ORDER_NO_INVALID}}>
      {{#ORDER_NO_ERR}}<p class="error" id="e-order_no">{{error}}</p>{{/ORDER_NO_ERR}}
      <p class="hint">{{t_ord_order_no_hint}}</p>
    </div>
    <div class="field">
      <label for="f-customer" class="required">{{t_sales_customer}}</label>
      <select id="f-customer" name="customer"{{#CUSTOMER_INVALID}} aria-invalid="true" aria-describedby="e-customer"{{/CUSTOMER_INVALID}}>
        <option value="">{{t_ord_choose}}</option>
        {{#CUSTOMER_OPT}}<option value="{{value}}"{{#SEL}} selected{{/SEL}}>{{label}}</option>{{/CUSTOMER_OPT}}
      </select>
      {{#CUSTOMER_ERR}}<p class="error" id="e-customer">{{error}}</p>{{/CUSTOMER_ERR}}
    </div>
    <div class="field">
      <label for="f-order_date" class="required">{{t_sales_date}}</label>
      <input id="f-order_date" type="date" name="order_date" value="{{order_date}}"{{#ORDER_DATE_INVALID}} aria-invalid="true" aria-describedby="e-order_date"{{/ORDER_DATE_INVALID}}>
      {{#ORDER_DATE_ERR}}<p class="error" id="e-order_date">{{error}}</p>{{/ORDER_DATE_ERR}}
    </div>
    <div class="field">
      <label for="f-region">{{t_sales_region}}</label>
      <select id="f-region" name="region"{{#REGION_INVALID}} aria-invalid="true" aria-describedby="e-region"{{/REGION_INVALID}}>
        <option value="">{{t_ord_from_customer}}</option>
        {{#REGION_OPT}}<option value="{{value}}"{{#SEL}} selected{{/SEL}}>{{label}}</option>{{/REGION_OPT}}
      </select>
      {{#REGION_ERR}}<p class="error" id="e-region">{{error}}</p>{{/REGION_ERR}}
    </div>
    <div class="field">
      <label for="f-channel">{{t_sales_channel}}</label>
      <select id="f-channel" name="channel"{{#CHANNEL_INVALID}} aria-invalid="true" aria-describedby="e-channel"{{/CHANNEL_INVALID}}>
        <option value="">{{t_ord_from_customer}}</option>
        {{#CHANNEL_OPT}}<option value="{{value}}"{{#SEL}} selected{{/SEL}}>{{label}}</option>{{/CHANNEL_OPT}}
      </select>
      {{#CHANNEL_ERR}}<p class="error" id="e-channel">{{error}}</p>{{/CHANNEL_ERR}}
    </div>
    <div class="field wide">
      <label for="f-note">{{t_sales_notes}} <span class="muted">({{t_common_optional}})</span></label>
      <input id="f-note" name="note" value="{{note}}" maxlength="255"{{#NOTE_INVALID}} aria-invalid="true" aria-describedby="e-note"{{/NOTE_INVALID}}>
      {{#NOTE_ERR}}<p class="error" id="e-note">{{error}}</p>{{/NOTE_ERR}}
    </div>
  </fieldset>
  <fieldset class="reps"{{#SPLIT_INVALID}} aria-describedby="e-split"{{/SPLIT_INVALID}}>
    <legend>{{t_ord_credited_reps}}</legend>
    <div class="field wide"><p class="hint">{{t_ord_split_hint}}</p></div>
    {{#SPLIT_ERR}}<div class="field wide"><p class="error" id="e-split">{{error}}</p></div>{{/SPLIT_ERR}}
    <div class="table-wrap field wide">
    <table class="data compact order-reps">
      <thead><tr><th class="num">#</th><th>{{t_sales_rep}}</th><th class="num">{{t_ord_share}} (%)</th></tr></thead>
      <tbody>{{#REPROW}}<tr>
        <td class="num">{{n}}</td>
        <td><select id="f-rep-{{n}}" name="rep" aria-label="{{t_sales_rep}} {{n}}"{{#REP_INVALID}} aria-invalid="true" aria-describedby="e-rep-{{n}}"{{/REP_INVALID}}>
          <option value="">{{t_ord_choose}}</option>
          {{#REP_OPT}}<option value="{{value}}"{{#SEL}} selected{{/SEL}}>{{label}}</option>{{/REP_OPT}}
        </select>{{#REP_ERR}}<p class="error" id="e-rep-{{n}}">{{error}}</p>{{/REP_ERR}}</td>
        <td><input id="f-share-{{n}}" name="share" value="{{share}}" class="num" size="10" inputmode="decimal" aria-label="{{t_ord_share}} {{n}} (%)"{{#SHARE_INVALID}} aria-invalid="true" aria-describedby="e-share-{{n}} e-split"{{/SHARE_INVALID}}>{{#SHARE_ERR}}<p class="error" id="e-share-{{n}}">{{error}}</p>{{/SHARE_ERR}}</td>
      </tr>{{/REPROW}}</tbody>
    </table>
    </div>
    <div class="form-actions"><button type="submit" name="more" value="reps" class="btn small">{{t_ord_add_rep}}</button></div>
  </fieldset>
  <fieldset class="lines">
    <legend>{{t_ord_lines}}</legend>
    <div class="field wide"><p class="hint">{{t_ord_lines_hint}}</p></div>
    {{#LINES_ERR}}<div class="field wide"><p class="error" id="e-lines">{{error}}</p></div>{{/LINES_ERR}}
    <div class="table-wrap field wide">
    <table class="data compact order-lines">
      <thead><tr><th class="num">{{t_sales_line}}</th><th>{{t_sales_product}}</th><th class="num">{{t_sales_quantity}}</th><th class="num">{{t_sales_unit_price}}</th><th class="num">{{t_sales_discount}}</th><th class="num">{{t_sales_amount}}</th></tr></thead>
      <tbody>{{#LINE}}<tr>
        <td class="num">{{n}}<input type="hidden" name="lid_{{n}}" value="{{lid}}"></td>
        <td><select name="product_{{n}}" aria-label="{{t_sales_line}} {{n}} {{t_sales_product}}"{{#PRODUCT_INVALID}} aria-invalid="true" aria-describedby="e-product-{{n}}"{{/PRODUCT_INVALID}}>
          <option value="">{{t_ord_choose}}</option>
          {{#PRODUCT_OPT}}<option value="{{value}}"{{#SEL}} selected{{/SEL}}>{{label}}</option>{{/PRODUCT_OPT}}
        </select>{{#PRODUCT_ERR}}<p class="error" id="e-product-{{n}}">{{error}}</p>{{/PRODUCT_ERR}}</td>
        <td><input name="qty_{{n}}" value="{{qty}}" class="num" size="8" inputmode="decimal" aria-label="{{t_sales_line}} {{n}} {{t_sales_quantity}}"{{#QTY_INVALID}} aria-invalid="true" aria-describedby="e-qty-{{n}}"{{/QTY_INVALID}}>{{#QTY_ERR}}<p class="error" id="e-qty-{{n}}">{{error}}</p>{{/QTY_ERR}}</td>
        <td><input name="price_{{n}}" value="{{price}}" class="money" size="10" inputmode="decimal" placeholder="{{t_ord_list_price}}" aria-label="{{t_sales_line}} {{n}} {{t_sales_unit_price}}"{{#PRICE_INVALID}} aria-invalid="true" aria-describedby="e-price-{{n}}"{{/PRICE_INVALID}}>{{#PRICE_ERR}}<p class="error" id="e-price-{{n}}">{{error}}</p>{{/PRICE_ERR}}</td>
        <td><input name="discount_{{n}}" value="{{discount}}" class="num" size="6" inputmode="decimal" placeholder="0" aria-label="{{t_sales_line}} {{n}} {{t_sales_discount}}"{{#DISCOUNT_INVALID}} aria-invalid="true" aria-describedby="e-discount-{{n}}"{{/DISCOUNT_INVALID}}>{{#DISCOUNT_ERR}}<p class="error" id="e-discount-{{n}}">{{error}}</p>{{/DISCOUNT_ERR}}</td>
        <td><input name="amount_{{n}}" value="{{amount}}" class="money" size="12" inputmode="decimal" placeholder="{{t_ord_computed}}" aria-label="{{t_sales_line}} {{n}} {{t_sales_amount}}"{{#AMOUNT_INVALID}} aria-invalid="true" aria-describedby="e-amount-{{n}}"{{/AMOUNT_INVALID}}>{{#AMOUNT_ERR}}<p class="error" id="e-amount-{{n}}">{{error}}</p>{{/AMOUNT_ERR}}</td>
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
