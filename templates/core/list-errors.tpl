{{%AUTOESCAPE context="HTML"}}<div class="flash error" role="alert" id="list-errors">
  <div><p>{{t_list_errors_title}}</p>
  <ul>{{#ERROR}}<li><a href="{{href}}">{{message}}</a></li>{{/ERROR}}</ul></div>
</div>
