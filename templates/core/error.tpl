{{%AUTOESCAPE context="HTML"}}{{!
  Error page content.  The C side shows section BACK for 403, 404 and 409: a
  "go back" link that ticheng.js turns into history.back() (hidden without
  JavaScript, where the home link remains).  back_href, if ever set, is
  used as the link's own target.
}}<div class="error-page">
  <div class="error-card">
    <p class="error-status" aria-hidden="true">{{error_status}}</p>
    <h1>{{error_title}}</h1>
    <p class="error-text">{{error_text}}</p>
    <p class="error-links">
      {{#BACK}}<a class="btn" href="{{back_href}}" data-back>{{t_error_back}}</a>{{/BACK}}
      <a class="btn primary" href="/">{{t_error_home}}</a>
    </p>
  </div>
</div>
