{{%AUTOESCAPE context="HTML"}}{{>CM_TABS}}
<header class="page-head">
  <div>
    <p class="eyebrow">{{t_cm_home_title}}</p>
    <h1>{{t_cmr_title}}</h1>
    <p>{{t_cmr_intro}}</p>
  </div>
  {{#CAN_RUN}}<div class="actions">
    <form method="post" action="/commission/runs" class="inline-form" id="run-open">
      <input type="hidden" name="csrf" value="{{csrf}}">
      <input type="hidden" name="period" value="open">
      <button type="submit" class="btn primary">{{t_cmr_run_open}}</button>
    </form>
  </div>{{/CAN_RUN}}
</header>
<div id="run-jobs"{{#RUNNING}} data-job-reload{{/RUNNING}}>
{{#JOB}}{{>JOB_STATUS}}{{/JOB}}
{{#OTHER_JOB}}<p class="flash warn other-job">{{t_cmr_other_job}} <span class="mono">{{key}}</span> · {{who}}</p>{{/OTHER_JOB}}
</div>
<section class="card" aria-labelledby="periods-title">
  <div class="card-head"><h2 id="periods-title">{{t_cmr_periods}}</h2></div>
  <p class="small">{{t_cmr_periods_help}}</p>
  <div class="table-wrap">
  <table class="data compact" id="periods-table">
    <thead><tr>
      <th>{{t_cmr_period}}</th>
      <th>{{t_cmr_state}}</th>
      <th>{{t_cmr_latest_run}}</th>
      <th>{{t_cmr_by}}</th>
      <th>{{t_cmr_finished}}</th>
      <th class="num">{{t_cmr_reps}}</th>
      <th class="num">{{t_cmr_lines}}</th>
      <th class="num">{{t_cmr_commission}}</th>
      <th class="num">{{t_cmr_total}}</th>
      <th class="num">{{t_cmr_warnings}}</th>
      <th>{{t_cmr_results}}</th>
      <th>{{t_cmr_actions}}</th>
    </tr></thead>
    <tbody>
    {{#PERIOD_ROW}}<tr data-period="{{label}}">
      <td class="mono">{{label}}</td>
      <td><span class="badge {{state_badge}} period-state">{{state_label}}</span></td>
      {{#HAS_RUN}}<td class="mono"><a href="/commission/runs/{{run_id}}">#{{run_id}}</a></td>
      <td>{{started_by}}</td>
      <td class="nowrap">{{finished_at}} <span class="small">({{duration_ms}} ms)</span></td>
      <td class="num">{{reps}}</td>
      <td class="num">{{lines}}</td>
      <td class="num money{{#commission_neg}} neg{{/commission_neg}}">{{commission}}</td>
      <td class="num money{{#total_neg}} neg{{/total_neg}}">{{total}}</td>
      <td class="num">{{warnings}}</td>{{/HAS_RUN}}
      {{#NO_RUN}}<td colspan="8" class="small">{{t_cmr_no_run}}</td>{{/NO_RUN}}
      <td>{{#IS_CLOSED}}<span class="badge ok run-status">{{t_cmr_frozen}}</span>{{/IS_CLOSED}}{{#IS_CURRENT}}<span class="badge ok run-status">{{t_cmr_current}}</span>{{/IS_CURRENT}}{{#IS_STALE}}<span class="badge warn run-status" title="{{t_cmr_stale_help}}">{{t_cmr_stale}}</span>{{/IS_STALE}}</td>
      <td class="nowrap">
        {{#CAN_RUN_IT}}<form method="post" action="/commission/runs" class="inline-form run-form">
          <input type="hidden" name="csrf" value="{{csrf}}">
          <input type="hidden" name="period" value="{{label}}">
          <button type="submit" class="btn small">{{t_cmr_run}}</button>
        </form>{{/CAN_RUN_IT}}
        {{#CAN_CLOSE}}<form method="post" action="/commission/runs/close" class="inline-form close-form" data-confirm="{{t_cmr_close_confirm}} {{label}}">
          <input type="hidden" name="csrf" value="{{csrf}}">
          <input type="hidden" name="period" value="{{label}}">
          <button type="submit" class="btn small">{{t_cmr_close}}</button>
        </form>{{/CAN_CLOSE}}
        {{#CLOSE_NEEDS_RUN}}<span class="small">{{t_cmr_close_needs_run}}</span>{{/CLOSE_NEEDS_RUN}}
        {{#NOT_ENDED}}<span class="small">{{t_cmr_not_ended}}</span>{{/NOT_ENDED}}
      </td>
    </tr>
    {{/PERIOD_ROW}}</tbody>
  </table>
  </div>
</section>
