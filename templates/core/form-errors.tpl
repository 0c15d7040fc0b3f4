{{%AUTOESCAPE context="HTML"}}{{!
  The error summary at the top of a form (core/formview.h): every refused
  field once, in the order of the form, each a link to its input.
}}<div class="flash error form-errors" id="form-errors" role="alert" tabindex="-1">
  <div>
    <p><strong>{{title}}</strong></p>
    <ul>{{#ERROR}}<li>{{#LINK}}<a href="#{{href}}">{{/LINK}}{{#LABEL}}<span class="form-errors-label">{{label}}</span>{{t_form_label_sep}}{{/LABEL}}{{message}}{{#LINK}}</a>{{/LINK}}</li>{{/ERROR}}</ul>
  </div>
</div>
