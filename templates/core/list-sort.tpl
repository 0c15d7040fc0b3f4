{{%AUTOESCAPE context="HTML"}}<th{{#NUM}} class="num"{{/NUM}}{{#CURRENT}} aria-sort="{{aria_sort}}"{{/CURRENT}}><a class="sort" href="{{href}}">{{label}}</a></th>
