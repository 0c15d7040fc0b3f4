-- requires: core, commission
-- Performance (业绩管理): team targets (never given to the engine; rep
-- targets live in commission's targets table), managers' proposals of
-- rep targets that HR approves (core/workflow), and the module's
-- settings (attainment bands, whether reps see other reps' amounts).

-- A team's target per period label (2026-07, 2026-Q3, 2026).  team is
-- people.team of its members; first_day the label's first day.
CREATE TABLE team_targets (
  id         INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  team       VARCHAR(64)  NOT NULL,
  period     VARCHAR(8)   CHARACTER SET ascii NOT NULL,
  kind       VARCHAR(8)   CHARACTER SET ascii NOT NULL,
  first_day  DATE         NOT NULL,
  amount     DECIMAL(18,2) NOT NULL,
  updated_by VARCHAR(64)  NOT NULL,
  updated_at DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  UNIQUE KEY team_targets_team_period (team, period),
  KEY team_targets_period (kind, first_day),
  CONSTRAINT team_targets_amount_ck CHECK (amount > 0),
  CONSTRAINT team_targets_kind_ck CHECK (kind IN ('month', 'quarter', 'year'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A manager's proposed target for a member of the team: proposed ->
-- approved (HR; the target is written in the same transaction) or
-- rejected (HR, with a reason).  person_team and person_manager are the
-- member's team and manager when proposed (the workflow's scope).
CREATE TABLE target_proposals (
  id             INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  person_id      INT UNSIGNED NOT NULL,
  person_team    VARCHAR(64)  NOT NULL DEFAULT '',
  person_manager VARCHAR(64)  NULL,
  period         VARCHAR(8)   CHARACTER SET ascii NOT NULL,
  kind           VARCHAR(8)   CHARACTER SET ascii NOT NULL,
  first_day      DATE         NOT NULL,
  amount         DECIMAL(18,2) NOT NULL,
  note           VARCHAR(500) NOT NULL DEFAULT '',
  state          VARCHAR(12)  CHARACTER SET ascii NOT NULL DEFAULT 'proposed',
  proposed_by    INT UNSIGNED NOT NULL,
  proposed_at    DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  decided_by     INT UNSIGNED NULL,
  decided_at     DATETIME     NULL,
  decision_note  VARCHAR(500) NOT NULL DEFAULT '',
  KEY target_proposals_state (state, id),
  KEY target_proposals_person (person_id, period),
  CONSTRAINT target_proposals_person_fk FOREIGN KEY (person_id) REFERENCES people (id),
  CONSTRAINT target_proposals_by_fk FOREIGN KEY (proposed_by) REFERENCES people (id),
  CONSTRAINT target_proposals_amount_ck CHECK (amount > 0),
  CONSTRAINT target_proposals_state_ck CHECK (state IN ('proposed', 'approved', 'rejected')),
  CONSTRAINT target_proposals_not_own_ck CHECK (person_id <> proposed_by)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE target_proposal_history (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  proposal_id INT UNSIGNED NOT NULL,
  from_state  VARCHAR(12) CHARACTER SET ascii NULL,
  to_state    VARCHAR(12) CHARACTER SET ascii NOT NULL,
  action      VARCHAR(16) CHARACTER SET ascii NULL,
  comment     VARCHAR(500) NOT NULL DEFAULT '',
  at          DATETIME    NOT NULL,
  by_id       INT UNSIGNED NOT NULL,
  KEY target_proposal_history_ref (proposal_id, id),
  CONSTRAINT target_proposal_history_fk FOREIGN KEY (proposal_id) REFERENCES target_proposals (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The module's settings: band_low and band_high (percent: below low,
-- low to below high, high and above), reps_see_amounts (0 or 1: whether
-- a rep sees other reps' amounts in the rankings).
CREATE TABLE performance_settings (
  name   VARCHAR(64)  CHARACTER SET ascii NOT NULL PRIMARY KEY,
  value  VARCHAR(255) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
INSERT INTO performance_settings (name, value) VALUES
  ('band_low', '80'), ('band_high', '100'), ('reps_see_amounts', '0');
