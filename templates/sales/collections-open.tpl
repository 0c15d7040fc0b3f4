{{%AUTOESCAPE context="HTML"}}{{>SALES_TABS}}
<header class="page-head">
  <div>
    <p class="eyebrow">{{t_coll_title}}</p>
    <h1>{{t_coll_open_title}}</h1>
    <p>{{t_coll_open_intro}}</p>
  </div>
  <div class="actions">
    <a class="btn ghost" href="/sales/collections">{{t_coll_title}}</a>
    {{#CAN_WRITE}}<a class="btn primary" href="/sales/collections/new">{{t_coll_new_title}}</a>{{/CAN_WRITE}}
  </div>
</header>
<div class="kpis">
  <div class="kpi"><div class="kpi-label">{{t_sales_outstanding}}</div><div class="kpi-value money{{#kpi_outstanding_NEG}} neg{{/kpi_outstanding_NEG}}">{{kpi_outstanding}}</div><div class="kpi-sub">{{t_sales_orders}}: {{list_total}}</div></div>
  <div class="kpi"><div class="kpi-label">{{t_coll_kpi_order_amount}}</div><div class="kpi-value money">{{kpi_amount}}</div></div>
  <div class="kpi"><div class="kpi-label">{{t_sales_collected}}</div><div class="kpi-value money">{{kpi_collected}}</div></div>
  <div class="kpi" id="kpi-aged"><div class="kpi-label">{{t_coll_kpi_aged}}</div><div class="kpi-value money">{{kpi_aged}}</div><div class="kpi-sub">{{t_coll_kpi_aged_sub}}</div></div>
</div>
{{#AGING}}<section class="card">
  <div class="card-head"><h2>{{t_coll_chart_aging}}</h2></div>
  {{>CHART}}
</section>{{/AGING}}
{{>FORM_ERRORS}}
<form class="filters" method="get" action="/sales/collections/open">
  <label>{{t_coll_state}}<select name="state" id="state"{{#STATE_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/STATE_ERROR}}>{{#STATE}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/STATE}}</select>{{#STATE_ERROR}}<span class="error" id="{{error_id}}">{{error}}</span>{{/STATE_ERROR}}</label>
  <label>{{t_sales_order_no}}<input type="text" name="order" id="order" value="{{order}}" maxlength="40"{{#ORDER_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/ORDER_ERROR}}>{{#ORDER_ERROR}}<span class="error" id="{{error_id}}">{{error}}</span>{{/ORDER_ERROR}}</label>
  <label class="grow">{{t_sales_customer}}<input type="search" name="customer" id="customer" value="{{customer}}" maxlength="100" placeholder="{{t_coll_customer_hint}}"{{#CUSTOMER_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/CUSTOMER_ERROR}}>{{#CUSTOMER_ERROR}}<span class="error" id="{{error_id}}">{{error}}</span>{{/CUSTOMER_ERROR}}</label>
  <label>{{t_sales_from}}<input type="date" name="from" id="from" value="{{from}}"{{#FROM_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/FROM_ERROR}}>{{#FROM_ERROR}}<span class="error" id="{{error_id}}">{{error}}</span>{{/FROM_ERROR}}</label>
  <label>{{t_sales_to}}<input type="date" name="to" id="to" value="{{to}}"{{#TO_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/TO_ERROR}}>{{#TO_ERROR}}<span class="error" id="{{error_id}}">{{error}}</span>{{/TO_ERROR}}</label>
  <div class="filter-actions">
    <button type="submit" class="btn primary">{{t_common_filter}}</button>
    <a class="btn ghost" href="/sales/collections/open">{{t_common_reset}}</a>
  </div>
</form>
{{#LIST_EMPTY}}<div class="card empty"><p>{{t_coll_open_empty}}</p></div>{{/LIST_EMPTY}}
<div class="table-wrap">
<table class="data compact" id="receivables">
  <thead><tr>
    {{>SORT_ORDER}}
    {{>SORT_DATE}}
    <th>{{t_coll_due}}</th>
    <th>{{t_sales_customer}}</th>
    <th>{{t_sales_reps}}</th>
    <th class="num">{{t_sales_amount}}</th>
    <th class="num">{{t_sales_collected}}</th>
    {{>SORT_OUTSTANDING}}
    <th>{{t_sales_status}}</th>
  </tr></thead>
  <tbody>
  {{#ORDER}}<tr>
    <td><a href="/sales/collections/order/{{id}}">{{order_no}}</a></td>
    <td>{{date}}</td>
    <td class="due">{{due}}{{#OVERDUE}}<br><span class="small down{{#AGED}} strong{{/AGED}}" data-overdue="{{days}}">{{t_coll_overdue_by}} {{days}} {{t_cust_days}}</span>{{/OVERDUE}}</td>
    <td class="wrap">{{customer}}</td>
    <td>{{reps}}</td>
    <td class="num money{{#amount_NEG}} neg{{/amount_NEG}}">{{amount}}</td>
    <td class="num money{{#collected_NEG}} neg{{/collected_NEG}}">{{collected}}</td>
    <td class="num money{{#outstanding_NEG}} neg{{/outstanding_NEG}}">{{outstanding}}</td>
    <td><span class="badge {{state_class}}">{{state}}</span></td>
  </tr>{{/ORDER}}
  </tbody>
  <tfoot><tr><td colspan="5">{{t_common_total}} · {{list_total}}{{#LIST_CAPPED}} · {{t_list_totals_capped}}{{/LIST_CAPPED}}</td><td class="num money">{{kpi_amount}}</td><td class="num money">{{kpi_collected}}</td><td class="num money{{#kpi_outstanding_NEG}} neg{{/kpi_outstanding_NEG}}">{{kpi_outstanding}}</td><td></td></tr></tfoot>
</table>
</div>
{{>PAGER}}
