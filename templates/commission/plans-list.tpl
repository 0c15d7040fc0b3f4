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
{{#HAS_VERSIONS}}<section class="card">
  <div class="table-wrap">
    <table class="data" id="plan-versions">
      <thead><tr><th>{{t_cm_plan_name}}</th><th>{{t_cm_plan_state}}</th><th>{{t_cm_plan_from}}</th><th>{{t_cm_plan_to}}</th><th>{{t_cm_plan_created}}</th></tr></thead>
      <tbody>{{#VERSION}}<tr data-id="{{id}}">
        <td><a href="/commission/plans/{{id}}">{{name}}</a></td>
        <td><span class="badge {{state}}">{{state_label}}</span></td>
        <td>{{from}}</td>
        <td>{{to}}</td>
        <td>{{created_at}} · {{created_by}}</td>
      </tr>{{/VERSION}}</tbody>
    </table>
  </div>
</section>{{/HAS_VERSIONS}}
{{#NO_VERSIONS}}<div class="empty"><p>{{t_cm_plans_none}}</p></div>{{/NO_VERSIONS}}
