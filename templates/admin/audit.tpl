{{%AUTOESCAPE context="HTML"}}<header class="page-head">
  <div>
    <p class="eyebrow">{{t_nav_admin}}</p>
    <h1>{{t_admin_audit_title}}</h1>
    <p class="muted">{{t_admin_audit_intro}}</p>
  </div>
</header>
{{>ADMIN_TABS}}
{{>LIST_ERRORS}}
<form class="filters" method="get" action="/admin/audit">
  <label>{{t_admin_actor}} <input type="text" name="actor" id="f-actor" value="{{f_actor}}"{{#F_ACTOR_ERROR}} aria-invalid="true" aria-describedby="{{id}}"{{/F_ACTOR_ERROR}}>{{#F_ACTOR_ERROR}}<span class="error" id="{{id}}">{{reason}}</span>{{/F_ACTOR_ERROR}}</label>
  <label>{{t_admin_action}} <input type="text" name="action" id="f-action" value="{{f_action}}"{{#F_ACTION_ERROR}} aria-invalid="true" aria-describedby="{{id}}"{{/F_ACTION_ERROR}}>{{#F_ACTION_ERROR}}<span class="error" id="{{id}}">{{reason}}</span>{{/F_ACTION_ERROR}}</label>
  <label>{{t_admin_entity}} <input type="text" name="entity" id="f-entity" value="{{f_entity}}"{{#F_ENTITY_ERROR}} aria-invalid="true" aria-describedby="{{id}}"{{/F_ENTITY_ERROR}}>{{#F_ENTITY_ERROR}}<span class="error" id="{{id}}">{{reason}}</span>{{/F_ENTITY_ERROR}}</label>
  <label>{{t_admin_entity_id}} <input type="text" name="entity_id" id="f-entity_id" value="{{f_entity_id}}"{{#F_ENTITY_ID_ERROR}} aria-invalid="true" aria-describedby="{{id}}"{{/F_ENTITY_ID_ERROR}}>{{#F_ENTITY_ID_ERROR}}<span class="error" id="{{id}}">{{reason}}</span>{{/F_ENTITY_ID_ERROR}}</label>
  <label>{{t_admin_from}} <input type="date" name="from" id="f-from" value="{{f_from}}"{{#F_FROM_ERROR}} aria-invalid="true" aria-describedby="{{id}}"{{/F_FROM_ERROR}}>{{#F_FROM_ERROR}}<span class="error" id="{{id}}">{{reason}}</span>{{/F_FROM_ERROR}}</label>
  <label>{{t_admin_to}} <input type="date" name="to" id="f-to" value="{{f_to}}"{{#F_TO_ERROR}} aria-invalid="true" aria-describedby="{{id}}"{{/F_TO_ERROR}}>{{#F_TO_ERROR}}<span class="error" id="{{id}}">{{reason}}</span>{{/F_TO_ERROR}}</label>
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
