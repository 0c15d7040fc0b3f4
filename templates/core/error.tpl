{{%AUTOESCAPE context="HTML"}}{{!
  Error page content.  The C side shows ERROR_BACK (with back_href, e.g. a
  same-site Referer or the module's start page) for 403 and 404.
}}<div class="error-page">
  <div class="error-card">
    <p class="error-status" aria-hidden="true">{{error_status}}</p>
    <h1>{{error_title}}</h1>
    <p class="error-text">{{error_text}}</p>
    <p class="error-links">
      {{#ERROR_BACK}}<a class="btn" href="{{back_href}}">{{t_error_back}}</a>{{/ERROR_BACK}}
      <a class="btn primary" href="/">{{t_error_home}}</a>
    </p>
  </div>
</div>
