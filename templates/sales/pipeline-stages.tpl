{{%AUTOESCAPE context="HTML"}}{{>SALES_TABS}}
<div class="page-head">
  <div>
    <h1>{{t_pipe_stages_title}}</h1>
    <p>{{t_pipe_stages_help}}</p>
  </div>
</div>
<form method="post" action="/sales/stages" class="form card" novalidate>
  {{>FORM_ERRORS}}
  <input type="hidden" name="csrf" value="{{csrf}}">
  <div class="field wide">
    <div class="table-wrap">
      <table class="data compact" id="stages">
        <thead><tr><th class="num">#</th><th>{{t_sales_stage}}</th><th>{{t_pipe_stage_state}}</th><th>{{t_pipe_probability_pct}}</th></tr></thead>
        <tbody>{{#STAGE}}<tr>
          <td class="num">{{position}}</td>
          <td><label for="prob_{{n}}">{{label}}</label></td>
          <td>{{state}}</td>
          <td><input id="prob_{{n}}" name="prob_{{n}}" type="text" inputmode="numeric" class="num" value="{{prob}}"{{#PROB_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/PROB_ERROR}}>{{#PROB_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/PROB_ERROR}}</td>
        </tr>{{/STAGE}}</tbody>
      </table>
    </div>
  </div>
  <div class="field">
    <label for="stale_days" class="required">{{t_pipe_stale_days}}</label>
    <input id="stale_days" name="stale_days" type="text" inputmode="numeric" class="num" value="{{stale_days}}"{{#STALE_DAYS_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/STALE_DAYS_ERROR}}>
    <p class="hint">{{t_pipe_stale_days_hint}}</p>
    {{#STALE_DAYS_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/STALE_DAYS_ERROR}}
  </div>
  <div class="form-actions">
    <button type="submit" class="btn primary">{{t_common_save}}</button>
    <a class="btn ghost" href="/sales/">{{t_common_cancel}}</a>
  </div>
</form>
