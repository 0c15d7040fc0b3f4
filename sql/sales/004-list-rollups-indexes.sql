-- requires: core
-- What the lists sort and filter on, kept on the row they list, with the
-- indexes that serve each sort (core/list: every ORDER BY an index can
-- serve, no subquery evaluated per row before the page is cut).
--
-- The rollups are kept by triggers, so that every write (the forms, the
-- CSV imports, the demo seeder, a correction by hand) updates them in
-- its own transaction, and none can forget.  They are recomputed from
-- the rows (never incremented), so they cannot drift.  Creating triggers
-- needs the TRIGGER privilege (GRANT ALL ON ticheng.* has it); with
-- binary logging on, the server also wants log_bin_trust_function_creators
-- or a SUPER user to run the migration (see README, "Deploying").

-- Orders: the totals of their lines and payments.
ALTER TABLE orders
  ADD COLUMN amount_total  DECIMAL(18,2) NOT NULL DEFAULT 0 COMMENT 'every line',
  ADD COLUMN cost_total    DECIMAL(18,2) NOT NULL DEFAULT 0 COMMENT 'every line',
  ADD COLUMN amount_booked DECIMAL(18,2) NOT NULL DEFAULT 0 COMMENT 'booked lines',
  ADD COLUMN cost_booked   DECIMAL(18,2) NOT NULL DEFAULT 0 COMMENT 'booked lines',
  ADD COLUMN collected     DECIMAL(18,2) NOT NULL DEFAULT 0 COMMENT 'payments',
  ADD COLUMN margin_total  DECIMAL(18,2) AS (amount_total - cost_total) PERSISTENT,
  ADD COLUMN outstanding   DECIMAL(18,2) AS (amount_booked - collected) PERSISTENT;

-- Recomputes the rollups of order id (updated_at is kept: a payment or a
-- line total is not an edit of the order's header).
CREATE PROCEDURE orders_rollup(IN p_order INT UNSIGNED)
  UPDATE orders o SET
    o.amount_total = (SELECT COALESCE(SUM(l.amount), 0) FROM order_lines l
      WHERE l.order_id = o.id),
    o.cost_total = (SELECT COALESCE(SUM(l.cost), 0) FROM order_lines l
      WHERE l.order_id = o.id),
    o.amount_booked = (SELECT COALESCE(SUM(l.amount), 0) FROM order_lines l
      WHERE l.order_id = o.id AND l.status = 'booked'),
    o.cost_booked = (SELECT COALESCE(SUM(l.cost), 0) FROM order_lines l
      WHERE l.order_id = o.id AND l.status = 'booked'),
    o.collected = (SELECT COALESCE(SUM(p.amount), 0) FROM payments p
      WHERE p.order_id = o.id),
    o.updated_at = o.updated_at
  WHERE o.id = p_order;

CREATE TRIGGER order_lines_rollup_ai AFTER INSERT ON order_lines
  FOR EACH ROW CALL orders_rollup(NEW.order_id);
CREATE TRIGGER order_lines_rollup_au AFTER UPDATE ON order_lines
  FOR EACH ROW BEGIN
    CALL orders_rollup(NEW.order_id);
    IF OLD.order_id <> NEW.order_id THEN CALL orders_rollup(OLD.order_id); END IF;
  END;
CREATE TRIGGER order_lines_rollup_ad AFTER DELETE ON order_lines
  FOR EACH ROW CALL orders_rollup(OLD.order_id);
CREATE TRIGGER payments_rollup_ai AFTER INSERT ON payments
  FOR EACH ROW CALL orders_rollup(NEW.order_id);
CREATE TRIGGER payments_rollup_au AFTER UPDATE ON payments
  FOR EACH ROW BEGIN
    CALL orders_rollup(NEW.order_id);
    IF OLD.order_id <> NEW.order_id THEN CALL orders_rollup(OLD.order_id); END IF;
  END;
CREATE TRIGGER payments_rollup_ad AFTER DELETE ON payments
  FOR EACH ROW CALL orders_rollup(OLD.order_id);

UPDATE orders o SET
  o.amount_total = (SELECT COALESCE(SUM(l.amount), 0) FROM order_lines l
    WHERE l.order_id = o.id),
  o.cost_total = (SELECT COALESCE(SUM(l.cost), 0) FROM order_lines l
    WHERE l.order_id = o.id),
  o.amount_booked = (SELECT COALESCE(SUM(l.amount), 0) FROM order_lines l
    WHERE l.order_id = o.id AND l.status = 'booked'),
  o.cost_booked = (SELECT COALESCE(SUM(l.cost), 0) FROM order_lines l
    WHERE l.order_id = o.id AND l.status = 'booked'),
  o.collected = (SELECT COALESCE(SUM(p.amount), 0) FROM payments p
    WHERE p.order_id = o.id),
  o.updated_at = o.updated_at;

-- The order list's sorts (the secondary index carries the id, the
-- tie-breaker), and the receivables': booked orders by what is owed or
-- by date.
ALTER TABLE orders
  ADD KEY orders_amount (amount_total),
  ADD KEY orders_margin (margin_total),
  ADD KEY orders_collected (collected),
  ADD KEY orders_status_date (status, order_date),
  ADD KEY orders_status_outstanding (status, outstanding);

-- Opportunities: the date of their latest activity (NULL: none yet),
-- and the position of their stage, for the list's sorts and filters.
ALTER TABLE opportunities
  ADD COLUMN last_activity_date DATE NULL,
  ADD COLUMN stage_pos TINYINT UNSIGNED NOT NULL DEFAULT 0;

CREATE PROCEDURE opportunity_touch(IN p_opportunity INT UNSIGNED)
  UPDATE opportunities o SET
    o.last_activity_date = (SELECT MAX(a.activity_date) FROM activities a
      WHERE a.opportunity_id = o.id),
    o.updated_at = o.updated_at
  WHERE o.id = p_opportunity;

CREATE TRIGGER activities_touch_ai AFTER INSERT ON activities
  FOR EACH ROW BEGIN
    IF NEW.opportunity_id IS NOT NULL THEN CALL opportunity_touch(NEW.opportunity_id); END IF;
  END;
CREATE TRIGGER activities_touch_au AFTER UPDATE ON activities
  FOR EACH ROW BEGIN
    IF NEW.opportunity_id IS NOT NULL THEN CALL opportunity_touch(NEW.opportunity_id); END IF;
    IF OLD.opportunity_id IS NOT NULL AND NOT (OLD.opportunity_id <=> NEW.opportunity_id)
      THEN CALL opportunity_touch(OLD.opportunity_id); END IF;
  END;
CREATE TRIGGER activities_touch_ad AFTER DELETE ON activities
  FOR EACH ROW BEGIN
    IF OLD.opportunity_id IS NOT NULL THEN CALL opportunity_touch(OLD.opportunity_id); END IF;
  END;
CREATE TRIGGER opportunities_stage_bi BEFORE INSERT ON opportunities
  FOR EACH ROW SET NEW.stage_pos = (SELECT s.position FROM stages s
    WHERE s.code = NEW.stage);
CREATE TRIGGER opportunities_stage_bu BEFORE UPDATE ON opportunities
  FOR EACH ROW SET NEW.stage_pos = (SELECT s.position FROM stages s
    WHERE s.code = NEW.stage);

UPDATE opportunities o SET
  o.last_activity_date = (SELECT MAX(a.activity_date) FROM activities a
    WHERE a.opportunity_id = o.id),
  o.updated_at = o.updated_at;

ALTER TABLE opportunities
  ADD KEY opportunities_amount (amount),
  ADD KEY opportunities_title (title),
  ADD KEY opportunities_follow_up (next_follow_up),
  ADD KEY opportunities_stage_pos (stage_pos),
  ADD KEY opportunities_last_activity (last_activity_date);

-- Customers: one index per sort of the list.
ALTER TABLE customers
  ADD KEY customers_name (name),
  ADD KEY customers_status (status),
  ADD KEY customers_industry (industry),
  ADD KEY customers_updated (updated_at);

-- Payments by amount; activities of everyone in a week.
ALTER TABLE payments ADD KEY payments_amount (amount);
ALTER TABLE activities ADD KEY activities_date (activity_date);
