-- requires: core, commission
-- Settlement (结算管理): one statement per rep and closed period, made
-- from the period's commission (summaries, ledger lines by rule),
-- approved adjustments and the balance carried from the rep's previous
-- statement.  Money DECIMAL(18,2).
--
-- state: draft -> pending (finance submits) -> reviewed (a settlement
-- reviewer) -> approved (management) -> paid (finance); a reviewer or an
-- approver rejects back to draft (core/workflow.h, fcgi/settlement/flow.c).
-- The rep's team and manager are kept as they were in the period's run
-- (commission_summaries), so team scope follows them.
CREATE TABLE settlement_statements (
  id              BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  period_id       INT UNSIGNED NOT NULL,
  seq             INT UNSIGNED NOT NULL,      -- 1, 2, ... per period
  number          VARCHAR(32)  CHARACTER SET ascii NOT NULL,  -- JS-2026-11-0001
  person_id       INT UNSIGNED NOT NULL,
  team            VARCHAR(64)  NOT NULL DEFAULT '',
  manager_login   VARCHAR(64)  NULL,
  state           VARCHAR(12)  CHARACTER SET ascii NOT NULL DEFAULT 'draft',
  revision        INT UNSIGNED NOT NULL DEFAULT 1,  -- +1 at each regeneration
  commission      DECIMAL(18,2) NOT NULL DEFAULT 0,
  bonus           DECIMAL(18,2) NOT NULL DEFAULT 0,
  prizes          DECIMAL(18,2) NOT NULL DEFAULT 0,
  adjustments     DECIMAL(18,2) NOT NULL DEFAULT 0,
  carried_in      DECIMAL(18,2) NOT NULL DEFAULT 0,  -- <= 0: from the previous statement
  net             DECIMAL(18,2) NOT NULL DEFAULT 0,  -- the sum of the five above
  payable         DECIMAL(18,2) NOT NULL DEFAULT 0,  -- GREATEST(net, 0)
  carried_out     DECIMAL(18,2) NOT NULL DEFAULT 0,  -- LEAST(net, 0): to the next
  previous_id     BIGINT UNSIGNED NULL,       -- the statement carried from
  verify_code     CHAR(32)     CHARACTER SET ascii NOT NULL,
  prepared_by     INT UNSIGNED NOT NULL,
  prepared_at     DATETIME     NOT NULL,
  submitted_by    INT UNSIGNED NULL,
  submitted_at    DATETIME     NULL,
  reviewed_by     INT UNSIGNED NULL,
  reviewed_at     DATETIME     NULL,
  approved_by     INT UNSIGNED NULL,
  approved_at     DATETIME     NULL,
  paid_by         INT UNSIGNED NULL,
  paid_at         DATETIME     NULL,
  paid_reference  VARCHAR(64)  NULL,
  paid_on         DATE         NULL,
  rejected_reason VARCHAR(500) NULL,          -- the last rejection's
  moved_at        DATETIME     NULL,          -- the last move
  UNIQUE KEY settlement_statements_number (number),
  UNIQUE KEY settlement_statements_seq (period_id, seq),
  UNIQUE KEY settlement_statements_rep (period_id, person_id),
  UNIQUE KEY settlement_statements_code (verify_code),
  KEY settlement_statements_person (person_id, period_id),
  KEY settlement_statements_state (state, period_id),
  KEY settlement_statements_team (team, period_id),
  CONSTRAINT settlement_statements_period_fk FOREIGN KEY (period_id) REFERENCES periods (id),
  CONSTRAINT settlement_statements_person_fk FOREIGN KEY (person_id) REFERENCES people (id),
  CONSTRAINT settlement_statements_previous_fk FOREIGN KEY (previous_id) REFERENCES settlement_statements (id),
  CONSTRAINT settlement_statements_state_ck CHECK (state IN ('draft', 'pending', 'reviewed', 'approved', 'paid')),
  CONSTRAINT settlement_statements_carry_ck CHECK (carried_in <= 0 AND carried_out <= 0 AND payable >= 0),
  CONSTRAINT settlement_statements_paid_ck CHECK (state <> 'paid' OR (paid_reference IS NOT NULL AND paid_on IS NOT NULL))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- What a statement is made of, in order: the commission by rule (rule
-- code, its ledger lines' count and sum), the plan bonus, each contest
-- prize and adjustment, the carried balance.
CREATE TABLE settlement_items (
  statement_id   BIGINT UNSIGNED NOT NULL,
  position       SMALLINT UNSIGNED NOT NULL,
  kind           VARCHAR(16)  CHARACTER SET ascii NOT NULL,
  rule_id        INT UNSIGNED NULL,
  rule_code      VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
  adjustment_id  BIGINT UNSIGNED NULL,
  line_count     INT UNSIGNED NOT NULL DEFAULT 0,
  label          VARCHAR(500) NOT NULL DEFAULT '',
  amount         DECIMAL(18,2) NOT NULL,
  PRIMARY KEY (statement_id, position),
  CONSTRAINT settlement_items_statement_fk FOREIGN KEY (statement_id) REFERENCES settlement_statements (id) ON DELETE CASCADE,
  CONSTRAINT settlement_items_kind_ck CHECK (kind IN ('rule', 'bonus', 'prize', 'adjustment', 'carried'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every move of a statement (core/workflow.h's history): who, when, the
-- action and its comment; the creation has from_state NULL.
CREATE TABLE settlement_history (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  statement_id  BIGINT UNSIGNED NOT NULL,
  from_state    VARCHAR(12) CHARACTER SET ascii NULL,
  to_state      VARCHAR(12) CHARACTER SET ascii NOT NULL,
  action        VARCHAR(16) CHARACTER SET ascii NULL,
  comment       VARCHAR(500) NULL,
  at            DATETIME    NOT NULL,
  by_id         INT UNSIGNED NOT NULL,
  KEY settlement_history_statement (statement_id, id),
  CONSTRAINT settlement_history_statement_fk FOREIGN KEY (statement_id) REFERENCES settlement_statements (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
