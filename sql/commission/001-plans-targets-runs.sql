-- requires: core, sales
-- Commission: plan versions and their rules (the spec's plan JSON as
-- rows), rep targets per period label, calculation runs and their
-- results (commission lines and per-rep summaries).  Money DECIMAL(18,2),
-- percents DECIMAL(12,4) (6% is 6.0000), multipliers DECIMAL(12,4).
-- Rule ids and match values compare byte for byte, as the engine does:
-- they are utf8mb4_bin.

-- One plan of the company, in versions.  draft (HR edits) -> proposed ->
-- active (in force over its range); ended: an active version given an
-- end.  In-force versions (active, ended) never overlap; their period
-- kind and currency are the company's.
CREATE TABLE plan_versions (
  id             INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name           VARCHAR(200) NOT NULL,
  currency       VARCHAR(8)   CHARACTER SET ascii NOT NULL,
  period         VARCHAR(8)   CHARACTER SET ascii NOT NULL,
  effective_from DATE         NOT NULL,
  effective_to   DATE         NULL,             -- NULL: open-ended
  cap            DECIMAL(18,2) NULL,            -- NULL: no cap
  state          VARCHAR(12)  CHARACTER SET ascii NOT NULL DEFAULT 'draft',
  created_by     VARCHAR(64)  NOT NULL,
  created_at     DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at     DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  KEY plan_versions_state (state, effective_from),
  CONSTRAINT plan_versions_state_ck CHECK (state IN ('draft', 'proposed', 'active', 'ended')),
  CONSTRAINT plan_versions_period_ck CHECK (period IN ('month', 'quarter', 'year')),
  CONSTRAINT plan_versions_range_ck CHECK (effective_to IS NULL OR effective_to >= effective_from),
  CONSTRAINT plan_versions_cap_ck CHECK (cap IS NULL OR cap >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The rules of a version, in the order of the file (position): the
-- engine's last tie-break is "earlier in the file".  A match column is
-- NULL when the key is absent (matches anything); '' matches nothing.
-- kind: rate (a percent of a money base), per_unit (money per unit of a
-- quantity base), marginal or whole (tiers, in plan_bands).
CREATE TABLE plan_rules (
  id                 INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  version_id         INT UNSIGNED NOT NULL,
  position           SMALLINT UNSIGNED NOT NULL,
  code               VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  priority           BIGINT       NOT NULL DEFAULT 0,
  match_product_type VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
  match_region       VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
  match_channel      VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
  match_product      VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
  match_customer     VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
  base               VARCHAR(10)  CHARACTER SET ascii NOT NULL,
  kind               VARCHAR(10)  CHARACTER SET ascii NOT NULL,
  rate               DECIMAL(12,4) NULL,
  per_unit           DECIMAL(18,2) NULL,
  UNIQUE KEY plan_rules_position (version_id, position),
  UNIQUE KEY plan_rules_code (version_id, code),
  CONSTRAINT plan_rules_version_fk FOREIGN KEY (version_id) REFERENCES plan_versions (id),
  CONSTRAINT plan_rules_base_ck CHECK (base IN ('amount', 'margin', 'quantity', 'collected')),
  CONSTRAINT plan_rules_kind_ck CHECK (kind IN ('rate', 'per_unit', 'marginal', 'whole')),
  CONSTRAINT plan_rules_rate_ck CHECK ((kind = 'rate') = (rate IS NOT NULL) AND (rate IS NULL OR rate >= 0)),
  CONSTRAINT plan_rules_per_unit_ck CHECK ((kind = 'per_unit') = (per_unit IS NOT NULL) AND (per_unit IS NULL OR per_unit >= 0))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The bands of a tiered rule, in order; the last has no upto.
CREATE TABLE plan_bands (
  rule_id   INT UNSIGNED NOT NULL,
  position  SMALLINT UNSIGNED NOT NULL,
  upto      DECIMAL(18,2) NULL,
  rate      DECIMAL(12,4) NOT NULL,
  PRIMARY KEY (rule_id, position),
  CONSTRAINT plan_bands_rule_fk FOREIGN KEY (rule_id) REFERENCES plan_rules (id),
  CONSTRAINT plan_bands_values_ck CHECK (rate >= 0 AND (upto IS NULL OR upto > 0))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Accelerators (attainment -> multiplier) and bonuses (attainment ->
-- amount) of a version, in the order of the file.
CREATE TABLE plan_steps (
  version_id  INT UNSIGNED NOT NULL,
  kind        VARCHAR(12) CHARACTER SET ascii NOT NULL,
  position    SMALLINT UNSIGNED NOT NULL,
  attainment  DECIMAL(12,4) NOT NULL,
  multiplier  DECIMAL(12,4) NULL,
  amount      DECIMAL(18,2) NULL,
  PRIMARY KEY (version_id, kind, position),
  CONSTRAINT plan_steps_version_fk FOREIGN KEY (version_id) REFERENCES plan_versions (id),
  CONSTRAINT plan_steps_kind_ck CHECK ((kind = 'accelerator' AND multiplier >= 0 AND amount IS NULL)
    OR (kind = 'bonus' AND amount >= 0 AND multiplier IS NULL)),
  CONSTRAINT plan_steps_attainment_ck CHECK (attainment >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Rep targets per period label (the engine's targets.csv).  first_day
-- is the label's first day, for range queries.  The performance module
-- owns the pages on this table.
CREATE TABLE targets (
  id         INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  person_id  INT UNSIGNED NOT NULL,
  period     VARCHAR(8)   CHARACTER SET ascii NOT NULL,
  kind       VARCHAR(8)   CHARACTER SET ascii NOT NULL,
  first_day  DATE         NOT NULL,
  amount     DECIMAL(18,2) NOT NULL,
  updated_by VARCHAR(64)  NOT NULL,
  updated_at DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  UNIQUE KEY targets_person_period (person_id, period),
  KEY targets_period (kind, first_day),
  CONSTRAINT targets_person_fk FOREIGN KEY (person_id) REFERENCES people (id),
  CONSTRAINT targets_amount_ck CHECK (amount > 0),
  CONSTRAINT targets_kind_ck CHECK (kind IN ('month', 'quarter', 'year'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A calculation run of one period: who, when, how long, what it read
-- (counts and the digest of the bytes `ticheng-admin export-period`
-- writes for the period) and what it gave (totals).  The period's current
-- results are those of its latest done run.
CREATE TABLE calc_runs (
  id             BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  period_id      INT UNSIGNED NOT NULL,
  state          VARCHAR(8)   CHARACTER SET ascii NOT NULL DEFAULT 'running',
  started_by     VARCHAR(64)  NOT NULL,
  started_at     DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  finished_at    DATETIME(3)  NULL,
  duration_ms    INT UNSIGNED NULL,
  in_lines       INT UNSIGNED NOT NULL DEFAULT 0,  -- order lines read
  in_payments    INT UNSIGNED NOT NULL DEFAULT 0,
  in_targets     INT UNSIGNED NOT NULL DEFAULT 0,
  in_versions    INT UNSIGNED NOT NULL DEFAULT 0,
  digest         CHAR(64)     CHARACTER SET ascii NOT NULL DEFAULT '',
  reps           INT UNSIGNED NOT NULL DEFAULT 0,
  line_count     INT UNSIGNED NOT NULL DEFAULT 0,
  lines_kept     INT UNSIGNED NOT NULL DEFAULT 0,
  lines_added    INT UNSIGNED NOT NULL DEFAULT 0,
  lines_removed  INT UNSIGNED NOT NULL DEFAULT 0,
  sales          DECIMAL(18,2) NOT NULL DEFAULT 0,
  commission     DECIMAL(18,2) NOT NULL DEFAULT 0,
  bonus          DECIMAL(18,2) NOT NULL DEFAULT 0,
  total          DECIMAL(18,2) NOT NULL DEFAULT 0,
  warnings       INT UNSIGNED NOT NULL DEFAULT 0,
  error          TEXT         NULL,
  KEY calc_runs_period (period_id, id),
  CONSTRAINT calc_runs_period_fk FOREIGN KEY (period_id) REFERENCES periods (id),
  CONSTRAINT calc_runs_state_ck CHECK (state IN ('running', 'done', 'failed'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The engine's warnings of a run, each linked to its order when it names
-- one (an unmatched line, a payment credited less than its amount).
CREATE TABLE calc_run_warnings (
  run_id    BIGINT UNSIGNED NOT NULL,
  seq       INT UNSIGNED NOT NULL,
  source    VARCHAR(16) CHARACTER SET ascii NOT NULL,  -- the file named
  order_id  INT UNSIGNED NULL,
  message   TEXT NOT NULL,
  PRIMARY KEY (run_id, seq),
  KEY calc_run_warnings_order (order_id),
  CONSTRAINT calc_run_warnings_run_fk FOREIGN KEY (run_id) REFERENCES calc_runs (id),
  CONSTRAINT calc_run_warnings_order_fk FOREIGN KEY (order_id) REFERENCES orders (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Per rep and period: the summary row of the spec (sales, target,
-- attainment in hundredths of a percent, commission, bonus, total), and
-- the rep's team and manager when the run was made (team scope follows
-- them, not today's team).
CREATE TABLE commission_summaries (
  period_id      INT UNSIGNED NOT NULL,
  person_id      INT UNSIGNED NOT NULL,
  run_id         BIGINT UNSIGNED NOT NULL,
  team           VARCHAR(64)  NOT NULL DEFAULT '',
  manager_login  VARCHAR(64)  NULL,
  sales          DECIMAL(18,2) NOT NULL,
  target         DECIMAL(18,2) NULL,
  attainment     DECIMAL(18,2) NULL,
  commission     DECIMAL(18,2) NOT NULL,
  bonus          DECIMAL(18,2) NOT NULL,
  total          DECIMAL(18,2) NOT NULL,
  PRIMARY KEY (period_id, person_id),
  KEY commission_summaries_person (person_id, period_id),
  KEY commission_summaries_team (period_id, team),
  CONSTRAINT commission_summaries_period_fk FOREIGN KEY (period_id) REFERENCES periods (id),
  CONSTRAINT commission_summaries_person_fk FOREIGN KEY (person_id) REFERENCES people (id),
  CONSTRAINT commission_summaries_run_fk FOREIGN KEY (run_id) REFERENCES calc_runs (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The ledger: one line per rep's credit from an order line (or, under a
-- collected rule, from a payment), and per rep of an unmatched line.  A
-- line's identity is (period, rep, order line, payment, rule: which also
-- names the plan version); a re-run keeps the id of every line whose
-- identity is unchanged, and marks a line that no longer exists as
-- removed (removed_run_id) instead of deleting it, so that disputes and
-- statements keep pointing at it.  base is the rep's credited base in the
-- engine's exact units: 10^-6 fen for money bases, 10^-9 units for
-- quantity; line_date the row's date, or the payment's under collected
-- (the spec's section 3.2 orders a period's lines by rep, line_date,
-- order, line and payment, each byte for byte).
CREATE TABLE commission_lines (
  id              BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  period_id       INT UNSIGNED NOT NULL,
  person_id       INT UNSIGNED NOT NULL,
  order_line_id   INT UNSIGNED NOT NULL,
  payment_id      INT UNSIGNED NULL,
  rule_id         INT UNSIGNED NULL,          -- NULL: unmatched
  base            BIGINT       NULL,          -- NULL: unmatched
  commission      DECIMAL(18,2) NOT NULL,
  line_date       DATE         NOT NULL,
  run_id          BIGINT UNSIGNED NOT NULL,   -- the run that last wrote it
  removed_run_id  BIGINT UNSIGNED NULL,       -- the run that removed it
  KEY commission_lines_period (period_id, removed_run_id),
  KEY commission_lines_person (person_id, period_id),
  KEY commission_lines_order_line (order_line_id),
  CONSTRAINT commission_lines_period_fk FOREIGN KEY (period_id) REFERENCES periods (id),
  CONSTRAINT commission_lines_person_fk FOREIGN KEY (person_id) REFERENCES people (id),
  CONSTRAINT commission_lines_order_line_fk FOREIGN KEY (order_line_id) REFERENCES order_lines (id),
  CONSTRAINT commission_lines_payment_fk FOREIGN KEY (payment_id) REFERENCES payments (id),
  CONSTRAINT commission_lines_rule_fk FOREIGN KEY (rule_id) REFERENCES plan_rules (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
