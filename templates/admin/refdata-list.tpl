{{%AUTOESCAPE context="HTML"}}<header class="page-head">
  <div>
    <p class="eyebrow">{{t_ref_title}}</p>
    <h1>{{kind_label}}</h1>
    <p>{{kind_hint}}</p>
  </div>
  <div class="actions">
    <a class="btn primary" href="/admin/refdata/{{kind_slug}}/new">{{t_ref_new}}</a>
  </div>
</header>
{{>ADMIN_TABS}}
<nav class="tabs" aria-label="{{t_ref_title}}">{{#REF_TAB}}<a href="{{href}}"{{#REF_TAB_CURRENT}} aria-current="page"{{/REF_TAB_CURRENT}}>{{label}}</a>{{/REF_TAB}}</nav>
{{>FORM_ERRORS}}
<form method="get" action="/admin/refdata/{{kind_slug}}" class="filters">
  <label class="grow">{{t_common_search}}
    <input type="search" name="q" id="q" value="{{q}}" placeholder="{{t_ref_search_placeholder}}"{{#Q_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/Q_ERROR}}>{{#Q_ERROR}}<span class="error" id="{{error_id}}">{{error}}</span>{{/Q_ERROR}}
  </label>
  <label>{{t_sales_status}}
    <select name="status" id="status"{{#STATUS_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/STATUS_ERROR}}>{{#STATUS_OPTION}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/STATUS_OPTION}}</select>{{#STATUS_ERROR}}<span class="error" id="{{error_id}}">{{error}}</span>{{/STATUS_ERROR}}
  </label>
  <div class="filter-actions">
    <button type="submit" class="btn">{{t_common_filter}}</button>
    <a class="btn ghost" href="/admin/refdata/{{kind_slug}}">{{t_common_reset}}</a>
  </div>
</form>
{{#LIST_EMPTY}}<div class="empty"><p>{{t_ref_empty}}</p><a class="btn primary" href="/admin/refdata/{{kind_slug}}/new">{{t_ref_new}}</a></div>{{/LIST_EMPTY}}
{{#LIST_ROWS}}<p class="muted small">{{t_ref_count}} {{list_total}}</p>
<div class="table-wrap">
<table class="data" id="ref-table">
  <thead><tr>
    <th>{{t_sales_code}}</th>
    <th>{{t_sales_name}}</th>
    {{#PRODUCT_HEAD}}<th>{{t_sales_product_type}}</th>
    <th class="num">{{t_ref_col_price}}</th>
    <th class="num">{{t_ref_col_cost}}</th>
    <th class="num">{{t_ref_margin}}</th>{{/PRODUCT_HEAD}}
    <th class="num">{{t_ref_used}}</th>
    <th>{{t_sales_status}}</th>
    <th><span class="visually-hidden">{{t_common_actions}}</span></th>
  </tr></thead>
  <tbody>
  {{/LIST_ROWS}}{{#ROW}}<tr data-code="{{code}}"{{#ROW_MUTED}} class="muted"{{/ROW_MUTED}}>
    <td class="mono"><a href="{{base}}/edit" title="{{t_common_edit}}">{{code}}</a></td>
    <td class="wrap">{{name}}<br><span class="muted small">{{name_other}}</span></td>
    {{#PRODUCT}}<td>{{type}}</td>
    <td class="num money" data-col="list_price">{{list_price}}</td>
    <td class="num money" data-col="standard_cost">{{standard_cost}}</td>
    <td class="num{{#MARGIN_NEG}} neg{{/MARGIN_NEG}}">{{margin}}</td>{{/PRODUCT}}
    <td class="num">{{used}}</td>
    <td>{{#ACTIVE}}<span class="badge ok">{{t_sales_active}}</span>{{/ACTIVE}}{{#INACTIVE}}<span class="badge draft">{{t_sales_inactive}}</span>{{/INACTIVE}}</td>
    <td class="nowrap right">
      {{#ACTIVE}}<form method="post" action="{{base}}/deactivate" class="inline-form" data-confirm="{{t_ref_confirm_deactivate}}"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit" class="btn small ghost">{{t_ref_deactivate}}</button></form>{{/ACTIVE}}
      {{#INACTIVE}}<form method="post" action="{{base}}/activate" class="inline-form"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit" class="btn small ghost">{{t_ref_activate}}</button></form>{{/INACTIVE}}
    </td>
  </tr>
  {{/ROW}}{{#LIST_ROWS}}</tbody>
</table>
</div>{{/LIST_ROWS}}
{{>PAGER}}
