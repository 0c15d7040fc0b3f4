{{%AUTOESCAPE context="HTML"}}<nav class="tabs" aria-label="{{t_perf_title}}">{{#TAB}}<a href="{{href}}"{{#TAB_CURRENT}} aria-current="page"{{/TAB_CURRENT}}>{{label}}</a>{{/TAB}}</nav>
<link rel="stylesheet" href="{{static}}/performance.css">
