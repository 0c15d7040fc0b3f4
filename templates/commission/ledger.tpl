{{%AUTOESCAPE context="HTML"}}{{>CM_TABS}}
<header class="page-head">
  <div>
    <p class="eyebrow">{{t_cm_home_title}}</p>
    <h1>{{t_cml_title}}</h1>
    <p>{{t_cml_intro}}</p>
  </div>
  <div class="actions">
    <a class="btn" href="{{csv_href}}" id="export-csv" download>{{t_common_export_csv}}</a>
    <a class="btn" href="{{xlsx_href}}" id="export-xlsx" download>{{t_common_export_xlsx}}</a>
  </div>
</header>
<div class="kpis">
  <div class="kpi"><p class="kpi-label">{{t_cml_lines}}</p><p class="kpi-value" id="total-lines">{{list_total}}</p></div>
  <div class="kpi"><p class="kpi-label">{{t_cml_total}}</p><p class="kpi-value money" id="total-commission">{{total_commission}}</p></div>
  <div class="kpi"><p class="kpi-label">{{t_cml_tracking_calculated}}</p><p class="kpi-value money" id="total-calculated">{{total_calculated}}</p></div>
  <div class="kpi"><p class="kpi-label">{{t_cml_tracking_pending}}</p><p class="kpi-value money" id="total-pending">{{total_pending}}</p></div>
  <div class="kpi"><p class="kpi-label">{{t_cml_tracking_paid}}</p><p class="kpi-value money" id="total-paid">{{total_paid}}</p></div>
</div>
{{>FORM_ERRORS}}
<form method="get" action="/commission/ledger" class="filters" aria-label="{{t_common_filter}}">
  <label>{{t_cml_period}}
    <select name="period" id="period"{{#PERIOD_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/PERIOD_ERROR}}>{{#F_PERIOD}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/F_PERIOD}}</select>{{#PERIOD_ERROR}}<span class="error" id="{{error_id}}">{{error}}</span>{{/PERIOD_ERROR}}
  </label>
  {{#PICK_PEOPLE}}<label>{{t_cml_rep}}
    <select name="rep" id="rep"{{#REP_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/REP_ERROR}}><option value="">{{t_common_all}}</option>{{#F_REP}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/F_REP}}</select>{{#REP_ERROR}}<span class="error" id="{{error_id}}">{{error}}</span>{{/REP_ERROR}}
  </label>
  <label>{{t_cml_team}}
    <select name="team" id="team"{{#TEAM_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/TEAM_ERROR}}><option value="">{{t_common_all}}</option>{{#F_TEAM}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/F_TEAM}}</select>{{#TEAM_ERROR}}<span class="error" id="{{error_id}}">{{error}}</span>{{/TEAM_ERROR}}
  </label>{{/PICK_PEOPLE}}
  <label>{{t_cml_rule}}
    <select name="rule" id="rule"{{#RULE_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/RULE_ERROR}}><option value="">{{t_common_all}}</option>{{#F_RULE}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/F_RULE}}</select>{{#RULE_ERROR}}<span class="error" id="{{error_id}}">{{error}}</span>{{/RULE_ERROR}}
  </label>
  <label>{{t_cml_ptype}}
    <select name="ptype" id="ptype"{{#PTYPE_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/PTYPE_ERROR}}><option value="">{{t_common_all}}</option>{{#F_PTYPE}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/F_PTYPE}}</select>{{#PTYPE_ERROR}}<span class="error" id="{{error_id}}">{{error}}</span>{{/PTYPE_ERROR}}
  </label>
  <label>{{t_cml_region}}
    <select name="region" id="region"{{#REGION_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/REGION_ERROR}}><option value="">{{t_common_all}}</option>{{#F_REGION}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/F_REGION}}</select>{{#REGION_ERROR}}<span class="error" id="{{error_id}}">{{error}}</span>{{/REGION_ERROR}}
  </label>
  <label>{{t_cml_channel}}
    <select name="channel" id="channel"{{#CHANNEL_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/CHANNEL_ERROR}}><option value="">{{t_common_all}}</option>{{#F_CHANNEL}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/F_CHANNEL}}</select>{{#CHANNEL_ERROR}}<span class="error" id="{{error_id}}">{{error}}</span>{{/CHANNEL_ERROR}}
  </label>
  <label>{{t_cml_state}}
    <select name="state" id="state"{{#STATE_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/STATE_ERROR}}><option value="">{{t_common_all}}</option>{{#F_STATE}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/F_STATE}}</select>{{#STATE_ERROR}}<span class="error" id="{{error_id}}">{{error}}</span>{{/STATE_ERROR}}
  </label>
  <div class="filter-actions">
    <button type="submit" class="btn">{{t_common_filter}}</button>
    <a class="btn ghost" href="/commission/ledger">{{t_common_reset}}</a>
  </div>
</form>
{{#LIST_EMPTY}}<div class="empty"><p>{{t_cml_empty}}</p></div>{{/LIST_EMPTY}}
<div class="table-wrap">
<table class="data compact" id="ledger-table">
  <thead><tr>
    <th>{{t_cml_rep}}</th>
    <th>{{t_cml_order}}</th>
    <th>{{t_cml_product}} · {{t_cml_customer}}</th>
    <th>{{t_cml_rule}} · {{t_cml_base_kind}}</th>
    <th class="num">{{t_cml_base}}</th>
    <th class="num">{{t_cml_rate}}</th>
    <th class="num">{{t_cml_multiplier}}</th>
    {{>SORT_AMOUNT}}
    <th>{{t_cml_state}}</th>
    {{>SORT_DATE}}
    <th></th>
  </tr></thead>
  <tbody>
  {{#LINE}}<tr data-line="{{id}}" data-period="{{period}}">
    <td>{{name}}</td>
    <td class="mono"><a href="/sales/orders/{{order_id}}">{{order_no}}</a>·{{line_no}}{{#PAYMENT}}<br><span class="small">{{t_cml_payment}} {{payment_no}}</span>{{/PAYMENT}}</td>
    <td class="wrap">{{product}}<br><span class="small">{{customer}}</span></td>
    {{#MATCHED}}<td><span class="mono">{{rule}}</span><br><span class="small">{{base_kind}}</span></td><td class="num{{#base_neg}} neg{{/base_neg}}">{{base}}</td><td class="num">{{rate}}</td>{{/MATCHED}}
    {{#UNMATCHED}}<td colspan="3" class="small">{{t_cml_unmatched}}</td>{{/UNMATCHED}}
    <td class="num">×{{multiplier}}</td>
    <td class="num money{{#commission_neg}} neg{{/commission_neg}}">{{commission}}</td>
    <td><span class="badge {{tracking}} tracking">{{tracking_label}}</span></td>
    <td class="nowrap">{{line_date}}</td>
    <td><a href="/commission/lines/{{id}}" class="why">{{t_cml_why}}</a></td>
  </tr>
  {{/LINE}}</tbody>
  <tfoot><tr>
    <td colspan="7">{{t_common_total}} · {{list_total}}{{#LIST_CAPPED}} · {{t_list_totals_capped}}{{/LIST_CAPPED}}</td>
    <td class="num money{{#total_commission_neg}} neg{{/total_commission_neg}}">{{total_commission}}</td>
    <td colspan="3"></td>
  </tr></tfoot>
</table>
</div>
{{>PAGER}}
{{>ADJ_LINES}}
