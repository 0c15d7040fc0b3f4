-- requires: core
-- The funnel counts, per opportunity that moved in a period, the furthest
-- stage it moved into (fcgi/sales/pipeline-charts.c, STMT_REACHED): the
-- period's moves are read by time from this index alone, the stage and
-- the opportunity carried in it (no row of the table is read).
ALTER TABLE opportunity_stage_changes
  ADD KEY stage_changes_reached (changed_at, opportunity_id, to_stage);
