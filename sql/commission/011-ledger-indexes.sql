-- requires: core
-- The indexes of commission_lines, for a run that writes a year's 1.2
-- million lines and for the ledger's page: every index a line carries is
-- work at every insert, so the lines keep those that a query uses and no
-- other (tests/bench/calc measures both):
--   commission_lines_ledger (period, removed, date): a period's lines by
--     date (the ledger's default sort, also over every period: period,
--     date), the period's foreign key, the counts and totals by period;
--   commission_lines_amount (period, removed, commission): the ledger by
--     amount within a period, without sorting the period's lines;
--   commission_lines_person_ledger (person, removed, period, date): one
--     rep's lines (the ledger and home of a rep, settlement's statements
--     and their tracking), the person's foreign key;
--   order_line, payment and rule: their foreign keys.
-- Dropped: period (a prefix of ledger), person (person_ledger serves it),
-- tracking and person_tracking (no query starts from the state: the
-- totals per state are read within a period or a rep).
ALTER TABLE commission_lines
  DROP KEY commission_lines_period,
  DROP KEY commission_lines_person,
  DROP KEY commission_lines_tracking,
  DROP KEY commission_lines_person_tracking,
  ADD KEY commission_lines_amount (period_id, removed_run_id, commission);
