-- requires: core
-- The products an opportunity is about: one row a product, with how many
-- and for how much (the amount of the line, fen exact).  A won
-- opportunity's lines prefill its order's lines, and the commission
-- estimate of an opportunity reads them (the product type is the
-- product's).  When an opportunity has lines, its amount is their sum.
CREATE TABLE opportunity_lines (
  id             INT UNSIGNED  NOT NULL AUTO_INCREMENT PRIMARY KEY,
  opportunity_id INT UNSIGNED  NOT NULL,
  line_no        INT UNSIGNED  NOT NULL,
  product_id     INT UNSIGNED  NOT NULL,
  quantity       DECIMAL(15,3) NOT NULL,
  amount         DECIMAL(18,2) NOT NULL,
  UNIQUE KEY opportunity_lines_no (opportunity_id, line_no),
  KEY opportunity_lines_product (product_id),
  CONSTRAINT opportunity_lines_opportunity_fk FOREIGN KEY (opportunity_id)
    REFERENCES opportunities (id),
  CONSTRAINT opportunity_lines_product_fk FOREIGN KEY (product_id)
    REFERENCES products (id),
  CONSTRAINT opportunity_lines_quantity_ck CHECK (quantity > 0),
  CONSTRAINT opportunity_lines_amount_ck CHECK (amount >= 0),
  CONSTRAINT opportunity_lines_line_ck CHECK (line_no >= 1)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
