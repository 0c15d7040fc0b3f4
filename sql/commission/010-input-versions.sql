-- requires: core, sales
-- Whether a period's results are stale, where SQL can read it: every
-- change of an input that a period's calculation reads (the files of
-- export-period: its orders' headers, lines and credited reps, their
-- payments, its targets, the plan versions in force) bumps the period's
-- version in calc_inputs, in the transaction of the change, by the
-- triggers below (so that the forms, the imports, the seeder and a
-- correction by hand all count, and none can forget).  A run records the
-- version its inputs were read at (calc_runs.input_version, read in the
-- snapshot of the inputs themselves); the period is stale when its latest
-- run's version differs from calc_inputs.version.  A run that read its
-- inputs before a change committed so reads the old version: stale, as
-- it should be.
--
-- Which periods a change touches (commission/export.h says what a
-- period's files hold): an order's lines and reps are in the files of the
-- period of its date and of each period in which it has a payment; a
-- payment dated D is in those of the same periods that end on or after
-- D; a target in its own period's; a plan version in those of every
-- period from its start on (a later period may export a line dated in
-- it).  A change that alters nothing the files hold (the rollups of
-- sales 004 updating an order's totals) bumps nothing.
--
-- The bumps of one transaction lock the rows of the periods it touches
-- until it commits, so that two writers of one period's inputs take
-- turns there (as their own rows would have them do anyway).
CREATE TABLE calc_inputs (
  period_id  INT UNSIGNED    NOT NULL PRIMARY KEY,
  version    BIGINT UNSIGNED NOT NULL DEFAULT 0,
  CONSTRAINT calc_inputs_period_fk FOREIGN KEY (period_id) REFERENCES periods (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- NULL: a run from before the versions were kept (stale until the
-- digest says otherwise: commission/run.c).
ALTER TABLE calc_runs ADD COLUMN input_version BIGINT UNSIGNED NULL;

-- Bumps the periods of order p_order (its date's and its payments'),
-- those ending on or after p_from (a date; '1000-01-01' for all).
CREATE PROCEDURE calc_inputs_order(IN p_order INT UNSIGNED, IN p_from DATE)
  INSERT INTO calc_inputs (period_id, version)
  SELECT p.id, 1 FROM periods p
  WHERE p.last_day >= p_from
    AND (EXISTS (SELECT 1 FROM orders o WHERE o.id = p_order
           AND o.order_date BETWEEN p.first_day AND p.last_day)
      OR EXISTS (SELECT 1 FROM payments pm WHERE pm.order_id = p_order
           AND pm.payment_date BETWEEN p.first_day AND p.last_day))
  ON DUPLICATE KEY UPDATE version = version + 1;

-- Bumps the periods containing d, or ending on or after d when later.
CREATE PROCEDURE calc_inputs_day(IN d DATE, IN later BOOLEAN)
  INSERT INTO calc_inputs (period_id, version)
  SELECT p.id, 1 FROM periods p
  WHERE p.last_day >= d AND (later OR p.first_day <= d)
  ON DUPLICATE KEY UPDATE version = version + 1;

CREATE TRIGGER order_lines_inputs_ai AFTER INSERT ON order_lines
  FOR EACH ROW CALL calc_inputs_order(NEW.order_id, '1000-01-01');
CREATE TRIGGER order_lines_inputs_au AFTER UPDATE ON order_lines
  FOR EACH ROW BEGIN
    IF NOT (OLD.order_id <=> NEW.order_id AND OLD.line_no <=> NEW.line_no
        AND OLD.product_id <=> NEW.product_id
        AND OLD.quantity <=> NEW.quantity AND OLD.amount <=> NEW.amount
        AND OLD.cost <=> NEW.cost AND OLD.status <=> NEW.status) THEN
      CALL calc_inputs_order(NEW.order_id, '1000-01-01');
      IF OLD.order_id <> NEW.order_id THEN
        CALL calc_inputs_order(OLD.order_id, '1000-01-01');
      END IF;
    END IF;
  END;
CREATE TRIGGER order_lines_inputs_ad AFTER DELETE ON order_lines
  FOR EACH ROW CALL calc_inputs_order(OLD.order_id, '1000-01-01');

CREATE TRIGGER order_reps_inputs_ai AFTER INSERT ON order_reps
  FOR EACH ROW CALL calc_inputs_order(NEW.order_id, '1000-01-01');
CREATE TRIGGER order_reps_inputs_au AFTER UPDATE ON order_reps
  FOR EACH ROW BEGIN
    IF NOT (OLD.order_id <=> NEW.order_id AND OLD.person_id <=> NEW.person_id
        AND OLD.share <=> NEW.share) THEN
      CALL calc_inputs_order(NEW.order_id, '1000-01-01');
      IF OLD.order_id <> NEW.order_id THEN
        CALL calc_inputs_order(OLD.order_id, '1000-01-01');
      END IF;
    END IF;
  END;
CREATE TRIGGER order_reps_inputs_ad AFTER DELETE ON order_reps
  FOR EACH ROW CALL calc_inputs_order(OLD.order_id, '1000-01-01');

-- An order's header: before and after a change of its date both count.
CREATE TRIGGER orders_inputs_au AFTER UPDATE ON orders
  FOR EACH ROW BEGIN
    IF NOT (OLD.order_no <=> NEW.order_no AND OLD.order_date <=> NEW.order_date
        AND OLD.status <=> NEW.status AND OLD.region_id <=> NEW.region_id
        AND OLD.channel_id <=> NEW.channel_id
        AND OLD.customer_id <=> NEW.customer_id) THEN
      CALL calc_inputs_order(NEW.id, '1000-01-01');
      IF OLD.order_date <> NEW.order_date THEN
        CALL calc_inputs_day(OLD.order_date, FALSE);
      END IF;
    END IF;
  END;

-- A payment: the periods of its order that end on or after its date
-- (its own period among them, once it is written), and where it was.
CREATE TRIGGER payments_inputs_ai AFTER INSERT ON payments
  FOR EACH ROW CALL calc_inputs_order(NEW.order_id, NEW.payment_date);
CREATE TRIGGER payments_inputs_au AFTER UPDATE ON payments
  FOR EACH ROW BEGIN
    IF NOT (OLD.order_id <=> NEW.order_id AND OLD.payment_no <=> NEW.payment_no
        AND OLD.payment_date <=> NEW.payment_date
        AND OLD.amount <=> NEW.amount) THEN
      CALL calc_inputs_order(NEW.order_id, LEAST(OLD.payment_date, NEW.payment_date));
      CALL calc_inputs_day(OLD.payment_date, FALSE);
      IF OLD.order_id <> NEW.order_id THEN
        CALL calc_inputs_order(OLD.order_id, OLD.payment_date);
      END IF;
    END IF;
  END;
CREATE TRIGGER payments_inputs_ad AFTER DELETE ON payments
  FOR EACH ROW BEGIN
    CALL calc_inputs_order(OLD.order_id, OLD.payment_date);
    CALL calc_inputs_day(OLD.payment_date, FALSE);
  END;

CREATE TRIGGER targets_inputs_ai AFTER INSERT ON targets
  FOR EACH ROW CALL calc_inputs_day(NEW.first_day, FALSE);
CREATE TRIGGER targets_inputs_au AFTER UPDATE ON targets
  FOR EACH ROW BEGIN
    IF NOT (OLD.person_id <=> NEW.person_id AND OLD.period <=> NEW.period
        AND OLD.kind <=> NEW.kind AND OLD.first_day <=> NEW.first_day
        AND OLD.amount <=> NEW.amount) THEN
      CALL calc_inputs_day(NEW.first_day, FALSE);
      CALL calc_inputs_day(OLD.first_day, FALSE);
    END IF;
  END;
CREATE TRIGGER targets_inputs_ad AFTER DELETE ON targets
  FOR EACH ROW CALL calc_inputs_day(OLD.first_day, FALSE);

-- A version comes into force, is ended or withdrawn from force: every
-- period from its start on.  Drafts and proposals are no input (the
-- rules of a version in force never change: plans.h).
CREATE TRIGGER plan_versions_inputs_au AFTER UPDATE ON plan_versions
  FOR EACH ROW BEGIN
    IF (OLD.state IN ('active', 'ended') OR NEW.state IN ('active', 'ended'))
        AND NOT (OLD.state <=> NEW.state
          AND OLD.effective_from <=> NEW.effective_from
          AND OLD.effective_to <=> NEW.effective_to) THEN
      CALL calc_inputs_day(LEAST(OLD.effective_from, NEW.effective_from), TRUE);
    END IF;
  END;

-- Each period with its latest done run and whether its results are
-- stale: no run, a run whose version is unknown (from before this
-- table), or inputs changed since the run read them.  A closed period is
-- never stale (what it depends on is frozen, and closing needed a
-- current run).  For any module that shows a period's results.
CREATE VIEW calc_period_status AS
  SELECT p.id AS period_id, p.label AS label, r.id AS run_id,
    COALESCE(ci.version, 0) AS input_version,
    r.input_version AS run_input_version,
    (p.state = 'open' AND (r.id IS NULL OR r.input_version IS NULL
      OR r.input_version <> COALESCE(ci.version, 0))) AS stale
  FROM periods p
  LEFT JOIN calc_runs r ON r.id = (SELECT MAX(x.id) FROM calc_runs x
    WHERE x.period_id = p.id AND x.state = 'done')
  LEFT JOIN calc_inputs ci ON ci.period_id = p.id;
