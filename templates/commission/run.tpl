{{%AUTOESCAPE context="HTML"}}{{>CM_TABS}}
<header class="page-head">
  <div>
    <p class="eyebrow"><a href="/commission/runs">{{t_cmr_title}}</a></p>
    <h1>{{t_cmr_run_title}} #{{id}} · <span class="mono">{{label}}</span></h1>
    <p>{{state_label}}
      {{#IS_CURRENT}}<span class="badge ok run-status">{{t_cmr_current}}</span>{{/IS_CURRENT}}
      {{#IS_STALE}}<span class="badge warn run-status">{{t_cmr_stale}}</span> {{t_cmr_stale_help}}{{/IS_STALE}}
      {{#IS_CLOSED}}<span class="badge ok run-status">{{t_cmr_frozen}}</span>{{/IS_CLOSED}}
      {{#SUPERSEDED}}<span class="badge draft run-status">{{t_cmr_superseded}}</span> <a href="/commission/runs/{{latest}}">#{{latest}}</a>{{/SUPERSEDED}}
    </p>
  </div>
  <div class="actions"><a class="btn" href="/commission/ledger?period={{label}}">{{t_cmr_open_ledger}}</a></div>
</header>
{{#ERROR}}<p class="flash error" role="alert">{{error}}</p>{{/ERROR}}
<div class="kpis">
  <div class="kpi"><p class="kpi-label">{{t_cmr_sales}}</p><p class="kpi-value money" id="run-sales">{{sales}}</p></div>
  <div class="kpi"><p class="kpi-label">{{t_cmr_commission}}</p><p class="kpi-value money" id="run-commission">{{commission}}</p></div>
  <div class="kpi"><p class="kpi-label">{{t_cmr_bonus}}</p><p class="kpi-value money" id="run-bonus">{{bonus}}</p></div>
  <div class="kpi"><p class="kpi-label">{{t_cmr_total}}</p><p class="kpi-value money" id="run-total">{{total}}</p></div>
</div>
<section class="card" aria-labelledby="run-facts">
  <div class="card-head"><h2 id="run-facts">{{t_cmr_facts}}</h2></div>
  <dl class="details" id="run-details">
    <dt>{{t_cmr_by}}</dt><dd id="run-by">{{started_by}}</dd>
    <dt>{{t_cmr_started}}</dt><dd>{{started_at}}</dd>
    <dt>{{t_cmr_finished}}</dt><dd>{{finished_at}}</dd>
    <dt>{{t_cmr_duration}}</dt><dd id="run-duration">{{duration_ms}} ms</dd>
    <dt>{{t_cmr_inputs}}</dt><dd id="run-inputs">{{in_lines}} {{t_cmr_in_lines}} · {{in_payments}} {{t_cmr_in_payments}} · {{in_targets}} {{t_cmr_in_targets}} · {{in_versions}} {{t_cmr_in_versions}}</dd>
    <dt>{{t_cmr_outputs}}</dt><dd id="run-outputs">{{reps}} {{t_cmr_reps}} · {{line_count}} {{t_cmr_lines}} ({{lines_kept}} {{t_cmr_kept}}, {{lines_added}} {{t_cmr_added}}, {{lines_removed}} {{t_cmr_removed}})</dd>
    <dt>{{t_cmr_digest}}</dt><dd class="mono small" id="run-digest">{{digest}}</dd>
  </dl>
</section>
<section class="card" aria-labelledby="run-warnings">
  <div class="card-head"><h2 id="run-warnings">{{t_cmr_warnings}} ({{warnings}})</h2></div>
  {{#NO_WARNINGS}}<p class="small">{{t_cmr_no_warnings}}</p>{{/NO_WARNINGS}}
  <ul class="warnings" id="warning-list">
  {{#WARNING}}<li>{{#ORDER}}<a href="/sales/orders/{{order_id}}" class="mono">{{order_no}}</a> · {{/ORDER}}<span class="mono small">{{message}}</span></li>
  {{/WARNING}}</ul>
</section>
<section class="card" aria-labelledby="run-compare">
  <div class="card-head"><h2 id="run-compare">{{t_cmr_compare}}</h2></div>
  {{#NO_PREVIOUS}}<p class="small" id="no-previous">{{t_cmr_no_previous}}</p>{{/NO_PREVIOUS}}
  {{#HAS_PREVIOUS}}<p class="small">{{t_cmr_compare_with}} <a href="/commission/runs/{{prev}}">#{{prev}}</a> · {{t_cmr_changed}} <span id="changed-count">{{changed}}</span></p>
  <div class="table-wrap">
  <table class="data compact" id="compare-table">
    <thead><tr>
      <th>{{t_cmr_rep}}</th>
      <th class="num">{{t_cmr_prev_sales}}</th><th class="num">{{t_cmr_sales}}</th>
      <th class="num">{{t_cmr_prev_commission}}</th><th class="num">{{t_cmr_commission}}</th>
      <th class="num">{{t_cmr_prev_total}}</th><th class="num">{{t_cmr_total}}</th>
      <th class="num">{{t_cmr_diff}}</th>
    </tr></thead>
    <tbody>
    {{#REP}}<tr data-login="{{login}}"{{#CHANGED}} class="changed"{{/CHANGED}}>
      <td>{{name}} <span class="small mono">{{login}}</span>{{#NEW_REP}} <span class="badge info">{{t_cmr_new_rep}}</span>{{/NEW_REP}}{{#GONE_REP}} <span class="badge warn">{{t_cmr_gone_rep}}</span>{{/GONE_REP}}</td>
      <td class="num money">{{prev_sales}}</td><td class="num money">{{sales}}</td>
      <td class="num money">{{prev_commission}}</td><td class="num money">{{commission}}</td>
      <td class="num money">{{prev_total}}</td><td class="num money">{{total}}</td>
      <td class="num money diff{{#diff_neg}} neg{{/diff_neg}}">{{diff}}</td>
    </tr>
    {{/REP}}</tbody>
    <tfoot><tr><th colspan="7">{{t_cmr_diff_total}}</th><td class="num money{{#diff_total_neg}} neg{{/diff_total_neg}}" id="diff-total">{{diff_total}}</td></tr></tfoot>
  </table>
  </div>{{/HAS_PREVIOUS}}
</section>
