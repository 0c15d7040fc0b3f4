{{%AUTOESCAPE context="HTML"}}{{>SALES_TABS}}
<div class="page-head">
  <div>
    <p class="eyebrow"><a href="/sales/customers/{{customer_id}}">{{customer}}</a> · {{customer_code}} · {{customer_owner}}</p>
    <h1>{{t_pipe_timeline_title}}</h1>
  </div>
  <div class="actions">
    {{#CAN_WRITE}}<a class="btn primary" href="{{log_href}}">{{t_pipe_log_activity}}</a>{{/CAN_WRITE}}
  </div>
</div>
<section class="card">
  {{#TIMELINE_EMPTY}}<div class="empty">{{t_pipe_timeline_empty}}</div>{{/TIMELINE_EMPTY}}
  <ol class="timeline">
    {{#TIMELINE}}<li><span class="when">{{date}} · {{kind_label}}{{#OPP}} · <a href="/sales/opportunities/{{opp_id}}">{{opp_title}}</a>{{/OPP}}</span><span class="what">{{notes}}</span>{{#NEXT_STEP}}<span class="what small">{{t_pipe_next_step}}: {{next_step}}</span>{{/NEXT_STEP}}<span class="who">{{who}}</span></li>{{/TIMELINE}}
  </ol>
</section>
