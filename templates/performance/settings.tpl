{{%AUTOESCAPE context="HTML"}}{{>PERF_TABS}}
<link rel="stylesheet" href="{{static}}/performance.css">
<header class="page-head">
  <div>
    <p class="eyebrow">{{t_perf_title}}</p>
    <h1>{{t_perf_settings_title}}</h1>
    <p>{{t_perf_settings_intro}}</p>
  </div>
</header>
<section class="card">
  <h2>{{t_perf_settings_now}}</h2>
  <table class="data compact" id="settings-now">
    <tbody>
      <tr><th scope="row">{{t_perf_band_low}}</th><td id="now-low">&lt; {{now_low}}%</td></tr>
      <tr><th scope="row">{{t_perf_band_mid}}</th><td id="now-mid">{{now_low}}% – &lt; {{now_high}}%</td></tr>
      <tr><th scope="row">{{t_perf_band_high}}</th><td id="now-high">≥ {{now_high}}%</td></tr>
      <tr><th scope="row">{{t_perf_set_amounts}}</th><td id="now-amounts">{{now_amounts}}</td></tr>
    </tbody>
  </table>
</section>
{{#CAN_EDIT}}<section class="card">
  <h2>{{t_perf_settings_edit}}</h2>
  <form method="post" action="/performance/settings" class="form narrow" id="settings-form" novalidate>
    {{>FORM_ERRORS}}
    <input type="hidden" name="csrf" value="{{csrf}}">
    <div class="field"><label for="band_low">{{t_perf_set_band_low}}</label><input id="band_low" name="band_low" inputmode="numeric" value="{{band_low}}"{{#BAND_LOW_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/BAND_LOW_ERROR}}>
    {{#BAND_LOW_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/BAND_LOW_ERROR}}</div>
    <div class="field"><label for="band_high">{{t_perf_set_band_high}}</label><input id="band_high" name="band_high" inputmode="numeric" value="{{band_high}}"{{#BAND_HIGH_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/BAND_HIGH_ERROR}}>
    {{#BAND_HIGH_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/BAND_HIGH_ERROR}}</div>
    <div class="field"><label class="check"><input type="checkbox" id="reps_see_amounts" name="reps_see_amounts" value="1"{{#AMOUNTS_CHECKED}} checked{{/AMOUNTS_CHECKED}}> {{t_perf_set_amounts}}</label>
    {{#REPS_SEE_AMOUNTS_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/REPS_SEE_AMOUNTS_ERROR}}</div>
    <div class="form-actions"><button type="submit" class="btn primary" id="settings-save">{{t_perf_save}}</button></div>
  </form>
</section>{{/CAN_EDIT}}
