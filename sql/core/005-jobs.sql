-- Background jobs (core/job.h): queued by pages, run by ticheng-jobs.
-- active_key is job_key while the job is queued or running and NULL
-- after, so the unique key refuses a second run of a kind for one key
-- while the first is not over, without any lock.
CREATE TABLE jobs (
  id             BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  kind           VARCHAR(64) CHARACTER SET ascii NOT NULL,
  job_key        VARCHAR(128) NOT NULL DEFAULT '',
  active_key     VARCHAR(128) NULL,
  params         MEDIUMTEXT   NOT NULL,
  who            VARCHAR(64)  NOT NULL,
  state          ENUM('queued', 'running', 'done', 'failed') NOT NULL,
  progress_done  BIGINT       NOT NULL DEFAULT 0,
  progress_total BIGINT       NOT NULL DEFAULT 0,
  result         MEDIUMTEXT   NULL,
  error          TEXT         NULL,
  worker         VARCHAR(128) NULL,
  attempts       INT UNSIGNED NOT NULL DEFAULT 0,
  created_at     DATETIME     NOT NULL,
  started_at     DATETIME     NULL,
  finished_at    DATETIME     NULL,
  UNIQUE KEY jobs_active (kind, active_key),
  KEY jobs_state (state, id),
  KEY jobs_who (who, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
