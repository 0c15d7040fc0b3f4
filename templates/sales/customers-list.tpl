{{%AUTOESCAPE context="HTML"}}{{>SALES_TABS}}
<header class="page-head">
  <div>
    <p class="eyebrow">{{t_sales_title}}</p>
    <h1>{{t_cust_title}}</h1>
    <p>{{t_cust_intro}}</p>
  </div>
  {{#CAN_CREATE}}<div class="actions"><a class="btn primary" href="/sales/customers/new">{{t_cust_new}}</a></div>{{/CAN_CREATE}}
</header>
<div class="kpis">
  <div class="kpi"><p class="kpi-label">{{t_cust_kpi_total}}</p><p class="kpi-value">{{total}}</p><p class="kpi-sub">{{t_cust_kpi_total_sub}}</p></div>
  <div class="kpi"><p class="kpi-label">{{t_sales_customer_active}}</p><p class="kpi-value">{{n_active}}</p></div>
  <div class="kpi"><p class="kpi-label">{{t_sales_customer_prospect}}</p><p class="kpi-value">{{n_prospect}}</p></div>
  <div class="kpi"><p class="kpi-label">{{t_sales_customer_inactive}}</p><p class="kpi-value">{{n_inactive}}</p></div>
</div>
<form method="get" action="/sales/customers" class="filters">
  <label class="grow">{{t_common_search}}
    <input type="search" name="q" value="{{q}}" placeholder="{{t_cust_search_placeholder}}">
  </label>
  <label>{{t_sales_region}}
    <select name="region"><option value="">{{t_common_all}}</option>{{#REGION_OPTION}}<option value="{{id}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/REGION_OPTION}}</select>
  </label>
  <label>{{t_sales_owner}}
    <select name="owner"><option value="">{{t_common_all}}</option>{{#OWNER_OPTION}}<option value="{{id}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/OWNER_OPTION}}</select>
  </label>
  <label>{{t_sales_status}}
    <select name="status"><option value="">{{t_common_all}}</option>{{#STATUS_OPTION}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/STATUS_OPTION}}</select>
  </label>
  <div class="filter-actions">
    <button type="submit" class="btn">{{t_common_filter}}</button>
    {{#FILTERED}}<a class="btn ghost" href="/sales/customers">{{t_common_reset}}</a>{{/FILTERED}}
  </div>
</form>
{{#EMPTY}}<div class="empty"><p>{{t_cust_empty}}</p>{{#CAN_CREATE}}<a class="btn primary" href="/sales/customers/new">{{t_cust_new}}</a>{{/CAN_CREATE}}</div>{{/EMPTY}}
{{#HAS_ROWS}}<div class="table-wrap">
<table class="data" id="customers-table">
  <thead><tr>
    {{#SORT_CODE}}<th aria-sort="{{aria_sort}}"><a class="sort" href="{{href}}">{{label}}</a></th>{{/SORT_CODE}}
    {{#SORT_NAME}}<th aria-sort="{{aria_sort}}"><a class="sort" href="{{href}}">{{label}}</a></th>{{/SORT_NAME}}
    {{#SORT_REGION}}<th aria-sort="{{aria_sort}}"><a class="sort" href="{{href}}">{{label}}</a></th>{{/SORT_REGION}}
    {{#SORT_INDUSTRY}}<th aria-sort="{{aria_sort}}"><a class="sort" href="{{href}}">{{label}}</a></th>{{/SORT_INDUSTRY}}
    {{#SORT_CHANNEL}}<th aria-sort="{{aria_sort}}"><a class="sort" href="{{href}}">{{label}}</a></th>{{/SORT_CHANNEL}}
    {{#SORT_OWNER}}<th aria-sort="{{aria_sort}}"><a class="sort" href="{{href}}">{{label}}</a></th>{{/SORT_OWNER}}
    {{#SORT_STATUS}}<th aria-sort="{{aria_sort}}"><a class="sort" href="{{href}}">{{label}}</a></th>{{/SORT_STATUS}}
    {{#SORT_CONTACTS}}<th class="num" aria-sort="{{aria_sort}}"><a class="sort" href="{{href}}">{{label}}</a></th>{{/SORT_CONTACTS}}
    {{#SORT_UPDATED}}<th aria-sort="{{aria_sort}}"><a class="sort" href="{{href}}">{{label}}</a></th>{{/SORT_UPDATED}}
  </tr></thead>
  <tbody>
  {{/HAS_ROWS}}{{#ROW}}<tr>
    <td class="mono"><a href="/sales/customers/{{id}}">{{code}}</a></td>
    <td class="wrap"><a href="/sales/customers/{{id}}">{{name}}</a></td>
    <td>{{region}}</td>
    <td>{{industry}}</td>
    <td>{{channel}}</td>
    <td>{{owner}}</td>
    <td><span class="badge {{status_class}}">{{status_label}}</span></td>
    <td class="num">{{contacts}}</td>
    <td class="nowrap">{{updated}}</td>
  </tr>
  {{/ROW}}{{#HAS_ROWS}}</tbody>
</table>
</div>{{/HAS_ROWS}}
{{#PAGER}}<nav class="pager" aria-label="{{t_common_page}}">
  {{#PREV}}<a href="{{href}}" rel="prev">{{t_common_prev}}</a>{{/PREV}}
  {{#PAGE_ITEM}}{{#IS_LINK}}<a href="{{href}}">{{n}}</a>{{/IS_LINK}}{{#IS_CURRENT}}<span class="current" aria-current="page">{{n}}</span>{{/IS_CURRENT}}{{#IS_GAP}}<span class="gap">…</span>{{/IS_GAP}}{{/PAGE_ITEM}}
  {{#NEXT}}<a href="{{href}}" rel="next">{{t_common_next}}</a>{{/NEXT}}
  <span class="pager-info">{{from}}–{{to}} / {{total}}</span>
</nav>{{/PAGER}}
