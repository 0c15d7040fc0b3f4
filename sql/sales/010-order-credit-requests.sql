-- requires: core
-- Credit changes of a saved order need a second person (DESIGN: four eyes
-- on money).  A rep's change of the credited reps or shares of a saved
-- order, or the cancellation of an order that credits someone else or has
-- payments, is a request: the order's credit stands until the team's
-- manager or finance approves it (core/workflow: pending -> approved,
-- rejected or withdrawn, with its history).
CREATE TABLE order_credit_requests (
  id            INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  order_id      INT UNSIGNED NOT NULL,
  kind          VARCHAR(16)  CHARACTER SET ascii NOT NULL,   -- credit, cancel
  state         VARCHAR(16)  CHARACTER SET ascii NOT NULL DEFAULT 'pending',
  requested_by  INT UNSIGNED NOT NULL,
  requested_at  DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  decided_by    INT UNSIGNED NULL,
  decided_at    DATETIME     NULL,
  decision_note VARCHAR(255) NOT NULL DEFAULT '',
  KEY credit_requests_order (order_id, state),
  KEY credit_requests_state (state),
  CONSTRAINT credit_requests_order_fk FOREIGN KEY (order_id) REFERENCES orders (id),
  CONSTRAINT credit_requests_by_fk FOREIGN KEY (requested_by) REFERENCES people (id),
  CONSTRAINT credit_requests_decided_fk FOREIGN KEY (decided_by) REFERENCES people (id),
  CONSTRAINT credit_requests_kind_ck CHECK (kind IN ('credit', 'cancel')),
  CONSTRAINT credit_requests_state_ck CHECK (state IN ('pending', 'approved', 'rejected', 'withdrawn'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The split of a credit request: as it stood when asked (proposed 0) and
-- as proposed (proposed 1).
CREATE TABLE order_credit_request_reps (
  request_id INT UNSIGNED NOT NULL,
  proposed   BOOLEAN      NOT NULL,
  person_id  INT UNSIGNED NOT NULL,
  share      DECIMAL(7,4) NOT NULL,
  PRIMARY KEY (request_id, proposed, person_id),
  KEY credit_request_reps_person (person_id),
  CONSTRAINT credit_request_reps_request_fk FOREIGN KEY (request_id) REFERENCES order_credit_requests (id),
  CONSTRAINT credit_request_reps_person_fk FOREIGN KEY (person_id) REFERENCES people (id),
  CONSTRAINT credit_request_reps_share_ck CHECK (share > 0 AND share <= 100)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Every move of a request: asked (from NULL), approved, rejected,
-- withdrawn, with who and when.
CREATE TABLE order_credit_request_moves (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  request_id  INT UNSIGNED NOT NULL,
  from_state  VARCHAR(16)  CHARACTER SET ascii NULL,
  to_state    VARCHAR(16)  CHARACTER SET ascii NOT NULL,
  moved_at    DATETIME     NOT NULL,
  moved_by    INT UNSIGNED NOT NULL,
  action      VARCHAR(32)  CHARACTER SET ascii NOT NULL DEFAULT '',
  comment     VARCHAR(255) NOT NULL DEFAULT '',
  KEY credit_request_moves_request (request_id, id),
  CONSTRAINT credit_request_moves_request_fk FOREIGN KEY (request_id) REFERENCES order_credit_requests (id),
  CONSTRAINT credit_request_moves_by_fk FOREIGN KEY (moved_by) REFERENCES people (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
