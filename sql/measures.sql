-- Measures as data (doc/measures.md): a 2026-2028 roadmap of three targets
-- on measures of its own, scored end to end and worked on paper at two
-- as-of dates, A = 2027-06-30 and B = 2029-03-31 (after the deadline
-- 2028-12-31); then every refusal. Runs in a transaction that is rolled back.
--
--   catalogue_size   yearly, from a function: databases in the catalogue at
--                    the end of each year (added_on), as known on as_of.
--                    15 at the end of 2025, 19 (2026), 24 (2027: 3 by
--                    2027-06-30, 2 later), 27 (2028); 5 more on 2029-02-01.
--     target at_least 30 by 2028-12-31, baseline 2025 (t0 = 2026.0, T = 2029.0):
--     A: 2026's 19 at 2027.0: R = (19/15 - 1) / ((30/15)^(1/3) - 1)
--        = 0.266667 / 0.259921 = 1.02595 -> on_track
--     B: measured at the deadline: 2028's 27 < 30 -> missed (the 32 of
--        2029 do not count)
--   publications     yearly, reported by hand: 2025: 40 (reported
--                    2026-01-15); 2026: 44 (2027-01-20), corrected to 46
--                    on 2027-09-01; 2027: 52 (2028-01-10); 2028: 55
--                    (2029-01-15).
--     target at_least 50 by 2028-12-31, baseline 2025:
--     A: 2026's 44 (the correction is not known yet) at 2027.0:
--        R = (44/40 - 1) / ((50/40)^(1/3) - 1) = 0.1 / 0.077217 = 1.29505 -> on_track
--     B: 2028's 55 >= 50 -> achieved
--   hospital_projects cumulative, from a function: projects with a health
--                    establishment submitted each year: 2025: 5 (before the
--                    start year), 2026: 8, 2027: 4 by 2027-06-30 + 3 later,
--                    2028: 6.
--     target more_than 20 from 2026 by 2028-12-31, baseline 2025 (before the
--     start year: 0, so the linear ratio, 20 / 3 a year):
--     A: 8 + 4 = 12 at 2027 + 181/365: R = (12 / 1.495890) / (20 / 3) = 1.20330 -> on_track
--     B: 8 + 7 + 6 = 21 > 20 -> achieved
\set ON_ERROR_ROLLBACK on
BEGIN;
SET search_path = hdh_roadmap, public;
SET extra_float_digits = 0;

-- ---- the records --------------------------------------------------------------
INSERT INTO catalogue_database (name, added_on)
SELECT 'database ' || v.d || ' #' || i, v.d::date
  FROM (VALUES ('2021-03-01', 10), ('2024-05-01', 2), ('2025-04-01', 3), ('2026-02-01', 4),
               ('2027-03-01', 3), ('2027-10-01', 2), ('2028-06-01', 3), ('2029-02-01', 5)) AS v(d, n),
       generate_series(1, v.n) AS i;
INSERT INTO project (reference, title, submitted_on, with_health_establishment)
SELECT 'H-' || v.d || '-' || i, 'hospital project', v.d::date, true
  FROM (VALUES ('2025-02-01', 5), ('2026-03-01', 8), ('2027-05-01', 4), ('2027-09-01', 3),
               ('2028-04-01', 6)) AS v(d, n),
       generate_series(1, v.n) AS i;
INSERT INTO project (reference, title, submitted_on, with_health_establishment)
SELECT 'N-' || i, 'project without a hospital', date '2026-01-10' + i, false FROM generate_series(1, 9) i;

-- ---- the measures -------------------------------------------------------------
CREATE FUNCTION public.catalogue_size(as_of date) RETURNS TABLE (year integer, value double precision)
LANGUAGE sql STABLE AS $$
  SELECT y, (SELECT count(*) FROM hdh_roadmap.catalogue_database c
              WHERE c.added_on <= least(make_date(y, 12, 31), as_of))::float8
    FROM generate_series((SELECT extract(year FROM min(added_on))::integer FROM hdh_roadmap.catalogue_database),
                         extract(year FROM as_of)::integer) AS y
$$;
CREATE FUNCTION public.hospital_projects(as_of date) RETURNS TABLE (year integer, value double precision)
LANGUAGE sql STABLE AS $$
  SELECT extract(year FROM submitted_on)::integer, count(*)::float8
    FROM hdh_roadmap.project
   WHERE with_health_establishment AND submitted_on <= as_of
   GROUP BY 1
$$;
SELECT register_measure('catalogue_size', 'yearly', 'databases', 'catalogue_size(date)',
                        'Databases in the catalogue at the end of the year');
SELECT register_measure('publications', 'yearly', 'publications');
SELECT register_measure('hospital_projects', 'cumulative', 'projects', 'public.hospital_projects(date)');
SELECT name, shape, unit, source, description, built_in FROM measures;

INSERT INTO reported_value (measure, year, value, reported_on, note) VALUES
  ('publications', 2025, 40, '2026-01-15', 'annual report 2025'),
  ('publications', 2026, 44, '2027-01-20', 'annual report 2026'),
  ('publications', 2026, 46, '2027-09-01', 'two publications found late'),
  ('publications', 2027, 52, '2028-01-10', NULL),
  ('publications', 2028, 55, '2029-01-15', NULL);

-- ---- the roadmap: a few rows ------------------------------------------------------
UPDATE target SET active = false;
INSERT INTO target (id, roadmap, axis, title, indicator, measure, kind, value, baseline_year, start_year,
                    deadline, unit) VALUES
  ('catalogue_databases', 'HDH 2026-2028', 2, '30 databases in the catalogue', 'databases in the catalogue',
   'catalogue_size', 'at_least', 30, 2025, 2026, '2028-12-31', 'databases'),
  ('publications', 'HDH 2026-2028', 1, '50 publications a year', 'publications of accompanied projects',
   'publications', 'at_least', 50, 2025, 2026, '2028-12-31', 'publications per year'),
  ('hospital_projects', 'HDH 2026-2028', 1, 'more than 20 projects with health establishments',
   'projects with a health establishment since 2026', 'hospital_projects', 'more_than', 20, 2025, 2026,
   '2028-12-31', 'projects');

SELECT s.as_of, s.target_id, s.measure, s.current_period, s.current_value, s.baseline_value,
       round(s.progress_ratio::numeric, 5) AS ratio, s.status, s.deadline_passed, s.records
  FROM (VALUES (date '2027-06-30'), ('2029-03-31')) AS d(as_of)
 CROSS JOIN LATERAL scorecard_at(d.as_of) AS s
 ORDER BY s.as_of, s.target_id;

-- The series of a reported measure: the latest report made by as_of wins.
SELECT d.as_of, i.year, i.value, i.records, i.complete
  FROM (VALUES (date '2027-08-31'), ('2027-09-01')) AS d(as_of)
 CROSS JOIN LATERAL indicator_series_at(d.as_of) AS i
 WHERE i.measure = 'publications'
 ORDER BY 1, 2;

-- A function's series is what it returns for as_of, up to the year of as_of,
-- checked against a GROUP BY of the records.
SELECT count(*) AS years,
       count(*) FILTER (WHERE i.value IS DISTINCT FROM g.n) AS differ
  FROM indicator_series_at('2027-06-30') AS i
  FULL JOIN (SELECT extract(year FROM submitted_on)::integer AS year, count(*)::float8 AS n
               FROM project WHERE with_health_establishment AND submitted_on <= '2027-06-30' GROUP BY 1) AS g
    ON g.year = i.year
 WHERE coalesce(i.measure, 'hospital_projects') = 'hospital_projects';

-- The materialized scorecard follows: refreshed, it holds the new roadmap
-- as scored today.
SELECT count(*) AS refreshed FROM refresh();
SELECT count(*) AS targets, string_agg(m.target_id, ', ' ORDER BY m.target_id) AS ids,
       count(*) FILTER (WHERE (m.*) IS DISTINCT FROM (f.*)) AS differ
  FROM scorecard_mv m JOIN scorecard_at(current_date) f USING (target_id);

-- ---- refusals: each a clear error, nothing half-registered -----------------------
\set VERBOSITY default
\set SHOW_CONTEXT never
SELECT count(*) AS measures_before FROM measures \gset
SELECT register_measure('', 'yearly', 'things');
SELECT register_measure('Bad Name', 'yearly', 'things');
SELECT register_measure('people_trained', 'monthly', 'people');
SELECT register_measure('people_trained', 'yearly', ' ');
SELECT register_measure('publications', 'yearly', 'publications');
SELECT register_measure('platform_projects', 'yearly', 'projects');
CREATE FUNCTION public.wrong_args(as_of text) RETURNS TABLE (year integer, value double precision)
  LANGUAGE sql AS $$ SELECT 2026, 1::float8 $$;
CREATE FUNCTION public.wrong_result(as_of date) RETURNS TABLE (year integer, value numeric)
  LANGUAGE sql AS $$ SELECT 2026, 1::numeric $$;
CREATE FUNCTION public.not_a_set(as_of date) RETURNS double precision
  LANGUAGE sql AS $$ SELECT 1::float8 $$;
SELECT register_measure('people_trained', 'yearly', 'people', 'wrong_args(text)');
SELECT register_measure('people_trained', 'yearly', 'people', 'wrong_result(date)');
SELECT register_measure('people_trained', 'yearly', 'people', 'not_a_set(date)');
SELECT register_measure('people_trained', 'yearly', 'people', 'no_such_function(date)');
-- the same checks on a row inserted directly
INSERT INTO measure (name, shape, unit, source) VALUES ('people_trained', 'yearly', 'people', 'public.wrong_result(date)');
INSERT INTO measure (name, shape, unit, built_in) VALUES ('people_trained', 'yearly', 'people', true);
SELECT count(*) - :measures_before AS registered_by_the_failures FROM measures;

-- reported values: unknown measure, NaN, infinity, a computed measure
INSERT INTO reported_value (measure, year, value) VALUES ('no_such_measure', 2026, 1);
INSERT INTO reported_value (measure, year, value, reported_on) VALUES ('publications', 2029, 'NaN', '2030-01-10');
INSERT INTO reported_value (measure, year, value, reported_on) VALUES ('publications', 2029, '-Infinity', '2030-01-10');
INSERT INTO reported_value (measure, year, value) VALUES ('catalogue_size', 2026, 3);
INSERT INTO reported_value (measure, year, value) VALUES ('platform_projects', 2026, 3);

-- the built-in measures stay as they are
UPDATE measure SET unit = 'dossiers' WHERE name = 'platform_projects';
DELETE FROM measure WHERE name = 'new_partnerships';
SELECT unregister_measure('new_partnerships');
-- a measure in use, and one that is not registered
SELECT unregister_measure('publications');
SELECT unregister_measure('no_such_measure');
-- a target on a measure that is not registered
UPDATE target SET measure = 'no_such_measure' WHERE id = 'publications';

-- a faulty source function fails the series, naming itself and the measure
CREATE OR REPLACE FUNCTION public.catalogue_size(as_of date) RETURNS TABLE (year integer, value double precision)
  LANGUAGE sql STABLE AS $$ VALUES (2026, 1::float8), (2026, 2) $$;
SELECT count(*) FROM indicator_series_at('2027-06-30');
CREATE OR REPLACE FUNCTION public.catalogue_size(as_of date) RETURNS TABLE (year integer, value double precision)
  LANGUAGE sql STABLE AS $$ VALUES (2026, 'NaN'::float8) $$;
SELECT count(*) FROM indicator_series_at('2027-06-30');
DROP FUNCTION public.catalogue_size(date);
SELECT count(*) FROM indicator_series_at('2027-06-30');
\set VERBOSITY terse

-- unregistering: once no target uses it, a hand-reported measure goes with its reports
DELETE FROM target WHERE measure = 'publications';
SELECT unregister_measure('publications');
SELECT count(*) AS reports_left FROM reported_value WHERE measure = 'publications';
ROLLBACK;
