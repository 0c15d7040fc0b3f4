{{%AUTOESCAPE context="HTML"}}<select name="status">{{#STATUS_OPT}}<option value="{{value}}"{{#SELECTED}} selected{{/SELECTED}}>{{label}}</option>{{/STATUS_OPT}}</select>
