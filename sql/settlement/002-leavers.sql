-- requires: core, commission
-- Leavers (离职结算): a rep the directory sync marked inactive
-- (people.active = FALSE) gets a final statement (final = TRUE), which is
-- also made when nothing else is left to settle but the rep's earlier
-- statements were not final.  A negative balance left on a final
-- statement is never carried to a statement that will not come: finance
-- proposes to close it, recovered from the leaver (with the receipt's
-- reference) or written off, and management approves (four eyes, the
-- core workflow, fcgi/settlement/closure.c).  The approved closure is an
-- item of the statement ('closure') that brings its balance to zero;
-- until then the final statement cannot be submitted.
ALTER TABLE settlement_statements
  ADD COLUMN final BOOLEAN NOT NULL DEFAULT FALSE AFTER revision;

ALTER TABLE settlement_items
  DROP CONSTRAINT settlement_items_kind_ck,
  ADD COLUMN closure_id BIGINT UNSIGNED NULL AFTER adjustment_id,
  ADD CONSTRAINT settlement_items_kind_ck CHECK (kind IN ('rule', 'bonus',
    'prize', 'adjustment', 'carried', 'closure'));

-- state: proposed -> approved (management) or rejected (management, with
-- a reason).  amount > 0 is what the closure adds to the statement: the
-- negative balance it clears, as it was when proposed.
CREATE TABLE settlement_closures (
  id             BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  statement_id   BIGINT UNSIGNED NOT NULL,
  person_id      INT UNSIGNED NOT NULL,       -- the leaver
  kind           VARCHAR(12) CHARACTER SET ascii NOT NULL,
  amount         DECIMAL(18,2) NOT NULL,
  reference      VARCHAR(64)  NOT NULL DEFAULT '',  -- recover: the receipt
  reason         VARCHAR(500) NOT NULL,
  state          VARCHAR(12) CHARACTER SET ascii NOT NULL DEFAULT 'proposed',
  proposed_by    INT UNSIGNED NOT NULL,
  proposed_at    DATETIME    NOT NULL,
  decided_by     INT UNSIGNED NULL,
  decided_at     DATETIME    NULL,
  decision_note  VARCHAR(500) NULL,
  KEY settlement_closures_statement (statement_id, state),
  KEY settlement_closures_state (state),
  CONSTRAINT settlement_closures_statement_fk FOREIGN KEY (statement_id) REFERENCES settlement_statements (id) ON DELETE CASCADE,
  CONSTRAINT settlement_closures_person_fk FOREIGN KEY (person_id) REFERENCES people (id),
  CONSTRAINT settlement_closures_kind_ck CHECK (kind IN ('recover', 'write_off')),
  CONSTRAINT settlement_closures_state_ck CHECK (state IN ('proposed', 'approved', 'rejected')),
  CONSTRAINT settlement_closures_amount_ck CHECK (amount > 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE settlement_closure_history (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  closure_id    BIGINT UNSIGNED NOT NULL,
  from_state    VARCHAR(12) CHARACTER SET ascii NULL,
  to_state      VARCHAR(12) CHARACTER SET ascii NOT NULL,
  action        VARCHAR(16) CHARACTER SET ascii NULL,
  comment       VARCHAR(500) NULL,
  at            DATETIME    NOT NULL,
  by_id         INT UNSIGNED NOT NULL,
  KEY settlement_closure_history_closure (closure_id, id),
  CONSTRAINT settlement_closure_history_fk FOREIGN KEY (closure_id) REFERENCES settlement_closures (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
