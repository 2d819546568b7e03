-- Materialized views of the indicators, the delay table and the scorecard,
-- refresh() and its log. See doc/refresh.md.
--
-- The materialized views are computed as of the day of their last refresh
-- (CURRENT_DATE at refresh time). They are members of the extension, so
-- pg_dump does not dump them: after a restore they hold what CREATE
-- EXTENSION computed from the then empty tables until refresh() runs.

CREATE MATERIALIZED VIEW indicator_series_mv AS SELECT * FROM indicator_series;
CREATE UNIQUE INDEX indicator_series_mv_key ON indicator_series_mv (measure, year);

CREATE MATERIALIZED VIEW access_delay_mv AS SELECT * FROM access_delay;
CREATE UNIQUE INDEX access_delay_mv_key ON access_delay_mv (year, linkage);

CREATE MATERIALIZED VIEW scorecard_mv AS SELECT * FROM scorecard;
CREATE UNIQUE INDEX scorecard_mv_key ON scorecard_mv (target_id);

-- Not registered with pg_extension_config_dump on purpose: after a restore
-- the materialized views are stale until refresh() runs, and an empty log
-- says so.
CREATE TABLE refresh_log (
  view_name     text NOT NULL,
  as_of         date NOT NULL,
  started_at    timestamptz NOT NULL,
  finished_at   timestamptz NOT NULL,
  duration_ms   float8 NOT NULL,
  row_count     bigint NOT NULL,
  refreshed_concurrently boolean NOT NULL,
  CONSTRAINT refresh_log_pkey PRIMARY KEY (view_name, started_at)
);

-- Why: one call refreshes every materialized view in dependency order
-- without blocking readers, and leaves a trace a monitor (or a BI tool) can
-- read. REFRESH needs the owner of the materialized views, so this runs as
-- that role (the one that created the extension), by hand or from pg_cron.
CREATE FUNCTION refresh()
RETURNS TABLE (view_name text, row_count bigint, duration_ms float8)
LANGUAGE plpgsql
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
#variable_conflict use_column
DECLARE
  mv text;
  started timestamptz;
  finished timestamptz;
  populated boolean;
  n bigint;
BEGIN
  -- The series first, the delay table, then the scorecard that scores the
  -- series' measures. All three share CURRENT_DATE, the transaction's date.
  FOREACH mv IN ARRAY ARRAY['indicator_series_mv', 'access_delay_mv', 'scorecard_mv'] LOOP
    started := clock_timestamp();
    SELECT c.relispopulated INTO populated
      FROM pg_class c
     WHERE c.relname = mv AND c.relnamespace = '@extschema@'::regnamespace;
    -- CONCURRENTLY needs a populated view; a view left unpopulated (by a
    -- REFRESH ... WITH NO DATA) is filled by a plain refresh once.
    IF populated THEN
      EXECUTE format('REFRESH MATERIALIZED VIEW CONCURRENTLY @extschema@.%I', mv);
    ELSE
      EXECUTE format('REFRESH MATERIALIZED VIEW @extschema@.%I', mv);
    END IF;
    EXECUTE format('SELECT count(*) FROM @extschema@.%I', mv) INTO n;
    finished := clock_timestamp();
    INSERT INTO refresh_log (view_name, as_of, started_at, finished_at, duration_ms, row_count, refreshed_concurrently)
    VALUES (mv, CURRENT_DATE, started, finished,
            extract(epoch FROM finished - started)::float8 * 1000, n, populated);
    -- keep the last 100 refreshes of each view
    DELETE FROM refresh_log l
     WHERE l.view_name = mv
       AND l.started_at < (SELECT k.started_at FROM refresh_log k WHERE k.view_name = mv
                            ORDER BY k.started_at DESC OFFSET 99 LIMIT 1);
    view_name := mv;
    row_count := n;
    duration_ms := extract(epoch FROM finished - started)::float8 * 1000;
    RETURN NEXT;
  END LOOP;
END
$fn$;

CREATE VIEW last_refresh AS
SELECT m.view_name, l.as_of, l.started_at, l.finished_at, l.duration_ms, l.row_count, l.refreshed_concurrently
  FROM (VALUES (1, 'indicator_series_mv'), (2, 'access_delay_mv'), (3, 'scorecard_mv')) AS m(ord, view_name)
  LEFT JOIN LATERAL (SELECT r.as_of, r.started_at, r.finished_at, r.duration_ms, r.row_count, r.refreshed_concurrently
                       FROM refresh_log r
                      WHERE r.view_name = m.view_name
                      ORDER BY r.started_at DESC
                      LIMIT 1) AS l ON true
 ORDER BY m.ord;

-- ---- comments ----------------------------------------------------------------------

COMMENT ON MATERIALIZED VIEW indicator_series_mv IS
  'indicator_series as of the day of the last refresh() (see last_refresh)';
COMMENT ON INDEX indicator_series_mv_key IS 'One row per measure and year; lets refresh() refresh indicator_series_mv concurrently';
COMMENT ON COLUMN indicator_series_mv.measure IS 'The measure (a measure label)';
COMMENT ON COLUMN indicator_series_mv.year IS 'Calendar year';
COMMENT ON COLUMN indicator_series_mv.value IS 'Value of the measure in the year (see indicator_series.value)';
COMMENT ON COLUMN indicator_series_mv.records IS 'Records behind the value';
COMMENT ON COLUMN indicator_series_mv.complete IS 'Whether the year had fully elapsed on the day of the refresh';

COMMENT ON MATERIALIZED VIEW access_delay_mv IS
  'access_delay as of the day of the last refresh() (see last_refresh)';
COMMENT ON INDEX access_delay_mv_key IS 'One row per year and linkage; lets refresh() refresh access_delay_mv concurrently';
COMMENT ON COLUMN access_delay_mv.year IS 'Calendar year';
COMMENT ON COLUMN access_delay_mv.linkage IS 'Linkage type (a linkage_type label) or all_linked';
COMMENT ON COLUMN access_delay_mv.completed IS 'Projects whose data were made available during the year';
COMMENT ON COLUMN access_delay_mv.pending IS 'Projects still waiting at the end of the year (or on the day of the refresh)';
COMMENT ON COLUMN access_delay_mv.mean_months IS 'Mean delay of the completed projects, in months of 30.436875 days';
COMMENT ON COLUMN access_delay_mv.median_months IS 'Median delay of the completed projects, in months';
COMMENT ON COLUMN access_delay_mv.p90_months IS '90th percentile of the delay of the completed projects, in months';
COMMENT ON COLUMN access_delay_mv.km_median_months IS 'Kaplan-Meier median delay counting the pending projects as censored, in months';
COMMENT ON COLUMN access_delay_mv.share_within_7_months IS 'Share of the completed projects with a delay of at most 213 days';

COMMENT ON MATERIALIZED VIEW scorecard_mv IS
  'scorecard as of the day of the last refresh() (its as_of column)';
COMMENT ON INDEX scorecard_mv_key IS 'One row per target; lets refresh() refresh scorecard_mv concurrently';
COMMENT ON COLUMN scorecard_mv.target_id IS 'The target (target.id)';
COMMENT ON COLUMN scorecard_mv.roadmap IS 'Roadmap the target belongs to';
COMMENT ON COLUMN scorecard_mv.axis IS 'Strategic axis of the roadmap';
COMMENT ON COLUMN scorecard_mv.title IS 'The target as the roadmap states it';
COMMENT ON COLUMN scorecard_mv.measure IS 'The measure that scores the target';
COMMENT ON COLUMN scorecard_mv.unit IS 'Unit of the values';
COMMENT ON COLUMN scorecard_mv.kind IS 'How the target is met (a target_kind label)';
COMMENT ON COLUMN scorecard_mv.factor IS 'For multiply_by, the factor; NULL otherwise';
COMMENT ON COLUMN scorecard_mv.target_value IS 'The value to reach, in unit';
COMMENT ON COLUMN scorecard_mv.deadline IS 'Date by which the target is to be met';
COMMENT ON COLUMN scorecard_mv.recurring IS 'Whether the target must hold every year from its start year';
COMMENT ON COLUMN scorecard_mv.baseline_year IS 'Year whose value is the baseline';
COMMENT ON COLUMN scorecard_mv.baseline_value IS 'Value of the baseline year';
COMMENT ON COLUMN scorecard_mv.current_period IS 'Period of current_value';
COMMENT ON COLUMN scorecard_mv.current_value IS 'Value scored against the target';
COMMENT ON COLUMN scorecard_mv.year_to_date_value IS 'Value of the current, incomplete year so far (yearly measures)';
COMMENT ON COLUMN scorecard_mv.expected_value IS 'Where the value should stand on the required path';
COMMENT ON COLUMN scorecard_mv.progress_ratio IS 'Eurostat progress ratio';
COMMENT ON COLUMN scorecard_mv.status IS 'Progress class (a progress_status label)';
COMMENT ON COLUMN scorecard_mv.records IS 'Records behind current_value';
COMMENT ON COLUMN scorecard_mv.as_of IS 'Date the scorecard was computed as of (the day of the refresh)';

COMMENT ON TABLE refresh_log IS
  'One row per materialized view refreshed by refresh(), the last 100 of each view; not dumped by pg_dump (a restored database has not been refreshed yet)';
COMMENT ON COLUMN refresh_log.view_name IS 'The materialized view refreshed';
COMMENT ON COLUMN refresh_log.as_of IS 'The as-of date the view was computed for (CURRENT_DATE of the refresh)';
COMMENT ON COLUMN refresh_log.started_at IS 'When the refresh of this view started';
COMMENT ON COLUMN refresh_log.finished_at IS 'When the refresh of this view finished (before its transaction committed)';
COMMENT ON COLUMN refresh_log.duration_ms IS 'Duration of the refresh, milliseconds';
COMMENT ON COLUMN refresh_log.row_count IS 'Rows in the view after the refresh';
COMMENT ON COLUMN refresh_log.refreshed_concurrently IS 'Whether the view was refreshed CONCURRENTLY (false for the first refresh of an unpopulated view)';

COMMENT ON FUNCTION refresh() IS
  'Refreshes indicator_series_mv, access_delay_mv and scorecard_mv (in that order, CONCURRENTLY) as of CURRENT_DATE and logs each refresh in refresh_log; must be run by the owner of the materialized views (the role that created the extension), e.g. from pg_cron';

COMMENT ON VIEW last_refresh IS
  'The last refresh of each materialized view: one row per view, NULLs for a view not refreshed since the extension was created (or restored)';
COMMENT ON COLUMN last_refresh.view_name IS 'The materialized view';
COMMENT ON COLUMN last_refresh.as_of IS 'The as-of date it was computed for; NULL if never refreshed';
COMMENT ON COLUMN last_refresh.started_at IS 'When its last refresh started';
COMMENT ON COLUMN last_refresh.finished_at IS 'When its last refresh finished';
COMMENT ON COLUMN last_refresh.duration_ms IS 'Duration of its last refresh, milliseconds';
COMMENT ON COLUMN last_refresh.row_count IS 'Rows after its last refresh';
COMMENT ON COLUMN last_refresh.refreshed_concurrently IS 'Whether its last refresh ran CONCURRENTLY';
