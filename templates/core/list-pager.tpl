{{%AUTOESCAPE context="HTML"}}<nav class="pager" aria-label="{{t_common_page}}">
  {{#PREV}}<a href="{{href}}" rel="prev">{{t_common_prev}}</a>{{/PREV}}
  {{#ITEM}}{{#LINK}}<a href="{{href}}">{{n}}</a>{{/LINK}}{{#CURRENT}}<span class="current" aria-current="page">{{n}}</span>{{/CURRENT}}{{#GAP}}<span class="gap">…</span>{{/GAP}}{{/ITEM}}
  {{#NEXT}}<a href="{{href}}" rel="next">{{t_common_next}}</a>{{/NEXT}}
  <span class="pager-info">{{from}}–{{to}} / {{total}}</span>
</nav>
