{{%AUTOESCAPE context="HTML"}}{{>CM_TABS}}
<div class="page-head">
  <div>
    <p class="eyebrow"><a href="/commission/adjustments">{{t_adj_title}}</a> · #{{id}}</p>
    <h1>{{t_adj_detail_title}} · {{rep}}</h1>
    <p><span class="badge {{state_code}}" id="adj-state">{{state}}</span> <span class="money{{#amount_NEG}} neg{{/amount_NEG}}" id="adj-amount">{{amount}}</span></p>
  </div>
</div>
<div class="grid-2">
  <section class="card">
    <h2>{{t_adj_details}}</h2>
    <dl class="details">
      <dt>{{t_adj_rep}}</dt><dd>{{rep}} ({{rep_login}})</dd>
      <dt>{{t_adj_period}}</dt><dd>{{period}}{{#PERIOD_CLOSED}} <span class="badge plain">{{t_adj_period_is_closed}}</span>{{/PERIOD_CLOSED}}</dd>
      <dt>{{t_adj_amount}}</dt><dd class="money{{#amount_NEG}} neg{{/amount_NEG}}">{{amount}}</dd>
      <dt>{{t_adj_kind}}</dt><dd>{{kind}}{{#DISPUTE}} · <a href="{{dispute_href}}">{{t_adj_from_dispute}} #{{dispute_id}}</a>{{/DISPUTE}}</dd>
      <dt>{{t_adj_reason}}</dt><dd class="wrap">{{reason}}</dd>
      <dt>{{t_adj_proposed_by}}</dt><dd>{{proposer}} · {{proposed_as}} · {{proposed_at}}</dd>
      {{#APPROVED}}<dt>{{t_adj_approved_by}}</dt><dd>{{approver}} · {{approved_at}}</dd>{{/APPROVED}}
      {{#REJECTED}}<dt>{{t_adj_rejected_by}}</dt><dd>{{rejecter}} · {{rejected_at}}</dd>{{/REJECTED}}
      {{#NOTE}}<dt>{{t_adj_note}}</dt><dd class="wrap" id="adj-note">{{note}}</dd>{{/NOTE}}
      <dt>{{t_adj_tracking}}</dt><dd>{{tracking}}</dd>
    </dl>
  </section>
  <section class="card">
    <h2>{{t_adj_decision}}</h2>
    {{#DECIDE}}<form method="post" class="form narrow" id="adj-decide" novalidate>
      <input type="hidden" name="csrf" value="{{csrf}}">
      <input type="hidden" name="from" value="{{from}}">
      <div class="field">
        <label for="comment">{{t_adj_comment}}</label>
        <input id="comment" name="comment" type="text" maxlength="500" value="{{comment}}"{{#COMMENT_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/COMMENT_ERROR}}>
        <p class="hint">{{t_adj_comment_hint}}</p>
        {{#COMMENT_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/COMMENT_ERROR}}
      </div>
      <div class="form-actions">
        {{#CAN_APPROVE}}<button type="submit" class="btn primary" id="adj-approve" formaction="/commission/adjustments/{{id}}/approve">{{t_adj_approve}}</button>{{/CAN_APPROVE}}
        {{#CAN_REJECT}}<button type="submit" class="btn danger" id="adj-reject" formaction="/commission/adjustments/{{id}}/reject">{{t_adj_reject}}</button>{{/CAN_REJECT}}
      </div>
    </form>{{/DECIDE}}
    {{#WAITING_OTHER}}<p class="muted" id="adj-why-not">{{why}}</p>{{/WAITING_OTHER}}
    <h2>{{t_adj_history}}</h2>
    <ol class="timeline" id="adj-history">
      {{#MOVE}}<li><span class="when">{{at}} · {{action}}</span>{{#HAS_COMMENT}}<span class="what">{{comment}}</span>{{/HAS_COMMENT}}<span class="who">{{by}}</span></li>{{/MOVE}}
    </ol>
  </section>
</div>
