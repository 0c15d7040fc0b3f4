{{%AUTOESCAPE context="HTML"}}{{>CM_TABS}}
<header class="page-head">
  <div>
    <p class="eyebrow"><a href="/commission/adjustments">{{t_adj_title}}</a></p>
    <h1>{{t_adj_new_title}}</h1>
    <p>{{t_adj_new_intro}} {{t_adj_you_propose_as}}{{proposed_as}}</p>
  </div>
</header>
<section class="card">
<form method="post" action="/commission/adjustments/new" class="form" novalidate>
  {{>FORM_ERRORS}}
  <input type="hidden" name="csrf" value="{{csrf}}">
  <div class="field">
    <label for="person" class="required">{{t_adj_rep}}</label>
    <select id="person" name="person" required{{#PERSON_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/PERSON_ERROR}}>
      <option value="">{{t_adj_pick_rep}}</option>
      {{#PERSON_OPT}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/PERSON_OPT}}
    </select>
    {{#PERSON_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/PERSON_ERROR}}
  </div>
  <div class="field">
    <label for="period" class="required">{{t_adj_period}}</label>
    <select id="period" name="period" required{{#PERIOD_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/PERIOD_ERROR}}>
      {{#PERIOD_OPT}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/PERIOD_OPT}}
    </select>
    <p class="hint">{{t_adj_period_hint}}</p>
    {{#PERIOD_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/PERIOD_ERROR}}
  </div>
  <div class="field">
    <label for="amount" class="required">{{t_adj_amount}}</label>
    <input id="amount" name="amount" type="text" inputmode="decimal" class="money" value="{{amount}}" required{{#AMOUNT_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/AMOUNT_ERROR}}>
    <p class="hint">{{t_adj_amount_hint}}</p>
    {{#AMOUNT_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/AMOUNT_ERROR}}
  </div>
  <div class="field">
    <label for="reason" class="required">{{t_adj_reason}}</label>
    <input id="reason" name="reason" type="text" maxlength="500" value="{{reason}}" required{{#REASON_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/REASON_ERROR}}>
    {{#REASON_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/REASON_ERROR}}
  </div>
  <div class="form-actions">
    <button type="submit" class="btn primary" id="adj-propose">{{t_adj_propose}}</button>
    <a class="btn ghost" href="/commission/adjustments">{{t_common_cancel}}</a>
  </div>
</form>
</section>
