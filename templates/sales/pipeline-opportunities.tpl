{{%AUTOESCAPE context="HTML"}}{{>SALES_TABS}}
<div class="page-head">
  <div>
    <h1>{{t_pipe_opps_title}}</h1>
    <p>{{t_pipe_opps_help}}</p>
  </div>
  <div class="actions">
    {{#CAN_WRITE}}<a class="btn primary" href="/sales/opportunities/new">{{t_pipe_opp_new}}</a>{{/CAN_WRITE}}
  </div>
</div>
<form method="get" action="/sales/opportunities" class="filters">
  <label>{{t_sales_stage}}
    <select name="stage"><option value="">{{t_common_all}}</option>{{#STAGE_OPT}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/STAGE_OPT}}</select>
  </label>
  <label>{{t_sales_rep}}
    <select name="rep"><option value="">{{t_common_all}}</option>{{#REP_OPT}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/REP_OPT}}</select>
  </label>
  <label class="grow">{{t_sales_customer}}
    <select name="customer"><option value="">{{t_common_all}}</option>{{#CUSTOMER_OPT}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/CUSTOMER_OPT}}</select>
  </label>
  <label>{{t_pipe_tag}}
    <select name="tag"><option value="">{{t_common_all}}</option>{{#TAG_OPT}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/TAG_OPT}}</select>
  </label>
  <label>{{t_pipe_close_month}}
    <input type="month" name="month" value="{{month}}" placeholder="YYYY-MM">
  </label>
  <div class="filter-actions">
    <button type="submit" class="btn primary">{{t_common_filter}}</button>
    <a class="btn ghost" href="/sales/opportunities">{{t_common_reset}}</a>
  </div>
</form>
{{#SORT_PRIORITY}}<p class="muted small">{{t_pipe_sorted_by_priority}}</p>{{/SORT_PRIORITY}}
{{#EMPTY}}<div class="empty">{{t_pipe_opps_empty}}</div>{{/EMPTY}}
{{#TOTALS}}
<div class="table-wrap">
  <table class="data compact sortable" id="opportunities">
    <thead><tr>
      {{#SORT_COL}}<th class="{{class}}" aria-sort="{{aria_sort}}"><a class="sort" href="{{href}}">{{label}}</a></th>{{/SORT_COL}}
    </tr></thead>
    <tbody>
    {{#OPP}}<tr>
      <td class="wrap"><a href="/sales/opportunities/{{id}}">{{title}}</a>{{#TAG}} <span class="tag {{code}}">{{label}}</span>{{/TAG}}</td>
      <td>{{customer}}<br><span class="muted small">{{owner}}</span></td>
      <td><span class="badge {{stage}}">{{stage_label}}</span></td>
      <td class="num money">{{amount}}</td>
      <td class="num money">{{weighted}}</td>
      <td>{{close}}</td>
      <td>{{follow_up}}</td>
      <td class="num">{{score}}</td>
    </tr>{{/OPP}}
    </tbody>
    <tfoot><tr><td colspan="3">{{t_common_total}} · {{count}}</td><td class="num money">{{total_amount}}</td><td class="num money">{{total_weighted}}</td><td colspan="3"></td></tr></tfoot>
  </table>
</div>
{{/TOTALS}}
{{#PAGER}}<nav class="pager" aria-label="{{t_common_page}}">{{#PAGE}}{{#LINK}}<a href="{{href}}">{{n}}</a>{{/LINK}}{{#CURRENT}}<span class="current" aria-current="page">{{n}}</span>{{/CURRENT}}{{/PAGE}}<span class="pager-info">{{page}} / {{pages}}</span></nav>{{/PAGER}}
<details class="card">
  <summary>{{t_pipe_rules_title}}</summary>
  <ul class="small">
    <li><span class="tag overdue">{{t_pipe_tag_overdue}}</span> {{t_pipe_rule_overdue}}</li>
    <li><span class="tag stale">{{t_pipe_tag_stale}}</span> {{t_pipe_rule_stale}}</li>
    <li><span class="tag closing">{{t_pipe_tag_closing}}</span> {{t_pipe_rule_closing}}</li>
    <li><span class="tag large">{{t_pipe_tag_large}}</span> {{t_pipe_rule_large}}</li>
  </ul>
  <p class="small">{{t_pipe_rule_score}}</p>
</details>
