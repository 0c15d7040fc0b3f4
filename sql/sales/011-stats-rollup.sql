-- requires: core
-- The sales statistics read rollups, never every order line (issue 9).
--
-- An order is credited to a set of reps with shares: credit_sets holds
-- each distinct set once (its key: "person_id:share|..." by person id),
-- credit_set_reps its members, and orders.credit_set_id the order's set.
-- Every filter of the statistics on who sold (the reader's scope, a rep,
-- a team) is then a condition on the set, and each order counts once
-- however many of the set's reps match.
--
-- sales_stats: per credit set and month, the booked lines of booked
-- orders summed (amount, cost, orders with such a line), for every
-- product type, region and channel, and also over every product type
-- (product_type_id 0), every region (region_id 0) and every channel
-- (channel_id 0), in each combination: a query reads the rows of the
-- grain it shows ("by region, one product type": product_type_id = ?,
-- region_id <> 0, channel_id = 0), so the default page reads one row
-- per set and month.  sales_stats_all: the same summed over every set,
-- for readers who see every order and filter by no person.
--
-- Kept by triggers in the transaction of every write (the forms, the
-- imports, a correction by hand), like the rollups of sql/sales/004: a
-- write to an order, its lines or its reps recomputes the rows of the
-- order's set and month from the base tables (sales_stats_cell), and
-- moves the difference into sales_stats_all.  A bulk load (demo-data
-- --scale) sets @sales_stats_bulk = 1, which the triggers skip, and
-- calls sales_stats_refresh over the orders it wrote, in its own
-- transaction.  tests/db/stats-rollup-t compares both tables with a
-- recomputation from the base tables after writes through every path.

CREATE TABLE credit_sets (
  id    INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  reps  VARCHAR(1000) CHARACTER SET ascii NOT NULL,
  UNIQUE KEY credit_sets_reps (reps)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE credit_set_reps (
  set_id     INT UNSIGNED NOT NULL,
  person_id  INT UNSIGNED NOT NULL,
  share      DECIMAL(7,4) NOT NULL,
  PRIMARY KEY (set_id, person_id),
  KEY credit_set_reps_person (person_id, set_id),
  CONSTRAINT credit_set_reps_set_fk FOREIGN KEY (set_id) REFERENCES credit_sets (id),
  CONSTRAINT credit_set_reps_person_fk FOREIGN KEY (person_id) REFERENCES people (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

ALTER TABLE orders
  ADD COLUMN credit_set_id INT UNSIGNED NULL COMMENT 'the set of order_reps',
  ADD KEY orders_credit_set (credit_set_id, order_date);

CREATE TABLE sales_stats (
  credit_set_id    INT UNSIGNED  NOT NULL,
  month            DATE          NOT NULL COMMENT 'its first day',
  product_type_id  INT UNSIGNED  NOT NULL COMMENT '0: every type',
  region_id        INT UNSIGNED  NOT NULL COMMENT '0: every region',
  channel_id       INT UNSIGNED  NOT NULL COMMENT '0: every channel',
  amount           DECIMAL(18,2) NOT NULL,
  cost             DECIMAL(18,2) NOT NULL,
  orders           INT UNSIGNED  NOT NULL,
  PRIMARY KEY (credit_set_id, month, product_type_id, region_id, channel_id),
  -- a grain and a period over many sets (a team, everyone): covering
  KEY sales_stats_grain (product_type_id, region_id, channel_id, month,
    credit_set_id, amount, cost, orders)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE sales_stats_all (
  month            DATE          NOT NULL,
  product_type_id  INT UNSIGNED  NOT NULL,
  region_id        INT UNSIGNED  NOT NULL,
  channel_id       INT UNSIGNED  NOT NULL,
  amount           DECIMAL(18,2) NOT NULL,
  cost             DECIMAL(18,2) NOT NULL,
  orders           INT UNSIGNED  NOT NULL,
  PRIMARY KEY (month, product_type_id, region_id, channel_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Recomputes the rows of set p_set and month p_month (its first day)
-- from the base tables, and moves the difference into sales_stats_all.
CREATE PROCEDURE sales_stats_cell(IN p_set INT UNSIGNED, IN p_month DATE)
BEGIN
  UPDATE sales_stats_all a JOIN sales_stats s ON s.month = a.month
      AND s.product_type_id = a.product_type_id
      AND s.region_id = a.region_id AND s.channel_id = a.channel_id
    SET a.amount = a.amount - s.amount, a.cost = a.cost - s.cost,
      a.orders = a.orders - s.orders
    WHERE s.credit_set_id = p_set AND s.month = p_month;
  DELETE FROM sales_stats WHERE credit_set_id = p_set AND month = p_month;
  INSERT INTO sales_stats (credit_set_id, month, product_type_id,
      region_id, channel_id, amount, cost, orders)
    SELECT p_set, p_month, IF(v.t, g.ptype, 0) AS pt, IF(v.r, g.region, 0) AS rg,
      IF(v.c, g.channel, 0) AS ch, SUM(g.amount), SUM(g.cost),
      COUNT(DISTINCT g.order_id)
    FROM (SELECT o.id AS order_id, pr.product_type_id AS ptype,
        o.region_id AS region, o.channel_id AS channel,
        SUM(l.amount) AS amount, SUM(l.cost) AS cost
      FROM orders o JOIN order_lines l ON l.order_id = o.id
        AND l.status = 'booked'
      JOIN products pr ON pr.id = l.product_id
      WHERE o.credit_set_id = p_set AND o.status = 'booked'
        AND o.order_date >= p_month
        AND o.order_date < p_month + INTERVAL 1 MONTH
      GROUP BY o.id, pr.product_type_id) g
    CROSS JOIN (SELECT 0 AS t, 0 AS r, 0 AS c UNION ALL SELECT 1, 0, 0
      UNION ALL SELECT 0, 1, 0 UNION ALL SELECT 0, 0, 1
      UNION ALL SELECT 1, 1, 0 UNION ALL SELECT 1, 0, 1
      UNION ALL SELECT 0, 1, 1 UNION ALL SELECT 1, 1, 1) v
    GROUP BY pt, rg, ch;
  INSERT INTO sales_stats_all (month, product_type_id, region_id,
      channel_id, amount, cost, orders)
    SELECT s.month, s.product_type_id, s.region_id, s.channel_id, s.amount,
      s.cost, s.orders FROM sales_stats s
    WHERE s.credit_set_id = p_set AND s.month = p_month
    ON DUPLICATE KEY UPDATE amount = sales_stats_all.amount + VALUES(amount),
      cost = sales_stats_all.cost + VALUES(cost),
      orders = sales_stats_all.orders + VALUES(orders);
  DELETE FROM sales_stats_all WHERE month = p_month AND orders = 0;
END;

-- The credit set of order p_order, from its order_reps (made when new).
CREATE PROCEDURE order_credit_set(IN p_order INT UNSIGNED)
BEGIN
  DECLARE k VARCHAR(1000) CHARACTER SET ascii;
  DECLARE sid INT UNSIGNED;
  SET k = (SELECT COALESCE(GROUP_CONCAT(r.person_id, ':', r.share
    ORDER BY r.person_id SEPARATOR '|'), '') FROM order_reps r
    WHERE r.order_id = p_order);
  SET sid = (SELECT cs.id FROM credit_sets cs WHERE cs.reps = k);
  IF sid IS NULL THEN
    INSERT INTO credit_sets (reps) VALUES (k)
      ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id);
    SET sid = LAST_INSERT_ID();
    INSERT IGNORE INTO credit_set_reps (set_id, person_id, share)
      SELECT sid, r.person_id, r.share FROM order_reps r
      WHERE r.order_id = p_order;
  END IF;
  UPDATE orders SET credit_set_id = sid, updated_at = updated_at
    WHERE id = p_order AND NOT (credit_set_id <=> sid);
END;

-- The credit sets of the orders with ids in [p_lo, p_hi] and every row
-- of the statistics they fall in, recomputed (a bulk load's; also the
-- first build below).
CREATE PROCEDURE sales_stats_refresh(IN p_lo INT UNSIGNED, IN p_hi INT UNSIGNED)
BEGIN
  DECLARE done BOOLEAN DEFAULT FALSE;
  DECLARE c_set INT UNSIGNED;
  DECLARE c_month DATE;
  DECLARE bulk INT;
  DECLARE cells CURSOR FOR
    SELECT DISTINCT o.credit_set_id,
      o.order_date - INTERVAL (DAYOFMONTH(o.order_date) - 1) DAY
    FROM orders o WHERE o.id BETWEEN p_lo AND p_hi
      AND o.credit_set_id IS NOT NULL;
  DECLARE CONTINUE HANDLER FOR NOT FOUND SET done = TRUE;
  SET bulk = @sales_stats_bulk;
  SET @sales_stats_bulk = 1;
  INSERT IGNORE INTO credit_sets (reps)
    SELECT DISTINCT k.reps FROM (SELECT COALESCE((SELECT GROUP_CONCAT(
        r.person_id, ':', r.share ORDER BY r.person_id SEPARATOR '|')
        FROM order_reps r WHERE r.order_id = o.id), '') AS reps
      FROM orders o WHERE o.id BETWEEN p_lo AND p_hi) k;
  UPDATE orders o JOIN credit_sets cs ON cs.reps = COALESCE((SELECT
      GROUP_CONCAT(r.person_id, ':', r.share ORDER BY r.person_id
      SEPARATOR '|') FROM order_reps r WHERE r.order_id = o.id), '')
    SET o.credit_set_id = cs.id, o.updated_at = o.updated_at
    WHERE o.id BETWEEN p_lo AND p_hi;
  INSERT IGNORE INTO credit_set_reps (set_id, person_id, share)
    SELECT o.credit_set_id, r.person_id, r.share FROM orders o
    JOIN order_reps r ON r.order_id = o.id
    WHERE o.id BETWEEN p_lo AND p_hi;
  SET @sales_stats_bulk = bulk;
  OPEN cells;
  each_cell: LOOP
    FETCH cells INTO c_set, c_month;
    IF done THEN LEAVE each_cell; END IF;
    CALL sales_stats_cell(c_set, c_month);
  END LOOP;
  CLOSE cells;
END;

CREATE TRIGGER order_reps_stats_ai AFTER INSERT ON order_reps
  FOR EACH ROW BEGIN
    IF @sales_stats_bulk IS NULL THEN CALL order_credit_set(NEW.order_id); END IF;
  END;
CREATE TRIGGER order_reps_stats_au AFTER UPDATE ON order_reps
  FOR EACH ROW BEGIN
    IF @sales_stats_bulk IS NULL THEN
      CALL order_credit_set(NEW.order_id);
      IF OLD.order_id <> NEW.order_id THEN CALL order_credit_set(OLD.order_id); END IF;
    END IF;
  END;
CREATE TRIGGER order_reps_stats_ad AFTER DELETE ON order_reps
  FOR EACH ROW BEGIN
    IF @sales_stats_bulk IS NULL THEN CALL order_credit_set(OLD.order_id); END IF;
  END;

-- An order's own update (its date, status, region, channel or set), and
-- the rollups of sql/sales/004 that its lines' and payments' writes
-- update: recompute the rows of its set and month, before and after.
CREATE TRIGGER orders_stats_ai AFTER INSERT ON orders
  FOR EACH ROW BEGIN
    IF @sales_stats_bulk IS NULL AND NEW.credit_set_id IS NOT NULL THEN
      CALL sales_stats_cell(NEW.credit_set_id, NEW.order_date
        - INTERVAL (DAYOFMONTH(NEW.order_date) - 1) DAY);
    END IF;
  END;
CREATE TRIGGER orders_stats_au AFTER UPDATE ON orders
  FOR EACH ROW BEGIN
    IF @sales_stats_bulk IS NULL THEN
      IF OLD.credit_set_id IS NOT NULL THEN
        CALL sales_stats_cell(OLD.credit_set_id, OLD.order_date
          - INTERVAL (DAYOFMONTH(OLD.order_date) - 1) DAY);
      END IF;
      IF NEW.credit_set_id IS NOT NULL AND NOT (NEW.credit_set_id <=> OLD.credit_set_id
          AND LAST_DAY(NEW.order_date) = LAST_DAY(OLD.order_date)) THEN
        CALL sales_stats_cell(NEW.credit_set_id, NEW.order_date
          - INTERVAL (DAYOFMONTH(NEW.order_date) - 1) DAY);
      END IF;
    END IF;
  END;
CREATE TRIGGER orders_stats_ad AFTER DELETE ON orders
  FOR EACH ROW BEGIN
    IF @sales_stats_bulk IS NULL AND OLD.credit_set_id IS NOT NULL THEN
      CALL sales_stats_cell(OLD.credit_set_id, OLD.order_date
        - INTERVAL (DAYOFMONTH(OLD.order_date) - 1) DAY);
    END IF;
  END;

-- A product moved to another type: the rows of every order with a line
-- of it (rare: reference data).
CREATE PROCEDURE sales_stats_product(IN p_product INT UNSIGNED)
BEGIN
  DECLARE done BOOLEAN DEFAULT FALSE;
  DECLARE c_set INT UNSIGNED;
  DECLARE c_month DATE;
  DECLARE cells CURSOR FOR
    SELECT DISTINCT o.credit_set_id,
      o.order_date - INTERVAL (DAYOFMONTH(o.order_date) - 1) DAY
    FROM order_lines l JOIN orders o ON o.id = l.order_id
    WHERE l.product_id = p_product AND o.credit_set_id IS NOT NULL;
  DECLARE CONTINUE HANDLER FOR NOT FOUND SET done = TRUE;
  OPEN cells;
  each_cell: LOOP
    FETCH cells INTO c_set, c_month;
    IF done THEN LEAVE each_cell; END IF;
    CALL sales_stats_cell(c_set, c_month);
  END LOOP;
  CLOSE cells;
END;

CREATE TRIGGER products_stats_au AFTER UPDATE ON products
  FOR EACH ROW BEGIN
    IF @sales_stats_bulk IS NULL AND OLD.product_type_id <> NEW.product_type_id THEN
      CALL sales_stats_product(NEW.id);
    END IF;
  END;

CALL sales_stats_refresh(0, 4294967295);
