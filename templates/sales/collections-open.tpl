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
  <div class="kpi"><div class="kpi-label">{{t_sales_outstanding}}</div><div class="kpi-value money{{#kpi_outstanding_NEG}} neg{{/kpi_outstanding_NEG}}">{{kpi_outstanding}}</div><div class="kpi-sub">{{t_sales_orders}}: {{kpi_count}}</div></div>
  <div class="kpi"><div class="kpi-label">{{t_coll_kpi_order_amount}}</div><div class="kpi-value money">{{kpi_amount}}</div></div>
  <div class="kpi"><div class="kpi-label">{{t_sales_collected}}</div><div class="kpi-value money">{{kpi_collected}}</div></div>
  <div class="kpi"><div class="kpi-label">{{t_coll_kpi_aged}}</div><div class="kpi-value money">{{kpi_aged}}</div><div class="kpi-sub">{{t_coll_kpi_aged_sub}}</div></div>
</div>
{{#AGING}}<section class="card">
  <div class="card-head"><h2>{{t_coll_chart_aging}}</h2></div>
  {{>CHART}}
</section>{{/AGING}}
<form class="filters" method="get" action="/sales/collections/open">
  <label>{{t_coll_state}}<select name="state">{{#STATE}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/STATE}}</select></label>
  <label>{{t_sales_order_no}}<input type="text" name="order" value="{{order}}" maxlength="40"></label>
  <label class="grow">{{t_sales_customer}}<input type="search" name="customer" value="{{customer}}" maxlength="100" placeholder="{{t_coll_customer_hint}}"></label>
  <label>{{t_sales_from}}<input type="date" name="from" value="{{from}}"></label>
  <label>{{t_sales_to}}<input type="date" name="to" value="{{to}}"></label>
  <div class="filter-actions">
    <button type="submit" class="btn primary">{{t_common_filter}}</button>
    <a class="btn ghost" href="/sales/collections/open">{{t_common_reset}}</a>
  </div>
</form>
{{#EMPTY}}<div class="card empty"><p>{{t_coll_open_empty}}</p></div>{{/EMPTY}}
<div class="table-wrap">
<table class="data compact" id="receivables">
  <thead><tr>
    <th{{#ARIA_order}} aria-sort="{{aria}}"{{/ARIA_order}}><a class="sort" href="{{sort_order}}">{{t_sales_order_no}}</a></th>
    <th{{#ARIA_date}} aria-sort="{{aria}}"{{/ARIA_date}}><a class="sort" href="{{sort_date}}">{{t_sales_date}}</a></th>
    <th{{#ARIA_customer}} aria-sort="{{aria}}"{{/ARIA_customer}}><a class="sort" href="{{sort_customer}}">{{t_sales_customer}}</a></th>
    <th>{{t_sales_reps}}</th>
    <th class="num">{{t_sales_amount}}</th>
    <th class="num">{{t_sales_collected}}</th>
    <th class="num"{{#ARIA_outstanding}} aria-sort="{{aria}}"{{/ARIA_outstanding}}><a class="sort" href="{{sort_outstanding}}">{{t_sales_outstanding}}</a></th>
    <th>{{t_sales_status}}</th>
  </tr></thead>
  <tbody>
  {{#ORDER}}<tr>
    <td><a href="/sales/collections/order/{{id}}">{{order_no}}</a></td>
    <td>{{date}}</td>
    <td class="wrap">{{customer}}</td>
    <td>{{reps}}</td>
    <td class="num money{{#amount_NEG}} neg{{/amount_NEG}}">{{amount}}</td>
    <td class="num money{{#collected_NEG}} neg{{/collected_NEG}}">{{collected}}</td>
    <td class="num money{{#outstanding_NEG}} neg{{/outstanding_NEG}}">{{outstanding}}</td>
    <td><span class="badge {{state_class}}">{{state}}</span>{{#AGED}} <span class="tag overdue" title="{{t_coll_age}}: {{age}}">{{t_coll_aged}}</span>{{/AGED}}</td>
  </tr>{{/ORDER}}
  </tbody>
  <tfoot><tr><td colspan="4">{{t_common_total}}</td><td class="num money">{{kpi_amount}}</td><td class="num money">{{kpi_collected}}</td><td class="num money{{#kpi_outstanding_NEG}} neg{{/kpi_outstanding_NEG}}">{{kpi_outstanding}}</td><td></td></tr></tfoot>
</table>
</div>
{{#PAGER}}<nav class="pager" aria-label="{{t_common_page}}">{{#PREV}}<a href="{{href}}" rel="prev">{{t_common_prev}}</a>{{/PREV}}<span class="current">{{page}}</span>{{#NEXT}}<a href="{{href}}" rel="next">{{t_common_next}}</a>{{/NEXT}}<span class="pager-info">{{t_common_page}} {{page}} / {{pages}} · {{total_rows}} {{t_coll_rows}}</span></nav>{{/PAGER}}
