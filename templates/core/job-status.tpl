{{%AUTOESCAPE context="HTML"}}{{!
  The state of one background job (core/job.h), for the job's own page
  and for any page that started one (job_status_fill fills it).  While
  the job is queued or running the page reloads itself (a meta refresh,
  page_refresh) or, with JavaScript, polls data-job-poll and swaps this
  section for the fresh one.
}}<section class="card job" id="job-{{job_id}}" data-job-state="{{job_state}}"{{#JOB_LIVE}} data-job-poll="/jobs/{{job_id}}/status"{{/JOB_LIVE}} aria-live="polite">
  <div class="card-head"><h2>{{job_kind_label}}{{#JOB_KEY}} <span class="job-key">{{job_key}}</span>{{/JOB_KEY}}</h2><span class="badge {{job_badge}} job-state">{{job_state_label}}</span></div>
  {{#JOB_PROGRESS}}<p class="job-progress"><span class="progress" role="progressbar" aria-label="{{t_job_progress}}" aria-valuemin="0" aria-valuemax="100" aria-valuenow="{{job_percent}}"><span class="progress-bar w{{job_width}}"></span></span>{{#JOB_PERCENT}} <span class="job-percent">{{job_percent}}%</span>{{/JOB_PERCENT}}{{#JOB_COUNT}} <span class="job-count">{{job_done}} / {{job_total}}</span>{{/JOB_COUNT}}</p>{{/JOB_PROGRESS}}
  {{#JOB_RESULT}}<h3>{{t_job_result}}</h3>{{#JOB_RESULT_TEXT}}<p class="job-result">{{job_result_text}}</p>{{/JOB_RESULT_TEXT}}<dl class="details job-result">{{#JOB_RESULT_ROW}}<dt>{{name}}</dt><dd>{{value}}</dd>{{/JOB_RESULT_ROW}}</dl>{{/JOB_RESULT}}
  {{#JOB_ERROR}}<p class="flash error job-error" role="alert">{{t_job_error}} {{job_error}}</p>{{/JOB_ERROR}}
  <p class="small job-times">{{t_job_waited}} {{job_age}} {{t_job_ago}}{{#JOB_ELAPSED}} · {{t_job_ran}} {{job_elapsed}} {{t_job_seconds}}{{/JOB_ELAPSED}}</p>
  {{#JOB_LIVE}}<p class="job-reload"><a href="/jobs/{{job_id}}">{{t_job_reload}}</a></p>{{/JOB_LIVE}}
</section>
