{{%AUTOESCAPE context="HTML"}}{{>SALES_TABS}}
<header class="page-head">
  <div>
    <p class="eyebrow"><a href="/sales/orders/{{id}}" class="mono">{{order_no}}</a></p>
    <h1>{{t_ord_costs_title}}</h1>
    <p>{{t_ord_costs_intro}}</p>
  </div>
</header>
<form method="post" action="/sales/orders/{{id}}/costs" class="form stack" novalidate>
  {{>FORM_ERRORS}}
  <input type="hidden" name="csrf" value="{{csrf}}">
  <div class="table-wrap field wide">
  <table class="data compact">
    <thead><tr><th class="num">{{t_sales_line}}</th><th>{{t_sales_product}}</th><th class="num">{{t_sales_quantity}}</th><th class="num">{{t_sales_amount}}</th><th class="num">{{t_ord_default_cost}}</th><th class="num">{{t_sales_cost}}</th></tr></thead>
    <tbody>{{#LINE}}<tr>
      <td class="num">{{line_no}}</td>
      <td class="wrap"><span class="mono muted">{{product_code}}</span> {{product}}</td>
      <td class="num">{{quantity}}</td>
      <td class="num money">{{amount}}</td>
      <td class="num money">{{default_cost}}</td>
      <td><input id="cost_{{line_no}}" name="cost_{{line_no}}" value="{{cost}}" class="money" size="12" inputmode="decimal" aria-label="{{t_sales_line}} {{line_no}} {{t_sales_cost}}"{{#COST_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/COST_ERROR}}>{{#COST_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/COST_ERROR}}</td>
    </tr>{{/LINE}}</tbody>
  </table>
  </div>
  <div class="form-actions">
    <button type="submit" class="btn primary">{{t_common_save}}</button>
    <a class="btn ghost" href="/sales/orders/{{id}}">{{t_common_cancel}}</a>
  </div>
</form>
