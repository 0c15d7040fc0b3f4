{{%AUTOESCAPE context="HTML"}}<header class="page-head">
  <div>
    <p class="eyebrow">{{t_nav_admin}}</p>
    <h1>{{t_admin_audit_title}}</h1>
    <p class="muted">{{t_admin_audit_intro}}</p>
  </div>
</header>
{{>ADMIN_TABS}}
{{>FORM_ERRORS}}
<form class="filters" method="get" action="/admin/audit">
  <label>{{t_admin_actor}} <input type="text" name="actor" id="actor" value="{{actor}}"{{#ACTOR_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/ACTOR_ERROR}}>{{#ACTOR_ERROR}}<span class="error" id="{{error_id}}">{{error}}</span>{{/ACTOR_ERROR}}</label>
  <label>{{t_admin_action}} <input type="text" name="action" id="action" value="{{action}}"{{#ACTION_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/ACTION_ERROR}}>{{#ACTION_ERROR}}<span class="error" id="{{error_id}}">{{error}}</span>{{/ACTION_ERROR}}</label>
  <label>{{t_admin_entity}} <input type="text" name="entity" id="entity" value="{{entity}}"{{#ENTITY_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/ENTITY_ERROR}}>{{#ENTITY_ERROR}}<span class="error" id="{{error_id}}">{{error}}</span>{{/ENTITY_ERROR}}</label>
  <label>{{t_admin_entity_id}} <input type="text" name="entity_id" id="entity_id" value="{{entity_id}}"{{#ENTITY_ID_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/ENTITY_ID_ERROR}}>{{#ENTITY_ID_ERROR}}<span class="error" id="{{error_id}}">{{error}}</span>{{/ENTITY_ID_ERROR}}</label>
  <label>{{t_admin_from}} <input type="date" name="from" id="from" value="{{from}}"{{#FROM_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/FROM_ERROR}}>{{#FROM_ERROR}}<span class="error" id="{{error_id}}">{{error}}</span>{{/FROM_ERROR}}</label>
  <label>{{t_admin_to}} <input type="date" name="to" id="to" value="{{to}}"{{#TO_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/TO_ERROR}}>{{#TO_ERROR}}<span class="error" id="{{error_id}}">{{error}}</span>{{/TO_ERROR}}</label>
  <button class="btn primary" type="submit">{{t_common_filter}}</button>
  <a class="btn ghost" href="/admin/audit">{{t_common_reset}}</a>
</form>
<div class="table-wrap">
<table class="data compact" id="audit">
  <thead><tr>
    {{>SORT_AT}}<th>{{t_admin_actor}}</th><th>{{t_admin_address}}</th>
    <th>{{t_admin_action}}</th><th>{{t_admin_entity}}</th><th>{{t_admin_entity_id}}</th>
    <th>{{t_admin_detail}}</th>
  </tr></thead>
  <tbody>
  {{#ENTRY}}<tr>
    <td class="nowrap mono">{{at}}</td><td class="mono">{{actor}}</td><td class="mono">{{address}}</td>
    <td class="mono">{{action}}</td><td class="mono">{{entity}}</td><td class="mono">{{entity_id}}</td>
    <td class="wrap">{{detail}}</td>
  </tr>{{/ENTRY}}
  </tbody>
</table>
</div>
{{#LIST_EMPTY}}<p class="empty">{{t_admin_no_audit}}</p>{{/LIST_EMPTY}}
{{#LIST_ROWS}}<p class="muted small">{{t_common_total}} {{list_total}}</p>{{/LIST_ROWS}}
{{>PAGER}}
