-- Tracking of a commission line (the DESIGN's 已计算 -> 待支付 -> 已支付):
-- 'calculated' from its run, 'pending' once the statement it is in is
-- approved, 'paid' once that statement is paid.  Settlement sets it in
-- the same transaction as the approval or the payment; a run never
-- changes it (it runs only open periods, and statements are made only
-- from closed ones).  A rep-period's state is derived from its lines.
-- Indexed for the ledger's state filter, alone, by period and per rep.
ALTER TABLE commission_lines
  ADD COLUMN tracking VARCHAR(12) CHARACTER SET ascii NOT NULL DEFAULT 'calculated' AFTER commission,
  ADD CONSTRAINT commission_lines_tracking_ck CHECK (tracking IN ('calculated', 'pending', 'paid')),
  ADD KEY commission_lines_tracking (tracking, period_id),
  ADD KEY commission_lines_person_tracking (person_id, tracking, period_id);
