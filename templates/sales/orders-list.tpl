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
  <div class="kpi"><p class="kpi-label">{{t_ord_kpi_orders}}</p><p class="kpi-value">{{list_total}}</p><p class="kpi-sub">{{t_ord_kpi_filtered}}</p></div>
  <div class="kpi"><p class="kpi-label">{{t_ord_kpi_amount}}</p><p class="kpi-value money">{{total_amount}}</p><p class="kpi-sub">{{t_ord_kpi_booked_only}}</p></div>
  <div class="kpi"><p class="kpi-label">{{t_sales_margin}}</p><p class="kpi-value money">{{total_margin}}</p><p class="kpi-sub">{{t_sales_cost}} {{total_cost}}</p></div>
</div>
{{>FORM_ERRORS}}
<form method="get" action="/sales/orders" class="filters" aria-label="{{t_common_filter}}">
  <label>{{t_sales_from}}<input type="date" name="from" id="from" value="{{from}}"{{#FROM_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/FROM_ERROR}}>{{#FROM_ERROR}}<span class="error" id="{{error_id}}">{{error}}</span>{{/FROM_ERROR}}</label>
  <label>{{t_sales_to}}<input type="date" name="to" id="to" value="{{to}}"{{#TO_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/TO_ERROR}}>{{#TO_ERROR}}<span class="error" id="{{error_id}}">{{error}}</span>{{/TO_ERROR}}</label>
  <label>{{t_sales_rep}}
    {{#F_REP_LIST}}<select name="rep" id="rep"{{#REP_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/REP_ERROR}}><option value="">{{t_common_all}}</option>{{#F_REP}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/F_REP}}</select>{{/F_REP_LIST}}{{#F_REP_MANY}}<input type="number" name="rep" id="rep" min="1" value="{{value}}" placeholder="{{t_ord_picker_number}}"{{#REP_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/REP_ERROR}}> <span class="hint">{{label}}</span>{{/F_REP_MANY}}{{#REP_ERROR}}<span class="error" id="{{error_id}}">{{error}}</span>{{/REP_ERROR}}
  </label>
  <label>{{t_sales_team}}
    <select name="team" id="team"{{#TEAM_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/TEAM_ERROR}}><option value="">{{t_common_all}}</option>{{#F_TEAM}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/F_TEAM}}</select>{{#TEAM_ERROR}}<span class="error" id="{{error_id}}">{{error}}</span>{{/TEAM_ERROR}}
  </label>
  <label class="grow">{{t_sales_customer}}
    {{#F_CUSTOMER_LIST}}<select name="customer" id="customer"{{#CUSTOMER_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/CUSTOMER_ERROR}}><option value="">{{t_common_all}}</option>{{#F_CUSTOMER}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/F_CUSTOMER}}</select>{{/F_CUSTOMER_LIST}}{{#F_CUSTOMER_MANY}}<input type="number" name="customer" id="customer" min="1" value="{{value}}" placeholder="{{t_ord_picker_number}}"{{#CUSTOMER_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/CUSTOMER_ERROR}}> <span class="hint">{{label}}</span>{{/F_CUSTOMER_MANY}}{{#CUSTOMER_ERROR}}<span class="error" id="{{error_id}}">{{error}}</span>{{/CUSTOMER_ERROR}}
  </label>
  <label>{{t_sales_product_type}}
    <select name="ptype" id="ptype"{{#PTYPE_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/PTYPE_ERROR}}><option value="">{{t_common_all}}</option>{{#F_PTYPE}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/F_PTYPE}}</select>{{#PTYPE_ERROR}}<span class="error" id="{{error_id}}">{{error}}</span>{{/PTYPE_ERROR}}
  </label>
  <label>{{t_sales_region}}
    <select name="region" id="region"{{#REGION_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/REGION_ERROR}}><option value="">{{t_common_all}}</option>{{#F_REGION}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/F_REGION}}</select>{{#REGION_ERROR}}<span class="error" id="{{error_id}}">{{error}}</span>{{/REGION_ERROR}}
  </label>
  <label>{{t_sales_channel}}
    <select name="channel" id="channel"{{#CHANNEL_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/CHANNEL_ERROR}}><option value="">{{t_common_all}}</option>{{#F_CHANNEL}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/F_CHANNEL}}</select>{{#CHANNEL_ERROR}}<span class="error" id="{{error_id}}">{{error}}</span>{{/CHANNEL_ERROR}}
  </label>
  <label>{{t_sales_status}}
    <select name="status" id="status"{{#STATUS_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/STATUS_ERROR}}><option value="">{{t_common_all}}</option>{{#F_STATUS}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/F_STATUS}}</select>{{#STATUS_ERROR}}<span class="error" id="{{error_id}}">{{error}}</span>{{/STATUS_ERROR}}
  </label>
  <div class="filter-actions">
    <button type="submit" class="btn">{{t_common_filter}}</button>
    <a class="btn ghost" href="/sales/orders">{{t_common_reset}}</a>
  </div>
</form>
{{#LIST_EMPTY}}<div class="empty"><p>{{t_ord_empty}}</p>{{#CAN_CREATE}}<a class="btn primary" href="/sales/orders/new">{{t_ord_new_title}}</a>{{/CAN_CREATE}}</div>{{/LIST_EMPTY}}
<div class="table-wrap">
<table class="data compact" id="orders-table">
  <thead><tr>
    {{>SORT_NO}}
    {{>SORT_DATE}}
    {{>SORT_STATUS}}
    <th>{{t_sales_customer}}</th>
    <th>{{t_sales_reps}}</th>
    <th>{{t_sales_region}}</th>
    <th>{{t_sales_channel}}</th>
    {{>SORT_AMOUNT}}
    {{>SORT_MARGIN}}
    {{>SORT_COLLECTED}}
  </tr></thead>
  <tbody>
  {{#ORDER}}<tr>
    <td class="mono wrap-code"><a href="/sales/orders/{{id}}">{{order_no}}</a></td>
    <td class="nowrap">{{order_date}}</td>
    <td class="wrap-short"><span class="badge {{status}}">{{status_label}}</span>{{#IS_RETURN}} <span class="badge warn">{{t_sales_return}}</span>{{/IS_RETURN}}{{#CLOSED}} <span class="badge draft" title="{{t_ord_closed_hint}}">{{t_sales_closed}}</span>{{/CLOSED}}</td>
    <td class="wrap">{{customer}}</td>
    <td class="wrap-short">{{reps}}</td>
    <td class="wrap-short">{{region}}</td>
    <td class="wrap-short">{{channel}}</td>
    <td class="num money{{#amount_neg}} neg{{/amount_neg}}">{{amount}}</td>
    <td class="num money{{#margin_neg}} neg{{/margin_neg}}">{{margin}}</td>
    <td class="num money{{#collected_neg}} neg{{/collected_neg}}">{{collected}}</td>
  </tr>
  {{/ORDER}}</tbody>
  <tfoot><tr>
    <td colspan="7">{{t_common_total}} · {{list_total}} · {{t_ord_kpi_booked_only}}{{#LIST_CAPPED}} · {{t_list_totals_capped}}{{/LIST_CAPPED}}</td>
    <td class="num money{{#total_amount_neg}} neg{{/total_amount_neg}}">{{total_amount}}</td>
    <td class="num money{{#total_margin_neg}} neg{{/total_margin_neg}}">{{total_margin}}</td>
    <td></td>
  </tr></tfoot>
</table>
</div>
{{>PAGER}}
