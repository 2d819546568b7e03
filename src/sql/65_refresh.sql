-- refresh() of the materialized views (60_materialized.sql) and its log.
-- See doc/refresh.md.

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

-- Why: refresh() and last_refresh name the materialized views once, in the
-- order refresh() takes them: each after the ones it reads.
CREATE FUNCTION refreshed_views() RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
  SELECT ARRAY['indicator_series_mv', 'access_delay_mv', 'scorecard_mv', 'access_delay_monthly_mv']
$fn$;

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
  -- series' measures, then the monthly delays. All share CURRENT_DATE, the
  -- transaction's date.
  FOREACH mv IN ARRAY @extschema@.refreshed_views() LOOP
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
    view_name := mv;
    row_count := n;
    duration_ms := extract(epoch FROM finished - started)::float8 * 1000;
    INSERT INTO refresh_log (view_name, as_of, started_at, finished_at, duration_ms, row_count, refreshed_concurrently)
    VALUES (mv, CURRENT_DATE, started, finished, refresh.duration_ms, n, populated);
    -- keep the last 100 refreshes of each view
    DELETE FROM refresh_log l
     WHERE l.view_name = mv
       AND l.started_at < (SELECT k.started_at FROM refresh_log k WHERE k.view_name = mv
                            ORDER BY k.started_at DESC OFFSET 99 LIMIT 1);
    RETURN NEXT;
  END LOOP;
END
$fn$;

CREATE VIEW last_refresh AS
SELECT m.view_name, l.as_of, l.started_at, l.finished_at, l.duration_ms, l.row_count, l.refreshed_concurrently
  FROM unnest(@extschema@.refreshed_views()) WITH ORDINALITY AS m(view_name, ord)
  LEFT JOIN LATERAL (SELECT r.as_of, r.started_at, r.finished_at, r.duration_ms, r.row_count, r.refreshed_concurrently
                       FROM refresh_log r
                      WHERE r.view_name = m.view_name
                      ORDER BY r.started_at DESC
                      LIMIT 1) AS l ON true
 ORDER BY m.ord;

-- ---- comments ----------------------------------------------------------------------

COMMENT ON TABLE refresh_log IS
  'One row per materialized view refreshed by refresh(), the last 100 of each view; not dumped by pg_dump (a restored database has not been refreshed yet)';
COMMENT ON COLUMN refresh_log.view_name IS 'The materialized view refreshed';
COMMENT ON COLUMN refresh_log.as_of IS 'The as-of date the view was computed for (CURRENT_DATE of the refresh)';
COMMENT ON COLUMN refresh_log.started_at IS 'When the refresh of this view started';
COMMENT ON COLUMN refresh_log.finished_at IS 'When the refresh of this view finished (before its transaction committed)';
COMMENT ON COLUMN refresh_log.duration_ms IS 'Duration of the refresh, milliseconds';
COMMENT ON COLUMN refresh_log.row_count IS 'Rows in the view after the refresh';
COMMENT ON COLUMN refresh_log.refreshed_concurrently IS 'Whether the view was refreshed CONCURRENTLY (false for the first refresh of an unpopulated view)';

COMMENT ON FUNCTION refreshed_views() IS
  'The materialized views refresh() refreshes, in its order (each after the views it reads); last_refresh lists them in the same order';

COMMENT ON FUNCTION refresh() IS
  'Refreshes indicator_series_mv, access_delay_mv, scorecard_mv and access_delay_monthly_mv (in that order, CONCURRENTLY) as of CURRENT_DATE and logs each refresh in refresh_log; must be run by the owner of the materialized views (the role that created the extension), e.g. from pg_cron';

COMMENT ON VIEW last_refresh IS
  'The last refresh of each materialized view: one row per view, NULLs for a view not refreshed since the extension was created (or restored)';
COMMENT ON COLUMN last_refresh.view_name IS 'The materialized view';
COMMENT ON COLUMN last_refresh.as_of IS 'The as-of date it was computed for; NULL if never refreshed';
COMMENT ON COLUMN last_refresh.started_at IS 'When its last refresh started';
COMMENT ON COLUMN last_refresh.finished_at IS 'When its last refresh finished';
COMMENT ON COLUMN last_refresh.duration_ms IS 'Duration of its last refresh, milliseconds';
COMMENT ON COLUMN last_refresh.row_count IS 'Rows after its last refresh';
COMMENT ON COLUMN last_refresh.refreshed_concurrently IS 'Whether its last refresh ran CONCURRENTLY';
