{{%AUTOESCAPE context="HTML"}}{{!
  Home: greeting, roles, one card per module the person may use.  The card
  icon is picked by module_key from the symbols below (no inline styles).
}}<svg class="icon-sprite" aria-hidden="true" focusable="false" xmlns="http://www.w3.org/2000/svg">
  <symbol id="i-sales" viewBox="0 0 24 24"><path d="M3.5 19.5h17"/><path d="M5 15.5l4.5-4.5 3.5 3 6.5-7"/><path d="M15 7h4.5v4.5"/></symbol>
  <symbol id="i-commission" viewBox="0 0 24 24"><circle cx="12" cy="12" r="8.5"/><path d="M8.5 8l3.5 4.5L15.5 8M12 12.5V17M9 13.5h6M9 16h6"/></symbol>
  <symbol id="i-performance" viewBox="0 0 24 24"><circle cx="12" cy="12" r="8.5"/><circle cx="12" cy="12" r="5"/><circle cx="12" cy="12" r="1.5"/><path d="M12 3.5V1.8M20.5 12h1.7"/></symbol>
  <symbol id="i-settlement" viewBox="0 0 24 24"><path d="M6 2.8h8.5L19 7.3v13.9H6z"/><path d="M14 3v4.5h4.5"/><path d="M9 14l2.3 2.3L16 11.5"/></symbol>
  <symbol id="i-admin" viewBox="0 0 24 24"><path d="M4 6.5h9M17 6.5h3M4 12h3M11 12h9M4 17.5h11M19 17.5h1"/><circle cx="15" cy="6.5" r="2"/><circle cx="9" cy="12" r="2"/><circle cx="17" cy="17.5" r="2"/></symbol>
</svg>
<div class="home">
  <header class="page-head home-head">
    <div>
      <p class="eyebrow">{{company}}</p>
      <h1>{{t_home_welcome}}<span class="home-name">{{person_name}}</span></h1>
      <p class="home-roles"><span class="muted">{{t_home_roles}}</span> {{#ROLE}}<span class="badge info">{{role_label}}</span> {{/ROLE}}</p>
    </div>
  </header>
  <section aria-labelledby="home-modules">
    <h2 id="home-modules" class="section-title">{{t_home_modules}}</h2>
    <ul class="modules">
      {{#MODULE}}<li class="module {{module_key}}">
        <a href="{{href}}">
          <span class="module-icon"><svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><use href="#i-{{module_key}}"/></svg></span>
          <span class="module-body">
            <span class="module-title">{{module_title}}{{#WAITING}} <span class="nav-waiting"><span class="visually-hidden">{{t_nav_waiting}}</span>{{waiting}}</span>{{/WAITING}}</span>
            <span class="module-text">{{module_text}}</span>
          </span>
          <span class="module-go" aria-hidden="true"><svg viewBox="0 0 24 24" focusable="false"><path d="M9 5.5l6.5 6.5L9 18.5"/></svg></span>
        </a>
      </li>
      {{/MODULE}}
    </ul>
    {{#NO_MODULES}}<div class="empty"><p>{{t_home_no_modules}}</p></div>{{/NO_MODULES}}
  </section>
</div>
