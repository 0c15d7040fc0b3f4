-- requires: core
-- Benchmark data: `ticheng-admin demo-data --scale N` copies the sales
-- demo company N-1 times (copy k: ids + k * 1,000,000, codes, numbers and
-- logins ending ".k", the same dates, amounts and shapes), bulk-loaded with
-- INSERT ... SELECT outside the audit.  One row per copy, written in the
-- copy's transaction: what is benchmark data and when it was loaded.
-- Empty outside benchmarks.
CREATE TABLE sales_demo_scale (
  copy       INT UNSIGNED NOT NULL PRIMARY KEY,
  loaded_at  DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
