-- requires: core
-- The receivables list sorted by order number: booked orders in the
-- order of their number (core/list: every sort served by an index; the
-- unique orders_no alone made MariaDB read every open order and sort
-- them, tests/db/lists-t).
ALTER TABLE orders ADD KEY orders_status_no (status, order_no);
