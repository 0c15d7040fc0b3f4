{{%AUTOESCAPE context="HTML"}}{{>SALES_TABS}}
<header class="page-head">
  <div>
    <p class="eyebrow">{{t_coll_order_title}}</p>
    <h1>{{order_no}} <span class="badge {{state_class}}">{{state}}</span>{{#RETURN}} <span class="badge info">{{t_sales_return}}</span>{{/RETURN}}</h1>
    <p>{{customer}} · {{date}}</p>
  </div>
  <div class="actions">
    <a class="btn ghost" href="/sales/orders/{{id}}">{{t_coll_view_order}}</a>
    <a class="btn ghost" href="/sales/collections/open?state=all&amp;order={{order_no}}">{{t_coll_open_title}}</a>
    {{#CAN_WRITE}}<a class="btn primary" href="/sales/collections/new?order={{order_no}}">{{t_coll_new_title}}</a>{{/CAN_WRITE}}
  </div>
</header>
{{#CANCELLED}}<div class="flash warn" role="status">{{t_coll_order_cancelled}}</div>{{/CANCELLED}}
{{#OVER}}<div class="flash warn" role="status">{{t_coll_order_over}}</div>{{/OVER}}
<div class="kpis">
  <div class="kpi"><div class="kpi-label">{{t_coll_kpi_order_amount}}</div><div class="kpi-value money{{#amount_NEG}} neg{{/amount_NEG}}">{{amount}}</div></div>
  <div class="kpi"><div class="kpi-label">{{t_sales_collected}}</div><div class="kpi-value money{{#collected_NEG}} neg{{/collected_NEG}}" id="collected">{{collected}}</div><div class="kpi-sub"><div class="progress" title="{{pct}}%"><span class="progress-bar w{{pct}}"></span></div>{{t_coll_progress}} {{pct}}%</div></div>
  <div class="kpi"><div class="kpi-label">{{t_sales_outstanding}}</div><div class="kpi-value money{{#outstanding_NEG}} neg{{/outstanding_NEG}}" id="outstanding">{{outstanding}}</div><div class="kpi-sub" id="due">{{t_coll_due}}: {{due}} · {{t_coll_age}}: {{age}}</div></div>
</div>
<div class="stack">
<section class="card">
  <h2>{{t_sales_payments}}</h2>
  {{#NO_PAYMENTS}}<p class="empty">{{t_coll_no_payments}}</p>{{/NO_PAYMENTS}}
  <div class="table-wrap"><table class="data compact" id="order-payments">
    <thead><tr><th>{{t_coll_payment_no}}</th><th>{{t_sales_date}}</th><th>{{t_coll_reference}}</th><th>{{t_coll_recorded_by}}</th><th class="num">{{t_sales_amount}}</th></tr></thead>
    <tbody>
    {{#PAYMENT}}<tr><td class="mono">{{payment_no}}{{#REFUND}} <span class="badge warn">{{t_coll_refund}}</span>{{/REFUND}}</td><td>{{date}}</td><td>{{reference}}</td><td>{{by}}</td><td class="num money{{#amount_NEG}} neg{{/amount_NEG}}">{{amount}}</td></tr>{{/PAYMENT}}
    </tbody>
    <tfoot><tr><td colspan="4">{{t_common_total}}</td><td class="num money{{#collected_NEG}} neg{{/collected_NEG}}">{{collected}}</td></tr></tfoot>
  </table></div>
</section>
<section class="card">
  <h2>{{t_coll_order_details}}</h2>
  <dl class="details">
    <dt>{{t_sales_order_no}}</dt><dd class="mono">{{order_no}}</dd>
    <dt>{{t_sales_customer}}</dt><dd>{{customer}} <span class="muted mono">{{customer_code}}</span></dd>
    <dt>{{t_sales_date}}</dt><dd>{{date}}</dd>
    <dt>{{t_sales_reps}}</dt><dd>{{reps}}</dd>
    <dt>{{t_coll_kpi_order_amount}}</dt><dd class="money">{{amount}}</dd>
    <dt>{{t_sales_collected}}</dt><dd class="money">{{collected}}</dd>
    <dt>{{t_sales_outstanding}}</dt><dd class="money">{{outstanding}}</dd>
  </dl>
</section>
</div>
