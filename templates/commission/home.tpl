{{%AUTOESCAPE context="HTML"}}{{>CM_TABS}}
<div class="page-head">
  <div>
    <h1>{{t_cm_home_title}}</h1>
    <p>{{t_cm_home_help}}</p>
  </div>
</div>
{{>CM_OVERVIEW}}
<section aria-labelledby="cm-areas">
  <h2 id="cm-areas" class="section-title">{{t_cm_home_areas}}</h2>
  <ul class="modules" id="cm-links">
    {{#LINK}}<li class="module commission">
      <a href="{{href}}">
        <span class="module-body">
          <span class="module-title">{{label}}</span>
          <span class="module-text">{{text}}</span>
        </span>
        <span class="module-go" aria-hidden="true"><svg viewBox="0 0 24 24" focusable="false"><path d="M9 5.5l6.5 6.5L9 18.5"/></svg></span>
      </a>
    </li>
    {{/LINK}}
  </ul>
  {{#NO_LINKS}}<div class="empty"><p>{{t_cm_home_no_links}}</p></div>{{/NO_LINKS}}
</section>
