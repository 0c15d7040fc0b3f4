{{%AUTOESCAPE context="HTML"}}{{>CM_TABS}}
<header class="page-head">
  <div>
    <p class="eyebrow"><a href="/commission/ledger?period={{period}}">{{t_cml_title}}</a></p>
    <h1>{{t_cmw_title}}</h1>
    <p><span class="mono">{{period}}</span> · {{name}} · <a class="mono" href="/sales/orders/{{order_id}}">{{order_no}}</a>·{{line_no}}{{#PAYMENT}} · {{t_cml_payment}} <span class="mono">{{payment_no}}</span>{{/PAYMENT}} · <span class="badge {{tracking}}">{{tracking_label}}</span></p>
  </div>
  {{#CAN_DISPUTE}}<div class="actions"><a class="btn" id="why-dispute" href="/commission/disputes/new?line={{id}}">{{t_cmw_dispute}}</a></div>{{/CAN_DISPUTE}}
</header>
<div class="kpis">
  <div class="kpi"><p class="kpi-label">{{t_cmw_this_line}}</p><p class="kpi-value money{{#amount_neg}} neg{{/amount_neg}}" id="why-amount">{{amount}}</p><p class="kpi-sub">{{t_cmw_this_line_sub}}</p></div>
</div>
{{#STALE}}<p class="flash warn" id="why-stale" role="status">{{t_cmw_stale}}</p>{{/STALE}}
{{#REMOVED}}<p class="flash warn" id="why-removed">{{t_cmw_removed}}</p>{{/REMOVED}}
{{#NO_EXPLANATION}}<p class="flash warn" id="why-none">{{t_cmw_none}}</p>{{/NO_EXPLANATION}}
{{#EXPLAINED}}
{{#NO_VERSION}}<section class="card"><p>{{t_cmw_no_version}}</p></section>{{/NO_VERSION}}
{{#NO_RULE}}<section class="card"><p>{{t_cmw_no_rule}}</p></section>{{/NO_RULE}}
{{#RULE}}<section class="card" aria-labelledby="why-rule">
  <div class="card-head"><h2 id="why-rule">1 · {{t_cmw_rule_title}}</h2></div>
  <dl class="details">
    <dt>{{t_cmw_version}}</dt><dd>{{version}} ({{from}} – {{to}})</dd>
    <dt>{{t_cmw_rule}}</dt><dd><span class="mono" id="why-rule-id">{{rule}}</span> · {{t_cmw_priority}} {{priority}} · {{t_cmw_keys}} {{nkeys}}{{#MATCH}} · {{attr}} = <span class="mono">{{value}}</span>{{/MATCH}}</dd>
    <dt>{{t_cmw_rivals}}</dt><dd>{{#NO_RIVALS}}{{t_cmw_no_rivals}}{{/NO_RIVALS}}<ul class="plain" id="why-rivals">{{#RIVAL}}<li><span class="mono">{{rule}}</span> ({{t_cmw_priority}} {{priority}}, {{t_cmw_keys}} {{nkeys}}): {{why}}</li>{{/RIVAL}}</ul></dd>
  </dl>
</section>{{/RULE}}
{{#BASE}}<section class="card" aria-labelledby="why-base">
  <div class="card-head"><h2 id="why-base">2 · {{t_cmw_base_title}}</h2></div>
  <dl class="details">
    <dt>{{t_cml_base_kind}}</dt><dd>{{kind}}</dd>
    {{#MARGIN}}<dt>{{t_cmw_margin}}</dt><dd>{{amount}} − {{cost}}</dd>{{/MARGIN}}
    <dt>{{t_cmw_credited}}</dt><dd><span class="num">{{value}}</span> × {{t_cmw_share}} {{share}} = <strong id="why-base-value">{{base}}</strong></dd>
    <dt>{{t_cmw_sales_credit}}</dt><dd>{{sales}}</dd>
  </dl>
</section>{{/BASE}}
{{#COLLECTED}}<section class="card" aria-labelledby="why-payment">
  <div class="card-head"><h2 id="why-payment">2a · {{t_cmw_payment_title}} <span class="mono">{{payment}}</span></h2></div>
  <dl class="details">
    <dt>{{t_cmw_payment}}</dt><dd>{{date}} · {{amount}}</dd>
    <dt>{{t_cmw_paid_total}}</dt><dd>{{raw_before}} → {{raw_after}}</dd>
    <dt>{{t_cmw_credited_total}}</dt><dd>{{credited_before}} → {{credited_after}} ({{t_cmw_between}} 0.00 – {{order_amount}})</dd>
    <dt>{{t_cmw_credit}}</dt><dd><strong>{{credit}}</strong>{{#CLAMPED}} <span class="badge warn">{{t_cmw_clamped}}</span>{{/CLAMPED}}</dd>
  </dl>
  <p class="small">{{t_cmw_spread_over_lines}} {{spread_total}} / {{spread_sum}} · {{t_cmw_left}} {{spread_left}}</p>
  <div class="table-wrap"><table class="data compact"><thead><tr><th>{{t_cml_order}}</th><th class="num">{{t_cmw_weight}}</th><th class="num">{{t_cmw_floor}}</th><th class="num">{{t_cmw_rem}}</th><th>{{t_cmw_extra}}</th><th class="num">{{t_cmw_part}}</th></tr></thead><tbody>
  {{#ITEM}}<tr{{#THIS}} class="this"{{/THIS}}><td class="mono">{{key}}{{#THIS}} ◀{{/THIS}}</td><td class="num">{{weight}}</td><td class="num">{{floor}}</td><td class="num">{{rem}}</td><td>{{#EXTRA}}+0.01{{/EXTRA}}</td><td class="num">{{part}}</td></tr>{{/ITEM}}
  </tbody></table></div>
</section>{{/COLLECTED}}
{{#PERIOD_RULE}}<section class="card" aria-labelledby="why-tiers">
  <div class="card-head"><h2 id="why-tiers">3 · {{t_cmw_rule_period_title}} <span class="mono">{{rule}}</span></h2></div>
  <p>{{kind}} · {{t_cmw_period_base}} <strong id="why-period-base">{{base}}</strong> ({{nlines}} {{t_cmw_credits}})</p>
  <div class="table-wrap"><table class="data compact" id="why-slices"><thead><tr><th>{{t_cmw_band}}</th><th>{{t_cmw_range}}</th><th class="num">{{t_cmw_rate}}</th><th class="num">{{t_cmw_slice}}</th><th class="num">{{t_cmw_slice_commission}}</th></tr></thead><tbody>
  {{#SLICE}}<tr><td>{{band}}</td><td>{{range}}{{#WHOLE}} <span class="small">{{t_cmw_whole}}</span>{{/WHOLE}}{{#NEGATIVE}} <span class="small">{{t_cmw_negative}}</span>{{/NEGATIVE}}</td><td class="num">{{rate}}</td><td class="num">{{amount}}</td><td class="num">{{commission}}</td></tr>{{/SLICE}}
  </tbody><tfoot><tr><th colspan="4">{{t_cmw_rule_commission}}</th><td class="num" id="why-rule-commission">{{commission}}</td></tr></tfoot></table></div>
</section>{{/PERIOD_RULE}}
{{#PERIOD}}<section class="card" aria-labelledby="why-period">
  <div class="card-head"><h2 id="why-period">4 · {{t_cmw_period_title}}</h2></div>
  <dl class="details">
    <dt>{{t_cmw_period_sales}}</dt><dd>{{sales}}</dd>
    {{#NO_TARGET}}<dt>{{t_cmw_target}}</dt><dd>{{t_cmw_no_target}}</dd>{{/NO_TARGET}}
    {{#TARGET}}<dt>{{t_cmw_target}}</dt><dd>{{target}}</dd>
    <dt>{{t_cmw_attainment}}</dt><dd>{{attainment}}% ({{t_cmw_printed}} {{printed}})</dd>
    <dt>{{t_cmw_accelerator}}</dt><dd id="why-accelerator">{{#ACCEL}}×{{mult}} ({{at}} {{t_cmw_reached}}){{/ACCEL}}{{#NO_ACCEL}}{{t_cmw_no_accel}}{{/NO_ACCEL}}{{#NEXT_ACCEL}} · {{t_cmw_next_accel}} {{gap}} → {{at}} (×{{mult}}){{/NEXT_ACCEL}}</dd>{{/TARGET}}
    <dt>{{t_cmw_rule_sum}}</dt><dd>{{rule_sum}}</dd>
    <dt>{{t_cmw_multiplied}}</dt><dd>{{rule_sum}} × {{multiplier}} = {{multiplied}}</dd>
    <dt>{{t_cmw_cap}}</dt><dd>{{#NO_CAP}}{{t_cmw_no_cap}}{{/NO_CAP}}{{#CAP}}{{cap}} · {{#CAPPED}}<span class="badge warn">{{t_cmw_capped}}</span>{{/CAPPED}}{{#NOT_CAPPED}}{{t_cmw_not_capped}}{{/NOT_CAPPED}}{{/CAP}}</dd>
    <dt>{{t_cmw_unrounded}}</dt><dd>{{unrounded}}</dd>
    <dt>{{t_cmw_rounded}}</dt><dd><strong id="why-period-commission">{{commission}}</strong> <span class="small">{{t_cmw_rounding}}</span></dd>
    <dt>{{t_cmw_bonus}}</dt><dd>{{bonus}} <span class="small">{{t_cmw_bonus_note}}</span></dd>
    <dt>{{t_cmr_total}}</dt><dd>{{total}}</dd>
  </dl>
</section>{{/PERIOD}}
{{#STAGE1}}<section class="card" aria-labelledby="why-stage1">
  <div class="card-head"><h2 id="why-stage1">5 · {{t_cmw_stage1}}</h2></div>
  <p class="small">{{spread_total}} {{t_cmw_over_rules}} ({{t_cmw_sum}} {{spread_sum}}) · {{t_cmw_left}} {{spread_left}}</p>
  <div class="table-wrap"><table class="data compact" id="why-stage1-table"><thead><tr><th>{{t_cmw_rule}}</th><th class="num">{{t_cmw_rule_commission}}</th><th class="num">{{t_cmw_floor}}</th><th class="num">{{t_cmw_rem}}</th><th>{{t_cmw_extra}}</th><th class="num">{{t_cmw_part}}</th></tr></thead><tbody>
  {{#ITEM}}<tr{{#THIS}} class="this"{{/THIS}}><td class="mono">{{key}}{{#THIS}} ◀{{/THIS}}</td><td class="num">{{weight}}</td><td class="num">{{floor}}</td><td class="num">{{rem}}</td><td>{{#EXTRA}}+0.01{{/EXTRA}}</td><td class="num">{{part}}</td></tr>{{/ITEM}}
  </tbody></table></div>
</section>{{/STAGE1}}
{{#STAGE2}}<section class="card" aria-labelledby="why-stage2">
  <div class="card-head"><h2 id="why-stage2">6 · {{t_cmw_stage2}} <span class="mono">{{rule}}</span></h2></div>
  <p class="small">{{part}} {{t_cmw_over_lines}} ({{t_cmw_sum}} {{spread_sum}}) · {{t_cmw_left}} {{spread_left}}</p>
  <p id="why-sum">{{t_cmw_this_gets}} {{my_floor}}{{#MY_EXTRA}} + 0.01{{/MY_EXTRA}} = <strong id="why-stage2-part">{{my_part}}</strong></p>
  <div class="table-wrap"><table class="data compact" id="why-stage2-table"><thead><tr><th>{{t_cml_order}}</th><th class="num">{{t_cmw_weight}}</th><th class="num">{{t_cmw_floor}}</th><th class="num">{{t_cmw_rem}}</th><th>{{t_cmw_extra}}</th><th class="num">{{t_cmw_part}}</th></tr></thead><tbody>
  {{#ITEM}}<tr{{#THIS}} class="this"{{/THIS}}><td class="mono">{{key}}{{#THIS}} ◀{{/THIS}}</td><td class="num">{{weight}}</td><td class="num">{{floor}}</td><td class="num">{{rem}}</td><td>{{#EXTRA}}+0.01{{/EXTRA}}</td><td class="num">{{part}}</td></tr>{{/ITEM}}
  </tbody></table></div>
  {{#MORE}}<p class="small" id="why-more">{{t_cmw_more}} {{more}}</p>{{/MORE}}
</section>{{/STAGE2}}
{{/EXPLAINED}}
