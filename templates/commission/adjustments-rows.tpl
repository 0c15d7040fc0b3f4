{{%AUTOESCAPE context="HTML"}}<section class="card" id="cm-adjustment-lines" aria-labelledby="cm-adj-head">
  <div class="card-head"><h2 id="cm-adj-head">{{t_adj_lines_title}}</h2><a class="btn small ghost" href="/commission/adjustments">{{t_adj_title}}</a></div>
  {{#ADJ_NONE}}<div class="empty"><p>{{t_adj_lines_none}}</p></div>{{/ADJ_NONE}}
  {{#ADJ_ROWS}}<div class="table-wrap"><table class="data compact" id="adjustment-lines">
    <thead><tr><th>{{t_adj_period}}</th><th>{{t_adj_rep}}</th><th>{{t_adj_kind}}</th><th>{{t_adj_reason}}</th><th>{{t_adj_tracking}}</th><th class="num">{{t_adj_amount}}</th></tr></thead>
    <tbody>{{#ADJ_ROW}}<tr data-id="{{id}}"><td>{{period}}</td><td>{{rep}}</td><td><a href="{{href}}">{{kind}}</a></td><td class="wrap">{{reason}}</td><td>{{tracking}}</td><td class="num money{{#amount_NEG}} neg{{/amount_NEG}}">{{amount}}</td></tr>{{/ADJ_ROW}}</tbody>
    <tfoot><tr><td colspan="5">{{t_common_total}} · {{adj_count}}</td><td class="num money{{#adj_total_NEG}} neg{{/adj_total_NEG}}">{{adj_total}}</td></tr></tfoot>
  </table></div>{{/ADJ_ROWS}}
</section>
