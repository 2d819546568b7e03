-- Moving-aggregate mode (issue 15, rolling windows): over a sliding window
-- frame each aggregate adds the rows entering the frame and removes, with
-- its inverse transition, the rows leaving it. Every frame's value is
-- compared, as text, with a fresh plain aggregate over the same rows (a
-- LATERAL subquery): the mismatch counts must be 0. Random frames include
-- runs of rows that count nothing (NULL or skipped arguments), so frames
-- empty out and fill again; a few rows are checked by hand.
SET search_path = hdh_roadmap, public;

-- Every aggregate has an inverse transition, so windows use moving mode.
SELECT a.aggfnoid::regprocedure AS aggregate, a.aggminvtransfn <> 0 AS has_inverse,
       a.aggmtransfn = a.aggtransfn AS same_transition
  FROM pg_aggregate a
  JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = a.aggfnoid AND d.deptype = 'e'
  JOIN pg_extension x ON x.oid = d.refobjid AND x.extname = 'hdh_roadmap'
 ORDER BY 1::text;

-- Hand-checked: two-row frames over dates, the NULL row counting nothing.
SELECT i, d, year_counts_agg(d) OVER w AS two_rows, year_counts_agg(d, wt) OVER w AS weighted
  FROM (VALUES (1, date '2020-03-01', 5::bigint), (2, '2020-12-31', 7), (3, NULL, 1),
               (4, '2021-01-01', NULL), (5, '2022-06-30', 2), (6, '2021-05-05', 0)) v(i, d, wt)
WINDOW w AS (ORDER BY i ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)
 ORDER BY i;

-- Hand-checked: spans as of 2022-06-30, two rows at a time; the open span
-- counts 2021 and 2022, the span after as_of nothing.
SELECT i, span, years_active_agg(span, date '2022-06-30') OVER w AS two_rows
  FROM (VALUES (1, daterange('2019-05-01', '2020-02-01')), (2, daterange('2021-03-01', NULL)),
               (3, daterange('2023-01-01', '2024-01-01')), (4, NULL),
               (5, daterange('2020-12-31', '2021-01-02'))) v(i, span)
WINDOW w AS (ORDER BY i ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)
 ORDER BY i;

-- Hand-checked: delays in days, two rows at a time; the NULL rows empty the
-- frame (NULL, as the plain aggregate gives for no row), a pending delay of
-- 40000 days, and a stored empty summary that still counts as a row.
SELECT i, delay_agg(days, pending) OVER w AS two_rows, rollup(s) OVER w AS two_summaries
  FROM (VALUES (1, 5, false, 'completed {3:1} pending {}'::delay_summary), (2, 5, true, NULL),
               (3, NULL, NULL, NULL), (4, NULL, NULL, 'completed {} pending {}'),
               (5, 40000, true, 'completed {3:2} pending {40000:1}')) v(i, days, pending, s)
WINDOW w AS (ORDER BY i ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)
 ORDER BY i;

SELECT setseed(0.25);

-- 2000 rows: day orders them (several rows a day); rows 600..700 count
-- nothing in any form, so the frames there empty out and then refill.
CREATE TEMP TABLE r AS
  SELECT i, day, d, wt, as_of,
         CASE WHEN d IS NULL THEN NULL
              ELSE daterange(d, CASE WHEN random() < 0.15 THEN NULL
                                     ELSE d + floor(random() * 1500)::int END) END AS span,
         CASE WHEN d IS NULL THEN NULL
              ELSE datemultirange(daterange(d, d + floor(random() * 400)::int),
                                  daterange(d + 800, CASE WHEN random() < 0.2 THEN NULL
                                                          ELSE d + 800 + floor(random() * 900)::int END)) END AS spans
    FROM (SELECT i,
                 date '2018-01-01' + i / 3 AS day,
                 CASE WHEN i BETWEEN 600 AND 700 OR random() < 0.05 THEN NULL
                      WHEN random() < 0.02 THEN date '1900-01-01' + floor(random() * 80000)::int
                      ELSE date '2015-01-01' + floor(random() * 4000)::int END AS d,
                 CASE WHEN random() < 0.05 THEN NULL
                      WHEN random() < 0.1 THEN 0
                      ELSE floor(random() * 1000)::bigint END AS wt,
                 date '2016-01-01' + floor(random() * 3650)::int AS as_of
            FROM generate_series(1, 2000) AS i) t;

-- Stored year_counts, some NULL and some empty, to roll up.
CREATE TEMP TABLE stored AS
  SELECT i, day,
         CASE WHEN i BETWEEN 600 AND 700 OR i % 17 = 0 THEN NULL
              ELSE (SELECT year_counts_agg(r2.d, r2.wt) FROM r r2 WHERE r2.i BETWEEN r.i AND r.i + i % 4) END AS yc
    FROM r;

-- Delays: started dates over 2015..2025, some ends missing or after as_of,
-- a few delays past 32767 days; the same rows as days and pending.
CREATE TEMP TABLE dl AS
  SELECT i, day, started, finished, as_of,
         finished - started AS days, CASE WHEN finished IS NOT NULL THEN random() < 0.3 END AS pending
    FROM (SELECT i, day, started, as_of,
                 CASE WHEN started IS NULL OR random() < 0.2 THEN NULL
                      WHEN random() < 0.03 THEN started + 32768 + floor(random() * 20000)::int
                      ELSE started + floor(random() * 900)::int END AS finished
            FROM (SELECT i, date '2018-01-01' + i / 3 AS day,
                         CASE WHEN i BETWEEN 600 AND 700 OR random() < 0.05 THEN NULL
                              ELSE date '2015-01-01' + floor(random() * 4000)::int END AS started,
                         date '2016-01-01' + floor(random() * 3650)::int AS as_of
                    FROM generate_series(1, 2000) AS i) t) t;

-- Stored delay summaries to roll up: some NULL, some empty.
CREATE TEMP TABLE dstored AS
  SELECT i, day,
         CASE WHEN i BETWEEN 600 AND 700 OR i % 17 = 0 THEN NULL
              WHEN i % 23 = 0 THEN 'completed {} pending {}'::delay_summary
              ELSE (SELECT delay_agg(d2.started, d2.finished, d2.as_of) FROM dl d2 WHERE d2.i BETWEEN dl.i AND dl.i + i % 4) END AS s
    FROM dl;

-- Each form, over ROWS frames of 1, 12 and 40 rows and a RANGE of 90 days,
-- against the same rows aggregated afresh.
CREATE FUNCTION pg_temp.mismatches(agg text, args text, tab text) RETURNS TABLE (frame text, frames bigint, mismatches bigint)
LANGUAGE plpgsql AS $$
DECLARE
  k integer;
BEGIN
  FOREACH k IN ARRAY ARRAY[0, 11, 39] LOOP
    RETURN QUERY EXECUTE format(
      'SELECT %L, count(*), count(*) FILTER (WHERE w::text IS DISTINCT FROM f::text)
         FROM (SELECT t.i, %s(%s) OVER (ORDER BY t.i ROWS BETWEEN %s PRECEDING AND CURRENT ROW) AS w FROM %s t) t
         CROSS JOIN LATERAL (SELECT %s(%s) AS f FROM %s t2 WHERE t2.i BETWEEN t.i - %s AND t.i) f',
      'rows ' || k + 1, agg, args, k, tab, agg, replace(args, 't.', 't2.'), tab, k);
  END LOOP;
  RETURN QUERY EXECUTE format(
    'SELECT %L, count(*), count(*) FILTER (WHERE w::text IS DISTINCT FROM f::text)
       FROM (SELECT t.day, %s(%s) OVER (ORDER BY t.day RANGE BETWEEN interval ''90 days'' PRECEDING AND CURRENT ROW) AS w FROM %s t) t
       CROSS JOIN LATERAL (SELECT %s(%s) AS f FROM %s t2 WHERE t2.day BETWEEN t.day - 90 AND t.day) f',
    'range 90 days', agg, args, tab, agg, replace(args, 't.', 't2.'), tab);
END $$;

SELECT 'delay_agg(date, date)' AS form, m.* FROM pg_temp.mismatches('delay_agg', 't.started, t.finished', 'dl') m
UNION ALL
SELECT 'delay_agg(date, date, date)', m.* FROM pg_temp.mismatches('delay_agg', 't.started, t.finished, t.as_of', 'dl') m
UNION ALL
SELECT 'delay_agg(integer)', m.* FROM pg_temp.mismatches('delay_agg', 't.days', 'dl') m
UNION ALL
SELECT 'delay_agg(integer, boolean)', m.* FROM pg_temp.mismatches('delay_agg', 't.days, t.pending', 'dl') m
UNION ALL
SELECT 'rollup(delay_summary)', m.* FROM pg_temp.mismatches('rollup', 't.s', 'dstored') m
UNION ALL
SELECT 'year_counts_agg(date)', m.* FROM pg_temp.mismatches('year_counts_agg', 't.d', 'r') m
UNION ALL
SELECT 'year_counts_agg(date, bigint)', m.* FROM pg_temp.mismatches('year_counts_agg', 't.d, t.wt', 'r') m
UNION ALL
SELECT 'years_active_agg(daterange, date)', m.* FROM pg_temp.mismatches('years_active_agg', 't.span, t.as_of', 'r') m
UNION ALL
SELECT 'years_active_agg(datemultirange, date)', m.* FROM pg_temp.mismatches('years_active_agg', 't.spans, t.as_of', 'r') m
UNION ALL
SELECT 'rollup(year_counts)', m.* FROM pg_temp.mismatches('rollup', 't.yc', 'stored') m;

-- The frames did empty out: in the NULL run, 12-row frames give {}.
SELECT count(*) AS empty_frames
  FROM (SELECT i, year_counts_agg(d) OVER (ORDER BY i ROWS BETWEEN 11 PRECEDING AND CURRENT ROW) AS w FROM r) t
 WHERE w::text = '{}';

-- And for delays: the 12-row frames in the NULL run are NULL.
SELECT count(*) AS null_frames
  FROM (SELECT i, delay_agg(started, finished) OVER (ORDER BY i ROWS BETWEEN 11 PRECEDING AND CURRENT ROW) AS w FROM dl) t
 WHERE w IS NULL;

-- A long run: 20,000 rows through frames of 1 to 30 rows, no inverse ever
-- removes more than was added (that would be an internal error).
SELECT count(*) AS frames, sum(cardinality(ARRAY(SELECT years(w)))) > 0 AS counted,
       sum(completed(dg) + pending(dg)) > 0 AS delays_counted
  FROM (SELECT year_counts_agg(d, wt) OVER (ORDER BY i ROWS BETWEEN 29 PRECEDING AND CURRENT ROW) AS w,
               years_active_agg(spans, as_of) OVER (ORDER BY i ROWS BETWEEN 7 PRECEDING AND 3 FOLLOWING) AS s,
               delay_agg((i * 7919) % 70000, i % 3 = 0) OVER (ORDER BY i ROWS BETWEEN 29 PRECEDING AND CURRENT ROW) AS dg
          FROM (SELECT i, date '2000-01-01' + (i * 7919) % 9000 AS d, (i % 13)::bigint AS wt,
                       datemultirange(daterange(date '2000-01-01' + (i * 31) % 9000, date '2000-01-01' + (i * 31) % 9000 + i % 700)) AS spans,
                       date '2000-01-01' + (i * 17) % 9500 AS as_of
                  FROM generate_series(1, 20000) i) g) t;
