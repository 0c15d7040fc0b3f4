{{%AUTOESCAPE context="HTML"}}{{>SALES_TABS}}
<header class="page-head">
  <div>
    <p class="eyebrow">{{t_sales_title}}</p>
    <h1>{{t_ord_stats_title}}</h1>
    <p>{{t_ord_stats_intro}}</p>
  </div>
  <div class="actions">
    <a class="btn" href="{{csv_href}}" download>{{t_common_export_csv}}</a>
    <a class="btn" href="{{xlsx_href}}" download>{{t_common_export_xlsx}}</a>
    <a class="btn ghost" href="{{orders_href}}">{{t_ord_list_title}}</a>
  </div>
</header>
<form method="get" action="/sales/stats" class="filters" aria-label="{{t_common_filter}}">
  <label>{{t_sales_from}}<input type="date" name="from" value="{{f_from}}"></label>
  <label>{{t_sales_to}}<input type="date" name="to" value="{{f_to}}"></label>
  <label>{{t_sales_rep}}
    {{#F_REP_LIST}}<select name="rep"><option value="">{{t_common_all}}</option>{{#F_REP}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/F_REP}}</select>{{/F_REP_LIST}}{{#F_REP_MANY}}<input type="number" name="rep" min="1" value="{{value}}" placeholder="{{t_ord_picker_number}}"> <span class="hint">{{label}}</span>{{/F_REP_MANY}}
  </label>
  <label>{{t_sales_team}}
    <select name="team"><option value="">{{t_common_all}}</option>{{#F_TEAM}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/F_TEAM}}</select>
  </label>
  <label class="grow">{{t_sales_customer}}
    {{#F_CUSTOMER_LIST}}<select name="customer"><option value="">{{t_common_all}}</option>{{#F_CUSTOMER}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/F_CUSTOMER}}</select>{{/F_CUSTOMER_LIST}}{{#F_CUSTOMER_MANY}}<input type="number" name="customer" min="1" value="{{value}}" placeholder="{{t_ord_picker_number}}"> <span class="hint">{{label}}</span>{{/F_CUSTOMER_MANY}}
  </label>
  <label>{{t_sales_product_type}}
    <select name="ptype"><option value="">{{t_common_all}}</option>{{#F_PTYPE}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/F_PTYPE}}</select>
  </label>
  <label>{{t_sales_region}}
    <select name="region"><option value="">{{t_common_all}}</option>{{#F_REGION}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/F_REGION}}</select>
  </label>
  <label>{{t_sales_channel}}
    <select name="channel"><option value="">{{t_common_all}}</option>{{#F_CHANNEL}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/F_CHANNEL}}</select>
  </label>
  {{#WITH_STATUS}}<label>{{t_sales_status}}
    <select name="status"><option value="">{{t_common_all}}</option>{{#F_STATUS}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/F_STATUS}}</select>
  </label>{{/WITH_STATUS}}
  <div class="filter-actions">
    <button type="submit" class="btn">{{t_common_filter}}</button>
    <a class="btn ghost" href="/sales/stats">{{t_common_reset}}</a>
  </div>
</form>
<div class="kpis">
  <div class="kpi"><p class="kpi-label">{{t_ord_kpi_amount}}</p><p class="kpi-value money">{{kpi_amount}}</p><p class="kpi-sub">{{f_from}} – {{f_to}}</p></div>
  <div class="kpi"><p class="kpi-label">{{t_sales_margin}}</p><p class="kpi-value money">{{kpi_margin}}</p><p class="kpi-sub">{{kpi_margin_pct}}</p></div>
  <div class="kpi"><p class="kpi-label">{{t_ord_kpi_orders}}</p><p class="kpi-value">{{kpi_count}}</p><p class="kpi-sub">{{t_ord_kpi_booked_only}}</p></div>
</div>
{{#MONTHS}}<section class="card stats-months" aria-label="{{title}}">
  <div class="card-head"><h2>{{title}}</h2><span class="muted small">{{t_ord_kpi_booked_only}}</span></div>
  {{>CHART}}
  <details class="chart-data">
    <summary>{{t_ord_stats_table}}</summary>
    <div class="table-wrap">
    <table class="data compact">
      <thead><tr><th>{{t_sales_month}}</th><th class="num">{{t_sales_amount}}</th><th class="num">{{t_sales_margin}}</th><th class="num">{{t_ord_margin_pct}}</th><th class="num">{{t_ord_kpi_orders}}</th></tr></thead>
      <tbody>{{#ROW}}<tr><td>{{label}}</td><td class="num money{{#amount_neg}} neg{{/amount_neg}}">{{amount}}</td><td class="num money{{#margin_neg}} neg{{/margin_neg}}">{{margin}}</td><td class="num">{{margin_pct}}</td><td class="num">{{count}}</td></tr>{{/ROW}}</tbody>
      <tfoot><tr><td>{{t_common_total}}</td><td class="num money{{#total_amount_neg}} neg{{/total_amount_neg}}">{{total_amount}}</td><td class="num money{{#total_margin_neg}} neg{{/total_margin_neg}}">{{total_margin}}</td><td></td><td></td></tr></tfoot>
    </table>
    </div>
  </details>
</section>{{/MONTHS}}
<div class="grid-2">
{{#GROUP}}<section class="card" aria-label="{{title}}">
  <div class="card-head"><h2>{{title}}</h2></div>
  {{#NOTE}}<p class="muted small">{{note}}</p>{{/NOTE}}
  {{#EMPTY}}<div class="empty"><p>{{t_ord_stats_empty}}</p></div>{{/EMPTY}}
  {{>CHART}}
  <div class="table-wrap">
  <table class="data compact">
    <thead><tr><th>{{title}}</th><th class="num">{{t_sales_amount}}</th><th class="num">{{t_sales_margin}}</th><th class="num">{{t_ord_kpi_orders}}</th></tr></thead>
    <tbody>{{#ROW}}<tr><td>{{label}}</td><td class="num money{{#amount_neg}} neg{{/amount_neg}}">{{amount}}</td><td class="num money{{#margin_neg}} neg{{/margin_neg}}">{{margin}}</td><td class="num">{{count}}</td></tr>{{/ROW}}</tbody>
    <tfoot><tr><td>{{t_common_total}}</td><td class="num money{{#total_amount_neg}} neg{{/total_amount_neg}}">{{total_amount}}</td><td class="num money{{#total_margin_neg}} neg{{/total_margin_neg}}">{{total_margin}}</td><td></td></tr></tfoot>
  </table>
  </div>
</section>
{{/GROUP}}
</div>
