{{%AUTOESCAPE context="HTML"}}{{>SALES_TABS}}
<header class="page-head">
  <div>
    <p class="eyebrow"><a href="/sales/orders">{{t_ord_list_title}}</a></p>
    <h1><span class="mono">{{order_no}}</span> <span class="badge {{status}}">{{status_label}}</span>{{#RETURN_TAG}} <span class="badge warn">{{t_sales_return}}</span>{{/RETURN_TAG}}{{#CLOSED}} <span class="badge draft" title="{{t_ord_closed_hint}}">{{t_sales_closed}}</span>{{/CLOSED}}</h1>
    <p>{{customer_name}} · {{order_date}}</p>
  </div>
  <div class="actions">
    {{#CAN_EDIT}}<a class="btn" href="/sales/orders/{{id}}/edit">{{t_common_edit}}</a>{{/CAN_EDIT}}
    {{#CAN_RETURN}}<a class="btn" href="/sales/orders/{{id}}/return">{{t_ord_return_action}}</a>{{/CAN_RETURN}}
    <a class="btn" id="order-payments" href="/sales/collections/order/{{id}}">{{t_ord_payments_link}}</a>
    {{#CAN_PAY}}<a class="btn primary" id="order-pay" href="/sales/collections/new?order={{order_no:u}}">{{t_ord_record_payment}}</a>{{/CAN_PAY}}
    {{#CAN_COSTS}}<a class="btn" href="/sales/orders/{{id}}/costs">{{t_ord_costs_title}}</a>{{/CAN_COSTS}}
    {{#CAN_CANCEL}}<form method="post" action="/sales/orders/{{id}}/cancel" data-confirm="{{t_ord_cancel_confirm}}">
      <input type="hidden" name="csrf" value="{{csrf}}">
      <button type="submit" class="btn danger">{{t_ord_cancel_action}}</button>
    </form>{{/CAN_CANCEL}}
  </div>
</header>
<div class="kpis">
  <div class="kpi"><p class="kpi-label">{{t_sales_amount}}</p><p class="kpi-value money">{{total_amount}}</p><p class="kpi-sub">{{t_ord_kpi_booked_only}}</p></div>
  <div class="kpi"><p class="kpi-label">{{t_sales_margin}}</p><p class="kpi-value money">{{total_margin}}</p><p class="kpi-sub">{{margin_pct}}</p></div>
  <div class="kpi"><p class="kpi-label">{{t_sales_collected}}</p><p class="kpi-value money">{{collected}}</p><p class="kpi-sub"><a href="/sales/collections/order/{{id}}">{{payments}} {{t_ord_payments_count}}</a></p></div>
  <div class="kpi"><p class="kpi-label">{{t_sales_outstanding}}</p><p class="kpi-value money">{{outstanding}}</p>{{#HAS_RETURNS}}<p class="kpi-sub">{{t_ord_returned}} {{returned}}</p>{{/HAS_RETURNS}}</div>
</div>
<div class="grid-2">
  <section class="card">
    <h2>{{t_ord_header}}</h2>
    <dl class="details">
      <dt>{{t_sales_order_no}}</dt><dd class="mono">{{order_no}}</dd>
      <dt>{{t_sales_customer}}</dt><dd><a href="/sales/customers/{{customer_id}}">{{customer_name}}</a> <span class="muted mono">{{customer_code}}</span></dd>
      <dt>{{t_sales_date}}</dt><dd>{{order_date}}</dd>
      <dt>{{t_ord_terms}}</dt><dd id="order-terms">{{terms}} · {{terms_whose}}</dd>
      <dt>{{t_ord_due}}</dt><dd id="order-due">{{due_date}}</dd>
      <dt>{{t_sales_region}}</dt><dd>{{region}}</dd>
      <dt>{{t_sales_channel}}</dt><dd>{{channel}}</dd>
      <dt>{{t_sales_status}}</dt><dd><span class="badge {{status}}">{{status_label}}</span>{{#CLOSED}} <span class="badge draft" title="{{t_ord_closed_hint}}">{{t_sales_closed}}</span>{{/CLOSED}}</dd>
      {{#ORIGINAL}}<dt>{{t_ord_original}}</dt><dd><a class="mono" href="/sales/orders/{{original_id}}">{{original_no}}</a></dd>{{/ORIGINAL}}
      {{#OPPORTUNITY}}<dt>{{t_sales_opportunity}}</dt><dd><a href="/sales/opportunities/{{opportunity_id}}">{{opportunity_title}}</a></dd>{{/OPPORTUNITY}}
      {{#NOTE}}<dt>{{t_sales_notes}}</dt><dd>{{note}}</dd>{{/NOTE}}
      <dt>{{t_ord_created}}</dt><dd>{{created_at}} · {{created_by}}</dd>
    </dl>
  </section>
  <section class="card">
    <h2>{{t_ord_credited_reps}}</h2>
    <div class="table-wrap">
    <table class="data compact">
      <thead><tr><th>{{t_sales_rep}}</th><th>{{t_sales_team}}</th><th class="num">{{t_ord_share}}</th><th>{{t_ord_share_bar}}</th></tr></thead>
      <tbody>{{#REP}}<tr><td>{{rep_name}} <span class="muted mono">{{rep_login}}</span></td><td>{{rep_team}}</td><td class="num">{{share}} %</td><td><div class="progress"><span class="progress-bar w{{share_w}}"></span></div></td></tr>{{/REP}}</tbody>
    </table>
    </div>
    {{#CREDIT_PENDING}}<p class="flash warn" id="credit-pending"><a href="#credit-requests">{{t_ord_credit_pending_note}}</a></p>{{/CREDIT_PENDING}}
  </section>
</div>
{{#HAS_CREDIT_REQUESTS}}<section class="card" id="credit-requests">
  <h2>{{t_ord_credit_title}}</h2>
  <p class="muted small">{{t_ord_credit_intro}}</p>
  <div class="table-wrap">
  <table class="data compact">
    <thead><tr><th>{{t_ord_credit_asked}}</th><th>{{t_ord_credit_change}}</th><th>{{t_sales_status}}</th><th>{{t_ord_credit_decided}}</th><th></th></tr></thead>
    <tbody>{{#CREDIT_REQUEST}}<tr data-request="{{request_id}}">
      <td>{{requested_at}}<br><span class="muted">{{requested_by}}</span></td>
      <td class="wrap">{{#KIND_CREDIT}}{{t_ord_credit_kind_credit}}: {{split_before}} → <strong>{{split_after}}</strong>{{/KIND_CREDIT}}{{#KIND_CANCEL}}{{t_ord_credit_kind_cancel}} <span class="muted">({{split_before}})</span>{{/KIND_CANCEL}}</td>
      <td><span class="badge {{request_state}}">{{request_state_label}}</span></td>
      <td>{{#DECIDED}}{{decided_at}}<br><span class="muted">{{decided_by}}</span>{{#DECISION_NOTE}}<br><span class="small">{{decision_note}}</span>{{/DECISION_NOTE}}{{/DECIDED}}</td>
      <td>{{#CREDIT_ACTIONS}}<div class="actions">
        {{#CREDIT_APPROVE}}<form method="post" action="/sales/orders/{{id}}/credit/{{request_id}}" class="inline-form">
          <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="action" value="approve"><input type="hidden" name="from" value="pending">
          <button type="submit" class="btn small primary" data-credit="approve">{{t_ord_credit_approve}}</button>
        </form>{{/CREDIT_APPROVE}}
        {{#CREDIT_REJECT}}<form method="post" action="/sales/orders/{{id}}/credit/{{request_id}}" class="inline-form">
          <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="action" value="reject"><input type="hidden" name="from" value="pending">
          <label class="visually-hidden" for="reject-{{request_id}}">{{t_ord_credit_reason}}</label>
          <input id="reject-{{request_id}}" name="comment" type="text" maxlength="255" placeholder="{{t_ord_credit_reason}}">
          <button type="submit" class="btn small danger" data-credit="reject">{{t_ord_credit_reject}}</button>
        </form>{{/CREDIT_REJECT}}
        {{#CREDIT_WITHDRAW}}<form method="post" action="/sales/orders/{{id}}/credit/{{request_id}}" class="inline-form">
          <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="action" value="withdraw"><input type="hidden" name="from" value="pending">
          <button type="submit" class="btn small" data-credit="withdraw">{{t_ord_credit_withdraw}}</button>
        </form>{{/CREDIT_WITHDRAW}}
      </div>{{/CREDIT_ACTIONS}}</td>
    </tr>{{/CREDIT_REQUEST}}</tbody>
  </table>
  </div>
</section>{{/HAS_CREDIT_REQUESTS}}
<section class="card">
  <h2>{{t_ord_lines}}</h2>
  {{#NO_LINES}}<div class="empty"><p>{{t_ord_no_lines}}</p></div>{{/NO_LINES}}
  <div class="table-wrap">
  <table class="data">
    <thead><tr><th class="num">{{t_sales_line}}</th><th>{{t_sales_product}}</th><th>{{t_sales_product_type}}</th><th class="num">{{t_sales_quantity}}</th><th class="num">{{t_sales_unit_price}}</th><th class="num">{{t_sales_discount}}</th><th class="num">{{t_sales_amount}}</th><th class="num">{{t_sales_cost}}</th><th class="num">{{t_sales_margin}}</th><th>{{t_sales_status}}</th></tr></thead>
    <tbody>{{#LINE}}<tr>
      <td class="num">{{line_no}}</td>
      <td class="wrap"><span class="mono muted">{{product_code}}</span> {{product}}{{#OF_LINE}} <span class="muted small">({{t_ord_of_line}} {{of_line}})</span>{{/OF_LINE}}</td>
      <td>{{ptype}}</td>
      <td class="num{{#quantity_neg}} neg{{/quantity_neg}}">{{quantity}}</td>
      <td class="num money">{{unit_price}}</td>
      <td class="num">{{discount}}</td>
      <td class="num money{{#amount_neg}} neg{{/amount_neg}}">{{amount}}</td>
      <td class="num money{{#cost_neg}} neg{{/cost_neg}}">{{cost}}</td>
      <td class="num money{{#margin_neg}} neg{{/margin_neg}}">{{margin}}</td>
      <td><span class="badge {{line_status}}">{{line_status_label}}</span></td>
    </tr>{{/LINE}}</tbody>
    <tfoot><tr><td colspan="6">{{t_common_total}} · {{t_ord_kpi_booked_only}}</td>
      <td class="num money{{#total_amount_neg}} neg{{/total_amount_neg}}">{{total_amount}}</td>
      <td class="num money{{#total_cost_neg}} neg{{/total_cost_neg}}">{{total_cost}}</td>
      <td class="num money{{#total_margin_neg}} neg{{/total_margin_neg}}">{{total_margin}}</td><td></td></tr></tfoot>
  </table>
  </div>
</section>
{{#HAS_RETURNS}}<section class="card">
  <h2>{{t_ord_returns}}</h2>
  <div class="table-wrap">
  <table class="data compact">
    <thead><tr><th>{{t_sales_order_no}}</th><th>{{t_sales_date}}</th><th class="num">{{t_sales_amount}}</th><th>{{t_sales_status}}</th></tr></thead>
    <tbody>{{#RETURN}}<tr><td class="mono"><a href="/sales/orders/{{return_id}}">{{return_no}}</a></td><td>{{return_date}}</td><td class="num money{{#return_amount_neg}} neg{{/return_amount_neg}}">{{return_amount}}</td><td><span class="badge {{return_status}}">{{return_status_label}}</span></td></tr>{{/RETURN}}</tbody>
  </table>
  </div>
</section>{{/HAS_RETURNS}}
