{{%AUTOESCAPE context="HTML"}}{{>SALES_TABS}}
<header class="page-head">
  <div>
    <p class="eyebrow">{{t_sales_orders}}</p>
    <h1>{{t_imp_title}}</h1>
    <p>{{t_imp_intro}}</p>
  </div>
  <div class="actions">
    <a class="btn ghost" href="/sales/import/sample.csv">{{t_imp_sample}}</a>
    <a class="btn ghost" href="/sales/orders">{{t_sales_orders}}</a>
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
  <div class="card-head"><h2>{{t_imp_summary_title}}</h2><a class="btn small ghost" href="/sales/orders">{{t_sales_orders}}</a></div>
  <div class="kpis">
    <div class="kpi"><div class="kpi-label">{{t_sales_orders}}</div><div class="kpi-value" id="done-orders">{{done_orders}}</div></div>
    <div class="kpi"><div class="kpi-label">{{t_imp_lines}}</div><div class="kpi-value" id="done-lines">{{done_lines}}</div><div class="kpi-sub">{{t_sales_status_cancelled}}: {{done_cancelled}}</div></div>
    <div class="kpi"><div class="kpi-label">{{t_sales_amount}}</div><div class="kpi-value money">{{done_amount}}</div></div>
    <div class="kpi"><div class="kpi-label">{{t_sales_margin}}</div><div class="kpi-value money{{#done_margin_NEG}} neg{{/done_margin_NEG}}">{{done_margin}}</div><div class="kpi-sub">{{t_sales_cost}}: {{done_cost}}</div></div>
  </div>
  <div class="table-wrap"><table class="data compact" id="imported-orders">
    <thead><tr><th>{{t_sales_order_no}}</th><th>{{t_sales_date}}</th><th>{{t_sales_customer}}</th><th>{{t_sales_rep}}</th><th class="num">{{t_imp_lines}}</th><th class="num">{{t_sales_amount}}</th></tr></thead>
    <tbody>{{#DONE_ORDER}}<tr><td><a href="/sales/orders/{{id}}">{{order_no}}</a>{{#CANCELLED}} <span class="badge cancelled">{{t_sales_status_cancelled}}</span>{{/CANCELLED}}</td><td>{{date}}</td><td>{{customer}} <span class="muted mono small">{{customer_code}}</span></td><td class="mono">{{rep}}</td><td class="num">{{lines}}</td><td class="num money{{#amount_NEG}} neg{{/amount_NEG}}">{{amount}}</td></tr>{{/DONE_ORDER}}</tbody>
  </table></div>
</section>{{/DONE}}
<div class="grid-2">
<section class="card">
  <h2>{{t_imp_upload}}</h2>
  <form method="post" action="/sales/import" enctype="multipart/form-data" class="form narrow">
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
  <p class="muted small">{{t_imp_rules}}</p>
</section>
<section class="card">
  <h2>{{t_imp_format}}</h2>
  <table class="data compact">
    <thead><tr><th>{{t_imp_column}}</th><th>{{t_imp_meaning}}</th></tr></thead>
    <tbody>
      <tr><td class="mono">order_id</td><td class="wrap">{{t_imp_col_order_id}}</td></tr>
      <tr><td class="mono">line</td><td class="wrap">{{t_imp_col_line}}</td></tr>
      <tr><td class="mono">date</td><td class="wrap">{{t_imp_col_date}}</td></tr>
      <tr><td class="mono">rep</td><td class="wrap">{{t_imp_col_rep}}</td></tr>
      <tr><td class="mono">customer</td><td class="wrap">{{t_imp_col_customer}}</td></tr>
      <tr><td class="mono">product</td><td class="wrap">{{t_imp_col_product}}</td></tr>
      <tr><td class="mono">region, channel</td><td class="wrap">{{t_imp_col_region}}</td></tr>
      <tr><td class="mono">quantity</td><td class="wrap">{{t_imp_col_quantity}}</td></tr>
      <tr><td class="mono">amount</td><td class="wrap">{{t_imp_col_amount}}</td></tr>
      <tr><td class="mono">cost</td><td class="wrap">{{t_imp_col_cost}}</td></tr>
      <tr><td class="mono">status</td><td class="wrap">{{t_imp_col_status}}</td></tr>
    </tbody>
  </table>
</section>
</div>
