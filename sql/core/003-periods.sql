-- Commission periods (fcgi/core/period.h): one row per period of the
-- company's kind (month, quarter or year), from the first plan version's
-- effective_from to today's period, each open or closed.  Closed periods
-- are always the oldest ones: finance closes in order, admin reopens only
-- the latest closed one.  This is the only lock on dated data.
CREATE TABLE periods (
  id         INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  kind       VARCHAR(8)  CHARACTER SET ascii NOT NULL,
  label      VARCHAR(8)  CHARACTER SET ascii NOT NULL,
  first_day  DATE        NOT NULL,
  last_day   DATE        NOT NULL,
  state      VARCHAR(8)  CHARACTER SET ascii NOT NULL DEFAULT 'open',
  UNIQUE KEY periods_label (label),
  UNIQUE KEY periods_first (first_day),
  KEY periods_state (state, last_day),
  CONSTRAINT periods_kind_ck CHECK (kind IN ('month', 'quarter', 'year')),
  CONSTRAINT periods_state_ck CHECK (state IN ('open', 'closed')),
  CONSTRAINT periods_days_ck CHECK (first_day <= last_day)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every close and reopen: who, when, and why (a reopen needs a reason).
CREATE TABLE period_events (
  id         BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  period_id  INT UNSIGNED NOT NULL,
  action     VARCHAR(8)  CHARACTER SET ascii NOT NULL,
  actor      VARCHAR(64) NOT NULL,
  at         DATETIME    NOT NULL DEFAULT CURRENT_TIMESTAMP,
  reason     VARCHAR(500) NOT NULL DEFAULT '',
  KEY period_events_period (period_id, id),
  CONSTRAINT period_events_period_fk FOREIGN KEY (period_id) REFERENCES periods (id),
  CONSTRAINT period_events_action_ck CHECK (action IN ('close', 'reopen'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
