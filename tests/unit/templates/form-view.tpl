{{%AUTOESCAPE context="HTML"}}<form>{{>FORM_ERRORS}}
<input id="name" value="{{name}}"{{#NAME_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/NAME_ERROR}}>{{#NAME_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/NAME_ERROR}}
<input id="email" value="{{email}}"{{#EMAIL_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/EMAIL_ERROR}}>{{#EMAIL_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/EMAIL_ERROR}}
{{#LINE}}<input id="qty_{{n}}" value="{{qty}}"{{#QTY_ERROR}} aria-invalid="true" aria-describedby="{{error_id}}"{{/QTY_ERROR}}>{{#QTY_ERROR}}<p class="error" id="{{error_id}}">{{error}}</p>{{/QTY_ERROR}}
{{/LINE}}</form>
