{{%AUTOESCAPE context="HTML"}}{{!
  GET /jobs/#: one background job of the signed-in person.
}}<h1>{{t_job_title}}</h1>
{{>JOB_STATUS}}
