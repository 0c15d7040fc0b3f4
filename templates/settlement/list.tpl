{{%AUTOESCAPE context="HTML"}}{{>STL_TABS}}<header class="page-head">
  <div>
    <p class="eyebrow">{{t_stl_module}}</p>
    <h1>{{t_stl_title}}</h1>
    <p>{{t_stl_intro}}</p>
  </div>
</header>
{{#CAN_GENERATE}}<section class="card no-print" id="generate">
  <h2>{{t_stl_generate}}</h2>
  <p>{{t_stl_generate_help}}</p>
  <form method="post" action="/settlement/generate" class="inline-form">
    <input type="hidden" name="csrf" value="{{csrf}}">
    <label>{{t_stl_period}}
      <select name="period" id="gen-period">{{#GEN_PERIOD}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/GEN_PERIOD}}</select>
    </label>
    <button type="submit" class="btn primary" id="generate-button">{{t_stl_generate}}</button>
  </form>
</section>{{/CAN_GENERATE}}
{{#PRINT_PERIOD}}<p class="no-print"><a class="btn" id="print-period" href="/settlement/print?period={{print_period}}">{{t_stl_print_period}} {{print_period}}</a></p>{{/PRINT_PERIOD}}
<div class="kpis">
  <div class="kpi"><p class="kpi-label">{{t_stl_kpi_count}}</p><p class="kpi-value">{{list_total}}</p></div>
  <div class="kpi"><p class="kpi-label">{{t_stl_kpi_payable}}</p><p class="kpi-value money">{{total_payable}}</p></div>
</div>
{{>FORM_ERRORS}}
<form method="get" action="/settlement/statements" class="filters" aria-label="{{t_stl_filter}}">
  <label>{{t_stl_period}}
    <select name="period" id="period"{{#PERIOD_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/PERIOD_ERROR}}><option value="">{{t_stl_all}}</option>{{#PERIOD_OPTION}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/PERIOD_OPTION}}</select>{{#PERIOD_ERROR}}<span class="error" id="{{error_id}}">{{error}}</span>{{/PERIOD_ERROR}}
  </label>
  <label>{{t_stl_state}}
    <select name="state" id="state"{{#STATE_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/STATE_ERROR}}><option value="">{{t_stl_all}}</option>{{#STATE_OPTION}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/STATE_OPTION}}</select>{{#STATE_ERROR}}<span class="error" id="{{error_id}}">{{error}}</span>{{/STATE_ERROR}}
  </label>
  {{#WIDE_FILTERS}}<label>{{t_stl_team}}
    <select name="team" id="team"{{#TEAM_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/TEAM_ERROR}}><option value="">{{t_stl_all}}</option>{{#TEAM_OPTION}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/TEAM_OPTION}}</select>{{#TEAM_ERROR}}<span class="error" id="{{error_id}}">{{error}}</span>{{/TEAM_ERROR}}
  </label>
  <label>{{t_stl_rep}}
    <select name="rep" id="rep"{{#REP_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/REP_ERROR}}><option value="">{{t_stl_all}}</option>{{#REP_OPTION}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/REP_OPTION}}</select>{{#REP_ERROR}}<span class="error" id="{{error_id}}">{{error}}</span>{{/REP_ERROR}}
  </label>{{/WIDE_FILTERS}}
  <div class="filter-actions">
    <button type="submit" class="btn">{{t_stl_filter}}</button>
    {{#LIST_FILTERED}}<a class="btn ghost" href="/settlement/statements">{{t_stl_reset}}</a>{{/LIST_FILTERED}}
  </div>
</form>
{{#LIST_EMPTY}}<div class="empty"><p>{{t_stl_empty}}</p></div>{{/LIST_EMPTY}}
{{#LIST_ROWS}}<form method="post" action="/settlement/batch" id="batch-form">
<input type="hidden" name="csrf" value="{{csrf}}">
<div class="table-wrap">
<table class="data" id="statements-table">
  <thead><tr>
    {{#CAN_BATCH}}<th><span class="visually-hidden">{{t_stl_select}}</span></th>{{/CAN_BATCH}}
    {{>SORT_NUMBER}}
    <th>{{t_stl_period}}</th>
    <th>{{t_stl_rep}}</th>
    <th>{{t_stl_team}}</th>
    {{>SORT_STATE}}
    <th class="num">{{t_stl_payable}}</th>
    <th class="num">{{t_stl_carried_out}}</th>
  </tr></thead>
  <tbody>
  {{/LIST_ROWS}}{{#ROW}}<tr data-number="{{number}}">
    {{#CAN_BATCH}}<td><input type="checkbox" name="id" value="{{id}}" aria-label="{{number}}"></td>{{/CAN_BATCH}}
    <td class="mono"><a href="/settlement/statements/{{id}}">{{number}}</a> <a class="no-print muted" href="/settlement/statements/{{id}}/print" title="{{t_stl_print}}">{{t_stl_print_now}}</a></td>
    <td>{{period}}</td>
    <td>{{rep}}</td>
    <td>{{team}}</td>
    <td><span class="badge {{state}}">{{state_label}}</span></td>
    <td class="num money">{{payable}}</td>
    <td class="num money">{{#CARRIED}}<span class="neg">{{carried}}</span>{{/CARRIED}}</td>
  </tr>
  {{/ROW}}{{#LIST_ROWS}}</tbody>
</table>
</div>
{{#CAN_BATCH}}<fieldset class="card no-print batch">
  <legend>{{t_stl_batch}}</legend>
  <p>{{t_stl_batch_help}}</p>
  <label>{{t_stl_batch_action}}
    <select name="action" id="batch-action">
      {{#CAN_PAY}}<option value="submit">{{t_stl_action_submit}}</option>{{/CAN_PAY}}
      {{#CAN_REVIEW}}<option value="review">{{t_stl_action_review}}</option>{{/CAN_REVIEW}}
      {{#CAN_APPROVE}}<option value="approve">{{t_stl_action_approve}}</option>{{/CAN_APPROVE}}
      {{#CAN_PAY}}<option value="pay">{{t_stl_action_pay}}</option>{{/CAN_PAY}}
    </select>
  </label>
  <label>{{t_stl_comment}} <input type="text" name="comment" id="batch-comment" maxlength="500"></label>
  {{#CAN_PAY}}<label>{{t_stl_reference}} <input type="text" name="reference" id="batch-reference" maxlength="64"></label>
  <label>{{t_stl_paid_on}} <input type="date" name="paid_on" id="batch-paid-on"></label>{{/CAN_PAY}}
  <button type="submit" class="btn primary" id="batch-button">{{t_stl_batch_go}}</button>
</fieldset>{{/CAN_BATCH}}
</form>{{/LIST_ROWS}}
{{>PAGER}}
