{{%AUTOESCAPE context="HTML"}}{{>PERF_TABS}}
<link rel="stylesheet" href="{{static}}/performance.css">
<header class="page-head">
  <div>
    <p class="eyebrow">{{t_perf_title}}</p>
    <h1>{{t_perf_proposals_title}}</h1>
    <p>{{t_perf_proposals_intro}}</p>
  </div>
</header>
{{#PROPOSE}}<section class="card">
  <h2>{{t_perf_propose}}</h2>
  <form method="post" action="/performance/proposals" class="form narrow" id="propose-form">
    {{>FORM_ERRORS}}
    <input type="hidden" name="csrf" value="{{csrf}}">
    <div class="field"><label for="rep" class="required">{{t_perf_rep}}</label>
      <select id="rep" name="rep"{{#REP_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/REP_ERROR}}><option value=""></option>{{#REP_OPT}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/REP_OPT}}</select>
      {{#REP_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/REP_ERROR}}</div>
    <div class="field"><label for="period" class="required">{{t_perf_period}}</label>
      <input id="period" name="period" value="{{period}}" placeholder="2026-07"{{#PERIOD_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/PERIOD_ERROR}}>
      {{#PERIOD_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/PERIOD_ERROR}}</div>
    <div class="field"><label for="amount" class="required">{{t_perf_amount}}</label>
      <input id="amount" name="amount" value="{{amount}}" inputmode="decimal"{{#AMOUNT_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/AMOUNT_ERROR}}>
      {{#AMOUNT_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/AMOUNT_ERROR}}</div>
    <div class="field"><label for="note">{{t_perf_note}}</label>
      <input id="note" name="note" value="{{note}}">
      {{#NOTE_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/NOTE_ERROR}}</div>
    <div class="form-actions"><button type="submit" class="btn primary">{{t_perf_propose}}</button></div>
  </form>
</section>{{/PROPOSE}}
<section class="card">
  <div class="table-wrap"><table class="data compact" id="proposals">
    <thead><tr><th>{{t_perf_rep}}</th><th>{{t_perf_period}}</th><th class="num">{{t_perf_amount}}</th><th class="num">{{t_perf_current}}</th><th>{{t_perf_proposer}}</th><th>{{t_perf_note}}</th><th>{{t_perf_state}}</th><th>{{t_common_actions}}</th></tr></thead>
    <tbody>{{#PROPOSAL}}<tr data-id="{{id}}"><td>{{rep}}</td><td>{{period}}</td><td class="num money">{{amount}}</td><td class="num money">{{current}}</td><td>{{proposer}}<br><span class="muted small">{{at}}</span></td><td class="wrap">{{note}}{{decision_note}}</td><td><span class="badge">{{state_label}}</span></td>
      <td>{{#CAN_DECIDE}}<form method="post" action="/performance/proposals/{{id}}" class="inline-form"><input type="hidden" name="csrf" value="{{csrf}}"><input name="comment" placeholder="{{t_perf_comment}}" aria-label="{{t_perf_comment}}"><button class="btn primary" name="action" value="approve">{{t_perf_approve}}</button><button class="btn ghost" name="action" value="reject">{{t_perf_reject}}</button></form>{{/CAN_DECIDE}}</td></tr>{{/PROPOSAL}}</tbody>
  </table></div>
  {{#NO_PROPOSALS}}<p class="empty">{{t_perf_no_proposals}}</p>{{/NO_PROPOSALS}}
</section>
