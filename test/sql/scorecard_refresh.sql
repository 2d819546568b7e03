-- The materialized views, refresh() and last_refresh; the plain column types
-- and comments of every view; what a read-only role can and cannot do.
SET search_path = hdh_roadmap, public;
SET extra_float_digits = 0;
TRUNCATE refresh_log;

-- Never refreshed (since the extension was created): one row per view, no data.
SELECT view_name, as_of IS NULL AS never, finished_at IS NULL AS no_time FROM last_refresh;

-- The materialized views have their unique indexes, on the documented keys.
SELECT c.relname AS view, i.relname AS index, x.indisunique AS is_unique,
       pg_get_indexdef(i.oid) ~ ('ON hdh_roadmap\.' || c.relname || ' USING btree') AS btree,
       (SELECT string_agg(a.attname, ', ' ORDER BY k.n) FROM unnest(x.indkey) WITH ORDINALITY AS k(attnum, n)
          JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum) AS columns
  FROM pg_class c JOIN pg_index x ON x.indrelid = c.oid JOIN pg_class i ON i.oid = x.indexrelid
 WHERE c.relnamespace = 'hdh_roadmap'::regnamespace AND c.relkind = 'm'
 ORDER BY c.relname;

\set ECHO none
\o /dev/null
SET client_min_messages = warning;
\i sample/load.sql
\o
\set ECHO all
\set ON_ERROR_STOP off
RESET client_min_messages;

-- Until refresh() runs, the materialized views hold what CREATE EXTENSION
-- computed from empty tables (this is also the state after pg_restore).
SELECT (SELECT count(*) FROM indicator_series_mv) AS series_rows,
       (SELECT count(*) FROM access_delay_mv) AS delay_rows,
       (SELECT count(*) FILTER (WHERE status = 'no_data') = count(*) FROM scorecard_mv) AS scorecard_all_no_data;

-- refresh(): the four views in dependency order, with their row counts.
SELECT view_name, row_count = CASE view_name
         WHEN 'indicator_series_mv' THEN (SELECT count(*) FROM indicator_series)
         WHEN 'access_delay_mv' THEN (SELECT count(*) FROM access_delay)
         WHEN 'access_delay_monthly_mv' THEN (SELECT count(*) FROM access_delay_monthly)
         ELSE (SELECT count(*) FROM scorecard) END AS row_count_right,
       duration_ms >= 0 AS timed
  FROM refresh();

-- Now each materialized view equals its live view, both ways.
SELECT 'indicator_series' AS view,
       (SELECT count(*) FROM (SELECT * FROM indicator_series_mv EXCEPT SELECT * FROM indicator_series) d) AS only_mv,
       (SELECT count(*) FROM (SELECT * FROM indicator_series EXCEPT SELECT * FROM indicator_series_mv) d) AS only_live
UNION ALL
SELECT 'access_delay',
       (SELECT count(*) FROM (SELECT * FROM access_delay_mv EXCEPT SELECT * FROM access_delay) d),
       (SELECT count(*) FROM (SELECT * FROM access_delay EXCEPT SELECT * FROM access_delay_mv) d)
UNION ALL
SELECT 'scorecard',
       (SELECT count(*) FROM (SELECT * FROM scorecard_mv EXCEPT SELECT * FROM scorecard) d),
       (SELECT count(*) FROM (SELECT * FROM scorecard EXCEPT SELECT * FROM scorecard_mv) d);
SELECT bool_and(as_of = current_date) AS scorecard_as_of_today FROM scorecard_mv;

-- last_refresh: the same refresh, in order, as of today, concurrently.
SELECT view_name, as_of = current_date AS today, finished_at >= started_at AS ordered,
       row_count > 0 AS rows, refreshed_concurrently
  FROM last_refresh;
SELECT count(*) AS log_rows FROM refresh_log;

-- A change to the records shows in the live views at once and in the
-- materialized views after the next refresh.
INSERT INTO civil_society_exchange (held_on, kind, counterpart) VALUES ('2022-05-05', 'other', 'regress');
SELECT (SELECT value FROM indicator_series WHERE measure = 'civil_society_exchanges' AND year = 2022) AS live,
       (SELECT value FROM indicator_series_mv WHERE measure = 'civil_society_exchanges' AND year = 2022) AS materialized;
SELECT count(*) AS refreshed FROM refresh();
SELECT (SELECT value FROM indicator_series_mv WHERE measure = 'civil_society_exchanges' AND year = 2022) AS materialized;

-- A view left unpopulated is filled by a plain refresh, then concurrently again.
REFRESH MATERIALIZED VIEW scorecard_mv WITH NO DATA;
SELECT count(*) AS refreshed FROM refresh();
SELECT view_name, refreshed_concurrently FROM last_refresh;
SELECT count(*) AS refreshed FROM refresh();
SELECT view_name, refreshed_concurrently FROM last_refresh;

-- refresh() keeps the last 100 refreshes of each view.
INSERT INTO refresh_log
SELECT v, '2020-01-01', t, t, 1, 1, true
  FROM unnest(ARRAY['indicator_series_mv', 'access_delay_mv', 'scorecard_mv', 'access_delay_monthly_mv']) AS v,
       generate_series(timestamptz '2020-01-01', timestamptz '2020-01-01' + interval '149 days', interval '1 day') AS t;
SELECT count(*) AS refreshed FROM refresh();
SELECT view_name, count(*) AS kept, max(started_at) > '2021-01-01' AS newest_kept
  FROM refresh_log GROUP BY view_name ORDER BY view_name;

-- Plain column types only: text, integer, bigint, float8, numeric, date,
-- boolean in every view and materialized view (timestamptz in last_refresh and hub).
SELECT c.relname AS view, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type
  FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
 WHERE c.relnamespace = 'hdh_roadmap'::regnamespace AND c.relkind IN ('v', 'm')
   AND a.atttypid NOT IN ('text'::regtype, 'integer'::regtype, 'bigint'::regtype, 'double precision'::regtype,
                          'numeric'::regtype, 'date'::regtype, 'boolean'::regtype)
 ORDER BY 1, 2;
-- The *_at functions' results likewise.
SELECT p.proname, t.name, format_type(t.type, NULL) AS type
  FROM pg_proc p, unnest(p.proallargtypes, p.proargmodes, p.proargnames) AS t(type, mode, name)
 WHERE p.pronamespace = 'hdh_roadmap'::regnamespace AND p.proname IN ('scorecard_at', 'indicator_series_at', 'access_delay_at')
   AND t.mode = 't'
   AND t.type NOT IN ('text'::regtype, 'integer'::regtype, 'bigint'::regtype, 'double precision'::regtype,
                      'numeric'::regtype, 'date'::regtype, 'boolean'::regtype);
-- Each view has exactly its function's columns, in order.
SELECT v.view, (SELECT array_agg(a.attname::text ORDER BY a.attnum) FROM pg_attribute a
                 WHERE a.attrelid = v.view::regclass AND a.attnum > 0)
             = (SELECT array_agg(t.name ORDER BY t.n) FROM pg_proc p,
                       unnest(p.proargnames, p.proargmodes) WITH ORDINALITY AS t(name, mode, n)
                 WHERE p.oid = v.fn::regprocedure AND t.mode = 't') AS same_columns
  FROM (VALUES ('scorecard', 'scorecard_at(date)'), ('scorecard_mv', 'scorecard_at(date)'),
               ('indicator_series', 'indicator_series_at(date)'), ('indicator_series_mv', 'indicator_series_at(date)'),
               ('access_delay', 'access_delay_at(date)'), ('access_delay_mv', 'access_delay_at(date)')) AS v(view, fn);

-- Comments: every view, every column of every view, every function of this concern.
SELECT c.relname FROM pg_class c
 WHERE c.relnamespace = 'hdh_roadmap'::regnamespace AND c.relkind IN ('v', 'm') AND obj_description(c.oid, 'pg_class') IS NULL;
SELECT c.relname, a.attname FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0
 WHERE c.relnamespace = 'hdh_roadmap'::regnamespace AND c.relkind IN ('v', 'm') AND col_description(c.oid, a.attnum) IS NULL;
SELECT p.oid::regprocedure FROM pg_proc p
 WHERE p.pronamespace = 'hdh_roadmap'::regnamespace
   AND p.proname IN ('scorecard_at', 'indicator_series_at', 'access_delay_at', 'refresh', 'decimal_year',
                     'required_path_value', 'checked_as_of')
   AND obj_description(p.oid, 'pg_proc') IS NULL;
-- No SECURITY DEFINER anywhere in the schema.
SELECT p.oid::regprocedure AS security_definer FROM pg_proc p
 WHERE p.pronamespace = 'hdh_roadmap'::regnamespace AND p.prosecdef;

-- A read-only role: the views serve it (the view owner reads the tables),
-- the tables, the *_at functions (they read the tables as the caller) and
-- refresh() (REFRESH needs the owner) do not.
CREATE ROLE regress_hdh_reader;
GRANT USAGE ON SCHEMA hdh_roadmap TO regress_hdh_reader;
GRANT SELECT ON scorecard, indicator_series, access_delay, baseline, scorecard_mv, indicator_series_mv,
                access_delay_mv, last_refresh TO regress_hdh_reader;
SET ROLE regress_hdh_reader;
SELECT (SELECT count(*) FROM scorecard) = (SELECT count(*) FROM scorecard_mv) AS scorecard_readable,
       (SELECT count(*) > 0 FROM indicator_series) AS series_readable,
       (SELECT count(*) > 0 FROM access_delay) AS delays_readable,
       (SELECT count(*) FROM baseline) AS baseline_facts,
       (SELECT count(*) FROM last_refresh) AS refresh_rows;
\set VERBOSITY terse
SELECT count(*) FROM project;
SELECT count(*) FROM refresh_log;
SELECT count(*) FROM scorecard_at('2025-06-30');
SELECT refresh();
\set VERBOSITY default
RESET ROLE;
DROP OWNED BY regress_hdh_reader;
DROP ROLE regress_hdh_reader;

TRUNCATE project_source, platform_usage, project, call_for_projects, catalogue_database,
         partnership, civil_society_exchange RESTART IDENTITY;
SELECT count(*) AS refreshed FROM refresh();
TRUNCATE refresh_log;
