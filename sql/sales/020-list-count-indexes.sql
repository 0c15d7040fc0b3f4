-- requires: core
-- The count and totals of a list (core/list: "SELECT COUNT(*), SUM(...)
-- FROM (SELECT <totals_cols> ... LIMIT cap + 1)") over every row a
-- reader sees (management, finance: no filter) read up to the cap's
-- 10,001 rows: from an index holding the columns they add up, not from
-- the rows (tests/db/lists-t).
ALTER TABLE orders ADD KEY orders_booked_totals (status, amount_booked, cost_booked);
ALTER TABLE payments ADD KEY payments_totals (amount, order_id);
-- (the opportunity list joins its customer and owner for every row)
ALTER TABLE opportunities ADD KEY opportunities_totals (stage, amount, customer_id, owner_id);
