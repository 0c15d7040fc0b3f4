{{%AUTOESCAPE context="HTML"}}{{>CM_TABS}}
<div class="page-head">
  <div>
    <p class="eyebrow"><a href="{{opp_href}}">{{t_est_opportunity}} #{{id}}</a></p>
    <h1>{{t_est_title}} · {{title}}</h1>
    <p>{{t_est_intro}}</p>
  </div>
</div>
<section class="card">
    <h2>{{t_est_opportunity}}</h2>
    <dl class="details">
      <dt>{{t_est_owner}}</dt><dd>{{owner}}</dd>
      <dt>{{t_est_customer}}</dt><dd>{{customer}}</dd>
      <dt>{{t_est_region}}</dt><dd>{{region}}</dd>
      <dt>{{t_est_channel}}</dt><dd>{{channel}}</dd>
      <dt>{{t_est_amount}}</dt><dd class="money" id="est-amount">{{amount}}</dd>
    </dl>
    {{#NOT_OPEN}}<p class="flash warn" id="est-not-open">{{t_est_not_open}}</p>{{/NOT_OPEN}}
    <form method="get" action="/commission/estimate" class="form narrow" id="est-form">
      <input type="hidden" name="opportunity" value="{{id}}">
      <div class="field">
        <label for="product_type" class="required">{{t_est_product_type}}</label>
        <select id="product_type" name="product_type"{{#PRODUCT_TYPE_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/PRODUCT_TYPE_ERROR}}>
          <option value="">{{t_est_pick_type}}</option>
          {{#TYPE_OPT}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/TYPE_OPT}}
        </select>
        <p class="hint">{{t_est_product_type_hint}}</p>
        {{#PRODUCT_TYPE_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/PRODUCT_TYPE_ERROR}}
      </div>
      <div class="form-actions"><button type="submit" class="btn primary" id="est-go">{{t_est_calculate}}</button></div>
    </form>
</section>
  <section class="card" id="est-result">
    <h2>{{t_est_result}} · {{period}}</h2>
    {{#PICK}}<p class="muted">{{t_est_pick_help}}</p>{{/PICK}}
    {{#NO_PLAN}}<p class="flash warn" id="est-no-plan">{{t_est_no_plan}}</p>{{/NO_PLAN}}
    {{#NO_RULE}}<p class="flash warn" id="est-no-rule">{{t_est_no_rule}}</p>{{/NO_RULE}}
    {{#ENGINE_ERROR}}<p class="flash error">{{t_est_engine_error}} {{error}}</p>{{/ENGINE_ERROR}}
    {{#RULE}}<p id="est-rule">{{t_est_rule}}: <strong>{{rule}}</strong> · {{base}} · {{t_est_version}} {{version}}</p>
    {{#COLLECTED}}<p class="flash info" id="est-collected">{{t_est_collected}}</p>{{/COLLECTED}}
    {{#MARGIN}}<p class="muted" id="est-margin">{{t_est_margin}} {{cost}}</p>{{/MARGIN}}
    {{#QUANTITY}}<p class="muted">{{t_est_quantity}}</p>{{/QUANTITY}}{{/RULE}}
    {{#GAIN}}<p class="kpi-value money{{#gain_NEG}} neg{{/gain_NEG}}" id="est-gain">{{gain_sign}}{{gain}}</p>
    <p>{{t_est_gain_help}}</p>
    <p class="muted">{{t_est_line}} <span class="money" id="est-line">{{line}}</span> · {{t_est_gain_commission}} <span class="money" id="est-gain-commission">{{gain_commission}}</span> · {{t_est_gain_bonus}} <span class="money" id="est-gain-bonus">{{gain_bonus}}</span></p>{{/GAIN}}
    {{#EXPLAIN}}<div id="est-explain">
      <h3>{{t_est_explain}}</h3>
      <p>{{t_est_rule_base}} <span class="money">{{rule_base}}</span> · {{t_est_rule_commission}} <span class="money">{{rule_commission}}</span></p>
      <div class="table-wrap"><table class="data compact" id="est-slices">
        <thead><tr><th class="num">{{t_est_slice_from}}</th><th class="num">{{t_est_slice_to}}</th><th class="num">{{t_est_slice_rate}}</th><th class="num">{{t_est_slice_commission}}</th></tr></thead>
        <tbody>{{#SLICE}}<tr><td class="num money">{{from}}</td><td class="num money">{{to}}</td><td class="num">{{rate}}{{#PERCENT}}%{{/PERCENT}}</td><td class="num money">{{commission}}</td></tr>{{/SLICE}}</tbody>
      </table></div>
      <p>{{t_est_multiplier}} <strong id="est-multiplier">×{{multiplier}}</strong>{{#NEXT_ACCEL}} · {{t_est_next_accel}} <span class="money">{{gap}}</span> → ×{{next_multiplier}}{{/NEXT_ACCEL}}{{#CAPPED}} · {{t_est_capped}} <span class="money">{{cap}}</span>{{/CAPPED}}</p>
    </div>{{/EXPLAIN}}
    {{#BEFORE}}<div class="table-wrap"><table class="data compact" id="est-compare">
      <thead><tr><th></th><th class="num">{{t_est_sales}}</th><th class="num">{{t_est_target}}</th><th class="num">{{t_est_attainment}}</th><th class="num">{{t_est_commission}}</th><th class="num">{{t_est_bonus}}</th><th class="num">{{t_est_total}}</th></tr></thead>
      <tbody><tr id="est-before"><th>{{t_est_before}}</th><td class="num money">{{sales}}</td><td class="num money">{{target}}</td><td class="num">{{attainment}}</td><td class="num money{{#commission_NEG}} neg{{/commission_NEG}}">{{commission}}</td><td class="num money">{{bonus}}</td><td class="num money{{#total_NEG}} neg{{/total_NEG}}">{{total}}</td></tr>{{/BEFORE}}
      {{#AFTER}}<tr id="est-after"><th>{{t_est_after}}</th><td class="num money">{{sales}}</td><td class="num money">{{target}}</td><td class="num">{{attainment}}</td><td class="num money{{#commission_NEG}} neg{{/commission_NEG}}">{{commission}}</td><td class="num money">{{bonus}}</td><td class="num money{{#total_NEG}} neg{{/total_NEG}}">{{total}}</td></tr></tbody>
    </table></div>{{/AFTER}}
</section>
