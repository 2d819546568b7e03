-- Kaplan–Meier survival, median and restricted mean of delay_summary:
-- hand-worked examples (the computation is in the comment above each), then
-- random censored data against a plain-SQL estimator built from the rows.
SET search_path = hdh_roadmap, public;
SET extra_float_digits = 0;

-- (a) Censoring on the day of events. Completed 1, 2, 2, 3; pending 2, 4.
--   t = 1: at risk 6, 1 event             S = 5/6       = 0.8333
--   t = 2: at risk 5 (2, 2, 2p, 3, 4p),   S = 5/6 * 3/5 = 0.5
--          the delay censored on day 2 is at risk on day 2
--   t = 3: at risk 2 (3, 4p), 1 event     S = 1/2 * 1/2 = 0.25
--   median: S(2) = 0.5 exactly, next event 3: (2 + 3) / 2 = 2.5
--   RMST(4) = 1 + 5/6 + 1/2 + 1/4 = 31/12 = 2.5833; RMST(10) adds 6 * 1/4: 4.0833
SELECT km_survival(s, -1) AS s_m1, km_survival(s, 0) AS s0, round(km_survival(s, 1)::numeric, 6) AS s1,
       km_survival(s, 2) AS s2, km_survival(s, 3) AS s3, km_survival(s, 99) AS s99,
       km_median_days(s) AS median, round(rmst_days(s, 4)::numeric, 6) AS rmst4,
       round(rmst_days(s, 10)::numeric, 6) AS rmst10, rmst_days(s, 0) AS rmst0
  FROM (SELECT delay_agg(d, p) AS s
          FROM (VALUES (1, false), (2, false), (2, false), (3, false), (2, true), (4, true)) v(d, p)) t;

-- (b) A curve that never reaches 0.5. Completed 1; pending 2, 3, 4.
--   t = 1: at risk 4, 1 event: S = 3/4, then flat: median NULL
--   RMST(5) = 1 * 1 + 3/4 * 4 = 4
SELECT km_survival(s, 10) AS s10, km_median_days(s) AS median, rmst_days(s, 5) AS rmst5
  FROM (SELECT 'completed {1:1} pending {2:1, 3:1, 4:1}'::delay_summary AS s) t;

-- (c) Exactly 0.5 on a flat stretch with no later event: completed 1, pending 3.
--   t = 1: at risk 2, 1 event: S = 1/2; no event follows, the largest observed
--   delay is 3 (pending): median (1 + 3) / 2 = 2
SELECT km_median_days('completed {1:1} pending {3:1}') AS median_c;

-- (d) Exactly 0.5 on the last day: completed 2, pending 2.
--   t = 2: at risk 2, 1 event: S = 1/2; the largest observed delay is 2: median 2
SELECT km_median_days('completed {2:1} pending {2:1}') AS median_d;

-- (e) 0.5 through factors that are not binary fractions: completed 1 x1, 2 x4, 5 x5.
--   t = 1: 9/10; t = 2: at risk 9, 4 events: 9/10 * 5/9 = 1/2; next event 5:
--   median (2 + 5) / 2 = 3.5
SELECT km_median_days('completed {1:1, 2:4, 5:5} pending {}') AS median_e;

-- (f) No censoring: the ordinary median, and RMST past the largest delay = mean.
--   1, 2, 3: S(1) = 2/3, S(2) = 1/3: median 2. 1, 2, 3, 4: S(2) = 1/2: (2 + 3) / 2.
--   RMST(4) of 1, 2, 3, 4 = 1 + 3/4 + 1/2 + 1/4 = 2.5 = mean
SELECT km_median_days('completed {1:1, 2:1, 3:1} pending {}') AS median_3,
       km_median_days('completed {1:1, 2:1, 3:1, 4:1} pending {}') AS median_4,
       rmst_days('completed {1:1, 2:1, 3:1, 4:1} pending {}', 4) AS rmst_4,
       mean_days('completed {1:1, 2:1, 3:1, 4:1} pending {}') AS mean_4;

-- (g) An event on day 0: S drops at once. Completed 0 and 4.
--   t = 0: at risk 2, 1 event: S = 1/2 exactly; next event 4: median 2;
--   RMST(10) = 0 * 1 + 4 * 1/2 + 6 * 0 = 2
SELECT km_survival(s, 0) AS s0, km_median_days(s) AS median, rmst_days(s, 10) AS rmst10
  FROM (SELECT 'completed {0:1, 4:1} pending {}'::delay_summary AS s) t;

-- (h) Only pending: S = 1 everywhere, no median, RMST(tau) = tau.
SELECT km_survival(s, 1000) AS s, km_median_days(s) AS median, rmst_days(s, 7) AS rmst7
  FROM (SELECT 'completed {} pending {5:3}'::delay_summary AS s) t;

-- Random censored data (30 groups, 10 to 60 rows, days 0..100, 10% to 95% pending)
-- against Kaplan–Meier computed from the rows in SQL: for each event time e,
-- n(e) = rows with d >= e, d(e) = completed rows with d = e.
SELECT setseed(0.77);
CREATE TABLE km_rows AS
  SELECT g, (random() * 100)::int AS d, random() < 0.1 + g / 35.0 AS pending
    FROM generate_series(1, 30) g,
         LATERAL generate_series(1, 10 + (random() * 50)::int + g * 0) i;
CREATE TABLE km_events AS
  SELECT e.g, e.d AS t, count(*) AS events,
         (SELECT count(*) FROM km_rows r WHERE r.g = e.g AND r.d >= e.d) AS at_risk
    FROM km_rows e WHERE NOT e.pending GROUP BY e.g, e.d;
-- S(t) from the events (a factor 0 makes the product 0)
CREATE TABLE km_naive AS
  SELECT g.g, t.t,
         coalesce((SELECT CASE WHEN bool_or(ev.events = ev.at_risk) THEN 0
                               ELSE exp(sum(ln(1 - ev.events::float8 / ev.at_risk))
                                          FILTER (WHERE ev.events < ev.at_risk)) END
                     FROM km_events ev WHERE ev.g = g.g AND ev.t <= t.t), 1) AS s
    FROM generate_series(1, 30) g(g), generate_series(-1, 110) t(t);
CREATE TABLE km_sum AS SELECT g, delay_agg(d, pending) AS s FROM km_rows GROUP BY g;

SELECT count(*) AS points,
       bool_and(abs(km_survival(k.s, n.t) - n.s) < 1e-12) AS survival_eq
  FROM km_naive n JOIN km_sum k USING (g);

-- RMST(tau) = sum of S(t) for t = 0 .. tau - 1 (S is constant on [t, t + 1))
SELECT count(*) AS points,
       bool_and(abs(rmst_days(k.s, tau.tau) -
                    coalesce((SELECT sum(n.s) FROM km_naive n
                               WHERE n.g = k.g AND n.t >= 0 AND n.t < tau.tau), 0)) < 1e-9) AS rmst_eq
  FROM km_sum k, generate_series(0, 110, 5) tau(tau);

-- median: the first t with S(t) <= 0.5; where S(t) = 0.5 exactly, the
-- midpoint to the next event (or the largest observed delay)
SELECT count(*) AS groups,
       count(*) FILTER (WHERE m.median IS NULL) AS never_half,
       count(*) FILTER (WHERE m.exact_half) AS exact_half,
       bool_and(km_median_days(k.s) IS NOT DISTINCT FROM
                CASE WHEN m.exact_half
                     THEN (m.median + coalesce((SELECT min(ev.t) FROM km_events ev
                                                 WHERE ev.g = k.g AND ev.t > m.median),
                                               (SELECT max(d) FROM km_rows r WHERE r.g = k.g))) / 2.0
                     ELSE m.median END) AS median_eq
  FROM km_sum k
  JOIN LATERAL (SELECT min(n.t) AS median,
                       bool_or(abs(n.s - 0.5) < 1e-12 AND n.t = (SELECT min(n2.t) FROM km_naive n2
                                                                 WHERE n2.g = k.g AND n2.s <= 0.5 + 1e-12)) AS exact_half
                  FROM km_naive n WHERE n.g = k.g AND n.s <= 0.5 + 1e-12) m ON true;

-- Without censoring, S(t) = 1 - share_within(t) and RMST past the largest
-- delay equals the mean.
SELECT bool_and(abs(km_survival(s, t) - (1 - share_within(s, t))) < 1e-12) AS s_eq_1_minus_share,
       bool_and(abs(rmst_days(s, 100) - mean_days(s)) < 1e-9) AS rmst_eq_mean
  FROM (SELECT g, delay_agg(d) AS s FROM km_rows GROUP BY g) k, generate_series(0, 101) t;

-- An empty summary has no curve.
SELECT km_survival('completed {} pending {}', 3) AS s, km_median_days('completed {} pending {}') AS median,
       rmst_days('completed {} pending {}', 3) AS rmst;

DROP TABLE km_rows, km_events, km_naive, km_sum;
