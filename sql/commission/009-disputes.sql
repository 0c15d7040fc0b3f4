-- requires: core
-- Disputes: a rep questions a commission line, or says an order is
-- missing from their commission, with a comment; HR or finance answers
-- (core/workflow: open -> rejected, with a reply; open -> accepted, with
-- an adjustment in an open period; the rep may withdraw an open
-- dispute; a reply that keeps it open is a remark).  The thread is the
-- history (commission_dispute_moves: every move and remark with its
-- comment).  The line is kept whatever a re-run does to it: a line that
-- a later run removes keeps its row (commission_lines.removed_run_id),
-- and the dispute shows it as removed.
CREATE TABLE commission_disputes (
  id             BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  person_id      INT UNSIGNED  NOT NULL,          -- the rep who disputes
  period_id      INT UNSIGNED  NOT NULL,          -- the line's period, or the one named
  line_id        BIGINT UNSIGNED NULL,            -- NULL: a missing order
  order_ref      VARCHAR(64)   NOT NULL DEFAULT '',  -- the missing order's number as typed
  comment        VARCHAR(2000) NOT NULL,
  state          VARCHAR(12)   CHARACTER SET ascii NOT NULL DEFAULT 'open',
  created_at     DATETIME      NOT NULL DEFAULT CURRENT_TIMESTAMP,
  answered_by    INT UNSIGNED  NULL,
  answered_at    DATETIME      NULL,
  reply          VARCHAR(2000) NOT NULL DEFAULT '',
  adjustment_id  BIGINT UNSIGNED NULL,            -- accepted: the adjustment made
  KEY commission_disputes_person (person_id, id),
  KEY commission_disputes_state (state, id),
  KEY commission_disputes_line (line_id),
  CONSTRAINT commission_disputes_person_fk FOREIGN KEY (person_id) REFERENCES people (id),
  CONSTRAINT commission_disputes_period_fk FOREIGN KEY (period_id) REFERENCES periods (id),
  CONSTRAINT commission_disputes_line_fk FOREIGN KEY (line_id) REFERENCES commission_lines (id),
  CONSTRAINT commission_disputes_answered_fk FOREIGN KEY (answered_by) REFERENCES people (id),
  CONSTRAINT commission_disputes_adjustment_fk FOREIGN KEY (adjustment_id) REFERENCES commission_adjustments (id),
  CONSTRAINT commission_disputes_state_ck CHECK (state IN ('open', 'accepted', 'rejected', 'withdrawn')),
  CONSTRAINT commission_disputes_what_ck CHECK (line_id IS NOT NULL OR order_ref <> ''),
  CONSTRAINT commission_disputes_accepted_ck CHECK ((state = 'accepted') = (adjustment_id IS NOT NULL))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The thread: every move and remark of a dispute, with its comment.
CREATE TABLE commission_dispute_moves (
  id             BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  dispute_id     BIGINT UNSIGNED NOT NULL,
  from_state     VARCHAR(12)  CHARACTER SET ascii NULL,
  to_state       VARCHAR(12)  CHARACTER SET ascii NOT NULL,
  moved_at       DATETIME     NOT NULL,
  moved_by       INT UNSIGNED NOT NULL,
  action         VARCHAR(16)  CHARACTER SET ascii NOT NULL,
  comment        VARCHAR(2000) NOT NULL DEFAULT '',
  KEY commission_dispute_moves_ref (dispute_id, id),
  CONSTRAINT commission_dispute_moves_ref_fk FOREIGN KEY (dispute_id) REFERENCES commission_disputes (id),
  CONSTRAINT commission_dispute_moves_by_fk FOREIGN KEY (moved_by) REFERENCES people (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE commission_adjustments
  ADD CONSTRAINT commission_adjustments_dispute_fk FOREIGN KEY (dispute_id) REFERENCES commission_disputes (id);
