-- indicator_series_at against plain SQL on the synthetic sample (seed 42):
-- count(DISTINCT ...) over generate_series for the platform, avg() for the
-- delays, count() GROUP BY year for partnerships and exchanges, for several
-- as-of dates; then the edge cases on hand-made rows. The tables are emptied
-- at the end.
SET search_path = hdh_roadmap, public;
SET extra_float_digits = 0;

-- Nothing recorded: no rows (the series starts at the first record's year).
SELECT count(*) AS rows_when_empty FROM indicator_series_at('2025-06-30');

-- Load the sample quietly.
\set ECHO none
\o /dev/null
SET client_min_messages = warning;
\i sample/load.sql
\o
\set ECHO all
\set ON_ERROR_STOP off
RESET client_min_messages;

-- The same yearly values computed with core PostgreSQL only.
CREATE TEMP TABLE as_of_dates (as_of date);
INSERT INTO as_of_dates VALUES ('2019-03-01'), ('2020-12-31'), ('2022-06-30'), ('2023-12-31'),
                               ('2024-01-01'), ('2025-06-30'), ('2025-12-31'), ('2026-02-01');
CREATE TEMP VIEW plain_series AS
WITH span AS (
  SELECT a.as_of, y::integer AS year
    FROM as_of_dates a,
         generate_series(
           (SELECT min(extract(year FROM d))::integer
              FROM (SELECT submitted_on FROM project UNION ALL SELECT lower(period) FROM platform_usage
                    UNION ALL SELECT signed_on FROM partnership UNION ALL SELECT held_on FROM civil_society_exchange) AS r(d)
             WHERE d <= a.as_of),
           extract(year FROM a.as_of)::integer) AS y),
platform AS (
  SELECT a.as_of, y AS year, count(DISTINCT u.project_id) AS n
    FROM as_of_dates a
    JOIN platform_usage u ON lower(u.period) <= a.as_of
    CROSS JOIN LATERAL generate_series(
           extract(year FROM lower(u.period))::integer,
           extract(year FROM least(coalesce(upper(u.period) - 1, a.as_of), a.as_of))::integer) AS y
   GROUP BY a.as_of, y),
delays AS (
  SELECT a.as_of, extract(year FROM p.data_available_on)::integer AS year,
         avg((p.data_available_on - p.submitted_on) / 30.436875) AS mean_months, count(*) AS n
    FROM as_of_dates a
    JOIN project p ON p.linkage <> 'none' AND p.data_available_on <= a.as_of
   GROUP BY 1, 2),
signed AS (
  SELECT a.as_of, extract(year FROM s.signed_on)::integer AS year, count(*) AS n
    FROM as_of_dates a JOIN partnership s ON s.signed_on <= a.as_of GROUP BY 1, 2),
held AS (
  SELECT a.as_of, extract(year FROM e.held_on)::integer AS year, count(*) AS n
    FROM as_of_dates a JOIN civil_society_exchange e ON e.held_on <= a.as_of GROUP BY 1, 2)
SELECT s.as_of, 'platform_projects' AS measure, s.year, coalesce(p.n, 0)::float8 AS value, coalesce(p.n, 0) AS records
  FROM span s LEFT JOIN platform p USING (as_of, year)
UNION ALL
SELECT s.as_of, 'linkage_access_delay', s.year, d.mean_months::float8, coalesce(d.n, 0)
  FROM span s LEFT JOIN delays d USING (as_of, year)
UNION ALL
SELECT s.as_of, 'new_partnerships', s.year, coalesce(g.n, 0), coalesce(g.n, 0)
  FROM span s LEFT JOIN signed g USING (as_of, year)
UNION ALL
SELECT s.as_of, 'civil_society_exchanges', s.year, coalesce(h.n, 0), coalesce(h.n, 0)
  FROM span s LEFT JOIN held h USING (as_of, year);

-- Row by row: same rows, same records, values equal (to 1e-12 relative for
-- the mean), complete exactly for the years before the as-of date's year
-- (and for that year too on 31 December).
SELECT a.as_of,
       count(*) AS rows,
       count(*) FILTER (WHERE f.measure IS NULL OR p.measure IS NULL) AS missing,
       count(*) FILTER (WHERE f.records IS DISTINCT FROM p.records) AS records_differ,
       count(*) FILTER (WHERE NOT (f.value IS NULL AND p.value IS NULL
                                   OR abs(f.value - p.value) <= 1e-12 * greatest(1, abs(p.value)))) AS values_differ,
       count(*) FILTER (WHERE f.complete IS DISTINCT FROM
                              (f.year < extract(year FROM a.as_of)
                               OR (f.year = extract(year FROM a.as_of) AND a.as_of = make_date(f.year, 12, 31)))) AS complete_differ
  FROM as_of_dates a
  CROSS JOIN LATERAL (SELECT * FROM indicator_series_at(a.as_of)) f
  FULL JOIN (SELECT * FROM plain_series) p ON p.as_of = a.as_of AND p.measure = f.measure AND p.year = f.year
 GROUP BY a.as_of ORDER BY a.as_of;
-- (A row of plain_series with no match would show up with a NULL as_of.)
SELECT count(*) AS plain_rows_unmatched
  FROM plain_series p
 WHERE NOT EXISTS (SELECT FROM indicator_series_at(p.as_of) f WHERE f.measure = p.measure AND f.year = p.year);

-- The values as of 2025-06-30 that the sample promises (sample/README.md):
-- platform 125 / 144 / 173, delays 13.0 / 11.4 / 9.7 months, exchanges 20 in
-- 2022 and 62 in 2024.
SELECT measure, year, round(value::numeric, 1) AS value, records, complete
  FROM indicator_series_at('2025-06-30') WHERE year >= 2022 ORDER BY measure, year;

-- A later as-of date never changes a complete year's count... except by
-- records dated before it but entered later; here the history is fixed, so
-- 2024 as of 2024-12-31 equals 2024 as of 2025-06-30.
SELECT count(*) AS changed
  FROM indicator_series_at('2024-12-31') a
  JOIN indicator_series_at('2025-06-30') b USING (measure, year)
 WHERE a.year = 2024 AND a.value IS DISTINCT FROM b.value;

-- The view is the function as of today.
SELECT count(*) > 0 AS view_has_rows,
       (SELECT count(*) FROM (SELECT * FROM indicator_series EXCEPT SELECT * FROM indicator_series_at(current_date)) d)
     + (SELECT count(*) FROM (SELECT * FROM indicator_series_at(current_date) EXCEPT SELECT * FROM indicator_series) d)
       AS differences
  FROM indicator_series;

-- Edge cases on hand-made rows.
TRUNCATE project_source, platform_usage, project, call_for_projects, catalogue_database,
         partnership, civil_society_exchange RESTART IDENTITY;
INSERT INTO project (project_id, reference, title, submitted_on) VALUES
  (1, 'E1', 'two periods in 2023', '2022-11-01'),
  (2, 'E2', 'open-ended', '2022-11-01'),
  (3, 'E3', 'ends on 1 January (exclusive)', '2022-11-01'),
  (4, 'E4', 'starts after the as-of date', '2022-11-01');
INSERT INTO platform_usage (project_id, period) VALUES
  (1, '[2023-02-01,2023-03-01)'), (1, '[2023-10-01,2023-11-01)'),
  (2, '[2023-06-15,)'),
  (3, '[2023-05-01,2024-01-01)'),
  (4, '[2024-05-01,2024-06-01)');
-- as of 2024-04-30: 2022: 0 (the projects' submissions open the series),
-- 2023: E1 once, E2, E3 = 3; 2024 so far: E2 only (E3 ended, E4 not started).
SELECT year, value, records, complete FROM indicator_series_at('2024-04-30')
 WHERE measure = 'platform_projects' ORDER BY year;
-- as of 2024-05-01 E4 has started.
SELECT year, value FROM indicator_series_at('2024-05-01')
 WHERE measure = 'platform_projects' AND year = 2024;
-- A partnership signed on the as-of date counts; one signed the day after does not.
INSERT INTO partnership (partner, infrastructure, level, signed_on) VALUES
  ('p1', 'local', 'regional', '2024-04-30'), ('p2', 'local', 'regional', '2024-05-01');
SELECT year, value FROM indicator_series_at('2024-04-30') WHERE measure = 'new_partnerships' AND year = 2024;
-- No delay completed in a year: the mean is NULL, with 0 records.
SELECT year, value, records FROM indicator_series_at('2024-04-30') WHERE measure = 'linkage_access_delay' ORDER BY year;

-- A NULL as_of is an error 22004 naming it.
DO $$
BEGIN
  PERFORM * FROM indicator_series_at(NULL);
EXCEPTION WHEN null_value_not_allowed THEN
  RAISE NOTICE 'SQLSTATE %: %', SQLSTATE, SQLERRM;
END
$$;

TRUNCATE project_source, platform_usage, project, call_for_projects, catalogue_database,
         partnership, civil_society_exchange RESTART IDENTITY;
