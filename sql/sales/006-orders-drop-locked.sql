-- requires: core
-- The per-order locked flag goes: the period of an order's date
-- (core/period, the periods table) is the only lock.  An order dated in a
-- closed period is read-only; it is corrected by a return booked in an
-- open period.
ALTER TABLE orders DROP COLUMN locked;
