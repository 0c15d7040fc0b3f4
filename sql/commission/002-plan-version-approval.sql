-- requires: core
-- Activating a plan version takes four eyes (core/workflow): HR
-- proposes (proposed_by, proposed_at), management approves or rejects
-- (decided_by, decided_at, with the reason of a rejection); nobody
-- approves their own proposal.  Every move is a row of
-- plan_version_changes.
ALTER TABLE plan_versions
  ADD COLUMN proposed_by INT UNSIGNED NULL,
  ADD COLUMN proposed_at DATETIME NULL,
  ADD COLUMN decided_by INT UNSIGNED NULL,
  ADD COLUMN decided_at DATETIME NULL,
  ADD COLUMN decision_comment VARCHAR(500) NULL,
  ADD CONSTRAINT plan_versions_proposed_by_fk FOREIGN KEY (proposed_by) REFERENCES people (id),
  ADD CONSTRAINT plan_versions_decided_by_fk FOREIGN KEY (decided_by) REFERENCES people (id);

CREATE TABLE plan_version_changes (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  version_id  INT UNSIGNED NOT NULL,
  from_state  VARCHAR(12)  CHARACTER SET ascii NULL,   -- NULL: created
  to_state    VARCHAR(12)  CHARACTER SET ascii NOT NULL,
  action      VARCHAR(16)  CHARACTER SET ascii NULL,
  comment     VARCHAR(500) NULL,
  changed_at  DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  changed_by  INT UNSIGNED NOT NULL,
  KEY plan_version_changes_version (version_id, id),
  CONSTRAINT plan_version_changes_version_fk FOREIGN KEY (version_id) REFERENCES plan_versions (id),
  CONSTRAINT plan_version_changes_by_fk FOREIGN KEY (changed_by) REFERENCES people (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
