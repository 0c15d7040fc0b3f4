{{%AUTOESCAPE context="HTML"}}{{>CM_TABS}}
<div class="page-head">
  <div>
    <p class="eyebrow"><a href="/commission/disputes">{{t_dsp_title}}</a> · #{{id}}</p>
    <h1>{{t_dsp_detail_title}} · {{rep}}</h1>
    <p><span class="badge {{state_code}}" id="dsp-state">{{state}}</span> {{period}}</p>
  </div>
</div>
<div class="grid-2">
  <section class="card">
    <h2>{{t_dsp_subject}}</h2>
    {{#ON_LINE}}<dl class="details" id="dsp-line">
      <dt>{{t_dsp_line}}</dt><dd><a href="{{line_href}}">#{{line_id}}</a> · {{line_period}} · {{line_date}}</dd>
      <dt>{{t_dsp_order}}</dt><dd>{{order_no}} / {{line_no}} · {{product}}</dd>
      <dt>{{t_dsp_rule}}</dt><dd>{{rule}}</dd>
      <dt>{{t_dsp_line_commission}}</dt><dd class="money{{#line_commission_NEG}} neg{{/line_commission_NEG}}">{{line_commission}}</dd>
    </dl>
    {{#LINE_REMOVED}}<p class="flash warn" id="dsp-line-removed">{{t_dsp_line_removed}}</p>{{/LINE_REMOVED}}{{/ON_LINE}}
    {{#MISSING}}<dl class="details"><dt>{{t_dsp_missing_order}}</dt><dd class="mono" id="dsp-order-ref">{{order_ref}}</dd></dl>{{/MISSING}}
    <h3>{{t_dsp_comment}}</h3>
    <p class="wrap" id="dsp-comment">{{comment}}</p>
    <p class="muted">{{rep}} ({{rep_login}}) · {{created_at}}</p>
    {{#OUTCOME}}<div class="outcome" id="dsp-outcome">
      <h2>{{t_dsp_outcome}}</h2>
      <p class="wrap" id="dsp-reply">{{reply}}</p>
      <p class="muted">{{answerer}} · {{answered_at}}</p>
      {{#ADJUSTMENT}}<p id="dsp-adjustment">{{t_dsp_adjustment}}: <a href="{{adj_href}}"><span class="money{{#adj_amount_NEG}} neg{{/adj_amount_NEG}}">{{adj_amount}}</span> · {{adj_period}}</a> <span class="badge {{adj_state_code}}">{{adj_state}}</span></p>{{/ADJUSTMENT}}
    </div>{{/OUTCOME}}
  </section>
  <section class="card">
    <h2>{{t_dsp_thread}}</h2>
    <ol class="timeline" id="dsp-thread">
      {{#MOVE}}<li><span class="when">{{at}} · {{action}}</span>{{#HAS_COMMENT}}<span class="what">{{comment}}</span>{{/HAS_COMMENT}}<span class="who">{{by}}</span></li>{{/MOVE}}
    </ol>
    {{#REPLY}}<form method="post" action="/commission/disputes/{{id}}/reply" class="form narrow" id="dsp-reply-form" novalidate>
      <input type="hidden" name="csrf" value="{{csrf}}">
      <input type="hidden" name="from" value="{{from}}">
      <div class="field">
        <label for="reply-comment">{{t_dsp_message}}</label>
        <textarea id="reply-comment" name="comment" rows="3" maxlength="2000"{{#COMMENT_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/COMMENT_ERROR}}>{{comment}}</textarea>
        {{#COMMENT_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/COMMENT_ERROR}}
      </div>
      <div class="form-actions"><button type="submit" class="btn" id="dsp-send">{{t_dsp_send}}</button></div>
    </form>{{/REPLY}}
    {{#WITHDRAW}}<form method="post" action="/commission/disputes/{{id}}/withdraw" class="inline-form" id="dsp-withdraw-form">
      <input type="hidden" name="csrf" value="{{csrf}}">
      <input type="hidden" name="from" value="{{from}}">
      <button type="submit" class="btn ghost small" id="dsp-withdraw">{{t_dsp_withdraw}}</button>
    </form>{{/WITHDRAW}}
  </section>
</div>
{{#ACCEPT}}<div class="grid-2">
  <section class="card">
    <h2>{{t_dsp_accept_title}}</h2>
    <p>{{t_dsp_accept_help}}</p>
    <form method="post" action="/commission/disputes/{{id}}/accept" class="form" id="dsp-accept-form" novalidate>
      {{>FORM_ERRORS}}
      <input type="hidden" name="csrf" value="{{csrf}}">
      <input type="hidden" name="from" value="{{from}}">
      <div class="field">
        <label for="period" class="required">{{t_adj_period}}</label>
        <select id="period" name="period"{{#PERIOD_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/PERIOD_ERROR}}>
          {{#PERIOD_OPT}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/PERIOD_OPT}}
        </select>
        {{#PERIOD_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/PERIOD_ERROR}}
      </div>
      <div class="field">
        <label for="amount" class="required">{{t_adj_amount}}</label>
        <input id="amount" name="amount" type="text" inputmode="decimal" class="money" value="{{amount}}"{{#AMOUNT_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/AMOUNT_ERROR}}>
        <p class="hint">{{t_adj_amount_hint}}</p>
        {{#AMOUNT_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/AMOUNT_ERROR}}
      </div>
      <div class="field">
        <label for="reason" class="required">{{t_dsp_reply}}</label>
        <input id="reason" name="reason" type="text" maxlength="500" value="{{reason}}"{{#REASON_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/REASON_ERROR}}>
        {{#REASON_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/REASON_ERROR}}
      </div>
      <div class="form-actions"><button type="submit" class="btn primary" id="dsp-accept">{{t_dsp_accept}}</button></div>
    </form>
  </section>
  {{/ACCEPT}}{{#REJECT}}<section class="card">
    <h2>{{t_dsp_reject_title}}</h2>
    <form method="post" action="/commission/disputes/{{id}}/reject" class="form" id="dsp-reject-form" novalidate>
      <input type="hidden" name="csrf" value="{{csrf}}">
      <input type="hidden" name="from" value="{{from}}">
      <div class="field">
        <label for="reject-comment" class="required">{{t_dsp_reply}}</label>
        <textarea id="reject-comment" name="comment" rows="3" maxlength="2000"{{#COMMENT_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/COMMENT_ERROR}}>{{comment}}</textarea>
        {{#COMMENT_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/COMMENT_ERROR}}
      </div>
      <div class="form-actions"><button type="submit" class="btn danger" id="dsp-reject">{{t_dsp_reject}}</button></div>
    </form>
  </section>{{/REJECT}}{{#ACCEPT}}
</div>{{/ACCEPT}}
