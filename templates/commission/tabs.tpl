{{%AUTOESCAPE context="HTML"}}<nav class="tabs" aria-label="{{t_nav_commission}}">{{#TAB}}<a href="{{href}}"{{#TAB_CURRENT}} aria-current="page"{{/TAB_CURRENT}}>{{label}}</a>{{/TAB}}</nav>
