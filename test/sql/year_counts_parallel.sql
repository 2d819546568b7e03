-- Merging year_counts: rollup of parts equals the whole, + likewise; forced
-- parallel plans use the partial aggregates and give the serial result;
-- window use.
SET search_path = hdh_roadmap, public;

-- ~100k rows in an ordinary table (temporary tables are never scanned in parallel).
CREATE TABLE yc_par AS
  SELECT i, (i % 10) AS k,
         date '1995-01-01' + ((i * 7919) % 11000) AS d,
         (i % 13)::bigint AS w,
         daterange(date '2005-01-01' + ((i::bigint * 104729) % 7000)::int,
                   CASE WHEN i % 6 = 0 THEN NULL ELSE date '2005-01-01' + ((i::bigint * 104729) % 7000)::int + (i % 1500) END) AS r
    FROM generate_series(1, 100000) AS i;
ANALYZE yc_par;

-- Serial results first.
SET max_parallel_workers_per_gather = 0;
SELECT year_counts_agg(d)::text AS serial_counts, year_counts_agg(d, w)::text AS serial_weighted,
       years_active_agg(r, '2020-06-30')::text AS serial_active
  FROM yc_par \gset
CREATE TEMP TABLE serial_groups AS
  SELECT k, year_counts_agg(d)::text AS counts, years_active_agg(r, '2020-06-30')::text AS active
    FROM yc_par GROUP BY k;

-- The whole equals GROUP BY extract(year ...), so the comparisons below are
-- against an independent count.
SELECT bool_and(value_in(:'serial_counts'::year_counts, year) = n) AS serial_is_group_by, count(*) AS years
  FROM (SELECT extract(year FROM d)::int AS year, count(*) AS n FROM yc_par GROUP BY 1) AS g;

-- Forced parallelism.
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;

EXPLAIN (COSTS OFF) SELECT year_counts_agg(d) FROM yc_par;
EXPLAIN (COSTS OFF) SELECT k, years_active_agg(r, '2020-06-30') FROM yc_par GROUP BY k;

SELECT year_counts_agg(d)::text = :'serial_counts' AS counts_same,
       year_counts_agg(d, w)::text = :'serial_weighted' AS weighted_same,
       years_active_agg(r, '2020-06-30')::text = :'serial_active' AS active_same
  FROM yc_par;
SELECT count(*) AS groups,
       count(*) FILTER (WHERE p.counts = s.counts AND p.active = s.active) AS same
  FROM (SELECT k, year_counts_agg(d)::text AS counts, years_active_agg(r, '2020-06-30')::text AS active
          FROM yc_par GROUP BY k) AS p
  JOIN serial_groups AS s USING (k);

-- rollup of parts equals the whole: per-group values, merged.
CREATE TABLE yc_parts AS
  SELECT k, year_counts_agg(d) AS counts, years_active_agg(r, '2020-06-30') AS active
    FROM yc_par GROUP BY k;
SELECT rollup(counts)::text = :'serial_counts' AS rollup_counts,
       rollup(active)::text = :'serial_active' AS rollup_active
  FROM yc_parts;
-- + likewise: fold the parts with the operator.
WITH RECURSIVE fold(n, acc) AS (
  SELECT 0, (SELECT counts FROM yc_parts WHERE k = 0)
  UNION ALL
  SELECT n + 1, acc + (SELECT counts FROM yc_parts WHERE k = n + 1) FROM fold WHERE n < 9)
SELECT acc::text = :'serial_counts' AS plus_counts FROM fold WHERE n = 9;
-- Two halves, and rollup with NULLs and empty values mixed in.
SELECT ((SELECT year_counts_agg(d) FROM yc_par WHERE i <= 40000)
      + (SELECT year_counts_agg(d) FROM yc_par WHERE i > 40000))::text = :'serial_counts' AS halves,
       (SELECT rollup(v) FROM (SELECT counts FROM yc_parts UNION ALL SELECT NULL UNION ALL SELECT '{}') AS u(v))::text
         = :'serial_counts' AS rollup_skips_null;
SELECT rollup(v) AS rollup_of_nothing FROM (SELECT NULL::year_counts) AS u(v);

-- rollup itself in parallel, over 100k stored values, against GROUP BY sum.
CREATE TABLE yc_stored AS
  SELECT i, format('{%s:%s,%s:%s}', 2000 + i % 20, 1 + i % 5, 2030 + i % 3, i % 2)::year_counts AS yc
    FROM generate_series(1, 100000) AS i;
ANALYZE yc_stored;
EXPLAIN (COSTS OFF) SELECT rollup(yc) FROM yc_stored;
SELECT bool_and(value_in(r.total, g.year) = g.n) AS rollup_is_group_by_sum, count(*) AS years
  FROM (SELECT rollup(yc) AS total FROM yc_stored) AS r,
       (SELECT y.year, sum(y.value) AS n FROM yc_stored, years(yc) AS y GROUP BY 1) AS g;
SELECT rollup(yc) AS parallel_rollup FROM yc_stored;
-- Hand check: 2000..2019 get 5000 rows each with totals 1..5 cycling
-- (i % 20 fixes i % 5 = year % 5), 2030..2032 get i % 2 summed over i % 3.
SELECT value_in(rollup(yc), 2000) AS y2000, value_in(rollup(yc), 2001) AS y2001,
       value_in(rollup(yc), 2030) AS y2030, value_in(rollup(yc), 2031) AS y2031
  FROM yc_stored;

RESET max_parallel_workers_per_gather;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;

-- ---- window use ----

-- A running total per year equals a running count(*) FILTER.
SELECT bool_and(value_in(running, 2020) = c2020 AND value_in(running, 2001) = c2001) AS running_ok, count(*) AS rows
  FROM (SELECT year_counts_agg(d) OVER w AS running,
               count(*) FILTER (WHERE extract(year FROM d) = 2020) OVER w AS c2020,
               count(*) FILTER (WHERE extract(year FROM d) = 2001) OVER w AS c2001
          FROM yc_par WHERE i <= 3000
        WINDOW w AS (ORDER BY i)) AS x;
-- A sliding frame and partitions (the final function leaves the state alone).
SELECT bool_and(cumulative(slide, 1, 9999) = n AND value_in(slide, 2010) = c2010) AS sliding_ok, count(*) AS rows
  FROM (SELECT year_counts_agg(d) OVER w AS slide, count(d) OVER w AS n,
               count(*) FILTER (WHERE extract(year FROM d) = 2010) OVER w AS c2010
          FROM yc_par WHERE i <= 3000
        WINDOW w AS (PARTITION BY k ORDER BY i ROWS BETWEEN 20 PRECEDING AND CURRENT ROW)) AS x;
-- years_active_agg and rollup as window aggregates, hand-checked.
SELECT t, years_active_agg(r, '2024-06-30') OVER (ORDER BY t) AS active_so_far,
       rollup(yc) OVER (ORDER BY t ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS last_two
  FROM (VALUES (1, '[2021-03-01,2022-02-01)'::daterange, '{2021:1}'::year_counts),
               (2, '[2023-01-01,)', '{2021:2,2022:1}'),
               (3, NULL, NULL),
               (4, '[2022-05-01,2022-06-01)', '{2030:5}')) AS v(t, r, yc)
 ORDER BY t;

DROP TABLE yc_par, yc_parts, yc_stored;
