-- The delay_agg aggregates: each form on hand-checked rows, the as_of form
-- against a hand-written CASE expression, NULL rules, rollup and + against
-- the summary of all rows, window use against separate aggregates, and
-- hashed against sorted grouping.
SET search_path = hdh_roadmap, public;
SET extra_float_digits = 0;

-- delay_agg(started, finished): finished - started in days; NULL skipped.
--   2024-01-01 -> 2024-01-31: 30; 2024-02-01 -> 2024-03-01: 29 (leap year);
--   2024-03-01 -> 2024-03-01: 0; two rows with a NULL date are skipped.
SELECT delay_agg(s, f)
  FROM (VALUES (date '2024-01-01', date '2024-01-31'), ('2024-02-01', '2024-03-01'),
               ('2024-03-01', '2024-03-01'), (NULL, '2024-05-01'), ('2024-05-01', NULL)) v(s, f);

-- delay_agg(started, finished, as_of = 2024-06-01):
--   A 2024-01-01 -> 2024-02-01: ended before as_of: completed 31
--   B 2024-03-01 -> NULL:       pending, censored at 06-01 - 03-01 = 92
--   C 2024-05-01 -> 2024-07-01: ends after as_of: pending at 06-01 - 05-01 = 31
--   D 2024-07-01 -> NULL:       started after as_of: skipped
--   E 2024-06-01 -> 2024-06-01: ends on as_of: completed 0
--   F NULL       -> 2024-01-01: no start: skipped
SELECT delay_agg(s, f, date '2024-06-01')
  FROM (VALUES (date '2024-01-01', date '2024-02-01'), ('2024-03-01', NULL),
               ('2024-05-01', '2024-07-01'), ('2024-07-01', NULL), ('2024-06-01', '2024-06-01'),
               (NULL, '2024-01-01')) v(s, f);

-- delay_agg(days) and delay_agg(days, pending); NULL days skipped.
SELECT delay_agg(d) FROM (VALUES (5), (NULL), (0), (5)) v(d);
SELECT delay_agg(d, p) FROM (VALUES (5, true), (NULL, true), (NULL, NULL), (0, false), (5, false)) v(d, p);

-- No row, or only skipped rows: NULL, like sum(); coalesce gives the empty summary.
SELECT delay_agg(d) IS NULL AS no_rows FROM (SELECT 1 AS d WHERE false) v;
SELECT delay_agg(s, f) IS NULL AS only_nulls
  FROM (VALUES (NULL::date, date '2024-01-01'), ('2024-01-01', NULL)) v(s, f);
SELECT coalesce(delay_agg(d), 'completed {} pending {}') AS empty FROM (SELECT 1 AS d WHERE false) v;
SELECT rollup(s) IS NULL AS rollup_of_nulls FROM (VALUES (NULL::delay_summary)) v(s);

-- A table of projects: random starts over four years, ends up to ~2 years
-- later, 20% still running, a few without a start.
SELECT setseed(0.3141);
CREATE TABLE ag_proj AS
  SELECT i AS id, i % 12 AS g, s AS started,
         CASE WHEN random() < 0.2 THEN NULL ELSE s + (random() * random() * 800)::int END AS finished
    FROM (SELECT i, CASE WHEN random() < 0.02 THEN NULL
                         ELSE date '2020-01-01' + (random() * 1500)::int END AS s
            FROM generate_series(1, 6000) i) x;

-- delay_agg(started, finished, as_of) = the situation on as_of, computed by
-- hand: rows started after as_of dropped, an end on or before as_of completes
-- the delay, otherwise it is pending at as_of - started.
SELECT a.as_of,
       (SELECT delay_agg(started, finished, a.as_of) FROM ag_proj)::text
         = (SELECT delay_agg(CASE WHEN finished <= a.as_of THEN finished - started
                                  ELSE a.as_of - started END,
                             finished IS NULL OR finished > a.as_of)
              FROM ag_proj WHERE started <= a.as_of)::text AS same_as_case,
       completed(x.s) = x.n_completed AND pending(x.s) = x.n_pending AS counts_eq,
       abs(mean_days(x.s) - x.mean) <= 1e-9 * x.mean AS mean_eq,
       x.n_completed, x.n_pending
  FROM (VALUES (date '2020-06-30'), ('2021-12-31'), ('2023-03-15'), ('2030-01-01')) a(as_of)
  CROSS JOIN LATERAL (
    SELECT delay_agg(started, finished, a.as_of) AS s,
           count(*) FILTER (WHERE started <= a.as_of AND finished <= a.as_of) AS n_completed,
           count(*) FILTER (WHERE started <= a.as_of AND (finished IS NULL OR finished > a.as_of)) AS n_pending,
           (avg(finished - started) FILTER (WHERE started <= a.as_of AND finished <= a.as_of))::float8 AS mean
      FROM ag_proj) x
 ORDER BY a.as_of;

-- delay_agg(started, finished) skips rows with a NULL date: the same as
-- delay_agg(finished - started), and completed = count(finished - started).
SELECT delay_agg(started, finished)::text = delay_agg(finished - started)::text AS same_as_days,
       completed(delay_agg(started, finished)) = count(finished - started) AS completed_eq_count
  FROM ag_proj;

-- rollup over per-group summaries = the summary of all rows (text compared),
-- for each form; also over a second level of grouping.
CREATE TABLE ag_groups AS
  SELECT g, delay_agg(started, finished) AS s2, delay_agg(started, finished, date '2022-07-01') AS s3,
         delay_agg(finished - started) AS s1, delay_agg(finished - started, finished > date '2022-01-01') AS sp
    FROM ag_proj GROUP BY g;
SELECT rollup(s2)::text = (SELECT delay_agg(started, finished)::text FROM ag_proj) AS rollup_dates,
       rollup(s3)::text = (SELECT delay_agg(started, finished, date '2022-07-01')::text FROM ag_proj) AS rollup_as_of,
       rollup(s1)::text = (SELECT delay_agg(finished - started)::text FROM ag_proj) AS rollup_days,
       rollup(sp)::text = (SELECT delay_agg(finished - started, finished > date '2022-01-01')::text
                             FROM ag_proj) AS rollup_pending
  FROM ag_groups;
SELECT rollup(s)::text = (SELECT delay_agg(started, finished, date '2022-07-01')::text FROM ag_proj) AS rollup_of_rollups
  FROM (SELECT g % 3 AS h, rollup(s3) AS s FROM ag_groups GROUP BY g % 3) x;
-- rollup skips NULL summaries
SELECT rollup(s)::text = (SELECT rollup(s3)::text FROM ag_groups) AS rollup_skips_null
  FROM (SELECT s3 AS s FROM ag_groups UNION ALL SELECT NULL) x;

-- s1 + s2 = the summary of both groups' rows, for every pair of groups;
-- + is commutative and associative.
SELECT count(*) AS pairs,
       bool_and((a.s3 + b.s3)::text =
                (SELECT delay_agg(started, finished, date '2022-07-01')::text
                   FROM ag_proj WHERE g IN (a.g, b.g))) AS plus_eq_union,
       bool_and((a.s3 + b.s3)::text = (b.s3 + a.s3)::text) AS commutative
  FROM ag_groups a JOIN ag_groups b ON a.g < b.g;
SELECT bool_and(((a.s3 + b.s3) + c.s3)::text = (a.s3 + (b.s3 + c.s3))::text) AS associative
  FROM ag_groups a, ag_groups b, ag_groups c WHERE a.g < 4 AND b.g < 4 AND c.g < 4;
SELECT 'completed {1:2} pending {}'::delay_summary + 'completed {1:1, 3:1} pending {1:4}' AS plus;

-- Window use: a running summary equals the aggregate over the rows up to
-- the current one; a moving frame equals the aggregate over its rows; the
-- final function does not change the state, so each row's value is right.
CREATE TABLE ag_small AS SELECT * FROM ag_proj WHERE id <= 400;
SELECT count(*) AS rows_checked,
       bool_and(w_run::text = (SELECT delay_agg(started, finished, date '2022-01-01')::text
                                 FROM ag_small s2 WHERE s2.id <= w.id)) AS running_eq,
       bool_and(w_move::text IS NOT DISTINCT FROM
                (SELECT delay_agg(finished - started)::text FROM ag_small s2
                  WHERE s2.id BETWEEN w.id - 5 AND w.id)) AS moving_eq,
       bool_and(w_part::text IS NOT DISTINCT FROM
                (SELECT delay_agg(coalesce(finished, date '2024-12-31') - started, finished IS NULL)::text
                   FROM ag_small s2 WHERE s2.g = w.g AND s2.id <= w.id)) AS partition_eq,
       bool_and(mean_w IS NOT DISTINCT FROM avg_w) AS mean_eq_avg_window
  FROM (SELECT id, g,
               delay_agg(started, finished, date '2022-01-01') OVER (ORDER BY id) AS w_run,
               delay_agg(finished - started) OVER (ORDER BY id ROWS BETWEEN 5 PRECEDING AND CURRENT ROW) AS w_move,
               delay_agg(coalesce(finished, date '2024-12-31') - started, finished IS NULL)
                 OVER (PARTITION BY g ORDER BY id) AS w_part,
               round(mean_days(delay_agg(finished - started) OVER (ORDER BY id))::numeric, 9) AS mean_w,
               round(avg(finished - started) OVER (ORDER BY id), 9) AS avg_w
          FROM ag_small) w;

-- Hashed and sorted grouping give the same summaries (2000 groups).
CREATE TABLE ag_hash AS
  SELECT id % 2000 AS k, delay_agg(started, finished, date '2023-01-01')::text AS t FROM ag_proj GROUP BY 1;
SET enable_hashagg = off;
CREATE TABLE ag_sort AS
  SELECT id % 2000 AS k, delay_agg(started, finished, date '2023-01-01')::text AS t FROM ag_proj GROUP BY 1;
RESET enable_hashagg;
SELECT count(*) AS groups, bool_and(h.t IS NOT DISTINCT FROM s.t) AS hash_eq_sort
  FROM ag_hash h FULL JOIN ag_sort s USING (k);

DROP TABLE ag_proj, ag_groups, ag_small, ag_hash, ag_sort;

-- State sizes and their boundaries (doc/delay_summary.md, "Cost"): a group
-- keeps 16-bit keys in its state up to 32 rows, then in segments; past 3960
-- rows it becomes sorted runs when days repeat, and stays keys when they do
-- not; a delay past 32767 days makes it runs at once. Each group's summary
-- must equal the text written from GROUP BY counts, and its statistics
-- PostgreSQL's, hashed and sorted.
CREATE TABLE ag_sizes AS
  SELECT n, i,
         CASE WHEN n IN (3960, 3961, 9000) THEN (i * 7) % 13         -- 13 days: compacted past 3960
              WHEN n = 5000 THEN (i * 7919) % 30011                  -- mostly distinct: stays keys
              WHEN n = 300 THEN (i * 7919) % 40000 + 20000           -- some past 32767 days
              ELSE (i * 37) % 101 END AS d,
         i % 5 = 0 AS p
    FROM (VALUES (1), (32), (33), (92), (93), (152), (153), (300), (3960), (3961), (5000), (9000)) v(n),
         generate_series(1, n) i;
CREATE TABLE ag_sizes_expected AS
  SELECT n, format('completed {%s} pending {%s}',
                   coalesce(string_agg(d || ':' || c, ', ' ORDER BY d) FILTER (WHERE c > 0), ''),
                   coalesce(string_agg(d || ':' || q, ', ' ORDER BY d) FILTER (WHERE q > 0), '')) AS t
    FROM (SELECT n, d, count(*) FILTER (WHERE NOT p) AS c, count(*) FILTER (WHERE p) AS q
            FROM ag_sizes GROUP BY n, d) x
   GROUP BY n;
SELECT a.n, a.t = e.t AS text_eq, a.completed = a.n_completed AS completed_eq,
       abs(a.mean - a.avg) <= 1e-9 * a.avg AS mean_eq, a.median = a.pc AS median_eq,
       a.p90 = a.pc90 AS p90_eq
  FROM (SELECT n, delay_agg(d, p)::text AS t, completed(delay_agg(d, p)) AS completed,
               count(*) FILTER (WHERE NOT p) AS n_completed,
               mean_days(delay_agg(d, p)) AS mean, (avg(d) FILTER (WHERE NOT p))::float8 AS avg,
               median_days(delay_agg(d, p)) AS median,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY d) FILTER (WHERE NOT p) AS pc,
               percentile_days(delay_agg(d, p), 0.9) AS p90,
               percentile_cont(0.9) WITHIN GROUP (ORDER BY d) FILTER (WHERE NOT p) AS pc90
          FROM ag_sizes GROUP BY n) a
  JOIN ag_sizes_expected e USING (n)
 ORDER BY n;
SET enable_hashagg = off;
SELECT count(*) AS groups, bool_and(a.t = e.t) AS sorted_text_eq
  FROM (SELECT n, delay_agg(d, p)::text AS t FROM ag_sizes GROUP BY n) a JOIN ag_sizes_expected e USING (n);
RESET enable_hashagg;

-- A running window across the boundaries: the final function reads the
-- state without changing it, before and after it becomes runs.
SELECT count(*) AS rows_checked,
       bool_and(w::text = (SELECT delay_agg(d, p)::text FROM ag_sizes s2
                            WHERE s2.n = 9000 AND s2.i <= x.i)) AS running_eq
  FROM (SELECT i, delay_agg(d, p) OVER (ORDER BY i) AS w FROM ag_sizes WHERE n = 9000) x
 WHERE i IN (1, 32, 33, 92, 93, 152, 153, 3959, 3960, 3961, 3962, 9000);

-- Counts of 2^32 and more (a second 32-bit run in the state), summed exactly:
--   day 5 completed: 4294967295 + 1 + 4294967296 = 8589934592;
--   day 5 pending: 4294967296; day 6 completed: 2.
SELECT rollup(s) AS wide,
       completed(rollup(s)) = 4294967295::numeric + 1 + 4294967296 + 2 AS completed_eq
  FROM (VALUES ('completed {5:4294967295} pending {}'::delay_summary),
               ('completed {5:1, 6:2} pending {5:4294967296}'),
               ('completed {5:4294967296} pending {}')) v(s);
-- Up to the largest bigint exactly: 2 * 4611686018427387903 + 1.
SELECT rollup(s) AS at_max
  FROM (VALUES ('completed {1:4611686018427387903} pending {}'::delay_summary),
               ('completed {1:4611686018427387903} pending {}'),
               ('completed {1:1} pending {}')) v(s);
-- Rows added to a state already holding a wide count, through +.
SELECT 'completed {3:4294967295} pending {}'::delay_summary
       + (SELECT delay_agg(d) FROM generate_series(1, 1000) g, (VALUES (3)) v(d)) AS plus_rows;

DROP TABLE ag_sizes, ag_sizes_expected;
