{{%AUTOESCAPE context="HTML"}}{{>STL_TABS}}<header class="page-head">
  <div>
    <p class="eyebrow">{{t_stl_module}}</p>
    <h1>{{t_stl_cost}}</h1>
    <p>{{t_stl_cost_intro}}</p>
  </div>
  {{#EXPORTS}}<div class="actions">
    <a class="btn" href="/settlement/cost.csv?period={{period}}" id="cost-csv">{{t_stl_export_csv}}</a>
    <a class="btn" href="/settlement/cost.xlsx?period={{period}}" id="cost-xlsx">{{t_stl_export_xlsx}}</a>
  </div>{{/EXPORTS}}
</header>
<form method="get" action="/settlement/cost" class="filters no-print">
  <label>{{t_stl_period}}
    <select name="period" id="period">{{#PERIOD_OPTION}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/PERIOD_OPTION}}</select>
  </label>
  <div class="filter-actions"><button type="submit" class="btn">{{t_stl_filter}}</button></div>
</form>
{{#EMPTY}}<div class="empty"><p>{{t_stl_cost_empty}}</p></div>{{/EMPTY}}
{{#TREND_CHART}}<section class="card">
  <h2>{{t_stl_cost_trend}}</h2>
  {{>CHART}}
</section>{{/TREND_CHART}}
<div class="grid-2">
{{#DIM}}<section class="card">
  <h2>{{dim_title}} · {{period}}</h2>
  <table class="data cost-table">
    <thead><tr><th>{{t_stl_cost_name}}</th><th class="num">{{t_stl_cost_sales}}</th><th class="num">{{t_stl_cost_commission}}</th><th class="num">{{t_stl_cost_rate}}</th></tr></thead>
    <tbody>{{#ROW}}<tr><td>{{name}}</td><td class="num money">{{sales}}</td><td class="num money">{{commission}}</td><td class="num">{{rate}}</td></tr>{{/ROW}}</tbody>
  </table>
</section>{{/DIM}}
</div>
<section class="card">
  <h2>{{t_stl_cost_trend}}</h2>
  <table class="data" id="cost-trend">
    <thead><tr><th>{{t_stl_period}}</th><th class="num">{{t_stl_cost_sales}}</th><th class="num">{{t_stl_cost_commission}}</th><th class="num">{{t_stl_cost_rate}}</th></tr></thead>
    <tbody>{{#TREND_ROW}}<tr><td>{{period}}</td><td class="num money">{{sales}}</td><td class="num money">{{commission}}</td><td class="num">{{rate}}</td></tr>{{/TREND_ROW}}</tbody>
  </table>
</section>
