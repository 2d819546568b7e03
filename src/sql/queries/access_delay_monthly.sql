-- Access delays over the 12 months ending with each month, by linkage type,
-- as known on {as_of} (a view and its function: src/sql/57_monitoring.sql).
-- For month M the cohort is, as for a year in access_delay, the projects
-- whose data were made available during the 12 months ending with M
-- (completed) and those submitted by M's cutoff min(last day of M, {as_of})
-- still waiting then (pending, censored at the cutoff); December's row is
-- the year's row of access_delay. The completed part is one summary per
-- month, rolled up over the trailing 12 months (exact: summaries merge by
-- adding counts); the pending part is the waiting list at M's cutoff.
WITH months AS (
  SELECT m::date AS month, least((m + interval '1 month - 1 day')::date, {as_of}) AS cutoff
    FROM generate_series(date_trunc('month', (SELECT min(submitted_on) FROM project WHERE submitted_on <= {as_of})::timestamp),
                         date_trunc('month', {as_of}::timestamp), interval '1 month') AS m),
--@include src/sql/queries/linkage_groups.sql
done AS (
  SELECT date_trunc('month', p.data_available_on::timestamp)::date AS month, p.linkage::text AS linkage,
         delay_agg(p.submitted_on, p.data_available_on) AS s
    FROM project p
   WHERE p.data_available_on <= {as_of}
   GROUP BY 1, 2),
waiting AS (
  SELECT m.month, p.linkage::text AS linkage, delay_agg(p.submitted_on, p.data_available_on, m.cutoff) AS s
    FROM months m
    JOIN project p ON p.submitted_on <= m.cutoff AND (p.data_available_on IS NULL OR p.data_available_on > m.cutoff)
   GROUP BY 1, 2),
pieces AS (
  SELECT month, linkage, d.s AS done, NULL::delay_summary AS waiting FROM done d
  UNION ALL
  SELECT month, 'all_linked', rollup(d.s), NULL FROM done d WHERE d.linkage <> 'none' GROUP BY month
  UNION ALL
  SELECT month, linkage, NULL, w.s FROM waiting w
  UNION ALL
  SELECT month, 'all_linked', NULL, rollup(w.s) FROM waiting w WHERE w.linkage <> 'none' GROUP BY month),
monthly AS (
  SELECT m.month, g.ord, g.linkage, rollup(x.done) AS done, rollup(x.waiting) AS waiting
    FROM months m CROSS JOIN groups g
    LEFT JOIN pieces x ON x.month = m.month AND x.linkage = g.linkage
   GROUP BY m.month, g.ord, g.linkage),
rolled AS (
  SELECT t.month, t.ord, t.linkage, t.waiting,
         rollup(t.done) OVER (PARTITION BY t.linkage ORDER BY t.month ROWS BETWEEN 11 PRECEDING AND CURRENT ROW) AS done
    FROM monthly t),
cohort AS (
  SELECT t.month, t.ord, t.linkage, coalesce(t.done + t.waiting, t.done, t.waiting) AS s FROM rolled t)
SELECT c.month, c.linkage,
       coalesce(completed(c.s), 0) AS completed,
       coalesce(pending(c.s), 0) AS pending,
       mean_months(c.s) AS mean_months,
       median_days(c.s) / 30.436875::float8 AS median_months,
       km_median_days(c.s) / 30.436875::float8 AS km_median_months,
       share_within(c.s, 213) AS share_within_7_months
  FROM cohort c
 ORDER BY c.month, c.ord
