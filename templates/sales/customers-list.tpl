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
  <div class="kpi"><p class="kpi-label">{{t_cust_kpi_total}}</p><p class="kpi-value">{{list_total}}</p><p class="kpi-sub">{{t_cust_kpi_total_sub}}</p></div>
  <div class="kpi"><p class="kpi-label">{{t_sales_customer_active}}</p><p class="kpi-value">{{n_active}}</p></div>
  <div class="kpi"><p class="kpi-label">{{t_sales_customer_prospect}}</p><p class="kpi-value">{{n_prospect}}</p></div>
  <div class="kpi"><p class="kpi-label">{{t_sales_customer_inactive}}</p><p class="kpi-value">{{n_inactive}}</p></div>
</div>
{{>FORM_ERRORS}}
<form method="get" action="/sales/customers" class="filters" aria-label="{{t_common_filter}}">
  <label class="grow">{{t_common_search}}
    <input type="search" name="q" id="q" value="{{q}}" maxlength="100" placeholder="{{t_cust_search_placeholder}}"{{#Q_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/Q_ERROR}}>{{#Q_ERROR}}<span class="error" id="{{error_id}}">{{error}}</span>{{/Q_ERROR}}
  </label>
  <label>{{t_sales_region}}
    <select name="region" id="region"{{#REGION_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/REGION_ERROR}}><option value="">{{t_common_all}}</option>{{#REGION_OPTION}}<option value="{{id}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/REGION_OPTION}}</select>{{#REGION_ERROR}}<span class="error" id="{{error_id}}">{{error}}</span>{{/REGION_ERROR}}
  </label>
  <label>{{t_sales_owner}}
    <select name="owner" id="owner"{{#OWNER_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/OWNER_ERROR}}><option value="">{{t_common_all}}</option>{{#OWNER_OPTION}}<option value="{{id}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/OWNER_OPTION}}</select>{{#OWNER_ERROR}}<span class="error" id="{{error_id}}">{{error}}</span>{{/OWNER_ERROR}}
  </label>
  <label>{{t_sales_status}}
    <select name="status" id="status"{{#STATUS_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/STATUS_ERROR}}><option value="">{{t_common_all}}</option>{{#STATUS_OPTION}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/STATUS_OPTION}}</select>{{#STATUS_ERROR}}<span class="error" id="{{error_id}}">{{error}}</span>{{/STATUS_ERROR}}
  </label>
  <div class="filter-actions">
    <button type="submit" class="btn">{{t_common_filter}}</button>
    {{#LIST_FILTERED}}<a class="btn ghost" href="/sales/customers">{{t_common_reset}}</a>{{/LIST_FILTERED}}
  </div>
</form>
{{#LIST_EMPTY}}<div class="empty"><p>{{t_cust_empty}}</p>{{#CAN_CREATE}}<a class="btn primary" href="/sales/customers/new">{{t_cust_new}}</a>{{/CAN_CREATE}}</div>{{/LIST_EMPTY}}
{{#LIST_ROWS}}<div class="table-wrap">
<table class="data" id="customers-table">
  <thead><tr>
    {{>SORT_CODE}}
    {{>SORT_NAME}}
    <th>{{t_cust_col_region}}</th>
    {{>SORT_INDUSTRY}}
    <th>{{t_cust_col_channel}}</th>
    <th>{{t_cust_col_owner}}</th>
    {{>SORT_STATUS}}
    <th class="num">{{t_cust_col_contacts}}</th>
    {{>SORT_UPDATED}}
  </tr></thead>
  <tbody>
  {{/LIST_ROWS}}{{#ROW}}<tr>
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
  {{/ROW}}{{#LIST_ROWS}}</tbody>
</table>
</div>{{/LIST_ROWS}}
{{>PAGER}}
