{{%AUTOESCAPE context="HTML"}}<header class="page-head">
  <div>
    <p class="eyebrow">{{t_nav_admin}}</p>
    <h1>{{t_admin_people_title}}</h1>
    <p class="muted">{{t_admin_people_intro}}</p>
  </div>
</header>
{{>ADMIN_TABS}}
<form class="filters" method="get" action="/admin/">
  <label>{{t_admin_search}} <input type="search" name="q" value="{{q}}" placeholder="{{t_admin_search_hint}}"></label>
  <label>{{t_admin_team}} <input type="text" name="team" value="{{team}}"></label>
  <label>{{t_admin_role}}
    <select name="role">
      <option value="">{{t_common_all}}</option>
      {{#ROLE_OPTION}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/ROLE_OPTION}}
    </select>
  </label>
  <label>{{t_admin_status}}
    <select name="status">
      <option value=""{{#STATUS_ANY}} selected{{/STATUS_ANY}}>{{t_common_all}}</option>
      <option value="active"{{#STATUS_ACTIVE}} selected{{/STATUS_ACTIVE}}>{{t_admin_active}}</option>
      <option value="inactive"{{#STATUS_INACTIVE}} selected{{/STATUS_INACTIVE}}>{{t_admin_inactive}}</option>
    </select>
  </label>
  <button class="btn primary" type="submit">{{t_common_filter}}</button>
  <a class="btn ghost" href="/admin/">{{t_common_reset}}</a>
</form>
<div class="table-wrap">
<table class="data" id="people">
  <thead><tr>
    <th aria-sort="{{aria_login}}"><a class="sort" href="{{sort_login}}">{{t_admin_login}}</a></th>
    <th aria-sort="{{aria_name}}"><a class="sort" href="{{sort_name}}">{{t_admin_name}}</a></th>
    <th>{{t_admin_email}}</th>
    <th aria-sort="{{aria_department}}"><a class="sort" href="{{sort_department}}">{{t_admin_department}}</a></th>
    <th aria-sort="{{aria_team}}"><a class="sort" href="{{sort_team}}">{{t_admin_team}}</a></th>
    <th>{{t_admin_manager}}</th>
    <th>{{t_admin_roles}}</th>
    <th>{{t_admin_status}}</th>
    <th aria-sort="{{aria_last_login}}"><a class="sort" href="{{sort_last_login}}">{{t_admin_last_login}}</a></th>
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
{{#EMPTY}}<p class="empty">{{t_admin_no_people}}</p>{{/EMPTY}}
<nav class="pager" aria-label="{{t_common_page}}">
  {{#PREV}}<a href="{{href}}" rel="prev">{{t_common_prev}}</a>{{/PREV}}
  <span class="pager-info">{{page}} / {{pages}} · {{t_common_total}} {{total}}</span>
  {{#NEXT}}<a href="{{href}}" rel="next">{{t_common_next}}</a>{{/NEXT}}
</nav>
