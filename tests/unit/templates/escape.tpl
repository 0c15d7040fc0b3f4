{{%AUTOESCAPE context="HTML"}}<p>{{NAME}}</p>{{#ROW}}<li>{{V}}</li>{{/ROW}}
