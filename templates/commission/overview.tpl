{{%AUTOESCAPE context="HTML"}}<section aria-labelledby="cm-overview" id="cm-overview-section">
  <h2 id="cm-overview" class="section-title">{{scope_title}} <span class="small">({{t_cmo_last}} {{nperiods}})</span></h2>
  <div class="kpis">
    <div class="kpi"><p class="kpi-label">{{t_cml_tracking_calculated}}</p><p class="kpi-value money" id="cmo-calculated">{{calculated}}</p></div>
    <div class="kpi"><p class="kpi-label">{{t_cml_tracking_pending}}</p><p class="kpi-value money" id="cmo-pending">{{pending}}</p></div>
    <div class="kpi"><p class="kpi-label">{{t_cml_tracking_paid}}</p><p class="kpi-value money" id="cmo-paid">{{paid}}</p></div>
    <div class="kpi"><p class="kpi-label">{{t_cmo_bonus}}</p><p class="kpi-value money" id="cmo-bonus">{{bonus}}</p></div>
  </div>
  {{#NONE}}<div class="empty"><p>{{t_cmo_none}}</p></div>{{/NONE}}
  <div class="table-wrap">
  <table class="data compact" id="cmo-periods">
    <thead><tr><th>{{t_cml_period}}</th><th>{{t_cmr_state}}</th><th class="num">{{t_cml_lines}}</th><th class="num">{{t_cml_tracking_calculated}}</th><th class="num">{{t_cml_tracking_pending}}</th><th class="num">{{t_cml_tracking_paid}}</th><th class="num">{{t_cml_total}}</th><th class="num">{{t_cmo_bonus}}</th><th></th></tr></thead>
    <tbody>
    {{#PERIOD}}<tr data-period="{{label}}"><td class="mono">{{label}}</td><td>{{state_label}}</td><td class="num">{{lines}}</td>
      <td class="num money{{#calculated_neg}} neg{{/calculated_neg}}">{{calculated}}</td>
      <td class="num money{{#pending_neg}} neg{{/pending_neg}}">{{pending}}</td>
      <td class="num money{{#paid_neg}} neg{{/paid_neg}}">{{paid}}</td>
      <td class="num money{{#commission_neg}} neg{{/commission_neg}}">{{commission}}</td>
      <td class="num money">{{bonus}}</td>
      <td><a href="/commission/ledger?period={{label}}">{{t_cmo_open}}</a></td></tr>
    {{/PERIOD}}</tbody>
    <tfoot><tr><th colspan="3">{{t_common_total}}</th><td class="num money">{{calculated}}</td><td class="num money">{{pending}}</td><td class="num money">{{paid}}</td><td class="num money" id="cmo-commission">{{commission}}</td><td class="num money">{{bonus}}</td><td></td></tr></tfoot>
  </table>
  </div>
  {{#FINANCE}}<p><a class="btn" href="/commission/runs">{{t_cm_tab_runs}}</a></p>{{/FINANCE}}
</section>
{{>ADJ_LINES}}
