{{%AUTOESCAPE context="HTML"}}<header class="page-head">
  <div>
    <p class="eyebrow">{{t_nav_admin}}</p>
    <h1>{{t_admin_people_title}}</h1>
    <p class="muted">{{t_admin_people_intro}}</p>
  </div>
</header>
{{>ADMIN_TABS}}
{{>FORM_ERRORS}}
<form class="filters" method="get" action="/admin/">
  <label>{{t_admin_search}} <input type="search" name="q" id="q" value="{{q}}" placeholder="{{t_admin_search_hint}}"{{#Q_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/Q_ERROR}}>{{#Q_ERROR}}<span class="error" id="{{error_id}}">{{error}}</span>{{/Q_ERROR}}</label>
  <label>{{t_admin_team}} <input type="text" name="team" id="team" value="{{team}}"{{#TEAM_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/TEAM_ERROR}}>{{#TEAM_ERROR}}<span class="error" id="{{error_id}}">{{error}}</span>{{/TEAM_ERROR}}</label>
  <label>{{t_admin_role}}
    <select name="role" id="role"{{#ROLE_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/ROLE_ERROR}}>
      <option value="">{{t_common_all}}</option>
      {{#ROLE_OPTION}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/ROLE_OPTION}}
    </select>{{#ROLE_ERROR}}<span class="error" id="{{error_id}}">{{error}}</span>{{/ROLE_ERROR}}
  </label>
  <label>{{t_admin_status}}
    <select name="status" id="status"{{#STATUS_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/STATUS_ERROR}}>
      <option value=""{{#STATUS_ANY}} selected{{/STATUS_ANY}}>{{t_common_all}}</option>
      <option value="active"{{#STATUS_ACTIVE}} selected{{/STATUS_ACTIVE}}>{{t_admin_active}}</option>
      <option value="inactive"{{#STATUS_INACTIVE}} selected{{/STATUS_INACTIVE}}>{{t_admin_inactive}}</option>
    </select>{{#STATUS_ERROR}}<span class="error" id="{{error_id}}">{{error}}</span>{{/STATUS_ERROR}}
  </label>
  <button class="btn primary" type="submit">{{t_common_filter}}</button>
  <a class="btn ghost" href="/admin/">{{t_common_reset}}</a>
</form>
<div class="table-wrap">
<table class="data" id="people">
  <thead><tr>
    {{>SORT_LOGIN}}
    {{>SORT_NAME}}
    <th>{{t_admin_email}}</th>
    {{>SORT_DEPARTMENT}}
    {{>SORT_TEAM}}
    <th>{{t_admin_manager}}</th>
    <th>{{t_admin_roles}}</th>
    <th>{{t_admin_status}}</th>
    {{>SORT_LAST_LOGIN}}
    <th>{{t_admin_synced}}</th>
  </tr></thead>
  <tbody>
  {{#PERSON}}<tr>
    <td class="mono">{{login}}</td>
    <td>{{name}}</td>
    <td>{{email}}</td>
    <td>{{department}}</td>
    <td>{{team}}</td>
    <td class="mono">{{manager}}</td>
    <td>{{#ROLE}}<span class="badge info">{{role_label}}</span> {{/ROLE}}</td>
    <td>{{#ACTIVE}}<span class="badge ok">{{t_admin_active}}</span>{{/ACTIVE}}{{#INACTIVE}}<span class="badge cancelled">{{t_admin_inactive}}</span>{{/INACTIVE}}</td>
    <td class="nowrap">{{last_login}}</td>
    <td class="nowrap">{{synced}}</td>
  </tr>{{/PERSON}}
  </tbody>
</table>
</div>
{{#LIST_EMPTY}}<p class="empty">{{t_admin_no_people}}</p>{{/LIST_EMPTY}}
{{#LIST_ROWS}}<p class="muted small">{{t_common_total}} {{list_total}}</p>{{/LIST_ROWS}}
{{>PAGER}}
