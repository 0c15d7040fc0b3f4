{{%AUTOESCAPE context="HTML"}}<header class="page-head">
  <div>
    <p class="eyebrow">{{t_nav_admin}}</p>
    <h1>{{t_ref_title}}</h1>
    <p>{{t_ref_intro}}</p>
  </div>
</header>
{{>ADMIN_TABS}}
<nav class="tabs" aria-label="{{t_ref_title}}">{{#REF_TAB}}<a href="{{href}}"{{#REF_TAB_CURRENT}} aria-current="page"{{/REF_TAB_CURRENT}}>{{label}}</a>{{/REF_TAB}}</nav>
<div class="kpis">
  {{#KIND}}<div class="kpi">
    <p class="kpi-label"><a href="{{href}}">{{label}}</a></p>
    <p class="kpi-value">{{active}}<small>{{t_ref_active_rows}}</small></p>
    <p class="kpi-sub">{{t_ref_total}} {{total}} · {{t_ref_inactive_rows}} {{inactive}}</p>
  </div>
  {{/KIND}}
</div>
<div class="grid-2">
  {{#KIND}}<section class="card">
    <div class="card-head">
      <h2>{{label}}</h2>
      <a class="btn small" href="{{href}}/new">{{t_ref_new}}</a>
    </div>
    <p class="muted">{{hint}}</p>
    <p><a href="{{href}}">{{t_ref_open_list}}</a></p>
  </section>
  {{/KIND}}
</div>
