-- requires: core
-- Sales: reference data, customers, activities, opportunities, orders,
-- payments.  Reference data have a stable code (what commission plans
-- match on) and a name per language; nothing an order uses is deleted,
-- only deactivated.  Money is DECIMAL(18,2) (fen exact), quantities
-- DECIMAL(15,3), percents DECIMAL(7,4).

CREATE TABLE product_types (
  id         INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  code       VARCHAR(32)  CHARACTER SET ascii NOT NULL,
  name_zh    VARCHAR(100) NOT NULL,
  name_en    VARCHAR(100) NOT NULL,
  active     BOOLEAN      NOT NULL DEFAULT TRUE,
  UNIQUE KEY product_types_code (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE regions (
  id         INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  code       VARCHAR(32)  CHARACTER SET ascii NOT NULL,
  name_zh    VARCHAR(100) NOT NULL,
  name_en    VARCHAR(100) NOT NULL,
  active     BOOLEAN      NOT NULL DEFAULT TRUE,
  UNIQUE KEY regions_code (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE channels (
  id         INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  code       VARCHAR(32)  CHARACTER SET ascii NOT NULL,
  name_zh    VARCHAR(100) NOT NULL,
  name_en    VARCHAR(100) NOT NULL,
  active     BOOLEAN      NOT NULL DEFAULT TRUE,
  UNIQUE KEY channels_code (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE products (
  id              INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  code            VARCHAR(32)  CHARACTER SET ascii NOT NULL,
  name_zh         VARCHAR(200) NOT NULL,
  name_en         VARCHAR(200) NOT NULL,
  product_type_id INT UNSIGNED NOT NULL,
  list_price      DECIMAL(18,2) NOT NULL,
  standard_cost   DECIMAL(18,2) NOT NULL,
  active          BOOLEAN      NOT NULL DEFAULT TRUE,
  UNIQUE KEY products_code (code),
  CONSTRAINT products_type_fk FOREIGN KEY (product_type_id) REFERENCES product_types (id),
  CONSTRAINT products_price_ck CHECK (list_price >= 0 AND standard_cost >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE customers (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  code        VARCHAR(32)  CHARACTER SET ascii NOT NULL,
  name        VARCHAR(200) NOT NULL,
  region_id   INT UNSIGNED NOT NULL,
  industry    VARCHAR(64)  NOT NULL DEFAULT '',
  channel_id  INT UNSIGNED NOT NULL,          -- default channel of its orders
  owner_id    INT UNSIGNED NOT NULL,          -- the rep who owns it
  status      VARCHAR(16)  CHARACTER SET ascii NOT NULL DEFAULT 'active',
  created_at  DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at  DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  UNIQUE KEY customers_code (code),
  KEY customers_region_name (region_id, name),
  KEY customers_owner (owner_id),
  CONSTRAINT customers_region_fk FOREIGN KEY (region_id) REFERENCES regions (id),
  CONSTRAINT customers_channel_fk FOREIGN KEY (channel_id) REFERENCES channels (id),
  CONSTRAINT customers_owner_fk FOREIGN KEY (owner_id) REFERENCES people (id),
  CONSTRAINT customers_status_ck CHECK (status IN ('prospect', 'active', 'inactive'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE contacts (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  customer_id INT UNSIGNED NOT NULL,
  name        VARCHAR(100) NOT NULL,
  title       VARCHAR(100) NOT NULL DEFAULT '',
  phone       VARCHAR(40)  NOT NULL DEFAULT '',
  email       VARCHAR(255) NOT NULL DEFAULT '',
  created_at  DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY contacts_customer (customer_id),
  CONSTRAINT contacts_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Settings an admin may change (name -> value), e.g. stale_days.
CREATE TABLE settings (
  name   VARCHAR(64)  CHARACTER SET ascii NOT NULL PRIMARY KEY,
  value  VARCHAR(255) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
INSERT INTO settings (name, value) VALUES ('stale_days', '30');

-- Opportunity stages, in funnel order, with their default win probability.
CREATE TABLE stages (
  code        VARCHAR(16) CHARACTER SET ascii NOT NULL PRIMARY KEY,
  position    TINYINT UNSIGNED NOT NULL,
  probability TINYINT UNSIGNED NOT NULL,      -- percent, 0..100
  is_open     BOOLEAN NOT NULL,
  CONSTRAINT stages_probability_ck CHECK (probability <= 100)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
INSERT INTO stages (code, position, probability, is_open) VALUES
  ('lead', 1, 10, TRUE), ('qualified', 2, 25, TRUE), ('proposal', 3, 50, TRUE),
  ('negotiation', 4, 75, TRUE), ('won', 5, 100, FALSE), ('lost', 6, 0, FALSE);

CREATE TABLE opportunities (
  id              INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  owner_id        INT UNSIGNED NOT NULL,
  customer_id     INT UNSIGNED NOT NULL,
  title           VARCHAR(200) NOT NULL,
  needs           TEXT         NOT NULL,
  amount          DECIMAL(18,2) NOT NULL,
  stage           VARCHAR(16)  CHARACTER SET ascii NOT NULL DEFAULT 'lead',
  expected_close  DATE         NOT NULL,
  next_follow_up  DATE         NULL,
  lost_reason     VARCHAR(255) NOT NULL DEFAULT '',
  order_id        INT UNSIGNED NULL,           -- the order created on winning
  stage_changed_at DATETIME    NOT NULL DEFAULT CURRENT_TIMESTAMP,
  created_at      DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at      DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  KEY opportunities_owner (owner_id, stage),
  KEY opportunities_customer (customer_id),
  KEY opportunities_close (expected_close),
  CONSTRAINT opportunities_owner_fk FOREIGN KEY (owner_id) REFERENCES people (id),
  CONSTRAINT opportunities_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id),
  CONSTRAINT opportunities_stage_fk FOREIGN KEY (stage) REFERENCES stages (code),
  CONSTRAINT opportunities_amount_ck CHECK (amount >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every stage change, with time and user.
CREATE TABLE opportunity_stage_changes (
  id             BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  opportunity_id INT UNSIGNED NOT NULL,
  from_stage     VARCHAR(16) CHARACTER SET ascii NULL,   -- NULL: created
  to_stage       VARCHAR(16) CHARACTER SET ascii NOT NULL,
  changed_at     DATETIME    NOT NULL DEFAULT CURRENT_TIMESTAMP,
  changed_by     INT UNSIGNED NOT NULL,
  KEY stage_changes_opportunity (opportunity_id, changed_at),
  KEY stage_changes_at (changed_at),
  CONSTRAINT stage_changes_opportunity_fk FOREIGN KEY (opportunity_id) REFERENCES opportunities (id),
  CONSTRAINT stage_changes_by_fk FOREIGN KEY (changed_by) REFERENCES people (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE activities (
  id             INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  owner_id       INT UNSIGNED NOT NULL,
  customer_id    INT UNSIGNED NOT NULL,
  opportunity_id INT UNSIGNED NULL,
  kind           VARCHAR(16) CHARACTER SET ascii NOT NULL,
  activity_date  DATE        NOT NULL,
  notes          TEXT        NOT NULL,
  next_step      VARCHAR(255) NOT NULL DEFAULT '',
  created_at     DATETIME    NOT NULL DEFAULT CURRENT_TIMESTAMP,
  KEY activities_owner_date (owner_id, activity_date),
  KEY activities_customer (customer_id, activity_date),
  KEY activities_opportunity (opportunity_id, activity_date),
  CONSTRAINT activities_owner_fk FOREIGN KEY (owner_id) REFERENCES people (id),
  CONSTRAINT activities_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id),
  CONSTRAINT activities_opportunity_fk FOREIGN KEY (opportunity_id) REFERENCES opportunities (id),
  CONSTRAINT activities_kind_ck CHECK (kind IN ('call', 'visit', 'demo', 'quote', 'contract', 'other'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- An order (the calculation spec's order_id is order_no).  A return is
-- its own order referencing the original, with negative lines.
CREATE TABLE orders (
  id                INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  order_no          VARCHAR(40)  CHARACTER SET ascii NOT NULL,
  customer_id       INT UNSIGNED NOT NULL,
  order_date        DATE         NOT NULL,
  region_id         INT UNSIGNED NOT NULL,
  channel_id        INT UNSIGNED NOT NULL,
  status            VARCHAR(16)  CHARACTER SET ascii NOT NULL DEFAULT 'booked',
  original_order_id INT UNSIGNED NULL,
  opportunity_id    INT UNSIGNED NULL,
  locked            BOOLEAN      NOT NULL DEFAULT FALSE,  -- set by settlement
  note              VARCHAR(255) NOT NULL DEFAULT '',
  created_by        INT UNSIGNED NOT NULL,
  created_at        DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at        DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  UNIQUE KEY orders_no (order_no),
  KEY orders_date (order_date),
  KEY orders_customer (customer_id, order_date),
  KEY orders_original (original_order_id),
  CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id),
  CONSTRAINT orders_region_fk FOREIGN KEY (region_id) REFERENCES regions (id),
  CONSTRAINT orders_channel_fk FOREIGN KEY (channel_id) REFERENCES channels (id),
  CONSTRAINT orders_original_fk FOREIGN KEY (original_order_id) REFERENCES orders (id),
  CONSTRAINT orders_opportunity_fk FOREIGN KEY (opportunity_id) REFERENCES opportunities (id),
  CONSTRAINT orders_created_by_fk FOREIGN KEY (created_by) REFERENCES people (id),
  CONSTRAINT orders_status_ck CHECK (status IN ('booked', 'cancelled'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE opportunities ADD CONSTRAINT opportunities_order_fk
  FOREIGN KEY (order_id) REFERENCES orders (id);

-- Credited reps and their shares (percent, 4 decimals, adding up to 100).
CREATE TABLE order_reps (
  order_id   INT UNSIGNED NOT NULL,
  person_id  INT UNSIGNED NOT NULL,
  share      DECIMAL(7,4) NOT NULL,
  PRIMARY KEY (order_id, person_id),
  KEY order_reps_person (person_id),
  CONSTRAINT order_reps_order_fk FOREIGN KEY (order_id) REFERENCES orders (id),
  CONSTRAINT order_reps_person_fk FOREIGN KEY (person_id) REFERENCES people (id),
  CONSTRAINT order_reps_share_ck CHECK (share > 0 AND share <= 100)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE order_lines (
  id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  order_id    INT UNSIGNED NOT NULL,
  line_no     INT UNSIGNED NOT NULL,
  product_id  INT UNSIGNED NOT NULL,
  quantity    DECIMAL(15,3) NOT NULL,
  unit_price  DECIMAL(18,2) NOT NULL,
  discount    DECIMAL(7,4)  NOT NULL DEFAULT 0,   -- percent off
  amount      DECIMAL(18,2) NOT NULL,
  cost        DECIMAL(18,2) NOT NULL,
  status      VARCHAR(16)   CHARACTER SET ascii NOT NULL DEFAULT 'booked',
  UNIQUE KEY order_lines_no (order_id, line_no),
  KEY order_lines_product (product_id),
  CONSTRAINT order_lines_order_fk FOREIGN KEY (order_id) REFERENCES orders (id),
  CONSTRAINT order_lines_product_fk FOREIGN KEY (product_id) REFERENCES products (id),
  CONSTRAINT order_lines_status_ck CHECK (status IN ('booked', 'cancelled')),
  CONSTRAINT order_lines_discount_ck CHECK (discount >= 0 AND discount <= 100),
  CONSTRAINT order_lines_line_ck CHECK (line_no >= 1)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Payments received (回款) against a whole order; refunds are negative.
-- payment_no is the calculation spec's payment_id.
CREATE TABLE payments (
  id           INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  payment_no   VARCHAR(64)  CHARACTER SET ascii NOT NULL,
  order_id     INT UNSIGNED NOT NULL,
  payment_date DATE         NOT NULL,
  amount       DECIMAL(18,2) NOT NULL,
  reference    VARCHAR(128) NOT NULL DEFAULT '',
  created_by   INT UNSIGNED NOT NULL,
  created_at   DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY payments_no (payment_no),
  KEY payments_order (order_id, payment_date),
  KEY payments_date (payment_date),
  CONSTRAINT payments_order_fk FOREIGN KEY (order_id) REFERENCES orders (id),
  CONSTRAINT payments_created_by_fk FOREIGN KEY (created_by) REFERENCES people (id),
  CONSTRAINT payments_amount_ck CHECK (amount <> 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
