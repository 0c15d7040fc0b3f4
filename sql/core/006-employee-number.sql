-- The directory's employeeNumber of each person (工号), copied by
-- `ticheng-admin sync-users` and at each sign-in: printed on the
-- settlement forms and in the payroll export.  "" when the directory
-- has none.
ALTER TABLE people ADD COLUMN employee_no VARCHAR(32) NOT NULL DEFAULT '' AFTER dn;
