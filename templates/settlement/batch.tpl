{{%AUTOESCAPE context="HTML"}}{{>STL_TABS}}<header class="page-head">
  <div>
    <p class="eyebrow"><a href="/settlement/statements">{{t_stl_title}}</a></p>
    <h1>{{t_stl_batch}} · {{action}}</h1>
  </div>
</header>
{{>FORM_ERRORS}}
{{#INVALID}}<p><a class="btn" href="/settlement/statements">{{t_stl_back}}</a></p>{{/INVALID}}
{{#NONE}}<div class="empty"><p>{{t_stl_batch_none}}</p></div>{{/NONE}}
<table class="data" id="batch-results">
  <thead><tr><th>{{t_stl_number}}</th><th>{{t_stl_outcome}}</th><th>{{t_stl_state}}</th></tr></thead>
  <tbody>{{#RESULT}}<tr class="{{class}}"><td><a href="/settlement/statements/{{id}}">#{{id}}</a></td><td>{{outcome}}</td><td>{{state}}</td></tr>{{/RESULT}}</tbody>
</table>
<p><a class="btn" href="/settlement/statements">{{t_stl_back}}</a></p>
