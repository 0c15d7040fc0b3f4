{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
{{!
  The page shell.  Signed in: a sidebar (brand, navigation by role, the
  person, language and sign-out) beside <main>.  Not signed in (login):
  <main> alone on a tinted background.  On a phone the sidebar becomes a
  top bar whose menu collapses behind a toggle (ticheng.js); without
  JavaScript the menu simply stays open.  No inline script or style.
}}
<html lang="{{lang_html}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<meta name="robots" content="noindex, nofollow">
{{#REFRESH}}<noscript><meta http-equiv="refresh" content="{{refresh_seconds}}"></noscript>
{{/REFRESH}}<title>{{page_title}} · {{t_brand_product}}</title>
<link rel="icon" href="{{static}}/logo.svg" type="image/svg+xml">
<link rel="stylesheet" href="{{static}}/ticheng.css">
<script src="{{static}}/ticheng.js" defer></script>
</head>
<body class="{{#SIGNED_IN}}signed-in{{/SIGNED_IN}}">
<a class="skip-link" href="#main">{{t_skip_to_content}}</a>
<div class="shell">
{{#SIGNED_IN}}
<header class="sidebar no-print">
  <div class="sidebar-top">
    <a class="brand" href="/">
      <svg class="brand-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false"><rect width="32" height="32" rx="8" class="brand-bg"/><path class="brand-fg" d="M8 22.5h16M10 19v-5M16 19V9.5M22 19v-7.5"/></svg>
      <span class="brand-text"><span class="brand-name">提成 ticheng</span><span class="brand-company">{{company}}</span></span>
    </a>
    <button type="button" class="nav-toggle" aria-controls="sidebar-panel" aria-expanded="false"><svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M4 7h16M4 12h16M4 17h16"/></svg><span>{{t_nav_menu}}</span></button>
  </div>
  <div class="sidebar-panel" id="sidebar-panel">
    <nav class="nav" aria-label="{{t_nav_main}}">
      <ul>
        {{#NAV}}<li><a href="{{href}}" data-current="{{nav_current}}"{{#NAV_CURRENT}} aria-current="page" class="current"{{/NAV_CURRENT}}>{{label}}{{#WAITING}} <span class="nav-waiting"><span class="visually-hidden">{{t_nav_waiting}}</span>{{waiting}}</span>{{/WAITING}}</a></li>
        {{/NAV}}
      </ul>
    </nav>
    <div class="me">
      <p class="me-name"><span class="avatar" aria-hidden="true"></span><span><strong>{{person_name}}</strong><span class="me-login">{{person_login}}</span></span></p>
      <p class="me-roles"><span class="visually-hidden">{{t_nav_roles}}</span>{{#ROLE}}<span class="role">{{role_label}}</span>{{/ROLE}}</p>
      <div class="me-actions">
        <form method="post" action="/lang" class="inline-form">
          <input type="hidden" name="csrf" value="{{csrf}}">
          <input type="hidden" name="lang" value="{{lang_other}}">
          <input type="hidden" name="next" value="{{path_and_query}}">
          <button type="submit" class="btn small ghost" lang="{{lang_other}}" title="{{t_nav_language}}"><svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><circle cx="12" cy="12" r="8.5"/><path d="M3.5 12h17M12 3.5c2.4 2.4 3.5 5.3 3.5 8.5s-1.1 6.1-3.5 8.5M12 3.5C9.6 5.9 8.5 8.8 8.5 12s1.1 6.1 3.5 8.5"/></svg>{{lang_other_label}}</button>
        </form>
        <form method="post" action="/logout" class="inline-form">
          <input type="hidden" name="csrf" value="{{csrf}}">
          <button type="submit" class="btn small ghost">{{t_nav_logout}}</button>
        </form>
      </div>
    </div>
  </div>
</header>
{{/SIGNED_IN}}
<main id="main" class="main" tabindex="-1">
  <div class="print-head print-only"><span>提成 ticheng</span><span>{{company}}</span></div>
  {{#FLASH}}<div class="flash {{flash_kind}}" role="status">{{flash_text}}</div>
  {{/FLASH}}
  {{>CONTENT}}
</main>
</div>
</body>
</html>
