-- What each run gave each rep (its summary row, the period's multiplier
-- and its number of lines), kept when a later run replaces the period's
-- results: the run page compares a run with the previous run of its
-- period, rep by rep.  Written in the run's transaction.
CREATE TABLE calc_run_reps (
  run_id      BIGINT UNSIGNED NOT NULL,
  person_id   INT UNSIGNED NOT NULL,
  sales       DECIMAL(18,2) NOT NULL,
  target      DECIMAL(18,2) NULL,
  attainment  DECIMAL(18,2) NULL,
  multiplier  DECIMAL(12,4) NOT NULL,
  commission  DECIMAL(18,2) NOT NULL,
  bonus       DECIMAL(18,2) NOT NULL,
  total       DECIMAL(18,2) NOT NULL,
  line_count  INT UNSIGNED NOT NULL,
  PRIMARY KEY (run_id, person_id),
  CONSTRAINT calc_run_reps_run_fk FOREIGN KEY (run_id) REFERENCES calc_runs (id),
  CONSTRAINT calc_run_reps_person_fk FOREIGN KEY (person_id) REFERENCES people (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- The multiplier of the accelerator the rep reached in the period (1
-- when none, or without a target), as the engine decides it: attainment
-- compared exactly, not as rounded for the summary.  The ledger shows it
-- beside each line.
ALTER TABLE commission_summaries
  ADD COLUMN multiplier DECIMAL(12,4) NOT NULL DEFAULT 1 AFTER attainment;

-- The ledger's orders: a period's lines by date (and id, the primary
-- key every secondary index carries), for everyone or for one rep.
ALTER TABLE commission_lines
  ADD KEY commission_lines_ledger (period_id, removed_run_id, line_date),
  ADD KEY commission_lines_person_ledger (person_id, removed_run_id, period_id, line_date);
