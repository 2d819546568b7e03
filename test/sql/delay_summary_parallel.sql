-- Parallel aggregation: with parallelism forced, every delay_agg form and
-- rollup plan as Partial Aggregate (combine, serialize and deserialize at
-- work) and give the same summary as a serial plan.
SET search_path = hdh_roadmap, public;

SELECT setseed(0.2718);
CREATE TABLE par_rows AS
  SELECT i, i % 100 AS g, s AS started,
         CASE WHEN random() < 0.15 THEN NULL ELSE s + (random() * random() * 900)::int END AS finished
    FROM (SELECT i, date '2019-01-01' + (random() * 2000)::int AS s
            FROM generate_series(1, 100000) i) x;
ANALYZE par_rows;

-- Serial results first.
SET max_parallel_workers_per_gather = 0;
CREATE TABLE par_serial AS
  SELECT delay_agg(started, finished)::text AS dates,
         delay_agg(started, finished, date '2022-06-30')::text AS as_of,
         delay_agg(finished - started)::text AS days,
         delay_agg(coalesce(finished, date '2024-12-31') - started, finished IS NULL)::text AS days_pending
    FROM par_rows;
CREATE TABLE par_groups AS
  SELECT g, delay_agg(started, finished, date '2022-06-30') AS s FROM par_rows GROUP BY g;
CREATE TABLE par_stored AS SELECT g, s FROM par_groups, generate_series(1, 50) k;
ANALYZE par_stored;
CREATE TABLE par_serial_rollup AS SELECT rollup(s)::text AS t FROM par_stored;

-- Then forced parallelism.
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;	-- the workers do the partial work

EXPLAIN (COSTS OFF)
SELECT delay_agg(started, finished), delay_agg(started, finished, date '2022-06-30'),
       delay_agg(finished - started),
       delay_agg(coalesce(finished, date '2024-12-31') - started, finished IS NULL)
  FROM par_rows;

SELECT p.dates = s.dates AS dates_eq, p.as_of = s.as_of AS as_of_eq,
       p.days = s.days AS days_eq, p.days_pending = s.days_pending AS days_pending_eq
  FROM (SELECT delay_agg(started, finished)::text AS dates,
               delay_agg(started, finished, date '2022-06-30')::text AS as_of,
               delay_agg(finished - started)::text AS days,
               delay_agg(coalesce(finished, date '2024-12-31') - started, finished IS NULL)::text AS days_pending
          FROM par_rows) p, par_serial s;

-- rollup in parallel over stored summaries (each group's 50 times).
EXPLAIN (COSTS OFF) SELECT rollup(s) FROM par_stored;
SELECT rollup(s)::text = (SELECT t FROM par_serial_rollup) AS rollup_parallel_eq,
       completed(rollup(s)) = 50 * (SELECT count(*) FROM par_rows
                                     WHERE finished <= date '2022-06-30') AS completed_eq
  FROM par_stored;

-- Grouped partial aggregation: per-group summaries equal the serial ones.
EXPLAIN (COSTS OFF)
SELECT g, delay_agg(started, finished, date '2022-06-30') FROM par_rows GROUP BY g;
SELECT count(*) AS groups, bool_and(p.t = s.s::text) AS grouped_eq
  FROM (SELECT g, delay_agg(started, finished, date '2022-06-30')::text AS t FROM par_rows GROUP BY g) p
  JOIN par_groups s USING (g);

RESET parallel_leader_participation;
RESET max_parallel_workers_per_gather;
RESET min_parallel_table_scan_size;
RESET parallel_tuple_cost;
RESET parallel_setup_cost;
DROP TABLE par_rows, par_serial, par_groups, par_stored, par_serial_rollup;

-- The state's other shapes under parallelism, against serial plans: many
-- groups of 50 rows (partial states stay 16-bit keys), delays past 32767
-- days (states of runs from the first such row), and counts of 2^32 and
-- more in parallel rollup.
SELECT setseed(0.577);
CREATE TABLE par_shapes AS
  SELECT i, i % 2000 AS small_g, i % 3 AS g3,
         (random() * 60000)::int AS long_days, random() < 0.1 AS p
    FROM generate_series(1, 100000) i;
ANALYZE par_shapes;
CREATE TABLE par_wide AS
  SELECT k, 'completed {7:4294967295} pending {3:1}'::delay_summary AS s
    FROM generate_series(1, 2000) k;
ANALYZE par_wide;

SET max_parallel_workers_per_gather = 0;
CREATE TABLE par_shapes_serial AS
  SELECT 'small' AS kind, small_g AS g, delay_agg(long_days % 500, p)::text AS t FROM par_shapes GROUP BY small_g
  UNION ALL
  SELECT 'long', g3, delay_agg(long_days, p)::text FROM par_shapes GROUP BY g3
  UNION ALL
  SELECT 'long_all', 0, delay_agg(long_days, p)::text FROM par_shapes;

SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;

EXPLAIN (COSTS OFF) SELECT small_g, delay_agg(long_days % 500, p) FROM par_shapes GROUP BY small_g;
SELECT count(*) AS groups, bool_and(p.t = s.t) AS small_groups_eq
  FROM (SELECT small_g AS g, delay_agg(long_days % 500, p)::text AS t FROM par_shapes GROUP BY small_g) p
  JOIN par_shapes_serial s ON s.kind = 'small' AND s.g = p.g;
EXPLAIN (COSTS OFF) SELECT g3, delay_agg(long_days, p) FROM par_shapes GROUP BY g3;
SELECT count(*) AS groups, bool_and(p.t = s.t) AS long_delays_eq
  FROM (SELECT g3 AS g, delay_agg(long_days, p)::text AS t FROM par_shapes GROUP BY g3) p
  JOIN par_shapes_serial s ON s.kind = 'long' AND s.g = p.g;
SELECT delay_agg(long_days, p)::text = (SELECT t FROM par_shapes_serial WHERE kind = 'long_all') AS long_all_eq
  FROM par_shapes;
-- 2000 times (7: 4294967295 completed, 3: 1 pending): 8589934590000 and 2000.
EXPLAIN (COSTS OFF) SELECT rollup(s) FROM par_wide;
SELECT rollup(s) AS wide_parallel,
       completed(rollup(s)) = 2000 * 4294967295::numeric AS completed_eq
  FROM par_wide;

RESET parallel_leader_participation;
RESET max_parallel_workers_per_gather;
RESET min_parallel_table_scan_size;
RESET parallel_tuple_cost;
RESET parallel_setup_cost;
DROP TABLE par_shapes, par_shapes_serial, par_wide;
