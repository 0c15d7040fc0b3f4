{{%AUTOESCAPE context="HTML"}}{{!
  One chart (core/chart.h): the SVG with its text alternative, the legend
  when there are several series, and the data table when the page asks
  for it.  width and height are the drawing's own size: the screen style
  fits it to its card, print draws it at most at that size.  Filled by chart_show(); a page includes it by the name given
  to chart_show().
}}<figure class="chart-fig chart-{{kind}}">
<svg class="chart" id="{{id}}" viewBox="0 0 {{w}} {{h}}" width="{{w}}" height="{{h}}" role="img" aria-labelledby="{{id}}-t {{id}}-d">
<title id="{{id}}-t">{{title}}</title>
<desc id="{{id}}-d">{{desc}}</desc>
{{#EMPTY}}<text class="empty" x="{{x}}" y="{{y}}" text-anchor="middle">{{t_chart_empty}}</text>{{/EMPTY}}
{{#GRID}}<line class="grid" x1="{{x1}}" y1="{{y1}}" x2="{{x2}}" y2="{{y2}}"/><text class="tick" x="{{x}}" y="{{y}}" text-anchor="{{anchor}}">{{label}}</text>
{{/GRID}}
{{#BAR}}<rect class="bar s{{s}}{{#NEG}} neg{{/NEG}}" x="{{x}}" y="{{y}}" width="{{w}}" height="{{h}}"><title>{{tip}}</title></rect>
{{/BAR}}
{{#ZERO}}<line class="axis" x1="{{x1}}" y1="{{y1}}" x2="{{x2}}" y2="{{y2}}"/>{{/ZERO}}
{{#LINE}}<polyline class="line s{{s}}" points="{{points}}"/>
{{/LINE}}
{{#DOT}}<circle class="dot s{{s}}" cx="{{x}}" cy="{{y}}" r="3.5"><title>{{tip}}</title></circle>
{{/DOT}}
{{#REF}}<line class="ref" x1="{{x1}}" y1="{{y1}}" x2="{{x2}}" y2="{{y2}}"/><text class="ref-label" x="{{x}}" y="{{y}}" text-anchor="{{anchor}}">{{label}}</text>
{{/REF}}
{{#CAT}}<text class="label" x="{{x}}" y="{{y}}" text-anchor="{{anchor}}">{{label}}</text>
{{/CAT}}
{{#VALUE}}<text class="value" x="{{x}}" y="{{y}}" text-anchor="{{anchor}}">{{text}}</text>
{{/VALUE}}
</svg>
{{#LEGEND}}<ul class="legend">{{#ITEM}}<li class="s{{s}}{{#IS_LINE}} line{{/IS_LINE}}">{{name}}</li>{{/ITEM}}</ul>{{/LEGEND}}
{{#TABLE}}<details class="chart-data">
<summary>{{t_chart_data_table}}</summary>
<div class="table-wrap">
<table class="data compact">
<caption class="visually-hidden">{{title}}</caption>
<thead><tr><th scope="col">{{cat_title}}</th>{{#HEAD}}<th scope="col" class="num">{{name}}</th>{{/HEAD}}</tr></thead>
<tbody>{{#ROW}}<tr><th scope="row">{{label}}</th>{{#CELL}}<td class="num{{#MONEY}} money{{/MONEY}}{{#NEG}} neg{{/NEG}}">{{value}}</td>{{/CELL}}</tr>
{{/ROW}}{{#NO_ROWS}}<tr><td colspan="5">{{t_chart_empty}}</td></tr>{{/NO_ROWS}}</tbody>
</table>
</div>
</details>{{/TABLE}}
</figure>
