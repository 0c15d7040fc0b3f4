{{%AUTOESCAPE context="HTML"}}{{>STL_TABS}}<header class="page-head">
  <div>
    <p class="eyebrow"><a href="/settlement/statements">{{t_stl_title}}</a> · {{period}}</p>
    <h1 id="statement-number">{{number}}</h1>
    <p><span class="badge {{state}}" id="statement-state">{{state_label}}</span>{{#FINAL}} <span class="badge final" id="final-badge">{{t_stl_final}}</span>{{/FINAL}} {{rep}} · {{team}}</p>
  </div>
  <div class="actions">
    <a class="btn" href="/settlement/statements/{{id}}/print" id="print-link">{{t_stl_print}}</a>
  </div>
</header>
{{>FORM_ERRORS}}
{{#REJECTED}}<div class="flash warn" role="status"><div><strong>{{t_stl_rejected}}</strong> <span id="rejected-reason">{{rejected_reason}}</span></div></div>{{/REJECTED}}
<div class="grid-2">
  <section class="card">
    <h2>{{t_stl_items}}</h2>
    <table class="data" id="items">
      <thead><tr><th>{{t_stl_item}}</th><th>{{t_stl_detail}}</th><th class="num">{{t_stl_amount}}</th></tr></thead>
      <tbody>
      {{#ITEM}}<tr><td>{{kind}}</td><td>{{#RULE}}<a href="{{ledger_href}}">{{rule}}</a> · {{lines}} {{t_stl_lines}}{{/RULE}}{{#LABEL}}{{label}}{{/LABEL}}</td><td class="num money">{{amount}}</td></tr>
      {{/ITEM}}</tbody>
      <tfoot>
        <tr><th colspan="2">{{t_stl_net}}</th><td class="num money" id="net">{{net}}</td></tr>
        <tr><th colspan="2">{{t_stl_payable}}</th><td class="num money" id="payable">{{payable}}</td></tr>
      </tfoot>
    </table>
    <p>{{t_stl_capitals}}<span id="capitals">{{payable_capitals}}</span></p>
    {{#CARRIED_IN}}<p class="note">{{t_stl_carried_in_note}} {{carried_in}}</p>{{/CARRIED_IN}}
    {{#CARRIED_OUT}}<p class="flash warn" id="carried-note">{{t_stl_carried_out_note}} <span class="money">{{carried_out}}</span></p>{{/CARRIED_OUT}}
    {{#FINAL}}<p class="note" id="final-note">{{t_stl_final_note}}</p>{{/FINAL}}
    {{#FINAL_NEGATIVE}}<p class="flash warn" id="final-negative">{{t_stl_final_negative_note}} <span class="money">{{carried_out}}</span></p>{{/FINAL_NEGATIVE}}
    {{#PAID}}<p id="paid">{{t_stl_reference}}: {{paid_reference}} · {{t_stl_paid_on}}: {{paid_on}}</p>{{/PAID}}
  </section>
  <section class="card">
    <h2>{{t_stl_actions}}</h2>
    {{#ACTIONS}}{{/ACTIONS}}
    {{#CAN_SUBMIT}}<form method="post" action="/settlement/statements/{{id}}/submit" class="form narrow">
      <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="expect" value="{{expect}}">
      <div class="field"><label for="submit-comment">{{t_stl_comment}}</label><input id="submit-comment" name="comment" maxlength="500" value="{{comment}}"></div>
      <div class="form-actions"><button type="submit" class="btn primary" id="submit-button">{{t_stl_action_submit}}</button></div>
    </form>{{/CAN_SUBMIT}}
    {{#CAN_REVIEW}}<form method="post" action="/settlement/statements/{{id}}/review" class="form narrow">
      <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="expect" value="{{expect}}">
      <div class="field"><label for="review-comment">{{t_stl_comment}}</label><input id="review-comment" name="comment" maxlength="500" value="{{comment}}"></div>
      <div class="form-actions"><button type="submit" class="btn primary" id="review-button">{{t_stl_action_review}}</button></div>
    </form>{{/CAN_REVIEW}}
    {{#CAN_APPROVE}}<form method="post" action="/settlement/statements/{{id}}/approve" class="form narrow">
      <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="expect" value="{{expect}}">
      <div class="field"><label for="approve-comment">{{t_stl_comment}}</label><input id="approve-comment" name="comment" maxlength="500" value="{{comment}}"></div>
      <div class="form-actions"><button type="submit" class="btn primary" id="approve-button">{{t_stl_action_approve}}</button></div>
    </form>{{/CAN_APPROVE}}
    {{#CAN_REJECT}}<form method="post" action="/settlement/statements/{{id}}/reject" class="form narrow" novalidate>
      <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="expect" value="{{expect}}">
      <div class="field"><label for="comment">{{t_stl_reject_reason}}</label><input id="comment" name="comment" maxlength="500" value="{{comment}}"{{#COMMENT_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/COMMENT_ERROR}}>
      {{#COMMENT_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/COMMENT_ERROR}}</div>
      <div class="form-actions"><button type="submit" class="btn danger" id="reject-button">{{t_stl_action_reject}}</button></div>
    </form>{{/CAN_REJECT}}
    {{#CAN_PAY}}<form method="post" action="/settlement/statements/{{id}}/pay" class="form narrow" novalidate>
      <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="expect" value="{{expect}}">
      <div class="field"><label for="reference">{{t_stl_reference}}</label><input id="reference" name="reference" maxlength="64" value="{{reference}}"{{#REFERENCE_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/REFERENCE_ERROR}}>
      {{#REFERENCE_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/REFERENCE_ERROR}}</div>
      <div class="field"><label for="paid_on">{{t_stl_paid_on}}</label><input id="paid_on" name="paid_on" type="date" value="{{paid_on}}"{{#PAID_ON_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/PAID_ON_ERROR}}>
      {{#PAID_ON_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/PAID_ON_ERROR}}</div>
      <div class="field"><label for="pay-comment">{{t_stl_comment}}</label><input id="pay-comment" name="comment" maxlength="500" value="{{comment}}"></div>
      <div class="form-actions"><button type="submit" class="btn primary" id="pay-button">{{t_stl_action_pay}}</button></div>
    </form>{{/CAN_PAY}}
    {{#CLOSURES}}<h2>{{t_stl_closures}}</h2>
    <div class="table-wrap"><table class="data" id="closures">
      <thead><tr><th>{{t_stl_closure_kind}}</th><th class="num">{{t_stl_amount}}</th><th>{{t_stl_closure_reason}}</th><th>{{t_stl_state}}</th><th>{{t_stl_who}}</th></tr></thead>
      <tbody>{{#CLOSURE}}<tr data-closure="{{closure_id}}" data-state="{{closure_state_code}}"><td>{{closure_kind}}</td><td class="num money">{{closure_amount}}</td><td class="wrap">{{closure_reference}} {{closure_reason}}</td><td>{{closure_state}}</td><td>{{closure_proposer}} {{closure_proposed_at}}<br>{{closure_decider}} {{closure_decided_at}} {{closure_note}}</td></tr>
{{/CLOSURE}}</tbody>
    </table></div>{{/CLOSURES}}
    {{#DECIDE}}<form method="post" action="/settlement/closures/{{closure_id}}/approve" class="form narrow">
      <input type="hidden" name="csrf" value="{{csrf}}">
      <div class="field"><label for="closure-comment-{{closure_id}}">{{t_stl_comment}}</label><input id="closure-comment-{{closure_id}}" name="comment" maxlength="500"></div>
      <div class="form-actions"><button type="submit" class="btn primary" id="closure-approve-{{closure_id}}">{{t_stl_closure_approve}} · {{closure_kind}} {{closure_amount}}</button></div>
    </form>
    <form method="post" action="/settlement/closures/{{closure_id}}/reject" class="form narrow" novalidate>
      <input type="hidden" name="csrf" value="{{csrf}}">
      <div class="field"><label for="closure-reason-{{closure_id}}">{{t_stl_reject_reason}}</label><input id="closure-reason-{{closure_id}}" name="comment" maxlength="500"></div>
      <div class="form-actions"><button type="submit" class="btn danger" id="closure-reject-{{closure_id}}">{{t_stl_action_reject}}</button></div>
    </form>{{/DECIDE}}
    {{#CAN_CLOSE}}<h2>{{t_stl_close_balance}}</h2>
    <form method="post" action="/settlement/statements/{{id}}/close" class="form narrow" novalidate id="close-form">
      <input type="hidden" name="csrf" value="{{csrf}}">
      <div class="field"><label for="kind">{{t_stl_closure_kind}}</label><select id="kind" name="kind"{{#KIND_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/KIND_ERROR}}>{{#KIND_OPT}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/KIND_OPT}}</select>
      {{#KIND_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/KIND_ERROR}}</div>
      <div class="field"><label for="reference">{{t_stl_closure_reference}}</label><input id="reference" name="reference" maxlength="64" value="{{reference}}"{{#REFERENCE_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/REFERENCE_ERROR}}>
      {{#REFERENCE_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/REFERENCE_ERROR}}</div>
      <div class="field"><label for="reason">{{t_stl_closure_reason}}</label><input id="reason" name="reason" maxlength="500" value="{{reason}}"{{#REASON_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/REASON_ERROR}}>
      {{#REASON_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/REASON_ERROR}}</div>
      <div class="form-actions"><button type="submit" class="btn primary" id="close-button">{{t_stl_close_propose}}</button></div>
    </form>{{/CAN_CLOSE}}
    <h2>{{t_stl_chain}}</h2>
    <div class="table-wrap"><table class="data" id="chain"><tbody>{{#CHAIN}}<tr><th>{{chain_role}}</th><td>{{chain_name}}</td><td>{{chain_at}}</td></tr>{{/CHAIN}}</tbody></table></div>
    <h2>{{t_stl_history}}</h2>
    <div class="table-wrap"><table class="data" id="history">
      <thead><tr><th>{{t_stl_when}}</th><th>{{t_stl_who}}</th><th>{{t_stl_step}}</th><th>{{t_stl_state}}</th><th>{{t_stl_comment}}</th></tr></thead>
      <tbody>{{#HISTORY}}<tr><td class="nowrap">{{at}}</td><td>{{by}}</td><td>{{action}}</td><td>{{to}}</td><td class="wrap">{{comment}}</td></tr>{{/HISTORY}}</tbody>
    </table></div>
  </section>
</div>
