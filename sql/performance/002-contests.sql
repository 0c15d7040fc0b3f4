-- requires: core, commission
-- Sales contests (销售竞赛, SPIFs) defined by HR: a period (a label: its
-- plan periods' stored sales are the measure), who takes part (every
-- rep, or the reps of one team), prizes for ranks 1 to N (ties share the
-- prizes of the ranks they hold).  When it ends, its prizes become
-- commission adjustments of kind 'contest_prize' in the first open
-- period on or after its end, proposed by HR for finance to approve,
-- each exactly once (source_ref 'contest:<id>:<people.id>').
CREATE TABLE contests (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name        VARCHAR(200) NOT NULL,
  period      VARCHAR(8)   CHARACTER SET ascii NOT NULL,
  first_day   DATE         NOT NULL,
  last_day    DATE         NOT NULL,
  team        VARCHAR(64)  NOT NULL DEFAULT '',   -- '': every rep
  measure     VARCHAR(16)  CHARACTER SET ascii NOT NULL DEFAULT 'sales',
  state       VARCHAR(12)  CHARACTER SET ascii NOT NULL DEFAULT 'running',
  created_by  INT UNSIGNED NOT NULL,
  created_at  DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  ended_by    INT UNSIGNED NULL,
  ended_at    DATETIME     NULL,
  KEY contests_state (state, last_day),
  CONSTRAINT contests_created_fk FOREIGN KEY (created_by) REFERENCES people (id),
  CONSTRAINT contests_measure_ck CHECK (measure IN ('sales')),
  CONSTRAINT contests_state_ck CHECK (state IN ('running', 'ended')),
  CONSTRAINT contests_days_ck CHECK (first_day <= last_day)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE contest_prizes (
  contest_id  INT UNSIGNED NOT NULL,
  rank_no     SMALLINT UNSIGNED NOT NULL,
  amount      DECIMAL(18,2) NOT NULL,
  PRIMARY KEY (contest_id, rank_no),
  CONSTRAINT contest_prizes_contest_fk FOREIGN KEY (contest_id) REFERENCES contests (id),
  CONSTRAINT contest_prizes_amount_ck CHECK (amount > 0 AND rank_no >= 1)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
