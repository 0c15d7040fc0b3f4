{{%AUTOESCAPE context="HTML"}}{{>SALES_TABS}}
<header class="page-head">
  <div>
    <p class="eyebrow">{{t_coll_title}}</p>
    <h1>{{t_coll_import_title}}</h1>
    <p>{{t_coll_import_intro}}</p>
  </div>
  <div class="actions">
    <a class="btn ghost" href="/sales/collections">{{t_coll_title}}</a>
    <a class="btn ghost" href="/sales/collections/new">{{t_coll_new_title}}</a>
  </div>
</header>
{{#REPORT}}<section class="card" id="import-report">
  <div class="card-head"><h2>{{t_imp_report_title}}</h2><span class="badge danger">{{bad_rows}} {{bad_rows_label}}</span></div>
  <p>{{t_imp_nothing_written}}</p>
  <div class="table-wrap"><table class="data compact" id="import-errors">
    <thead><tr><th class="num">{{t_imp_line}}</th><th>{{t_imp_column}}</th><th>{{t_imp_reason}}</th><th>{{t_imp_value}}</th></tr></thead>
    <tbody>{{#ERROR}}<tr><td class="num">{{err_line}}</td><td class="mono">{{err_column}}</td><td class="wrap">{{err_reason}}</td><td class="mono wrap">{{err_value}}</td></tr>{{/ERROR}}</tbody>
  </table></div>
</section>{{/REPORT}}
{{#DONE}}<section class="card" id="import-summary">
  <div class="card-head"><h2>{{t_imp_summary_title}}</h2></div>
  <div class="kpis">
    <div class="kpi"><div class="kpi-label">{{t_sales_payments}}</div><div class="kpi-value">{{done_payments}}</div><div class="kpi-sub">{{t_sales_orders}}: {{done_orders}}</div></div>
    <div class="kpi"><div class="kpi-label">{{t_coll_kpi_in}}</div><div class="kpi-value money">{{done_in}}</div></div>
    <div class="kpi"><div class="kpi-label">{{t_coll_kpi_refund}}</div><div class="kpi-value money{{#done_out_NEG}} neg{{/done_out_NEG}}">{{done_out}}</div></div>
    <div class="kpi"><div class="kpi-label">{{t_coll_kpi_net}}</div><div class="kpi-value money">{{done_net}}</div></div>
  </div>
  {{#WARN_OVER}}<div class="flash warn" role="alert" id="over-warning"><div><strong>{{t_coll_warn_over_title}}</strong><ul>{{#OVER}}<li><span class="mono">{{order_no}}</span>: {{t_sales_collected}} {{collected}} &gt; {{t_coll_kpi_order_amount}} {{amount}}</li>{{/OVER}}</ul></div></div>{{/WARN_OVER}}
  <div class="table-wrap"><table class="data compact" id="imported-orders">
    <thead><tr><th>{{t_sales_order_no}}</th><th>{{t_sales_customer}}</th><th class="num">{{t_coll_kpi_order_amount}}</th><th class="num">{{t_coll_imported}}</th><th class="num">{{t_sales_collected}}</th><th class="num">{{t_sales_outstanding}}</th></tr></thead>
    <tbody>{{#DONE_ORDER}}<tr><td><a href="/sales/collections/order/{{order_id}}">{{order_no}}</a>{{#ROW_OVER}} <span class="badge warn">{{t_coll_state_over}}</span>{{/ROW_OVER}}</td><td class="wrap">{{customer}}</td><td class="num money">{{amount}}</td><td class="num money{{#added_NEG}} neg{{/added_NEG}}">{{added}}</td><td class="num money">{{collected}}</td><td class="num money{{#outstanding_NEG}} neg{{/outstanding_NEG}}">{{outstanding}}</td></tr>{{/DONE_ORDER}}</tbody>
  </table></div>
</section>{{/DONE}}
<div class="grid-2">
<section class="card">
  <h2>{{t_imp_upload}}</h2>
  <form method="post" action="/sales/collections/import" enctype="multipart/form-data" class="form narrow">
    {{>FORM_ERRORS}}
    <input type="hidden" name="csrf" value="{{csrf}}">
    <div class="field">
      <label for="file" class="required">{{t_imp_file}}</label>
      <input id="file" name="file" type="file" accept=".csv,text/csv" required aria-describedby="file-hint{{#FILE_ERROR}} {{error_id}}{{/FILE_ERROR}}"{{#FILE_ERROR}} aria-invalid="true"{{/FILE_ERROR}}>
      {{#FILE_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/FILE_ERROR}}
      <p class="hint" id="file-hint">{{t_imp_file_hint}}</p>
    </div>
    <div class="form-actions"><button type="submit" class="btn primary">{{t_common_import_csv}}</button></div>
  </form>
</section>
<section class="card">
  <h2>{{t_imp_format}}</h2>
  <table class="data compact">
    <thead><tr><th>{{t_imp_column}}</th><th>{{t_imp_meaning}}</th></tr></thead>
    <tbody>
      <tr><td class="mono">payment_id</td><td class="wrap">{{t_coll_col_payment_id}}</td></tr>
      <tr><td class="mono">order_id</td><td class="wrap">{{t_coll_col_order_id}}</td></tr>
      <tr><td class="mono">date</td><td class="wrap">{{t_coll_col_date}}</td></tr>
      <tr><td class="mono">amount</td><td class="wrap">{{t_coll_col_amount}}</td></tr>
      <tr><td class="mono">reference</td><td class="wrap">{{t_coll_col_reference}}</td></tr>
    </tbody>
  </table>
  <p class="muted small">{{t_coll_import_rules}}</p>
</section>
</div>
