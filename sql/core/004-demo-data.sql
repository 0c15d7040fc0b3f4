-- Which modules hold demo data: `ticheng-admin demo-data` writes a
-- module's row in the same transaction as the module's demo data, and
-- leaves a module that has its row alone.  Empty outside demonstrations
-- and tests.
CREATE TABLE demo_data (
  module     VARCHAR(32) CHARACTER SET ascii NOT NULL PRIMARY KEY,
  seeded_on  DATE NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
