-- delay_summary statistics against PostgreSQL's own aggregates on the same
-- rows: completed = count, mean_days = avg, stddev_days = stddev,
-- min/max_days = min/max, share_within = a filtered count, percentile_days =
-- percentile_cont and percentile_disc_days = percentile_disc for many p
-- (0 and 1 included). Pending rows must not change any of them.
SET search_path = hdh_roadmap, public;
SET extra_float_digits = 0;

SELECT setseed(0.4242);
CREATE TABLE ds_rows (kind text, g integer, d integer, pending boolean);
-- random delays, 5% pending, in 50 groups
INSERT INTO ds_rows
  SELECT 'random', i % 50, (random() * random() * 2000)::int, random() < 0.05
    FROM generate_series(1, 20000) i;
-- heavy ties: four values only
INSERT INTO ds_rows
  SELECT 'ties', i % 7, (random() * 3)::int, random() < 0.1
    FROM generate_series(1, 5000) i;
-- one row; all equal; two rows
INSERT INTO ds_rows VALUES ('one', 0, 17, false);
INSERT INTO ds_rows SELECT 'equal', 0, 42, false FROM generate_series(1, 1000);
INSERT INTO ds_rows VALUES ('two', 0, 3, false), ('two', 0, 10, false), ('two', 0, 99, true);
-- large day counts: sums of squares far past 2^53
INSERT INTO ds_rows
  SELECT 'huge', i % 3, 2000000000 + (random() * 100000)::int, false
    FROM generate_series(1, 3000) i;

CREATE TABLE ds_p (p float8);
INSERT INTO ds_p VALUES (0), (0.001), (0.01), (0.1), (0.25), (1.0/3), (0.5), (0.6),
  (2.0/3), (0.75), (0.9), (0.95), (0.99), (0.999), (1);

-- One summary per kind and group.
CREATE TABLE ds_sum AS
  SELECT kind, g, delay_agg(d, pending) AS s FROM ds_rows GROUP BY kind, g;

-- Moments and counts, per kind (every group must agree).
SELECT r.kind,
       count(*) AS groups,
       bool_and(completed(s.s) = r.n) AS completed_eq_count,
       bool_and(pending(s.s) = r.np) AS pending_eq_count,
       bool_and(abs(mean_days(s.s) - r.mean) <= 1e-9 * greatest(1, abs(r.mean))) AS mean_eq_avg,
       bool_and(abs(mean_months(s.s) - r.mean / 30.436875) <= 1e-9 * greatest(1, abs(r.mean))) AS months,
       bool_and(coalesce(r.sd IS NULL AND stddev_days(s.s) IS NULL
                         OR abs(stddev_days(s.s) - r.sd) <= 1e-9 * greatest(1, r.sd),
                         false)) AS stddev_eq_stddev,
       bool_and(min_days(s.s) = r.mn AND max_days(s.s) = r.mx) AS min_max
  FROM (SELECT kind, g,
               count(*) FILTER (WHERE NOT pending) AS n,
               count(*) FILTER (WHERE pending) AS np,
               avg(d) FILTER (WHERE NOT pending)::float8 AS mean,
               stddev(d) FILTER (WHERE NOT pending)::float8 AS sd,
               min(d) FILTER (WHERE NOT pending) AS mn,
               max(d) FILTER (WHERE NOT pending) AS mx
          FROM ds_rows GROUP BY kind, g) r
  JOIN ds_sum s USING (kind, g)
 GROUP BY r.kind ORDER BY r.kind;

-- Exact values where they are easy to check by hand.
SELECT kind, s, mean_days(s), stddev_days(s), median_days(s), min_days(s), max_days(s)
  FROM ds_sum WHERE kind IN ('one', 'two', 'equal') ORDER BY kind;

-- Percentiles: equal (exactly, not approximately) to percentile_cont and
-- percentile_disc over the completed rows, for every p and every group.
SELECT r.kind,
       count(*) AS checks,
       bool_and(percentile_days(s.s, r.p) = r.pc) AS cont_eq,
       bool_and(percentile_disc_days(s.s, r.p) = r.pd) AS disc_eq
  FROM (SELECT kind, g, p.p,
               percentile_cont(p.p) WITHIN GROUP (ORDER BY d) AS pc,
               percentile_disc(p.p) WITHIN GROUP (ORDER BY d) AS pd
          FROM ds_rows, ds_p p
         WHERE NOT pending
         GROUP BY kind, g, p.p) r
  JOIN ds_sum s USING (kind, g)
 GROUP BY r.kind ORDER BY r.kind;

-- median_days is percentile_cont(0.5).
SELECT bool_and(median_days(s.s) = r.m) AS median_eq
  FROM (SELECT kind, g, percentile_cont(0.5) WITHIN GROUP (ORDER BY d) AS m
          FROM ds_rows WHERE NOT pending GROUP BY kind, g) r
  JOIN ds_sum s USING (kind, g);

-- share_within(s, x) = the fraction of completed delays <= x, for x at the
-- quartiles of the data, below it and above it.
SELECT bool_and(share_within(s.s, x.x) = x.share) AS share_eq, count(*) AS checks
  FROM ds_sum s
  CROSS JOIN LATERAL (
    SELECT q.x, (count(*) FILTER (WHERE r.d <= q.x))::float8 / count(*) AS share
      FROM (SELECT unnest(ARRAY[-1, 0, min_days(s.s), percentile_disc_days(s.s, 0.25),
                                percentile_disc_days(s.s, 0.5), max_days(s.s) - 1,
                                max_days(s.s), 2147483647]) AS x) q,
           ds_rows r
     WHERE r.kind = s.kind AND r.g = s.g AND NOT r.pending
     GROUP BY q.x) x;

-- The whole table at once: the same identities over 33,000 rows.
SELECT completed(s) = (SELECT count(*) FROM ds_rows WHERE NOT pending) AS completed_eq,
       abs(mean_days(s) - (SELECT avg(d) FROM ds_rows WHERE NOT pending)::float8)
         <= 1e-9 * mean_days(s) AS mean_eq,
       abs(stddev_days(s) - (SELECT stddev(d) FROM ds_rows WHERE NOT pending)::float8)
         <= 1e-9 * stddev_days(s) AS stddev_eq,
       percentile_days(s, 0.9) = (SELECT percentile_cont(0.9) WITHIN GROUP (ORDER BY d)
                                    FROM ds_rows WHERE NOT pending) AS p90_eq
  FROM (SELECT delay_agg(d, pending) AS s FROM ds_rows) t;

-- No completed delay: every statistic is NULL; counts are still there.
SELECT completed(s), pending(s), mean_days(s), mean_months(s), stddev_days(s),
       min_days(s), max_days(s), median_days(s), percentile_days(s, 0.3),
       percentile_disc_days(s, 0.3), share_within(s, 10)
  FROM (SELECT 'completed {} pending {4:2}'::delay_summary AS s) t;
-- One completed delay: stddev is NULL (below two), like stddev().
SELECT stddev_days('completed {5:1} pending {}'), stddev(5);

DROP TABLE ds_rows, ds_p, ds_sum;
