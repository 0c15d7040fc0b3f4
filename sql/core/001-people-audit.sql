-- People of the directory, copied by `ticheng-admin sync-users` and
-- refreshed at each sign-in.  Never deleted: people who left are inactive.
CREATE TABLE people (
  id            INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  login         VARCHAR(64)  NOT NULL,
  dn            VARCHAR(512) NOT NULL,
  name          VARCHAR(128) NOT NULL,
  email         VARCHAR(255) NOT NULL DEFAULT '',
  department    VARCHAR(128) NOT NULL DEFAULT '',
  team          VARCHAR(64)  NOT NULL DEFAULT '',
  manager_login VARCHAR(64)  NULL,
  roles         VARCHAR(255) NOT NULL DEFAULT '',
  active        BOOLEAN      NOT NULL DEFAULT TRUE,
  synced_at     DATETIME     NULL,
  last_login_at DATETIME     NULL,
  UNIQUE KEY people_login (login),
  KEY people_team (team),
  KEY people_manager (manager_login)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every state change writes one row here, in the same transaction.
CREATE TABLE audit (
  id         BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  at         DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  actor      VARCHAR(64)  NOT NULL,
  address    VARCHAR(64)  NOT NULL DEFAULT '',
  action     VARCHAR(64)  NOT NULL,
  entity     VARCHAR(64)  NOT NULL,
  entity_id  VARCHAR(64)  NOT NULL DEFAULT '',
  detail     TEXT         NOT NULL,
  KEY audit_at (at),
  KEY audit_actor (actor, at),
  KEY audit_entity (entity, entity_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
