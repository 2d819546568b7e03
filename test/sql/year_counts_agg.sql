-- year_counts_agg and years_active_agg against PostgreSQL's own counting:
-- GROUP BY extract(year ...) for dates, generate_series over the years each
-- span overlaps for spans; NULL handling and errors.
SET search_path = hdh_roadmap, public;

CREATE FUNCTION pg_temp.try(sql text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE sql;
  RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE || ': ' || SQLERRM;
END $$;

SELECT setseed(0.5);

-- Random dates over 1960..2040 in 7 groups, some NULL dates and weights.
CREATE TEMP TABLE events AS
  SELECT i, (i % 7) AS k,
         CASE WHEN random() < 0.02 THEN NULL
              ELSE date '1960-01-01' + floor(random() * 29220)::int END AS d,
         CASE WHEN random() < 0.05 THEN NULL
              WHEN random() < 0.1 THEN 0
              ELSE floor(random() * 1000)::bigint END AS w
    FROM generate_series(1, 30000) AS i;

-- years(year_counts_agg(d)) equals GROUP BY extract(year FROM d), per group.
WITH ours AS (
  SELECT e.k, y.year, y.value
    FROM (SELECT k, year_counts_agg(d) AS yc FROM events GROUP BY k) AS e, years(e.yc) AS y),
theirs AS (
  SELECT k, extract(year FROM d)::int AS year, count(*) AS value
    FROM events WHERE d IS NOT NULL GROUP BY 1, 2)
SELECT count(*) AS group_years,
       count(*) FILTER (WHERE ours.value IS DISTINCT FROM theirs.value) AS mismatches
  FROM ours FULL JOIN theirs USING (k, year);

-- The weighted form equals sum(weight): NULL weights are skipped like sum()
-- skips them, and a year whose weights sum to 0 is absent.
WITH ours AS (
  SELECT e.k, y.year, y.value
    FROM (SELECT k, year_counts_agg(d, w) AS yc FROM events GROUP BY k) AS e, years(e.yc) AS y),
theirs AS (
  SELECT k, extract(year FROM d)::int AS year, sum(w) AS value
    FROM events WHERE d IS NOT NULL GROUP BY 1, 2 HAVING sum(w) > 0)
SELECT count(*) AS group_years,
       count(*) FILTER (WHERE ours.value IS DISTINCT FROM theirs.value) AS mismatches
  FROM ours FULL JOIN theirs USING (k, year);

-- Totals: every non-NULL date counted once, every weight added once.
SELECT cumulative(year_counts_agg(d), 1, 9999) = count(d) AS count_total,
       cumulative(year_counts_agg(d, w), 1, 9999) = sum(w) FILTER (WHERE d IS NOT NULL) AS weight_total
  FROM events;

-- Hand-worked: NULL dates skipped, zero weights leave no year, no rows give {}.
SELECT year_counts_agg(d) AS counts, year_counts_agg(d, w) AS weighted
  FROM (VALUES (date '2023-05-01', 2::bigint), ('2023-12-31', 3), ('2021-01-01', 0),
               (NULL, 5), ('2024-01-01', NULL), ('2020-02-29', 1)) AS v(d, w);
SELECT year_counts_agg(d) AS no_rows, year_counts_agg(d, 1) AS no_rows_weighted,
       years_active_agg(daterange(d, d), d) AS no_spans
  FROM (VALUES (date '2023-05-01')) AS v(d) WHERE false;
SELECT year_counts_agg(NULL::date) AS only_nulls;

-- Year boundaries: 31 December and 1 January fall in their own years.
SELECT year_counts_agg(d) FROM unnest(ARRAY[date '2022-12-31', '2023-01-01', '0001-01-01', '9999-12-31']) AS d;

-- ---- years_active_agg(daterange, date) ----

-- The edge cases, as of 2024-06-30:
--   [2021-03-01,)         open: 2021..2024 (capped at as_of)
--   [2025-01-01,)         starts after as_of: skipped
--   [2020-06-15,2023-02-01) crosses years: 2020..2023
--   [2023-03-01,2024-01-01) ends exclusively on 1 January: 2023 only
--   empty                 skipped
--   [2024-06-30,2024-07-01) starts on as_of: 2024
--   [2024-07-01,2025-01-01) starts the day after as_of: skipped
--   [2022-01-01,infinity) infinite end, capped: 2022..2024
--   NULL                  skipped
-- Hand count: 2020: 1, 2021: 2, 2022: 3, 2023: 4, 2024: 3.
CREATE TEMP TABLE edge (r daterange);
INSERT INTO edge VALUES ('[2021-03-01,)'), ('[2025-01-01,)'), ('[2020-06-15,2023-02-01)'),
  ('[2023-03-01,2024-01-01)'), ('empty'), ('[2024-06-30,2024-07-01)'), ('[2024-07-01,2025-01-01)'),
  ('[2022-01-01,infinity)'), (NULL);
SELECT years_active_agg(r, '2024-06-30') FROM edge;
-- Inclusive upper bounds are canonicalized: [2023-03-01,2023-12-31] is 2023 only.
SELECT years_active_agg('[2023-03-01,2023-12-31]'::daterange, '2030-01-01') AS inclusive_upper,
       years_active_agg('(2022-12-31,2023-12-31]'::daterange, '2030-01-01') AS exclusive_lower;

-- The reference count: generate_series over the years each span overlaps.
CREATE FUNCTION pg_temp.span_years(r daterange, as_of date) RETURNS SETOF int
  LANGUAGE sql IMMUTABLE AS $$
  SELECT generate_series(extract(year FROM lower(r))::int,
                         extract(year FROM least(coalesce(upper(r) - 1, as_of), as_of))::int)
   WHERE NOT isempty(r) AND lower(r) <= as_of
$$;
SELECT y AS year, count(*) AS value FROM edge, pg_temp.span_years(r, '2024-06-30') AS y
 WHERE r IS NOT NULL GROUP BY 1 ORDER BY 1;

-- Random spans: open ends, infinite ends, empty ranges, different as_of per row.
CREATE TEMP TABLE spans AS
  SELECT i, (i % 5) AS k, s, as_of,
         CASE WHEN random() < 0.02 THEN NULL
              WHEN random() < 0.15 THEN daterange(s, NULL)
              WHEN random() < 0.05 THEN daterange(s, 'infinity')
              WHEN random() < 0.05 THEN daterange(s, s)
              ELSE daterange(s, s + floor(random() * 2000)::int) END AS r
    FROM (SELECT i, date '2010-01-01' + floor(random() * 6000)::int AS s,
                 (ARRAY[date '2018-12-31', '2021-01-01', '2024-06-30', '2030-01-01'])[1 + i % 4] AS as_of
            FROM generate_series(1, 20000) AS i) AS g;
WITH ours AS (
  SELECT e.k, y.year, y.value
    FROM (SELECT k, years_active_agg(r, as_of) AS yc FROM spans GROUP BY k) AS e, years(e.yc) AS y),
theirs AS (
  SELECT k, y AS year, count(*) AS value
    FROM spans, pg_temp.span_years(r, as_of) AS y WHERE r IS NOT NULL GROUP BY 1, 2)
SELECT count(*) AS group_years,
       count(*) FILTER (WHERE ours.value IS DISTINCT FROM theirs.value) AS mismatches
  FROM ours FULL JOIN theirs USING (k, year);

-- ---- years_active_agg(datemultirange, date) ----

-- Several periods in one year count that year once per row:
--   {[2023-01-01,2023-02-01),[2023-05-01,2023-06-01),[2023-09-01,2024-01-01)}  2023
--   {[2021-01-01,2021-02-01),[2023-05-01,)}   2021, 2023, 2024 (not 2022)
--   {[2022-11-01,2023-02-01),[2023-06-01,2023-07-01)}  2022, 2023
--   {[2024-01-01,2024-02-01),[2025-01-01,)}   2024 (the second period is after as_of)
--   {}                                         nothing
-- Hand count as of 2024-06-30: 2021: 1, 2022: 1, 2023: 3, 2024: 2.
SELECT years_active_agg(m, '2024-06-30')
  FROM (VALUES ('{[2023-01-01,2023-02-01),[2023-05-01,2023-06-01),[2023-09-01,2024-01-01)}'::datemultirange),
               ('{[2021-01-01,2021-02-01),[2023-05-01,)}'),
               ('{[2022-11-01,2023-02-01),[2023-06-01,2023-07-01)}'),
               ('{[2024-01-01,2024-02-01),[2025-01-01,)}'),
               ('{}'), (NULL)) AS v(m);

-- Random multiranges (up to 4 periods, often in the same year) against
-- count(DISTINCT row) over generate_series of each period.
CREATE TEMP TABLE multi AS
  SELECT i, (i % 3) AS k, as_of,
         CASE WHEN i % 50 = 0 THEN NULL ELSE range_agg(p) END AS m
    FROM (SELECT i, (ARRAY[date '2019-06-30', '2024-06-30'])[1 + i % 2] AS as_of,
                 CASE WHEN random() < 0.1 THEN daterange(s, NULL)
                      ELSE daterange(s, s + floor(random() * 200)::int) END AS p
            FROM generate_series(1, 5000) AS i,
                 LATERAL (SELECT date '2015-01-01' + floor(random() * 3000)::int + i * 0 AS s
                            FROM generate_series(1, 1 + i % 4)) AS g) AS x
   GROUP BY i, as_of;
WITH ours AS (
  SELECT e.k, y.year, y.value
    FROM (SELECT k, years_active_agg(m, as_of) AS yc FROM multi GROUP BY k) AS e, years(e.yc) AS y),
theirs AS (
  SELECT k, y AS year, count(DISTINCT i) AS value
    FROM multi, unnest(m) AS p, pg_temp.span_years(p, as_of) AS y GROUP BY 1, 2)
SELECT count(*) AS group_years,
       count(*) FILTER (WHERE ours.value IS DISTINCT FROM theirs.value) AS mismatches,
       (SELECT count(*) FROM multi WHERE m IS NOT NULL
           AND (SELECT count(*) FROM unnest(m)) > 1) > 1000 AS many_multi_period_rows
  FROM ours FULL JOIN theirs USING (k, year);

-- ---- errors ----
SELECT pg_temp.try(q) AS result
  FROM unnest(ARRAY[
    -- negative weight, naming it and its date
    $$SELECT hdh_roadmap.year_counts_agg(d, w) FROM (VALUES (date '2023-05-01', 2::bigint), ('2023-06-01', -3)) AS v(d, w)$$,
    -- NULL as_of is an error even for a NULL span
    $$SELECT hdh_roadmap.years_active_agg(r, NULL) FROM (VALUES ('[2021-01-01,2022-01-01)'::daterange)) AS v(r)$$,
    $$SELECT hdh_roadmap.years_active_agg(NULL::daterange, NULL)$$,
    $$SELECT hdh_roadmap.years_active_agg(m, NULL) FROM (VALUES ('{[2021-01-01,2022-01-01)}'::datemultirange)) AS v(m)$$,
    -- infinite as_of
    $$SELECT hdh_roadmap.years_active_agg('[2021-01-01,2022-01-01)'::daterange, 'infinity')$$,
    $$SELECT hdh_roadmap.years_active_agg('[2021-01-01,2022-01-01)'::daterange, '-infinity')$$,
    -- spans with no start or an infinite start
    $$SELECT hdh_roadmap.years_active_agg('(,2022-01-01)'::daterange, '2024-01-01')$$,
    $$SELECT hdh_roadmap.years_active_agg('[-infinity,2022-01-01)'::daterange, '2024-01-01')$$,
    $$SELECT hdh_roadmap.years_active_agg('{(,2021-01-01),[2022-01-01,2023-01-01)}'::datemultirange, '2024-01-01')$$,
    -- infinite dates
    $$SELECT hdh_roadmap.year_counts_agg(date 'infinity')$$,
    $$SELECT hdh_roadmap.year_counts_agg(date '-infinity', 1)$$,
    -- years outside 1..9999
    $$SELECT hdh_roadmap.year_counts_agg(date '10000-01-01')$$,
    $$SELECT hdh_roadmap.year_counts_agg(date '0001-12-31 BC')$$,
    $$SELECT hdh_roadmap.years_active_agg('[9999-06-01,)'::daterange, '10001-01-01')$$,
    $$SELECT hdh_roadmap.years_active_agg('[0044-03-15 BC,0002-01-01)'::daterange, '2024-01-01')$$,
    -- overflow of a total
    $$SELECT hdh_roadmap.year_counts_agg(d, w) FROM (VALUES (date '2023-05-01', 9223372036854775807), ('2023-06-01', 1)) AS v(d, w)$$]) AS q;

-- The support functions take internal, so SQL cannot call them directly
-- (refused as 42883 "does not exist" on 15.20, 0A000 on 15.18: either will do).
SELECT pg_temp.try($$SELECT hdh_roadmap.year_counts_agg_trans(NULL, date '2023-01-01')$$) ~ '^(42883|0A000): '
       AS support_function_refused;

-- Errors keep their details.
\set VERBOSITY default
SELECT years_active_agg('[9999-06-01,)'::daterange, '10001-01-01');
SELECT years_active_agg('(,2022-01-01)'::daterange, '2024-01-01');

-- Spans after as_of are skipped before their years are checked.
SELECT years_active_agg('[10000-06-01,)'::daterange, '2024-01-01') AS future_span_skipped;
