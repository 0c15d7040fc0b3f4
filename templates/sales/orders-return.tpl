{{%AUTOESCAPE context="HTML"}}{{>SALES_TABS}}
<header class="page-head">
  <div>
    <p class="eyebrow"><a href="/sales/orders/{{id}}" class="mono">{{order_no}}</a></p>
    <h1>{{t_ord_return_title}}</h1>
    <p>{{t_ord_return_intro}}</p>
  </div>
</header>
<form method="post" action="/sales/orders/{{id}}/return" class="form stack" novalidate>
  {{>FORM_ERRORS}}
  <input type="hidden" name="csrf" value="{{csrf}}">
  <div class="field">
    <label for="return_date" class="required">{{t_ord_return_date}}</label>
    <input id="return_date" type="date" name="return_date" value="{{return_date}}"{{#RETURN_DATE_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/RETURN_DATE_ERROR}}>
    {{#RETURN_DATE_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/RETURN_DATE_ERROR}}
    <p class="hint">{{t_ord_return_date_hint}} {{order_date}}</p>
  </div>
  <div class="field">
    <label for="note">{{t_sales_notes}} <span class="muted">({{t_common_optional}})</span></label>
    <input id="note" name="note" value="{{note}}" maxlength="255"{{#NOTE_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/NOTE_ERROR}}>
    {{#NOTE_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/NOTE_ERROR}}
  </div>
  <div class="table-wrap field wide" id="return_lines" tabindex="-1"{{#RETURN_LINES_ERROR}} aria-describedby="{{error_id}}"{{/RETURN_LINES_ERROR}}>
  {{#RETURN_LINES_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/RETURN_LINES_ERROR}}
  <table class="data compact">
    <thead><tr><th class="num">{{t_sales_line}}</th><th>{{t_sales_product}}</th><th class="num">{{t_ord_sold}}</th><th class="num">{{t_ord_returned}}</th><th class="num">{{t_ord_returnable}}</th><th class="num">{{t_sales_amount}}</th><th class="num">{{t_ord_return_qty}}</th></tr></thead>
    <tbody>{{#LINE}}<tr>
      <td class="num">{{line_no}}</td>
      <td class="wrap"><span class="mono muted">{{product_code}}</span> {{product}}</td>
      <td class="num">{{sold}}</td><td class="num">{{returned}}</td><td class="num">{{returnable}}</td>
      <td class="num money">{{amount}}</td>
      <td><input id="rq_{{line_no}}" name="rq_{{line_no}}" value="{{rq}}" class="num" size="8" inputmode="decimal" placeholder="0" aria-label="{{t_sales_line}} {{line_no}} {{t_ord_return_qty}}"{{#RQ_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/RQ_ERROR}}>{{#RQ_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/RQ_ERROR}}</td>
    </tr>{{/LINE}}</tbody>
  </table>
  </div>
  <div class="form-actions">
    <button type="submit" class="btn primary">{{t_ord_return_save}}</button>
    <a class="btn ghost" href="/sales/orders/{{id}}">{{t_common_cancel}}</a>
  </div>
</form>
