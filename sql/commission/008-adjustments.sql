-- requires: core
-- Commission adjustments: amounts given to (or taken from) a rep in a
-- period besides the calculated lines, carried into statements like
-- them.  A manual adjustment is proposed by HR or finance and approved
-- by the other department (four eyes, core/workflow: proposed ->
-- approved | rejected; nobody decides their own proposal).  kind says
-- where it comes from: 'manual' (typed by HR or finance), 'dispute' (the
-- answer to a rep's dispute: dispute_id), 'contest_prize' (the
-- performance module's contests: source_ref, unique per kind, so that a
-- prize is written exactly once), 'write_off' (settlement writing off a
-- balance).  amount is never 0; either sign.  tracking follows the
-- statement that carries it, as commission_lines.tracking does:
-- 'calculated' (not yet in an approved statement), 'pending' (in an
-- approved statement), 'paid'; settlement sets it.
CREATE TABLE commission_adjustments (
  id             BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  period_id      INT UNSIGNED  NOT NULL,          -- an open period when proposed
  person_id      INT UNSIGNED  NOT NULL,          -- the rep it is for
  amount         DECIMAL(18,2) NOT NULL,
  reason         VARCHAR(500)  NOT NULL,
  kind           VARCHAR(16)   CHARACTER SET ascii NOT NULL DEFAULT 'manual',
  state          VARCHAR(12)   CHARACTER SET ascii NOT NULL DEFAULT 'proposed',
  -- who proposed it (people.id) and as which department: 'hr' or
  -- 'finance'; the approver holds the other one
  proposed_by    INT UNSIGNED  NOT NULL,
  proposed_as    VARCHAR(8)    CHARACTER SET ascii NOT NULL,
  proposed_at    DATETIME      NOT NULL DEFAULT CURRENT_TIMESTAMP,
  approved_by    INT UNSIGNED  NULL,
  approved_at    DATETIME      NULL,
  rejected_by    INT UNSIGNED  NULL,
  rejected_at    DATETIME      NULL,
  decision_note  VARCHAR(500)  NOT NULL DEFAULT '',  -- the approver's or rejecter's comment
  tracking       VARCHAR(12)   CHARACTER SET ascii NOT NULL DEFAULT 'calculated',
  dispute_id     BIGINT UNSIGNED NULL,          -- kind 'dispute': the dispute it answers
  source_ref     VARCHAR(64)   CHARACTER SET ascii NULL,  -- e.g. contest and rep, for contest_prize
  KEY commission_adjustments_period (period_id, state, person_id),
  KEY commission_adjustments_person (person_id, period_id),
  KEY commission_adjustments_state (state, proposed_as),
  UNIQUE KEY commission_adjustments_source (kind, source_ref),
  KEY commission_adjustments_dispute (dispute_id),
  CONSTRAINT commission_adjustments_period_fk FOREIGN KEY (period_id) REFERENCES periods (id),
  CONSTRAINT commission_adjustments_person_fk FOREIGN KEY (person_id) REFERENCES people (id),
  CONSTRAINT commission_adjustments_proposed_fk FOREIGN KEY (proposed_by) REFERENCES people (id),
  CONSTRAINT commission_adjustments_approved_fk FOREIGN KEY (approved_by) REFERENCES people (id),
  CONSTRAINT commission_adjustments_rejected_fk FOREIGN KEY (rejected_by) REFERENCES people (id),
  CONSTRAINT commission_adjustments_amount_ck CHECK (amount <> 0),
  CONSTRAINT commission_adjustments_kind_ck CHECK (kind IN ('manual', 'dispute', 'contest_prize', 'write_off')),
  CONSTRAINT commission_adjustments_state_ck CHECK (state IN ('proposed', 'approved', 'rejected')),
  CONSTRAINT commission_adjustments_as_ck CHECK (proposed_as IN ('hr', 'finance')),
  CONSTRAINT commission_adjustments_tracking_ck CHECK (tracking IN ('calculated', 'pending', 'paid')),
  CONSTRAINT commission_adjustments_paid_ck CHECK (tracking = 'calculated' OR state = 'approved'),
  CONSTRAINT commission_adjustments_dispute_ck CHECK ((kind = 'dispute') = (dispute_id IS NOT NULL)),
  CONSTRAINT commission_adjustments_four_eyes_ck CHECK (approved_by IS NULL OR approved_by <> proposed_by)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every move of an adjustment (core/workflow's history): created,
-- approved, rejected, with who, when and the comment.
CREATE TABLE commission_adjustment_moves (
  id             BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  adjustment_id  BIGINT UNSIGNED NOT NULL,
  from_state     VARCHAR(12)  CHARACTER SET ascii NULL,
  to_state       VARCHAR(12)  CHARACTER SET ascii NOT NULL,
  moved_at       DATETIME     NOT NULL,
  moved_by       INT UNSIGNED NOT NULL,
  action         VARCHAR(16)  CHARACTER SET ascii NOT NULL,
  comment        VARCHAR(500) NOT NULL DEFAULT '',
  KEY commission_adjustment_moves_ref (adjustment_id, id),
  CONSTRAINT commission_adjustment_moves_ref_fk FOREIGN KEY (adjustment_id) REFERENCES commission_adjustments (id),
  CONSTRAINT commission_adjustment_moves_by_fk FOREIGN KEY (moved_by) REFERENCES people (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
