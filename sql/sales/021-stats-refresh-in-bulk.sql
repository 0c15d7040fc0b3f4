-- requires: core
-- sales_stats_refresh (sql/sales/011) recomputed the statistics' rows of
-- a bulk load one set and month at a time (a cursor over thousands of
-- cells, six statements each: about 40 s a copy of the demo company at
-- the load of a shared 2-core machine).  The same in a handful of
-- statements over all the cells the orders fall in.
DROP PROCEDURE sales_stats_refresh;

CREATE PROCEDURE sales_stats_refresh(IN p_lo INT UNSIGNED, IN p_hi INT UNSIGNED)
BEGIN
  DECLARE bulk INT;
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

  -- the cells (set, month) the orders fall in
  DROP TEMPORARY TABLE IF EXISTS sales_stats_dirty;
  CREATE TEMPORARY TABLE sales_stats_dirty (
    credit_set_id INT UNSIGNED NOT NULL,
    month         DATE         NOT NULL,
    PRIMARY KEY (credit_set_id, month)
  ) ENGINE=InnoDB;
  INSERT IGNORE INTO sales_stats_dirty (credit_set_id, month)
    SELECT o.credit_set_id,
      o.order_date - INTERVAL (DAYOFMONTH(o.order_date) - 1) DAY
    FROM orders o WHERE o.id BETWEEN p_lo AND p_hi
      AND o.credit_set_id IS NOT NULL;

  -- their rows out of the company's totals, then out of the rollup
  UPDATE sales_stats_all a JOIN (SELECT s.month, s.product_type_id,
      s.region_id, s.channel_id, SUM(s.amount) AS amount,
      SUM(s.cost) AS cost, SUM(s.orders) AS orders
      FROM sales_stats s JOIN sales_stats_dirty d
        ON d.credit_set_id = s.credit_set_id AND d.month = s.month
      GROUP BY s.month, s.product_type_id, s.region_id, s.channel_id) x
    ON x.month = a.month AND x.product_type_id = a.product_type_id
      AND x.region_id = a.region_id AND x.channel_id = a.channel_id
    SET a.amount = a.amount - x.amount, a.cost = a.cost - x.cost,
      a.orders = a.orders - x.orders;
  DELETE s FROM sales_stats s JOIN sales_stats_dirty d
    ON d.credit_set_id = s.credit_set_id AND d.month = s.month;

  -- recomputed from every order of those cells, every grain
  INSERT INTO sales_stats (credit_set_id, month, product_type_id,
      region_id, channel_id, amount, cost, orders)
    SELECT g.cs, g.m, IF(v.t, g.ptype, 0) AS pt, IF(v.r, g.region, 0) AS rg,
      IF(v.c, g.channel, 0) AS ch, SUM(g.amount), SUM(g.cost),
      COUNT(DISTINCT g.order_id)
    FROM (SELECT o.credit_set_id AS cs, d.month AS m, o.id AS order_id,
        pr.product_type_id AS ptype, o.region_id AS region,
        o.channel_id AS channel, SUM(l.amount) AS amount,
        SUM(l.cost) AS cost
      FROM sales_stats_dirty d
      JOIN orders o ON o.credit_set_id = d.credit_set_id
        AND o.order_date >= d.month
        AND o.order_date < d.month + INTERVAL 1 MONTH
        AND o.status = 'booked'
      JOIN order_lines l ON l.order_id = o.id AND l.status = 'booked'
      JOIN products pr ON pr.id = l.product_id
      GROUP BY o.credit_set_id, d.month, o.id, pr.product_type_id) g
    CROSS JOIN (SELECT 0 AS t, 0 AS r, 0 AS c UNION ALL SELECT 1, 0, 0
      UNION ALL SELECT 0, 1, 0 UNION ALL SELECT 0, 0, 1
      UNION ALL SELECT 1, 1, 0 UNION ALL SELECT 1, 0, 1
      UNION ALL SELECT 0, 1, 1 UNION ALL SELECT 1, 1, 1) v
    GROUP BY g.cs, g.m, pt, rg, ch;

  -- and back into the company's totals
  INSERT INTO sales_stats_all (month, product_type_id, region_id,
      channel_id, amount, cost, orders)
    SELECT s.month, s.product_type_id, s.region_id, s.channel_id,
      SUM(s.amount), SUM(s.cost), SUM(s.orders)
    FROM sales_stats s JOIN sales_stats_dirty d
      ON d.credit_set_id = s.credit_set_id AND d.month = s.month
    GROUP BY s.month, s.product_type_id, s.region_id, s.channel_id
    ON DUPLICATE KEY UPDATE amount = sales_stats_all.amount + VALUES(amount),
      cost = sales_stats_all.cost + VALUES(cost),
      orders = sales_stats_all.orders + VALUES(orders);
  DELETE a FROM sales_stats_all a
    JOIN (SELECT DISTINCT month FROM sales_stats_dirty) dm ON dm.month = a.month
    WHERE a.orders = 0;
  DROP TEMPORARY TABLE sales_stats_dirty;
END;
