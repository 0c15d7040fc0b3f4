{{%AUTOESCAPE context="HTML"}}{{>STL_TABS}}<header class="page-head">
  <div>
    <p class="eyebrow">{{t_stl_module}}</p>
    <h1>{{t_stl_verify}}</h1>
    <p>{{t_stl_verify_intro}}</p>
  </div>
</header>
<form method="get" action="/settlement/verify" class="filters">
  <label class="grow">{{t_stl_code}} <input type="text" name="code" id="code" value="{{code}}" maxlength="64"></label>
  <div class="filter-actions"><button type="submit" class="btn">{{t_stl_verify_go}}</button></div>
</form>
{{#FOUND}}<section class="card" id="verify-found">
  <p class="flash ok">{{t_stl_verify_ok}}</p>
  <dl class="details">
    <dt>{{t_stl_number}}</dt><dd id="v-number">{{number}}</dd>
    <dt>{{t_stl_period}}</dt><dd>{{period}}</dd>
    <dt>{{t_stl_rep}}</dt><dd>{{rep}}</dd>
    <dt>{{t_stl_payable}}</dt><dd class="money" id="v-payable">{{payable}}</dd>
    <dt>{{t_stl_capitals}}</dt><dd>{{payable_capitals}}</dd>
    <dt>{{t_stl_state}}</dt><dd><span class="badge {{state}}" id="v-state">{{state_label}}</span></dd>
    <dt>{{t_stl_revision}}</dt><dd>{{revision}}</dd>
  </dl>
</section>{{/FOUND}}
{{#NOT_FOUND}}<div class="flash error" id="verify-not-found" role="alert"><div>{{t_stl_verify_bad}}</div></div>{{/NOT_FOUND}}
