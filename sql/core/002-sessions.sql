-- Sessions: only the SHA-256 of the cookie token is stored.  Roles are
-- those the directory gave at sign-in.
CREATE TABLE sessions (
  token_hash   CHAR(64) CHARACTER SET ascii NOT NULL PRIMARY KEY,
  person_id    INT UNSIGNED NOT NULL,
  roles        INT UNSIGNED NOT NULL,
  created_at   DATETIME     NOT NULL,
  last_seen_at DATETIME     NOT NULL,
  expires_at   DATETIME     NOT NULL,
  address      VARCHAR(64)  NOT NULL DEFAULT '',
  KEY sessions_person (person_id),
  KEY sessions_expires (expires_at),
  CONSTRAINT sessions_person_fk FOREIGN KEY (person_id) REFERENCES people (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Failed sign-ins, counted per login and per address by every worker.
CREATE TABLE login_failures (
  id       BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  login    VARCHAR(64)  NOT NULL,
  address  VARCHAR(64)  NOT NULL,
  at       DATETIME     NOT NULL,
  KEY login_failures_login (login, at),
  KEY login_failures_address (address, at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The language a person picked (NULL: follow the browser).
ALTER TABLE people ADD COLUMN lang CHAR(2) CHARACTER SET ascii NULL;
