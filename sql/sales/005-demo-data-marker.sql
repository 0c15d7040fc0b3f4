-- requires: core
-- The sales demo data was marked by one global setting; it is marked in
-- demo_data now, one row per module (core's 004).
INSERT INTO demo_data (module, seeded_on)
  SELECT 'sales', value FROM settings WHERE name = 'demo_data_loaded';
DELETE FROM settings WHERE name = 'demo_data_loaded';
