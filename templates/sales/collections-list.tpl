{{%AUTOESCAPE context="HTML"}}{{>SALES_TABS}}
<header class="page-head">
  <div>
    <p class="eyebrow">{{t_sales_title}}</p>
    <h1>{{t_coll_title}}</h1>
    <p>{{t_coll_intro}}</p>
  </div>
  <div class="actions">
    <a class="btn ghost" href="/sales/collections/open">{{t_coll_open_title}}</a>
    {{#CAN_WRITE}}<a class="btn ghost" href="/sales/collections/import">{{t_coll_import_title}}</a>
    <a class="btn primary" href="/sales/collections/new">{{t_coll_new_title}}</a>{{/CAN_WRITE}}
  </div>
</header>
<div class="kpis">
  <div class="kpi"><div class="kpi-label">{{t_coll_kpi_net}}</div><div class="kpi-value money">{{kpi_net}}</div><div class="kpi-sub">{{t_coll_kpi_payments}}: {{list_total}} · {{t_coll_kpi_orders}}: {{kpi_orders}}</div></div>
  <div class="kpi"><div class="kpi-label">{{t_coll_kpi_in}}</div><div class="kpi-value money">{{kpi_in}}</div></div>
  <div class="kpi"><div class="kpi-label">{{t_coll_kpi_refund}}</div><div class="kpi-value money{{#kpi_refund_NEG}} neg{{/kpi_refund_NEG}}">{{kpi_refund}}</div></div>
</div>
{{#MONTHS_CHART}}<section class="card">
  <div class="card-head"><h2>{{t_coll_chart_months}}</h2></div>
  {{>CHART}}
</section>{{/MONTHS_CHART}}
{{>FORM_ERRORS}}
<form class="filters" method="get" action="/sales/collections">
  <label>{{t_sales_from}}<input type="date" name="from" id="from" value="{{from}}"{{#FROM_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/FROM_ERROR}}>{{#FROM_ERROR}}<span class="error" id="{{error_id}}">{{error}}</span>{{/FROM_ERROR}}</label>
  <label>{{t_sales_to}}<input type="date" name="to" id="to" value="{{to}}"{{#TO_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/TO_ERROR}}>{{#TO_ERROR}}<span class="error" id="{{error_id}}">{{error}}</span>{{/TO_ERROR}}</label>
  <label>{{t_sales_order_no}}<input type="text" name="order" id="order" value="{{order}}" maxlength="40"{{#ORDER_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/ORDER_ERROR}}>{{#ORDER_ERROR}}<span class="error" id="{{error_id}}">{{error}}</span>{{/ORDER_ERROR}}</label>
  <label class="grow">{{t_sales_customer}}<input type="search" name="customer" id="customer" value="{{customer}}" maxlength="100" placeholder="{{t_coll_customer_hint}}"{{#CUSTOMER_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/CUSTOMER_ERROR}}>{{#CUSTOMER_ERROR}}<span class="error" id="{{error_id}}">{{error}}</span>{{/CUSTOMER_ERROR}}</label>
  <label>{{t_coll_kind}}<select name="kind" id="kind"{{#KIND_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/KIND_ERROR}}>
    <option value="">{{t_common_all}}</option>
    <option value="in"{{#KIND_IN}} selected{{/KIND_IN}}>{{t_coll_kind_in}}</option>
    <option value="refund"{{#KIND_REFUND}} selected{{/KIND_REFUND}}>{{t_coll_kind_refund}}</option>
  </select>{{#KIND_ERROR}}<span class="error" id="{{error_id}}">{{error}}</span>{{/KIND_ERROR}}</label>
  <div class="filter-actions">
    <button type="submit" class="btn primary">{{t_common_filter}}</button>
    <a class="btn ghost" href="/sales/collections">{{t_common_reset}}</a>
  </div>
</form>
{{#LIST_EMPTY}}<div class="card empty"><p>{{t_coll_empty}}</p></div>{{/LIST_EMPTY}}
<div class="table-wrap">
<table class="data compact" id="payments">
  <thead><tr>
    <th>{{t_coll_payment_no}}</th>
    {{>SORT_DATE}}
    <th>{{t_sales_order_no}}</th>
    <th>{{t_sales_customer}}</th>
    <th>{{t_coll_reference}}</th>
    {{>SORT_AMOUNT}}
  </tr></thead>
  <tbody>
  {{#PAYMENT}}<tr>
    <td class="mono">{{payment_no}}{{#REFUND}} <span class="badge warn">{{t_coll_refund}}</span>{{/REFUND}}</td>
    <td>{{date}}</td>
    <td><a href="/sales/collections/order/{{order_id}}">{{order_no}}</a></td>
    <td class="wrap">{{customer}}</td>
    <td class="wrap">{{reference}}</td>
    <td class="num money{{#amount_NEG}} neg{{/amount_NEG}}">{{amount}}</td>
  </tr>{{/PAYMENT}}
  </tbody>
  <tfoot><tr><td colspan="5">{{t_common_total}} · {{list_total}}{{#LIST_CAPPED}} · {{t_list_totals_capped}}{{/LIST_CAPPED}}</td><td class="num money{{#kpi_net_NEG}} neg{{/kpi_net_NEG}}">{{kpi_net}}</td></tr></tfoot>
</table>
</div>
{{>PAGER}}
