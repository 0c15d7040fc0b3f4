{{%AUTOESCAPE context="HTML"}}{{>SALES_TABS}}
<div class="page-head">
  <div>
    <p class="eyebrow"><a href="/sales/opportunities">{{t_pipe_opps_title}}</a>{{#EDIT}} · #{{id}}{{/EDIT}}</p>
    <h1>{{#NEW}}{{t_pipe_opp_new}}{{/NEW}}{{#EDIT}}{{t_pipe_opp_edit}}{{/EDIT}}</h1>
  </div>
</div>
{{#NO_CUSTOMERS}}<div class="flash warn">{{t_pipe_no_customers}}</div>{{/NO_CUSTOMERS}}
<form method="post" action="{{action}}" class="form card" novalidate>
  {{>FORM_ERRORS}}
  <input type="hidden" name="csrf" value="{{csrf}}">
  <div class="field wide">
    <label for="title" class="required">{{t_pipe_opp_title}}</label>
    <input id="title" name="title" type="text" maxlength="200" value="{{title}}" required{{#TITLE_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/TITLE_ERROR}}>
    {{#TITLE_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/TITLE_ERROR}}
  </div>
  <div class="field">
    <label for="customer" class="required">{{t_sales_customer}}</label>
    <select id="customer" name="customer" required{{#CUSTOMER_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/CUSTOMER_ERROR}}><option value="">—</option>{{#CUSTOMER_OPT}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/CUSTOMER_OPT}}</select>
    {{#CUSTOMER_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/CUSTOMER_ERROR}}
  </div>
  <div class="field">
    <label for="owner" class="required">{{t_sales_owner}}</label>
    <select id="owner" name="owner" required{{#OWNER_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/OWNER_ERROR}}>{{#OWNER_OPT}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/OWNER_OPT}}</select>
    {{#OWNER_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/OWNER_ERROR}}
  </div>
  <div class="field">
    <label for="amount">{{t_sales_amount}}</label>
    <input id="amount" name="amount" type="text" inputmode="decimal" class="money" value="{{amount}}"{{#AMOUNT_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/AMOUNT_ERROR}}>
    <p class="hint">{{t_pipe_amount_hint}}</p>
    {{#AMOUNT_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/AMOUNT_ERROR}}
  </div>
  {{#NEW}}<div class="field">
    <label for="stage">{{t_sales_stage}}</label>
    <select id="stage" name="stage"{{#STAGE_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/STAGE_ERROR}}>{{#STAGE_OPT}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/STAGE_OPT}}</select>
    {{#STAGE_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/STAGE_ERROR}}
  </div>{{/NEW}}
  {{#EDIT}}<div class="field">
    <span class="label">{{t_sales_stage}}</span>
    <p>{{stage_label}} <span class="hint">{{t_pipe_stage_by_action}}</span></p>
  </div>{{/EDIT}}
  <div class="field">
    <label for="expected_close" class="required">{{t_sales_expected_close}}</label>
    <input id="expected_close" name="expected_close" type="date" value="{{expected_close}}" required{{#EXPECTED_CLOSE_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/EXPECTED_CLOSE_ERROR}}>
    {{#EXPECTED_CLOSE_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/EXPECTED_CLOSE_ERROR}}
  </div>
  <div class="field">
    <label for="next_follow_up">{{t_sales_next_follow_up}}</label>
    <input id="next_follow_up" name="next_follow_up" type="date" value="{{next_follow_up}}"{{#NEXT_FOLLOW_UP_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/NEXT_FOLLOW_UP_ERROR}}>
    {{#NEXT_FOLLOW_UP_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/NEXT_FOLLOW_UP_ERROR}}
  </div>
  <fieldset class="lines" id="opp-lines">
    <legend>{{t_pipe_lines}}</legend>
    <div class="field wide"><p class="hint">{{t_pipe_lines_hint}}</p></div>
    <input type="hidden" name="line_rows" value="{{line_rows}}">
    <div class="table-wrap field wide">
    <table class="data compact order-lines">
      <thead><tr><th class="num">{{t_sales_line}}</th><th>{{t_sales_product}}</th><th class="num">{{t_sales_quantity}}</th><th class="num">{{t_sales_amount}}</th></tr></thead>
      <tbody>{{#LROW}}<tr>
        <td class="num">{{n}}</td>
        <td><select id="lproduct_{{n}}" name="lproduct_{{n}}" aria-label="{{t_sales_line}} {{n}} {{t_sales_product}}"{{#LPRODUCT_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/LPRODUCT_ERROR}}><option value="">—</option>{{#PRODUCT_OPT}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/PRODUCT_OPT}}</select>{{#LPRODUCT_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/LPRODUCT_ERROR}}</td>
        <td><input id="lqty_{{n}}" name="lqty_{{n}}" value="{{lqty}}" class="num" size="8" inputmode="decimal" aria-label="{{t_sales_line}} {{n}} {{t_sales_quantity}}"{{#LQTY_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/LQTY_ERROR}}>{{#LQTY_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/LQTY_ERROR}}</td>
        <td><input id="lamount_{{n}}" name="lamount_{{n}}" value="{{lamount}}" class="money" size="12" inputmode="decimal" aria-label="{{t_sales_line}} {{n}} {{t_sales_amount}}"{{#LAMOUNT_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/LAMOUNT_ERROR}}>{{#LAMOUNT_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/LAMOUNT_ERROR}}</td>
      </tr>{{/LROW}}</tbody>
    </table>
    </div>
  </fieldset>
  <div class="field wide">
    <label for="needs">{{t_pipe_needs}}</label>
    <textarea id="needs" name="needs" rows="4"{{#NEEDS_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/NEEDS_ERROR}}>{{needs}}</textarea>
    {{#NEEDS_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/NEEDS_ERROR}}
  </div>
  <div class="field wide">
    <label for="lost_reason">{{t_pipe_lost_reason}}</label>
    <input id="lost_reason" name="lost_reason" type="text" maxlength="255" value="{{lost_reason}}"{{#LOST_REASON_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/LOST_REASON_ERROR}}>
    <p class="hint">{{t_pipe_lost_reason_hint}}</p>
    {{#LOST_REASON_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/LOST_REASON_ERROR}}
  </div>
  <div class="form-actions">
    <button type="submit" class="btn primary">{{t_common_save}}</button>
    <a class="btn ghost" href="{{cancel}}">{{t_common_cancel}}</a>
  </div>
</form>
