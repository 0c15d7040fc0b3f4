-- requires: core
-- Payment terms: a customer pays within its terms (days after the order
-- date, 30 unless agreed otherwise); an order may have its own terms
-- (NULL: its customer's).  Receivables age from the due date, order date
-- plus the terms, not from the order date.
ALTER TABLE customers
  ADD COLUMN payment_terms_days SMALLINT UNSIGNED NOT NULL DEFAULT 30
    COMMENT 'days after the order date',
  ADD CONSTRAINT customers_terms_ck CHECK (payment_terms_days <= 365);
ALTER TABLE orders
  ADD COLUMN payment_terms_days SMALLINT UNSIGNED NULL
    COMMENT 'NULL: the customer''s terms',
  ADD CONSTRAINT orders_terms_ck CHECK (payment_terms_days IS NULL
    OR payment_terms_days <= 365);
