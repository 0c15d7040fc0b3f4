{{%AUTOESCAPE context="HTML"}}{{>STL_TABS}}<header class="page-head">
  <div>
    <p class="eyebrow">{{t_stl_module}}</p>
    <h1>{{t_stl_reports}}</h1>
    <p>{{t_stl_reports_intro}}</p>
  </div>
  <div class="actions">
    <a class="btn" href="/settlement/reports.csv" id="reports-csv">{{t_stl_export_csv}}</a>
    <a class="btn" href="/settlement/reports.xlsx" id="reports-xlsx">{{t_stl_export_xlsx}}</a>
  </div>
</header>
<div class="table-wrap">
<table class="data" id="by-period">
  <thead><tr><th>{{t_stl_period}}</th><th class="num">{{t_stl_kpi_count}}</th><th class="num">{{t_stl_opening}}</th><th class="num">{{t_stl_accrued}}</th><th class="num">{{t_stl_payable}}</th><th class="num">{{t_stl_approved_amount}}</th><th class="num">{{t_stl_paid_amount}}</th><th class="num">{{t_stl_closing}}</th><th>{{t_stl_check}}</th></tr></thead>
  <tbody>{{#PERIOD_ROW}}<tr><td><a href="/settlement/reports?period={{period}}">{{period}}</a></td><td class="num">{{n}}</td><td class="num money">{{opening}}</td><td class="num money">{{accrued}}</td><td class="num money">{{payable}}</td><td class="num money">{{approved}}</td><td class="num money">{{paid}}</td><td class="num money">{{closing}}</td><td>{{check}}</td></tr>{{/PERIOD_ROW}}</tbody>
  <tfoot><tr><th>{{t_stl_total}}</th><td class="num">{{total_n}}</td><td class="num money">{{total_opening}}</td><td class="num money">{{total_accrued}}</td><td class="num money">{{total_payable}}</td><td class="num money">{{total_approved}}</td><td class="num money">{{total_paid}}</td><td class="num money">{{total_closing}}</td><td></td></tr></tfoot>
</table>
</div>
<form method="get" action="/settlement/reports" class="filters no-print">
  <label>{{t_stl_choose_period}}
    <select name="period" id="period"><option value="">—</option>{{#PERIOD_OPTION}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/PERIOD_OPTION}}</select>
  </label>
  <div class="filter-actions"><button type="submit" class="btn">{{t_stl_filter}}</button></div>
</form>
{{#TEAMS}}<section class="card">
  <h2>{{t_stl_by_team}} · {{period}}</h2>
  {{#CAN_PAYROLL}}<p class="no-print"><a class="btn" id="payroll-csv" href="/settlement/payroll.csv?period={{period}}">{{t_stl_payroll_csv}}</a> <a class="btn" id="payroll-xlsx" href="/settlement/payroll.xlsx?period={{period}}">{{t_stl_payroll_xlsx}}</a></p>{{/CAN_PAYROLL}}
  <p class="no-print"><a class="btn" id="teams-csv" href="/settlement/reports/teams.csv?period={{period}}">{{t_stl_export_csv}}</a> <a class="btn" id="teams-xlsx" href="/settlement/reports/teams.xlsx?period={{period}}">{{t_stl_export_xlsx}}</a></p>
  <table class="data" id="by-team">
    <thead><tr><th>{{t_stl_team}}</th><th>{{t_stl_department}}</th><th>{{t_stl_state}}</th><th class="num">{{t_stl_kpi_count}}</th><th class="num">{{t_stl_payable}}</th></tr></thead>
    <tbody>{{#TEAM_ROW}}<tr><td>{{team}}</td><td>{{department}}</td><td>{{state_label}}</td><td class="num">{{n}}</td><td class="num money">{{payable}}</td></tr>{{/TEAM_ROW}}</tbody>
  </table>
  <h2>{{t_stl_reconciliation}} · {{period}}</h2>
  <p>{{t_stl_reconciliation_intro}}</p>
  <p class="no-print"><a class="btn" id="reconciliation-csv" href="/settlement/reports/reconciliation.csv?period={{period}}">{{t_stl_export_csv}}</a> <a class="btn" id="reconciliation-xlsx" href="/settlement/reports/reconciliation.xlsx?period={{period}}">{{t_stl_export_xlsx}}</a></p>
  <div class="table-wrap"><table class="data" id="by-rep">
    <thead><tr><th>{{t_stl_employee_no}}</th><th>{{t_stl_rep}}</th><th>{{t_stl_team}}</th><th>{{t_stl_number}}</th><th>{{t_stl_state}}</th><th class="num">{{t_stl_opening}}</th><th class="num">{{t_stl_accrued}}</th><th class="num">{{t_stl_payable}}</th><th class="num">{{t_stl_approved_amount}}</th><th class="num">{{t_stl_paid_amount}}</th><th class="num">{{t_stl_closing}}</th><th>{{t_stl_check}}</th></tr></thead>
    <tbody>{{#REP_ROW}}<tr><td>{{employee_no}}</td><td>{{name}}</td><td>{{team}}</td><td>{{statement}}</td><td>{{state_label}}</td><td class="num money">{{opening_balance}}</td><td class="num money">{{accrued}}</td><td class="num money">{{payable}}</td><td class="num money">{{approved}}</td><td class="num money">{{paid}}</td><td class="num money">{{closing_balance}}</td><td>{{check}}</td></tr>{{/REP_ROW}}</tbody>
    <tfoot><tr><th colspan="5">{{t_stl_total}}</th><td class="num money">{{rep_total_opening_balance}}</td><td class="num money">{{rep_total_accrued}}</td><td class="num money">{{rep_total_payable}}</td><td class="num money">{{rep_total_approved}}</td><td class="num money">{{rep_total_paid}}</td><td class="num money">{{rep_total_closing_balance}}</td><td>{{rep_total_check}}</td></tr></tfoot>
  </table></div>
</section>{{/TEAMS}}
