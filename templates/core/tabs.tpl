{{%AUTOESCAPE context="HTML"}}<nav class="tabs" aria-label="{{tabs_label}}">{{#TAB}}<a href="{{href}}"{{#TAB_CURRENT}} aria-current="page"{{/TAB_CURRENT}}>{{label}}</a>{{/TAB}}</nav>
