{{%AUTOESCAPE context="HTML"}}{{>SALES_TABS}}
<div class="page-head">
  <div>
    <p class="eyebrow"><a href="/sales/opportunities">{{t_pipe_opps_title}}</a> · #{{id}}</p>
    <h1>{{title}}</h1>
    <p><span class="badge {{stage}}">{{stage_label}}</span> {{#TAG}}<span class="tag {{code}}">{{label}}</span>{{/TAG}}</p>
  </div>
  <div class="actions">
    {{#ESTIMATE}}<a class="btn" id="opp-estimate" href="{{estimate_href}}">{{t_est_link}}</a>{{/ESTIMATE}}
    {{#CAN_WRITE}}<a class="btn" href="{{log_href}}">{{t_pipe_log_activity}}</a>
    <a class="btn" href="/sales/opportunities/{{id}}/edit">{{t_common_edit}}</a>{{/CAN_WRITE}}
  </div>
</div>
{{#WON}}<div class="flash ok won-order" role="status">
  <div>
    <strong>{{t_pipe_won_title}}</strong>
    {{#CREATE_ORDER}}<p>{{t_pipe_won_create_help}}</p><a class="btn primary" id="create-order" href="{{order_new_href}}">{{t_pipe_create_order}}</a>{{/CREATE_ORDER}}
    {{#HAS_ORDER}}<p><a href="{{order_href}}">{{t_pipe_view_order}}</a></p>{{/HAS_ORDER}}
  </div>
</div>{{/WON}}
<ol class="steps" aria-label="{{t_sales_stage}}">{{#STEP}}<li class="{{class}}"><span>{{label}}</span></li>{{/STEP}}</ol>
<div class="grid-2">
  <section class="card">
    <h2>{{t_pipe_details}}</h2>
    <dl class="details">
      <dt>{{t_sales_customer}}</dt><dd><a href="/sales/customers/{{customer_id}}">{{customer}}</a> · <a href="/sales/customers/{{customer_id}}/timeline">{{t_pipe_timeline}}</a></dd>
      <dt>{{t_sales_owner}}</dt><dd>{{owner_name}}</dd>
      <dt>{{t_sales_amount}}</dt><dd class="money">{{amount}}</dd>
      <dt>{{t_sales_probability}}</dt><dd>{{probability}}%</dd>
      <dt>{{t_pipe_weighted}}</dt><dd class="money">{{weighted}}</dd>
      <dt>{{t_sales_expected_close}}</dt><dd>{{close}}</dd>
      <dt>{{t_sales_next_follow_up}}</dt><dd>{{follow_up}}</dd>
      <dt>{{t_pipe_score}}</dt><dd>{{score}}</dd>
      <dt>{{t_pipe_needs}}</dt><dd class="wrap">{{needs}}</dd>
      {{#LOST_REASON}}<dt>{{t_pipe_lost_reason}}</dt><dd>{{lost_reason}}</dd>{{/LOST_REASON}}
      <dt>{{t_pipe_created_at}}</dt><dd>{{created_at}}</dd>
    </dl>
  </section>
  <section class="card">
    <h2>{{t_pipe_move_stage}}</h2>
    <div class="actions">
      {{#MOVE}}<form method="post" action="/sales/opportunities/{{id}}/stage" class="inline-form">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <input type="hidden" name="to" value="{{to}}">
        <input type="hidden" name="from" value="{{from_stage}}">
        <button type="submit" class="btn small {{class}}" data-stage="{{to}}">{{label}}</button>
      </form>{{/MOVE}}
    </div>
    {{#MOVE_LOST}}<form method="post" action="/sales/opportunities/{{id}}/stage" class="form narrow lost-form" novalidate>
      {{>FORM_ERRORS}}
      <input type="hidden" name="csrf" value="{{csrf}}">
      <input type="hidden" name="to" value="lost">
      <input type="hidden" name="from" value="{{from_stage}}">
      <div class="field">
        <label for="lost_reason">{{t_pipe_lost_reason}}</label>
        <input id="lost_reason" name="lost_reason" type="text" maxlength="255" value="{{lost_reason}}"{{#LOST_REASON_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/LOST_REASON_ERROR}}>
        {{#LOST_REASON_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/LOST_REASON_ERROR}}
      </div>
      <div class="form-actions"><button type="submit" class="btn danger small" data-stage="lost">{{t_pipe_mark_lost}}</button></div>
    </form>{{/MOVE_LOST}}
    <h2>{{t_pipe_stage_history}}</h2>
    <div class="table-wrap">
      <table class="data compact" id="stage-history">
        <thead><tr><th>{{t_pipe_when}}</th><th>{{t_pipe_from_stage}}</th><th>{{t_pipe_to_stage}}</th><th>{{t_pipe_by}}</th></tr></thead>
        <tbody>{{#CHANGE}}<tr><td>{{at}}</td><td>{{#CREATED}}<span class="muted">{{t_pipe_created}}</span>{{/CREATED}}{{#FROM}}{{from}}{{/FROM}}</td><td><span class="badge {{to_code}}">{{to}}</span></td><td>{{by}}</td></tr>{{/CHANGE}}</tbody>
      </table>
    </div>
  </section>
</div>
<section class="card" id="opp-lines">
  <h2>{{t_pipe_lines}}</h2>
  {{#NO_LINES}}<p class="empty">{{t_pipe_no_lines}}</p>{{/NO_LINES}}
  {{#LINES}}<div class="table-wrap"><table class="data compact" id="opp-lines-table">
    <thead><tr><th class="num">{{t_sales_line}}</th><th>{{t_sales_product}}</th><th>{{t_sales_product_type}}</th><th class="num">{{t_sales_quantity}}</th><th class="num">{{t_sales_amount}}</th></tr></thead>
    <tbody>{{#LINE}}<tr><td class="num">{{line_no}}</td><td class="wrap"><span class="mono muted">{{product_code}}</span> {{product}}</td><td>{{ptype}}</td><td class="num">{{quantity}}</td><td class="num money">{{amount}}</td></tr>{{/LINE}}</tbody>
    <tfoot><tr><td colspan="4">{{t_common_total}}</td><td class="num money">{{lines_total}}</td></tr></tfoot>
  </table></div>{{/LINES}}
</section>
<section class="card">
  <div class="card-head"><h2>{{t_pipe_timeline}}</h2>{{#CAN_WRITE}}<a class="btn small" href="{{log_href}}">{{t_pipe_log_activity}}</a>{{/CAN_WRITE}}</div>
  {{#TIMELINE_EMPTY}}<div class="empty">{{t_pipe_timeline_empty}}</div>{{/TIMELINE_EMPTY}}
  <ol class="timeline">
    {{#TIMELINE}}<li><span class="when">{{date}} · {{kind_label}}</span><span class="what">{{notes}}</span>{{#NEXT_STEP}}<span class="what small">{{t_pipe_next_step}}: {{next_step}}</span>{{/NEXT_STEP}}<span class="who">{{who}}</span></li>{{/TIMELINE}}
  </ol>
</section>
