{{%AUTOESCAPE context="HTML"}}{{>SALES_TABS}}
<header class="page-head">
  <div>
    <p class="eyebrow">{{t_sales_title}}</p>
    <h1>{{t_ord_list_title}}</h1>
    <p>{{t_ord_list_intro}}</p>
  </div>
  <div class="actions">
    <a class="btn" href="{{csv_href}}" download>{{t_common_export_csv}}</a>
    <a class="btn" href="{{xlsx_href}}" download>{{t_common_export_xlsx}}</a>
    <a class="btn ghost" href="/sales/stats">{{t_ord_stats_title}}</a>
    {{#CAN_IMPORT}}<a class="btn" href="/sales/import">{{t_common_import_csv}}</a>{{/CAN_IMPORT}}
    {{#CAN_CREATE}}<a class="btn primary" href="/sales/orders/new">{{t_ord_new_title}}</a>{{/CAN_CREATE}}
  </div>
</header>
<div class="kpis">
  <div class="kpi"><p class="kpi-label">{{t_ord_kpi_orders}}</p><p class="kpi-value">{{count}}</p><p class="kpi-sub">{{t_ord_kpi_filtered}}</p></div>
  <div class="kpi"><p class="kpi-label">{{t_ord_kpi_amount}}</p><p class="kpi-value money">{{total_amount}}</p><p class="kpi-sub">{{t_ord_kpi_booked_only}}</p></div>
  <div class="kpi"><p class="kpi-label">{{t_sales_margin}}</p><p class="kpi-value money">{{total_margin}}</p><p class="kpi-sub">{{t_sales_cost}} {{total_cost}}</p></div>
</div>
<form method="get" action="/sales/orders" class="filters" aria-label="{{t_common_filter}}">
  <label>{{t_sales_from}}<input type="date" name="from" value="{{f_from}}"></label>
  <label>{{t_sales_to}}<input type="date" name="to" value="{{f_to}}"></label>
  <label>{{t_sales_rep}}
    <select name="rep"><option value="">{{t_common_all}}</option>{{#F_REP}}<option value="{{value}}"{{#SEL}} selected{{/SEL}}>{{label}}</option>{{/F_REP}}</select>
  </label>
  <label>{{t_sales_team}}
    <select name="team"><option value="">{{t_common_all}}</option>{{#F_TEAM}}<option value="{{value}}"{{#SEL}} selected{{/SEL}}>{{label}}</option>{{/F_TEAM}}</select>
  </label>
  <label class="grow">{{t_sales_customer}}
    <select name="customer"><option value="">{{t_common_all}}</option>{{#F_CUSTOMER}}<option value="{{value}}"{{#SEL}} selected{{/SEL}}>{{label}}</option>{{/F_CUSTOMER}}</select>
  </label>
  <label>{{t_sales_product_type}}
    <select name="ptype"><option value="">{{t_common_all}}</option>{{#F_PTYPE}}<option value="{{value}}"{{#SEL}} selected{{/SEL}}>{{label}}</option>{{/F_PTYPE}}</select>
  </label>
  <label>{{t_sales_region}}
    <select name="region"><option value="">{{t_common_all}}</option>{{#F_REGION}}<option value="{{value}}"{{#SEL}} selected{{/SEL}}>{{label}}</option>{{/F_REGION}}</select>
  </label>
  <label>{{t_sales_channel}}
    <select name="channel"><option value="">{{t_common_all}}</option>{{#F_CHANNEL}}<option value="{{value}}"{{#SEL}} selected{{/SEL}}>{{label}}</option>{{/F_CHANNEL}}</select>
  </label>
  {{#WITH_STATUS}}<label>{{t_sales_status}}
    <select name="status"><option value="">{{t_common_all}}</option>{{#F_STATUS}}<option value="{{value}}"{{#SEL}} selected{{/SEL}}>{{label}}</option>{{/F_STATUS}}</select>
  </label>{{/WITH_STATUS}}
  <div class="filter-actions">
    <button type="submit" class="btn">{{t_common_filter}}</button>
    <a class="btn ghost" href="/sales/orders">{{t_common_reset}}</a>
  </div>
</form>
{{#EMPTY}}<div class="empty"><p>{{t_ord_empty}}</p>{{#CAN_CREATE}}<a class="btn primary" href="/sales/orders/new">{{t_ord_new_title}}</a>{{/CAN_CREATE}}</div>{{/EMPTY}}
<div class="table-wrap">
<table class="data compact" id="orders-table">
  <thead><tr>
    <th aria-sort="{{aria_no}}"><a class="sort" href="{{sort_no}}">{{t_sales_order_no}}</a></th>
    <th aria-sort="{{aria_date}}"><a class="sort" href="{{sort_date}}">{{t_sales_date}}</a></th>
    <th aria-sort="{{aria_status}}"><a class="sort" href="{{sort_status}}">{{t_sales_status}}</a></th>
    <th aria-sort="{{aria_customer}}"><a class="sort" href="{{sort_customer}}">{{t_sales_customer}}</a></th>
    <th aria-sort="{{aria_reps}}"><a class="sort" href="{{sort_reps}}">{{t_sales_reps}}</a></th>
    <th aria-sort="{{aria_region}}"><a class="sort" href="{{sort_region}}">{{t_sales_region}}</a></th>
    <th aria-sort="{{aria_channel}}"><a class="sort" href="{{sort_channel}}">{{t_sales_channel}}</a></th>
    <th class="num" aria-sort="{{aria_amount}}"><a class="sort" href="{{sort_amount}}">{{t_sales_amount}}</a></th>
    <th class="num" aria-sort="{{aria_margin}}"><a class="sort" href="{{sort_margin}}">{{t_sales_margin}}</a></th>
    <th class="num" aria-sort="{{aria_collected}}"><a class="sort" href="{{sort_collected}}">{{t_sales_collected}}</a></th>
  </tr></thead>
  <tbody>
  {{#ORDER}}<tr>
    <td class="mono"><a href="/sales/orders/{{id}}">{{order_no}}</a></td>
    <td class="nowrap">{{order_date}}</td>
    <td><span class="badge {{status}}">{{status_label}}</span>{{#IS_RETURN}} <span class="badge warn">{{t_sales_return}}</span>{{/IS_RETURN}}{{#LOCKED}} <span class="badge draft">{{t_sales_locked}}</span>{{/LOCKED}}</td>
    <td class="wrap">{{customer}}</td>
    <td>{{reps}}</td>
    <td>{{region}}</td>
    <td>{{channel}}</td>
    <td class="num money{{#amount_neg}} neg{{/amount_neg}}">{{amount}}</td>
    <td class="num money{{#margin_neg}} neg{{/margin_neg}}">{{margin}}</td>
    <td class="num money{{#collected_neg}} neg{{/collected_neg}}">{{collected}}</td>
  </tr>
  {{/ORDER}}</tbody>
  <tfoot><tr>
    <td colspan="7">{{t_common_total}} · {{count}} · {{t_ord_kpi_booked_only}}</td>
    <td class="num money{{#total_amount_neg}} neg{{/total_amount_neg}}">{{total_amount}}</td>
    <td class="num money{{#total_margin_neg}} neg{{/total_margin_neg}}">{{total_margin}}</td>
    <td></td>
  </tr></tfoot>
</table>
</div>
{{#PAGER}}<nav class="pager" aria-label="{{t_common_page}}">
  {{#PREV}}<a href="{{href}}" rel="prev">{{t_common_prev}}</a>{{/PREV}}
  {{#PAGE}}{{#GAP}}<span class="gap">…</span>{{/GAP}}{{#OTHER}}<a href="{{href}}">{{n}}</a>{{/OTHER}}{{#CURRENT}}<span class="current" aria-current="page">{{n}}</span>{{/CURRENT}}{{/PAGE}}
  {{#NEXT}}<a href="{{href}}" rel="next">{{t_common_next}}</a>{{/NEXT}}
  <span class="pager-info">{{t_common_page}} {{page}} / {{pages}}</span>
</nav>{{/PAGER}}
