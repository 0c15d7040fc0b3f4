{{%AUTOESCAPE context="HTML"}}{{>CM_TABS}}
<header class="page-head">
  <div>
    <h1>{{t_cm_plans_title}}</h1>
    <p>{{t_cm_plans_help}}</p>
  </div>
  <div class="actions">
    {{#CAN_IMPORT}}<a class="btn" href="/commission/plans/import">{{t_cm_plans_import}}</a>{{/CAN_IMPORT}}
  </div>
</header>
{{>FORM_ERRORS}}
<form class="filters" method="get" action="/commission/plans" aria-label="{{t_common_filter}}">
  <label>{{t_cm_plan_state}}<select name="state" id="state"{{#STATE_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/STATE_ERROR}}>
    <option value="">{{t_common_all}}</option>
    {{#STATE_OPT}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/STATE_OPT}}
  </select>{{#STATE_ERROR}}<span class="error" id="{{error_id}}">{{error}}</span>{{/STATE_ERROR}}</label>
  <label>{{t_cm_plan_name}}<input type="text" name="name" id="name" value="{{name}}" maxlength="200"{{#NAME_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/NAME_ERROR}}>{{#NAME_ERROR}}<span class="error" id="{{error_id}}">{{error}}</span>{{/NAME_ERROR}}</label>
  <div class="filter-actions">
    <button type="submit" class="btn">{{t_common_filter}}</button>
    {{#LIST_FILTERED}}<a class="btn ghost" href="/commission/plans">{{t_common_reset}}</a>{{/LIST_FILTERED}}
  </div>
</form>
{{#LIST_ROWS}}<section class="card">
  <div class="table-wrap">
    <table class="data" id="plan-versions">
      <thead><tr>{{>SORT_NAME}}<th>{{t_cm_plan_state}}</th>{{>SORT_FROM}}<th>{{t_cm_plan_to}}</th>{{>SORT_CREATED}}</tr></thead>
      <tbody>{{#VERSION}}<tr data-id="{{id}}">
        <td><a href="/commission/plans/{{id}}">{{name}}</a></td>
        <td><span class="badge {{state}}">{{state_label}}</span></td>
        <td>{{from}}</td>
        <td>{{to}}</td>
        <td>{{created_at}} · {{created_by}}</td>
      </tr>{{/VERSION}}</tbody>
    </table>
  </div>
</section>{{/LIST_ROWS}}
{{#LIST_EMPTY}}<div class="empty"><p>{{t_cm_plans_none}}</p></div>{{/LIST_EMPTY}}
{{>PAGER}}
