{{%AUTOESCAPE context="HTML"}}{{>CM_TABS}}
<header class="page-head">
  <div>
    <p class="eyebrow"><a href="/commission/plans">{{t_cm_plans_title}}</a></p>
    <h1>{{name}} <span class="badge {{state}}" id="plan-state">{{state_label}}</span></h1>
    <p>{{from}} – {{to}} · {{period}} · {{currency}}</p>
  </div>
  <div class="actions">
    <a class="btn" href="/commission/plans/{{id}}/export">{{t_cm_plan_export}}</a>
    {{#CAN_EDIT}}<a class="btn" href="/commission/plans/{{id}}/edit" id="head-edit">{{t_cm_head_title}}</a>{{/CAN_EDIT}}
    {{#CAN_EDIT}}<a class="btn" href="/commission/plans/{{id}}/rules/new" id="rule-add">{{t_cm_rule_add}}</a>{{/CAN_EDIT}}
    {{#CAN_COPY}}<a class="btn" href="/commission/plans/{{id}}/copy">{{t_cm_plan_copy}}</a>{{/CAN_COPY}}
  </div>
</header>
{{#FROZEN}}<div class="notice warn" id="plan-frozen" role="note">
  <p><strong>{{t_cm_plan_frozen}}</strong> {{why}}</p>
  <p>{{t_cm_plan_frozen_help}} {{#CAN_COPY}}<a href="/commission/plans/{{id}}/copy">{{t_cm_plan_copy}}</a>{{/CAN_COPY}}</p>
</div>{{/FROZEN}}
{{#CAN_END}}<section class="card" id="plan-end">
  <h2>{{t_cm_end_title}}</h2>
  <p class="hint">{{t_cm_end_help}}</p>
  <form method="post" action="/commission/plans/{{id}}/end" class="inline-form">
    <input type="hidden" name="csrf" value="{{csrf}}">
    <label for="last_day">{{t_cm_end_last_day}}</label>
    <input id="last_day" name="last_day" type="text" placeholder="YYYY-MM-DD">
    <button type="submit" class="btn" id="end-save">{{t_cm_end_save}}</button>
  </form>
</section>{{/CAN_END}}
{{#HAS_ACTIONS}}<section class="card" id="plan-actions">
  <h2>{{t_cm_plan_activation}}</h2>
  <p class="hint">{{t_cm_plan_activation_help}}</p>
  {{#ACTION}}<form method="post" action="/commission/plans/{{id}}/move" class="inline-form">
    <input type="hidden" name="csrf" value="{{csrf}}">
    <input type="hidden" name="action" value="{{action}}">
    <input type="hidden" name="expect" value="{{flow_state}}">
    {{#NEEDS_COMMENT}}<label for="comment-{{action}}">{{t_cm_plan_reject_reason}}</label>
    <input id="comment-{{action}}" name="comment" type="text" maxlength="500">{{/NEEDS_COMMENT}}
    <button type="submit" class="btn{{#PRIMARY}} primary{{/PRIMARY}}" data-action="{{action}}">{{label}}</button>
  </form>{{/ACTION}}
</section>{{/HAS_ACTIONS}}
{{#OWN_PROPOSAL}}<p class="notice" id="plan-own-proposal">{{t_cm_plan_err_own_proposal}}</p>{{/OWN_PROPOSAL}}
<div class="grid-2">
  <section class="card">
    <h2>{{t_cm_plan_overview}}</h2>
    <dl class="details">
      <dt>{{t_cm_plan_state}}</dt><dd>{{state_label}}</dd>
      <dt>{{t_cm_plan_from}}</dt><dd>{{from}}</dd>
      <dt>{{t_cm_plan_to}}</dt><dd>{{to}}</dd>
      <dt>{{t_cm_plan_cap}}</dt><dd>{{#CAP}}<span class="money">{{cap}}</span>{{/CAP}}{{#NO_CAP}}{{t_cm_plan_no_cap}}{{/NO_CAP}}</dd>
      <dt>{{t_cm_plan_created}}</dt><dd>{{created_at}} · {{created_by}}</dd>
      {{#PROPOSED}}<dt>{{t_cm_plan_proposed}}</dt><dd>{{at}} · {{by}}</dd>{{/PROPOSED}}
      {{#DECIDED}}<dt>{{t_cm_plan_decided}}</dt><dd>{{at}} · {{by}}{{#DECISION_COMMENT}} · {{comment}}{{/DECISION_COMMENT}}</dd>{{/DECIDED}}
    </dl>
  </section>
  <section class="card">
    <h2>{{t_cm_plan_bonuses}}</h2>
    {{#HAS_BONUS}}<table class="data compact" id="plan-bonuses">
      <thead><tr><th class="num">{{t_cm_attainment}}</th><th class="num">{{t_cm_bonus_amount}}</th></tr></thead>
      <tbody>{{#BONUS}}<tr><td class="num">≥ {{attainment}}%</td><td class="num money">{{amount}}</td></tr>{{/BONUS}}</tbody>
    </table>{{/HAS_BONUS}}
    {{#NO_BONUS}}<p class="muted">{{t_cm_plan_no_bonus}}</p>{{/NO_BONUS}}
  </section>
</div>
<section class="card" id="plan-rules">
  <h2>{{t_cm_plan_rules}}</h2>
  <p class="hint">{{t_cm_plan_rules_help}}</p>
  {{#NO_RULES}}<p class="muted">{{t_cm_plan_no_rules}}</p>{{/NO_RULES}}
  {{#RULE}}<article class="rule" id="rule-{{code}}">
    <h3><span class="muted">{{rank}}.</span> <span class="mono">{{code}}</span></h3>
    {{#RULE_EDIT}}<div class="actions">
      <a class="btn small" href="/commission/plans/{{id}}/rules/{{position}}" data-edit="{{code}}">{{t_cm_plan_edit}}</a>
      <form method="post" action="/commission/plans/{{id}}/rules/{{position}}/delete" class="inline-form" data-confirm="{{t_cm_rule_delete_confirm}}">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <button type="submit" class="btn small danger" data-delete="{{code}}">{{t_cm_rule_delete}}</button>
      </form>
    </div>{{/RULE_EDIT}}
    <dl class="details">
      <dt>{{t_cm_rule_applies_to}}</dt><dd>{{#ANY_MATCH}}{{t_cm_rule_any}}{{/ANY_MATCH}}{{#MATCH}}<span class="badge info">{{key}}: <span class="mono">{{value}}</span>{{#EMPTY_VALUE}} ({{t_cm_rule_empty_matches_nothing}}){{/EMPTY_VALUE}}</span> {{/MATCH}}</dd>
      <dt>{{t_cm_rule_priority}}</dt><dd>{{priority}}</dd>
      <dt>{{t_cm_rule_base}}</dt><dd>{{base}}</dd>
      {{#RATE}}<dt>{{t_cm_rule_rate}}</dt><dd class="num">{{rate}}</dd>{{/RATE}}
      {{#PER_UNIT}}<dt>{{t_cm_rule_per_unit}}</dt><dd class="money">{{per_unit}}</dd>{{/PER_UNIT}}
    </dl>
    {{#TIERS}}<div class="tiers">
      <p><strong>{{mode}}</strong> — {{mode_help}}</p>
      <table class="data compact">
        <thead><tr><th class="num">#</th><th class="num">{{t_cm_tiers_from}}</th><th class="num">{{t_cm_tiers_upto}}</th><th class="num">{{t_cm_rule_rate}}</th></tr></thead>
        <tbody>{{#BAND}}<tr><td class="num">{{n}}</td><td class="num money">{{from}}</td><td class="num money">{{upto}}{{#NO_UPTO}}{{t_cm_tiers_no_limit}}{{/NO_UPTO}}</td><td class="num">{{rate}}</td></tr>{{/BAND}}</tbody>
      </table>
      {{>TIER_CHART}}
    </div>{{/TIERS}}
  </article>{{/RULE}}
</section>
<section class="card" id="plan-accelerators">
  <h2>{{t_cm_plan_accelerators}}</h2>
  <p class="hint">{{t_cm_plan_accelerators_help}}</p>
  {{#ACCEL}}<table class="data compact">
    <thead><tr><th class="num">{{t_cm_attainment}}</th><th class="num">{{t_cm_multiplier}}</th></tr></thead>
    <tbody>{{#STEP}}<tr><td class="num">≥ {{attainment}}%</td><td class="num">× {{multiplier}}</td></tr>{{/STEP}}</tbody>
  </table>
  {{>ACCEL_CHART}}{{/ACCEL}}
  {{#NO_ACCEL}}<p class="muted">{{t_cm_plan_no_accel}}</p>{{/NO_ACCEL}}
</section>
{{#HAS_HISTORY}}<section class="card" id="plan-history">
  <h2>{{t_cm_plan_history}}</h2>
  <table class="data compact">
    <thead><tr><th>{{t_cm_plan_history_at}}</th><th>{{t_cm_plan_history_by}}</th><th>{{t_cm_plan_history_what}}</th><th>{{t_cm_plan_state}}</th><th>{{t_cm_plan_history_comment}}</th></tr></thead>
    <tbody>{{#HISTORY}}<tr><td>{{at}}</td><td>{{by}}</td><td>{{what}}</td><td>{{to}}</td><td>{{comment}}</td></tr>{{/HISTORY}}</tbody>
  </table>
</section>{{/HAS_HISTORY}}
