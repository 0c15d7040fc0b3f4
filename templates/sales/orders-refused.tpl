{{%AUTOESCAPE context="HTML"}}{{>SALES_TABS}}
<header class="page-head">
  <div>
    <p class="eyebrow"><a href="/sales/orders">{{t_ord_list_title}}</a></p>
    <h1>{{t_ord_refused_title}}</h1>
  </div>
</header>
<div class="empty">
  <p>{{message}}</p>
  {{#CLOSED}}<p>{{t_ord_closed_period}} <strong class="mono">{{period}}</strong></p>
  <p class="muted">{{t_ord_closed_fix}}</p>{{/CLOSED}}
  <a class="btn primary" href="{{back}}">{{t_ord_back_to_order}}</a>
</div>
