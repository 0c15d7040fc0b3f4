{{%AUTOESCAPE context="HTML"}}{{!
  Sign-in card.  What was refused is in the form's error summary (a wrong
  login or password, too many attempts) and beside its field; the
  directory being down is said above the form.  The password is never
  refilled.
}}<div class="login">
  <div class="login-card">
    <div class="login-brand">
      <svg class="brand-mark large" viewBox="0 0 32 32" aria-hidden="true" focusable="false"><rect width="32" height="32" rx="8" class="brand-bg"/><path class="brand-fg" d="M8 22.5h16M10 19v-5M16 19V9.5M22 19v-7.5"/></svg>
      <div>
        <p class="login-company">{{company}}</p>
        <p class="login-product">{{t_brand_product}} <span class="login-mark">提成 ticheng</span></p>
      </div>
    </div>
    <h1>{{t_login_title}}</h1>
    <p class="login-intro">{{t_login_intro}}</p>
    {{#DIRECTORY_DOWN}}<div class="flash warn" role="alert">{{t_login_directory_down}}</div>{{/DIRECTORY_DOWN}}
    <form method="post" action="/login" class="form login-form" novalidate>
      {{>FORM_ERRORS}}
      <input type="hidden" name="csrf" value="{{csrf}}">
      <input type="hidden" name="next" value="{{next}}">
      <div class="field">
        <label for="username">{{t_login_username}}</label>
        <input id="username" name="username" type="text" value="{{username}}" autocomplete="username" autocapitalize="none" spellcheck="false" required autofocus data-next-focus="password"{{#USERNAME_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/USERNAME_ERROR}}>
        {{#USERNAME_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/USERNAME_ERROR}}
      </div>
      <div class="field">
        <label for="password">{{t_login_password}}</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required{{#PASSWORD_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/PASSWORD_ERROR}}>
        {{#PASSWORD_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/PASSWORD_ERROR}}
      </div>
      <div class="form-actions">
        <button type="submit" class="btn primary block">{{t_login_submit}}</button>
      </div>
    </form>
    <p class="login-help">{{t_login_help}}</p>
  </div>
  <form method="post" action="/lang" class="login-lang">
    <input type="hidden" name="csrf" value="{{csrf}}">
    <input type="hidden" name="lang" value="{{lang_other}}">
    <input type="hidden" name="next" value="{{path_and_query}}">
    <button type="submit" class="link" lang="{{lang_other}}">{{lang_other_label}}</button>
  </form>
</div>
