{{%AUTOESCAPE context="HTML"}}{{>CM_TABS}}
<header class="page-head">
  <div>
    <p class="eyebrow"><a href="/commission/disputes">{{t_dsp_title}}</a></p>
    <h1>{{t_dsp_new_title}}</h1>
    <p>{{t_dsp_new_intro}}</p>
  </div>
</header>
<section class="card">
<form method="post" action="/commission/disputes/new" class="form" novalidate>
  {{>FORM_ERRORS}}
  <input type="hidden" name="csrf" value="{{csrf}}">
  {{#ON_LINE}}<input type="hidden" name="line" value="{{line_id}}">
  <dl class="details" id="dsp-line">
    <dt>{{t_dsp_line}}</dt><dd>#{{line_id}} · {{line_period}} · {{line_date}}</dd>
    <dt>{{t_dsp_order}}</dt><dd>{{order_no}} / {{line_no}} · {{product}}</dd>
    <dt>{{t_dsp_rule}}</dt><dd>{{rule}}</dd>
    <dt>{{t_dsp_line_commission}}</dt><dd class="money{{#line_commission_NEG}} neg{{/line_commission_NEG}}">{{line_commission}}</dd>
  </dl>
  {{#LINE_REMOVED}}<p class="flash warn">{{t_dsp_line_removed}}</p>{{/LINE_REMOVED}}{{/ON_LINE}}
  {{#LINE_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/LINE_ERROR}}
  {{#MISSING}}<p>{{t_dsp_missing_help}}</p>
  <div class="field">
    <label for="order" class="required">{{t_dsp_order}}</label>
    <input id="order" name="order" type="text" maxlength="64" class="mono" value="{{order}}" required{{#ORDER_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/ORDER_ERROR}}>
    {{#ORDER_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/ORDER_ERROR}}
  </div>
  <div class="field">
    <label for="period" class="required">{{t_dsp_period}}</label>
    <input id="period" name="period" type="text" maxlength="8" placeholder="2026-11" value="{{period}}" required{{#PERIOD_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/PERIOD_ERROR}}>
    {{#PERIOD_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/PERIOD_ERROR}}
  </div>{{/MISSING}}
  <div class="field">
    <label for="comment" class="required">{{t_dsp_comment}}</label>
    <textarea id="comment" name="comment" rows="5" maxlength="2000" required{{#COMMENT_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/COMMENT_ERROR}}>{{comment}}</textarea>
    <p class="hint">{{t_dsp_comment_hint}}</p>
    {{#COMMENT_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/COMMENT_ERROR}}
  </div>
  <div class="form-actions">
    <button type="submit" class="btn primary" id="dsp-raise">{{t_dsp_raise}}</button>
    <a class="btn ghost" href="/commission/disputes">{{t_common_cancel}}</a>
  </div>
</form>
</section>
