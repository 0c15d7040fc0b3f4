{{%AUTOESCAPE context="HTML"}}<header class="page-head">
  <div>
    <p class="eyebrow">{{t_nav_admin}}</p>
    <h1>{{t_admin_audit_title}}</h1>
    <p class="muted">{{t_admin_audit_intro}}</p>
  </div>
</header>
{{>ADMIN_TABS}}
<form class="filters" method="get" action="/admin/audit">
  <label>{{t_admin_actor}} <input type="text" name="actor" value="{{actor}}"></label>
  <label>{{t_admin_action}} <input type="text" name="action" value="{{action}}"></label>
  <label>{{t_admin_entity}} <input type="text" name="entity" value="{{entity}}"></label>
  <label>{{t_admin_entity_id}} <input type="text" name="entity_id" value="{{entity_id}}"></label>
  <label>{{t_admin_from}} <input type="date" name="from" value="{{from}}"{{#FROM_ERROR}} aria-invalid="true"{{/FROM_ERROR}}>{{#FROM_ERROR}}<span class="error">{{message}}</span>{{/FROM_ERROR}}</label>
  <label>{{t_admin_to}} <input type="date" name="to" value="{{to}}"{{#TO_ERROR}} aria-invalid="true"{{/TO_ERROR}}>{{#TO_ERROR}}<span class="error">{{message}}</span>{{/TO_ERROR}}</label>
  {{#FILTER_ERROR}}<span class="error">{{message}}</span>{{/FILTER_ERROR}}
  <button class="btn primary" type="submit">{{t_common_filter}}</button>
  <a class="btn ghost" href="/admin/audit">{{t_common_reset}}</a>
</form>
<div class="table-wrap">
<table class="data compact" id="audit">
  <thead><tr>
    <th>{{t_admin_at}}</th><th>{{t_admin_actor}}</th><th>{{t_admin_address}}</th>
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
{{#EMPTY}}<p class="empty">{{t_admin_no_audit}}</p>{{/EMPTY}}
<nav class="pager" aria-label="{{t_common_page}}">
  {{#PREV}}<a href="{{href}}" rel="prev">{{t_common_prev}}</a>{{/PREV}}
  <span class="pager-info">{{page}} / {{pages}} · {{t_common_total}} {{total}}</span>
  {{#NEXT}}<a href="{{href}}" rel="next">{{t_common_next}}</a>{{/NEXT}}
</nav>
