{{%AUTOESCAPE context="HTML"}}{{>SALES_TABS}}
<header class="page-head">
  <div>
    <p class="eyebrow"><a href="/sales/customers">{{t_cust_title}}</a> · <span class="mono">{{code}}</span></p>
    <h1>{{name}} <span class="badge {{status_class}}">{{status_label}}</span></h1>
    <p><span>{{region}}</span> · <span>{{channel}}</span> · {{t_sales_owner}}: <span>{{owner}}</span></p>
  </div>
  <div class="actions" id="customer-actions">
    {{#CAN_START}}<a class="btn" id="new-activity" href="/sales/activities/new?customer={{id}}&amp;return=/sales/customers/{{id}}">{{t_cust_new_activity}}</a>
    <a class="btn" id="new-opportunity" href="/sales/opportunities/new?customer={{id}}">{{t_cust_new_opportunity}}</a>
    <a class="btn" id="new-order" href="/sales/orders/new?customer={{id}}">{{t_cust_new_order}}</a>{{/CAN_START}}
    {{#CAN_EDIT}}<a class="btn primary" href="{{base}}/edit">{{t_common_edit}}</a>{{/CAN_EDIT}}
  </div>
</header>
<div class="kpis">
  <div class="kpi"><p class="kpi-label">{{t_cust_kpi_booked}}</p><p class="kpi-value money">{{booked_total}}<small>{{t_cust_yuan}}</small></p></div>
  <div class="kpi"><p class="kpi-label">{{t_cust_kpi_open_opps}}</p><p class="kpi-value">{{open_opps}}</p><p class="kpi-sub">{{t_cust_kpi_open_amount}} {{open_amount}}</p></div>
  <div class="kpi"><p class="kpi-label">{{t_sales_contacts}}</p><p class="kpi-value">{{n_contacts}}</p></div>
</div>
<div class="grid-2">
<section class="card">
  <h2>{{t_cust_details}}</h2>
  <dl class="details">
    <dt>{{t_sales_code}}</dt><dd class="mono">{{code}}</dd>
    <dt>{{t_sales_name}}</dt><dd>{{name}}</dd>
    <dt>{{t_sales_region}}</dt><dd>{{region}}</dd>
    <dt>{{t_sales_industry}}</dt><dd>{{industry}}{{#NO_INDUSTRY}}<span class="muted">—</span>{{/NO_INDUSTRY}}</dd>
    <dt>{{t_cust_default_channel}}</dt><dd>{{channel}}</dd>
    <dt>{{t_cust_owner_rep}}</dt><dd>{{owner}}</dd>
    <dt>{{t_sales_status}}</dt><dd><span class="badge {{status_class}}">{{status_label}}</span></dd>
    <dt>{{t_cust_terms}}</dt><dd id="customer-terms">{{terms}} {{t_cust_days}}</dd>
    <dt>{{t_cust_created}}</dt><dd>{{created}}</dd>
    <dt>{{t_cust_updated}}</dt><dd>{{updated}}</dd>
  </dl>
</section>
{{#ACTIVITIES}}<section class="card">
  <div class="card-head"><h2>{{t_cust_recent_activities}}</h2><a id="all-activities" href="{{base}}/timeline">{{t_cust_all_activities}} ({{n_activities}})</a></div>
  {{#MORE_ACTIVITIES}}<p class="small muted">{{t_cust_shown_first}}</p>{{/MORE_ACTIVITIES}}
  <ol class="timeline">{{#ACTIVITY}}<li><span class="when">{{date}}</span><div class="what"><strong>{{kind}}</strong> <span>{{notes}}</span>{{#NEXT_STEP}}<br><span class="muted">{{t_cust_next_step}}: <span>{{next_step}}</span></span>{{/NEXT_STEP}}{{#ACT_OPP}} · <a href="/sales/opportunities/{{opp_id}}">{{t_sales_opportunity}}</a>{{/ACT_OPP}} <span class="who">{{who}}</span></div></li>{{/ACTIVITY}}</ol>
</section>{{/ACTIVITIES}}
</div>
<section class="card" id="contacts">
  <div class="card-head"><h2>{{t_sales_contacts}}</h2></div>
  {{#NO_CONTACTS}}<p class="empty">{{t_cust_no_contacts}}</p>{{/NO_CONTACTS}}
  {{#HAS_CONTACTS}}<div class="table-wrap"><table class="data compact">
    <thead><tr><th>{{t_sales_name}}</th><th>{{t_cust_contact_title}}</th><th>{{t_cust_contact_phone}}</th><th>{{t_cust_contact_email}}</th>{{#CAN_EDIT}}<th><span class="visually-hidden">{{t_common_actions}}</span></th>{{/CAN_EDIT}}</tr></thead>
    <tbody>{{/HAS_CONTACTS}}{{#CONTACT}}<tr>
      <td class="wrap">{{name}}</td><td class="wrap">{{title}}</td><td class="nowrap">{{phone}}</td><td class="wrap">{{email}}</td>
      {{#CONTACT_EDIT}}<td class="nowrap right"><a class="btn small ghost" href="{{base}}/contacts/{{cid}}/edit">{{t_common_edit}}</a>
        <form method="post" action="{{base}}/contacts/{{cid}}/delete" class="inline-form" data-confirm="{{t_cust_contact_confirm_delete}}"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit" class="btn small ghost">{{t_common_delete}}</button></form></td>{{/CONTACT_EDIT}}
    </tr>{{/CONTACT}}{{#HAS_CONTACTS}}</tbody>
  </table></div>{{/HAS_CONTACTS}}
  {{#CONTACT_ADD}}<h2>{{t_cust_contact_add}}</h2>
  <form method="post" action="{{base}}/contacts" class="form" novalidate>
    <input type="hidden" name="csrf" value="{{csrf}}">
    {{>FORM_ERRORS}}
  <div class="field">
    <label for="c_name" class="required">{{t_sales_name}}</label>
    <input id="c_name" name="c_name" type="text" value="{{c_name}}" maxlength="100"{{#C_NAME_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/C_NAME_ERROR}}>
    {{#C_NAME_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/C_NAME_ERROR}}
  </div>
  <div class="field">
    <label for="c_title">{{t_cust_contact_title}}</label>
    <input id="c_title" name="c_title" type="text" value="{{c_title}}" maxlength="100"{{#C_TITLE_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/C_TITLE_ERROR}}>
    {{#C_TITLE_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/C_TITLE_ERROR}}
  </div>
  <div class="field">
    <label for="c_phone">{{t_cust_contact_phone}}</label>
    <input id="c_phone" name="c_phone" type="tel" value="{{c_phone}}" maxlength="40"{{#C_PHONE_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/C_PHONE_ERROR}}>
    {{#C_PHONE_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/C_PHONE_ERROR}}
  </div>
  <div class="field">
    <label for="c_email">{{t_cust_contact_email}}</label>
    <input id="c_email" name="c_email" type="email" value="{{c_email}}" maxlength="254"{{#C_EMAIL_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/C_EMAIL_ERROR}}>
    {{#C_EMAIL_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/C_EMAIL_ERROR}}
  </div>
    <div class="form-actions"><button type="submit" class="btn">{{t_cust_contact_add}}</button></div>
  </form>{{/CONTACT_ADD}}
</section>
{{#OPPS}}<section class="card">
  <div class="card-head"><h2>{{t_sales_opportunities}}</h2><a id="all-opps" href="/sales/opportunities?customer={{id}}">{{t_cust_all_opps}} ({{n_opps}})</a></div>
  <p class="small muted">{{t_cust_opps_order}}{{#MORE_OPPS}} {{t_cust_shown_first}}{{/MORE_OPPS}}</p>
  <div class="table-wrap"><table class="data compact">
    <thead><tr><th>{{t_cust_opp_title}}</th><th>{{t_sales_stage}}</th><th class="num">{{t_sales_amount}}</th><th>{{t_sales_expected_close}}</th><th>{{t_sales_owner}}</th></tr></thead>
    <tbody>{{#OPP}}<tr><td class="wrap"><a href="/sales/opportunities/{{oid}}">{{title}}</a></td><td><span class="badge {{stage_class}}">{{stage}}</span></td><td class="num money">{{amount}}</td><td>{{close}}</td><td>{{who}}</td></tr>{{/OPP}}</tbody>
  </table></div>
</section>{{/OPPS}}
{{#ORDERS}}<section class="card">
  <div class="card-head"><h2>{{t_sales_orders}}</h2><a id="all-orders" href="/sales/orders?customer={{id}}&amp;from={{orders_from}}&amp;to={{orders_to}}">{{t_cust_all_orders}} ({{n_orders}})</a></div>
  {{#MORE_ORDERS}}<p class="small muted">{{t_cust_shown_first}}</p>{{/MORE_ORDERS}}
  <div class="table-wrap"><table class="data compact">
    <thead><tr><th>{{t_sales_order_no}}</th><th>{{t_sales_date}}</th><th>{{t_sales_status}}</th><th class="num">{{t_sales_amount}}</th></tr></thead>
    <tbody>{{#ORDER}}<tr><td class="mono"><a href="/sales/orders/{{oid}}">{{order_no}}</a>{{#RETURN}} <span class="badge warn">{{t_sales_return}}</span>{{/RETURN}}</td><td>{{date}}</td><td><span class="badge {{status_class}}">{{status}}</span></td><td class="num money{{#NEG}} neg{{/NEG}}">{{amount}}</td></tr>{{/ORDER}}</tbody>
  </table></div>
</section>{{/ORDERS}}
