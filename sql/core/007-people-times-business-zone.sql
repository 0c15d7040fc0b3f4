-- people.synced_at and last_login_at were written as UTC_TIMESTAMP(),
-- while every other time is the business clock's (the session's zone,
-- core/clock): admin's people page showed them eight hours early.  From
-- now on they are written from tc_now_str(); the rows written before
-- move to the session's zone (the business zone, set by core/db).
UPDATE people
   SET synced_at = CONVERT_TZ(synced_at, '+00:00', @@session.time_zone),
       last_login_at = CONVERT_TZ(last_login_at, '+00:00', @@session.time_zone);
