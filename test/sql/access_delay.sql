-- access_delay_at against plain SQL on the synthetic sample (seed 42): the
-- year's cohort, completed and pending counts, avg() and percentile_cont()
-- over the completed delays, the share within 7 months; then the
-- Kaplan-Meier median on small cohorts worked out by hand. The tables are
-- emptied at the end.
SET search_path = hdh_roadmap, public;
SET extra_float_digits = 0;

-- Nothing recorded: no rows.
SELECT count(*) AS rows_when_empty FROM access_delay_at('2025-06-30');

\set ECHO none
\o /dev/null
SET client_min_messages = warning;
\i sample/load.sql
\o
\set ECHO all
\set ON_ERROR_STOP off
RESET client_min_messages;

CREATE TEMP TABLE as_of_dates (as_of date);
INSERT INTO as_of_dates VALUES ('2020-06-30'), ('2022-12-31'), ('2024-06-30'), ('2025-06-30'), ('2026-03-01');

-- For year Y as known on as_of: cutoff = min(31 December Y, as_of); the
-- cohort is the projects submitted by the cutoff whose data were not
-- available before 1 January Y; completed = available by the cutoff.
CREATE TEMP VIEW plain_cohort AS
SELECT a.as_of, y::integer AS year, p.linkage::text AS linkage,
       p.data_available_on - p.submitted_on AS days,
       p.data_available_on <= least(make_date(y::integer, 12, 31), a.as_of) AS done
  FROM as_of_dates a
  CROSS JOIN LATERAL generate_series(
         (SELECT min(extract(year FROM submitted_on))::integer FROM project WHERE submitted_on <= a.as_of),
         extract(year FROM a.as_of)::integer) AS y
  JOIN project p ON p.submitted_on <= least(make_date(y::integer, 12, 31), a.as_of)
                AND (p.data_available_on IS NULL OR p.data_available_on >= make_date(y::integer, 1, 1));

CREATE TEMP VIEW plain_delay AS
SELECT as_of, year, coalesce(linkage, 'all_linked') AS linkage,
       count(*) FILTER (WHERE done) AS completed,
       count(*) FILTER (WHERE done IS NOT TRUE) AS pending,
       avg(days / 30.436875) FILTER (WHERE done) AS mean_months,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY days) FILTER (WHERE done) / 30.436875 AS median_months,
       percentile_cont(0.9) WITHIN GROUP (ORDER BY days) FILTER (WHERE done) / 30.436875 AS p90_months,
       -- within 7 months, in months, not in days: the view's 213 days must agree
       (count(*) FILTER (WHERE done AND days / 30.436875 <= 7))::float8
         / nullif(count(*) FILTER (WHERE done), 0) AS share_within_7_months
  FROM (SELECT * FROM plain_cohort
        UNION ALL
        SELECT as_of, year, NULL, days, done FROM plain_cohort WHERE linkage <> 'none') AS c
 GROUP BY as_of, year, linkage;

-- close(a, b): both NULL, or equal to 1e-12 relative.
CREATE FUNCTION pg_temp.close(a float8, b float8) RETURNS boolean LANGUAGE sql IMMUTABLE AS
$$ SELECT (a IS NULL AND b IS NULL) OR abs(a - b) <= 1e-12 * greatest(1, abs(b)) $$;

SELECT a.as_of,
       count(*) AS rows,
       count(*) FILTER (WHERE p.year IS NULL) AS groups_without_projects,
       count(*) FILTER (WHERE p.year IS NOT NULL AND (f.completed <> p.completed OR f.pending <> p.pending)) AS counts_differ,
       count(*) FILTER (WHERE p.year IS NOT NULL AND NOT (pg_temp.close(f.mean_months, p.mean_months)
                                                          AND pg_temp.close(f.median_months, p.median_months)
                                                          AND pg_temp.close(f.p90_months, p.p90_months)
                                                          AND pg_temp.close(f.share_within_7_months, p.share_within_7_months)))
         AS statistics_differ,
       count(*) FILTER (WHERE p.year IS NULL AND NOT (f.completed = 0 AND f.pending = 0 AND f.mean_months IS NULL
                                                     AND f.km_median_months IS NULL)) AS empty_groups_not_empty
  FROM as_of_dates a
  CROSS JOIN LATERAL access_delay_at(a.as_of) f
  LEFT JOIN plain_delay p ON p.as_of = a.as_of AND p.year = f.year AND p.linkage = f.linkage
 GROUP BY a.as_of ORDER BY a.as_of;
-- every group of plain_delay is in the function's output
SELECT count(*) AS plain_groups_unmatched
  FROM plain_delay p
 WHERE NOT EXISTS (SELECT FROM access_delay_at(p.as_of) f WHERE f.year = p.year AND f.linkage = p.linkage);
-- every year has the five groups, all_linked first
SELECT string_agg(linkage, ',' ORDER BY n) AS groups, count(DISTINCT year) AS years
  FROM (SELECT year, linkage, row_number() OVER () AS n FROM access_delay_at('2025-06-30')) AS g
 WHERE year = 2024;

-- all_linked merges the linked groups: its counts are their sums.
SELECT count(*) AS all_linked_not_the_sum
  FROM access_delay_at('2025-06-30') a
  JOIN (SELECT year, sum(completed) AS completed, sum(pending) AS pending
          FROM access_delay_at('2025-06-30') WHERE linkage IN ('direct', 'indirect', 'probabilistic') GROUP BY year) s
    USING (year)
 WHERE a.linkage = 'all_linked' AND (a.completed <> s.completed OR a.pending <> s.pending);

-- The completed delays of a year are the delay series' records for linked
-- projects, and their mean is the series' value.
SELECT count(*) AS series_disagree
  FROM access_delay_at('2025-06-30') a
  JOIN indicator_series_at('2025-06-30') s ON s.measure = 'linkage_access_delay' AND s.year = a.year
 WHERE a.linkage = 'all_linked' AND (a.completed <> s.records OR NOT pg_temp.close(a.mean_months, s.value));

-- The sample's linked projects, as of 2025-06-30 (rounded).
SELECT year, linkage, completed, pending, round(mean_months::numeric, 1) AS mean,
       round(median_months::numeric, 1) AS median, round(p90_months::numeric, 1) AS p90,
       round(km_median_months::numeric, 1) AS km_median, round(share_within_7_months::numeric, 3) AS within_7
  FROM access_delay_at('2025-06-30') WHERE year >= 2023 AND linkage IN ('all_linked', 'none') ORDER BY year, linkage;

-- The view is the function as of today.
SELECT count(*) > 0 AS view_has_rows,
       (SELECT count(*) FROM (SELECT * FROM access_delay EXCEPT SELECT * FROM access_delay_at(current_date)) d)
     + (SELECT count(*) FROM (SELECT * FROM access_delay_at(current_date) EXCEPT SELECT * FROM access_delay) d)
       AS differences
  FROM access_delay;

-- Kaplan-Meier by hand. Year 2024, as of 2024-12-31 (cutoff 2024-12-31).
TRUNCATE project_source, platform_usage, project, call_for_projects, catalogue_database,
         partnership, civil_society_exchange RESTART IDENTITY;
INSERT INTO project (reference, title, submitted_on, data_available_on, linkage) VALUES
  -- direct: completed 30, 60, 120 days; pending since 2024-10-02 (censored at
  -- 90 days) and since 2024-01-01 (censored at 365 days, 2024 is a leap year)
  ('K1', 'k', '2024-01-01', '2024-01-31', 'direct'),
  ('K2', 'k', '2024-01-01', '2024-03-01', 'direct'),
  ('K3', 'k', '2024-10-02', NULL,         'direct'),
  ('K4', 'k', '2024-01-01', '2024-04-30', 'direct'),
  ('K5', 'k', '2024-01-01', NULL,         'direct'),
  -- made available in 2023: not in 2024's cohort
  ('K6', 'k', '2023-06-01', '2023-12-01', 'direct'),
  -- indirect: completed 10, 10, 30, 40 days
  ('M1', 'm', '2024-02-01', '2024-02-11', 'indirect'),
  ('M2', 'm', '2024-02-01', '2024-02-11', 'indirect'),
  ('M3', 'm', '2024-02-01', '2024-03-02', 'indirect'),
  ('M4', 'm', '2024-02-01', '2024-03-12', 'indirect'),
  -- single source: not in all_linked
  ('N1', 'n', '2024-02-01', '2024-02-02', 'none');
-- direct: at risk 5; t=30: S = 4/5 = 0.8; t=60: S = 0.8 * 3/4 = 0.6; 90
--   censored; t=120: at risk 2 (120 and 365), S = 0.6 * 1/2 = 0.3 <= 0.5:
--   KM median 120 days (the completed delays alone have median 60).
--   mean (30 + 60 + 120) / 3 = 70 days; p90 = 60 + 0.8 * (120 - 60) = 108.
-- indirect: at risk 4; t=10: two events, S = 2/4 = 0.5 exactly: the
--   midpoint to the next event time, (10 + 30) / 2 = 20 days.
-- all_linked: at risk 9; t=10: S = 7/9; t=30: two events of 7 at risk,
--   S = 7/9 * 5/7 = 5/9; t=40: one of 5, S = 5/9 * 4/5 = 4/9 <= 0.5: 40 days.
--   mean (30 + 60 + 120 + 10 + 10 + 30 + 40) / 7 = 300 / 7 = 42.857 days.
SELECT linkage, completed, pending,
       round((mean_months * 30.436875)::numeric, 3) AS mean_days,
       round((median_months * 30.436875)::numeric, 3) AS median_days,
       round((p90_months * 30.436875)::numeric, 3) AS p90_days,
       round((km_median_months * 30.436875)::numeric, 3) AS km_median_days,
       share_within_7_months
  FROM access_delay_at('2024-12-31') WHERE year = 2024 ORDER BY linkage;
-- As of 2024-06-30 the cutoff is the as-of date: K3 was not submitted yet,
-- K5 is censored at 181 days; the direct cohort is 30, 60, 120 and 181+.
-- The 2023 row: K6 completed (183 days), nothing pending at the end of 2023.
SELECT year, linkage, completed, pending, round((mean_months * 30.436875)::numeric, 3) AS mean_days
  FROM access_delay_at('2024-06-30') WHERE linkage = 'direct' ORDER BY year;
-- A project whose data came after the as-of date is pending on it.
SELECT completed, pending FROM access_delay_at('2024-03-31') WHERE year = 2024 AND linkage = 'direct';

-- A NULL as_of is an error 22004 naming it.
DO $$
BEGIN
  PERFORM * FROM access_delay_at(NULL);
EXCEPTION WHEN null_value_not_allowed THEN
  RAISE NOTICE 'SQLSTATE %: %', SQLSTATE, SQLERRM;
END
$$;

TRUNCATE project_source, platform_usage, project, call_for_projects, catalogue_database,
         partnership, civil_society_exchange RESTART IDENTITY;
