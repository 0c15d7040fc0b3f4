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
{{>FORM_ERRORS}}
<form method="get" action="/sales/customers/{{customer_id}}/timeline" class="filters" id="timeline-filters">
  <label>{{t_pipe_kind}}
    <select name="kind" id="kind"{{#KIND_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/KIND_ERROR}}><option value="">{{t_pipe_timeline_any_kind}}</option>{{#KIND_OPT}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/KIND_OPT}}</select>{{#KIND_ERROR}}<span class="error" id="{{error_id}}">{{error}}</span>{{/KIND_ERROR}}
  </label>
  <label>{{t_sales_from}}
    <input type="date" name="from" id="from" value="{{from}}"{{#FROM_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/FROM_ERROR}}>{{#FROM_ERROR}}<span class="error" id="{{error_id}}">{{error}}</span>{{/FROM_ERROR}}
  </label>
  <label>{{t_sales_to}}
    <input type="date" name="to" id="to" value="{{to}}"{{#TO_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/TO_ERROR}}>{{#TO_ERROR}}<span class="error" id="{{error_id}}">{{error}}</span>{{/TO_ERROR}}
  </label>
  {{#PAGE_ERROR}}<span class="error" id="{{error_id}}">{{error}}</span>{{/PAGE_ERROR}}
  <div class="filter-actions">
    <button type="submit" class="btn primary">{{t_common_filter}}</button>
    <a class="btn ghost" href="/sales/customers/{{customer_id}}/timeline">{{t_common_reset}}</a>
  </div>
</form>
<section class="card">
  <p class="small muted" id="timeline-count">{{total}} {{t_pipe_acts_count}} · {{t_pipe_timeline_page}} {{page}} / {{pages}}</p>
  {{#TIMELINE_EMPTY}}<div class="empty">{{t_pipe_timeline_empty}}</div>{{/TIMELINE_EMPTY}}
  <ol class="timeline" id="timeline">
    {{#TIMELINE}}<li data-id="{{id}}" data-kind="{{kind}}"><span class="when">{{date}} · {{kind_label}}{{#OPP}} · <a href="/sales/opportunities/{{opp_id}}">{{opp_title}}</a>{{/OPP}}</span><span class="what">{{notes}}</span>{{#NEXT_STEP}}<span class="what small">{{t_pipe_next_step}}: {{next_step}}</span>{{/NEXT_STEP}}<span class="who">{{who}}</span></li>{{/TIMELINE}}
  </ol>
  <nav class="pager" aria-label="{{t_pipe_timeline_pages}}">
    {{#PREV}}<a class="btn ghost" rel="prev" id="timeline-prev" href="{{href}}">{{t_pipe_timeline_newer}}</a>{{/PREV}}
    {{#NEXT}}<a class="btn ghost" rel="next" id="timeline-next" href="{{href}}">{{t_pipe_timeline_older}}</a>{{/NEXT}}
  </nav>
</section>
