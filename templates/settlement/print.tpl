{{%AUTOESCAPE context="HTML"}}<link rel="stylesheet" href="/static/settlement-print.css">
<p class="no-print">{{#MANY}}{{t_stl_print_many}} {{/MANY}}<button type="button" class="btn primary" onclick="window.print()">{{t_stl_print_now}}</button></p>
{{#FORM}}<article class="stl-form">
  <header class="stl-head">
    <p class="stl-company">{{company}}</p>
    <h1 class="stl-title">{{t_stl_form_title}}{{#FINAL}}<span class="stl-final">（{{t_stl_final}}）</span>{{/FINAL}}</h1>
    <p class="stl-meta"><span>{{t_stl_number}}：<b class="mono">{{number}}</b></span><span>{{t_stl_period}}：{{period}}</span><span>{{t_stl_printed_on}}：{{printed_on}}</span></p>
  </header>
  <table class="stl-grid">
    <tr><th>{{t_stl_rep}}</th><td>{{rep}}</td><th>{{t_stl_employee_no}}</th><td>{{employee_no}}</td></tr>
    <tr><th>{{t_stl_department}}</th><td>{{department}}</td><th>{{t_stl_team}}</th><td>{{team}}</td></tr>
    <tr><th>{{t_stl_state}}</th><td>{{state_label}}</td><th>{{t_stl_revision}}</th><td>{{revision}}</td></tr>
  </table>
  <table class="stl-grid stl-items">
    <thead><tr><th>{{t_stl_item}}</th><th>{{t_stl_detail}}</th><th class="num">{{t_stl_amount}}</th></tr></thead>
    <tbody>{{#ITEM}}<tr><td>{{kind}}</td><td>{{#RULE}}{{rule}} · {{lines}} {{t_stl_lines}}{{/RULE}}{{#LABEL}}{{label}}{{/LABEL}}</td><td class="num">{{amount}}</td></tr>{{/ITEM}}</tbody>
    <tfoot>
      <tr><th colspan="2">{{t_stl_net}}</th><td class="num">{{net}}</td></tr>
      <tr class="stl-payable"><th colspan="2">{{t_stl_payable}}（{{t_stl_figures}}）</th><td class="num">¥{{payable}}</td></tr>
      <tr class="stl-payable"><th>{{t_stl_capitals}}</th><td colspan="2">{{payable_capitals}}</td></tr>
    </tfoot>
  </table>
  {{#FINAL}}<p class="stl-note stl-final-note">{{t_stl_final_note}}</p>{{/FINAL}}
  {{#CARRIED_OUT}}<p class="stl-note">{{t_stl_carried_out_note}} {{carried_out}}</p>{{/CARRIED_OUT}}
  {{#PAID}}<p class="stl-note">{{t_stl_reference}}：{{paid_reference}} · {{t_stl_paid_on}}：{{paid_on}}</p>{{/PAID}}
  <h2 class="stl-h2">{{t_stl_chain}}</h2>
  <table class="stl-grid"><tbody>{{#CHAIN}}<tr><th>{{chain_role}}</th><td>{{chain_name}}</td><td>{{chain_at}}</td></tr>{{/CHAIN}}</tbody></table>
  <div class="stl-signs">
    <div><p>{{t_stl_sign_applicant}}</p><div class="stl-box"></div><p>{{t_stl_sign_date}}</p></div>
    <div><p>{{t_stl_sign_finance}}</p><div class="stl-box"></div><p>{{t_stl_sign_date}}</p></div>
    <div><p>{{t_stl_sign_management}}</p><div class="stl-box"></div><p>{{t_stl_sign_date}}</p></div>
    <div><p>{{t_stl_sign_cashier}}</p><div class="stl-box"></div><p>{{t_stl_sign_date}}</p></div>
  </div>
  <footer class="stl-verify">
    {{#QR}}<svg class="stl-qr" viewBox="-4 -4 {{qr_box}} {{qr_box}}" width="96" height="96" role="img" aria-label="{{t_stl_qr}}"><rect x="-4" y="-4" width="{{qr_box}}" height="{{qr_box}}" fill="#fff"/><path d="{{qr_path}}" fill="#000"/></svg>{{/QR}}
    <div><p>{{t_stl_code}}：<b class="mono stl-code">{{code}}</b></p><p class="stl-url">{{verify_url}}</p><p>{{t_stl_verify_hint}}</p></div>
  </footer>
</article>{{/FORM}}
