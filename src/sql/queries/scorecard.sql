-- One row per active target scored as known on {as_of}, from the yearly
-- series {series} of the same date (a view and its function:
-- src/sql/50_indicators.sql; the rules: doc/scorecard.md). Times are decimal
-- years; a calendar year's value counts at the end of the year (Y -> Y + 1),
-- a date at the end of its day. A target is measured on {as_of}, or on its
-- deadline once the deadline has come (on the deadline day itself too): a
-- yearly measure reads the last year complete on that date, a cumulative one
-- sums its yearly values from the start year to that date.
WITH cal AS (
  SELECT a.d AS as_of,
         extract(year FROM a.d)::integer AS this_year,
         extract(year FROM a.d + 1)::integer - 1 AS last_complete
    FROM (SELECT {as_of} AS d) AS a),
series AS (
  SELECT * FROM {series}),
goal AS (
  SELECT t.id, t.roadmap, t.axis, t.title, t.measure, t.unit, t.kind, t.value, t.baseline_year, t.start_year,
         t.deadline, t.recurring, m.shape, c.as_of, c.this_year, c.last_complete,
         c.as_of >= t.deadline AS deadline_passed,
         least(c.as_of, t.deadline) AS measured_on,
         extract(year FROM least(c.as_of, t.deadline))::integer AS measured_year,
         extract(year FROM least(c.as_of, t.deadline) + 1)::integer - 1 AS measured_complete,
         make_date(t.start_year, 1, 1) AS start_day,
         -- a cumulative count stopped by a deadline inside a year reads that
         -- year as known on the deadline, i.e. up to the deadline
         m.shape = 'cumulative' AND c.as_of > t.deadline
           AND t.deadline <> make_date(extract(year FROM t.deadline)::integer, 12, 31) AS partial_year
    FROM target t
    JOIN measure m ON m.name = t.measure
   CROSS JOIN cal c
   WHERE t.active),
measured AS (
  SELECT g.*,
         CASE WHEN g.shape = 'yearly' THEN g.measured_complete::text
              WHEN g.measured_on >= g.start_day
              THEN to_char(g.start_day, 'YYYY-MM-DD') || '..' || to_char(g.measured_on, 'YYYY-MM-DD')
         END AS current_period,
         CASE WHEN g.shape = 'yearly' THEN (g.measured_complete + 1)::float8
              ELSE decimal_year(g.measured_on) END AS current_t,
         CASE WHEN g.shape = 'yearly' THEN cur.value
              WHEN g.measured_on >= g.start_day AND (whole.value IS NOT NULL OR part.value IS NOT NULL)
              THEN coalesce(whole.value, 0) + coalesce(part.value, 0)
         END AS current_value,
         CASE WHEN g.shape = 'yearly' THEN cur.records
              WHEN g.measured_on >= g.start_day THEN whole.records + coalesce(part.records, 0)
         END AS records,
         CASE WHEN g.shape = 'yearly' AND NOT g.deadline_passed AND g.this_year > g.last_complete
              THEN ytd.value END AS year_to_date_value,
         CASE WHEN g.baseline_year > g.last_complete THEN NULL
              WHEN g.shape = 'yearly' THEN base.value
              WHEN g.baseline_year < g.start_year THEN 0::float8
              ELSE base_sum.value END AS baseline_value
    FROM goal g
    LEFT JOIN series cur ON cur.measure = g.measure AND cur.year = g.measured_complete
    LEFT JOIN series ytd ON ytd.measure = g.measure AND ytd.year = g.this_year
    LEFT JOIN series base ON base.measure = g.measure AND base.year = g.baseline_year
   CROSS JOIN LATERAL (SELECT sum(s.value) AS value, sum(s.records)::bigint AS records
                         FROM series s
                        WHERE g.shape = 'cumulative' AND s.measure = g.measure AND s.year >= g.start_year
                          AND (s.year < g.measured_year OR (s.year = g.measured_year AND NOT g.partial_year))) AS whole
   CROSS JOIN LATERAL (SELECT CASE WHEN g.partial_year
                                   THEN (SELECT p.value FROM indicator_series_at(g.deadline) p
                                          WHERE p.measure = g.measure AND p.year = g.measured_year) END AS value,
                              CASE WHEN g.partial_year
                                   THEN (SELECT p.records FROM indicator_series_at(g.deadline) p
                                          WHERE p.measure = g.measure AND p.year = g.measured_year) END AS records) AS part
   CROSS JOIN LATERAL (SELECT sum(s.value) AS value
                         FROM series s
                        WHERE g.shape = 'cumulative' AND s.measure = g.measure
                          AND s.year BETWEEN g.start_year AND g.baseline_year) AS base_sum),
timed AS (
  SELECT m.*,
         m.baseline_year + 1.0::float8 AS t0,
         CASE WHEN m.recurring THEN least(decimal_year(m.deadline), m.start_year + 1.0::float8)
              ELSE decimal_year(m.deadline) END AS t_target,
         CASE WHEN m.kind = 'multiply_by' THEN m.value * m.baseline_value ELSE m.value END AS target_value
    FROM measured m),
per_year AS (
  -- a recurring target, year by year from its start year to the last year
  -- complete when measured: met (achieved), not met (missed), or no_data
  SELECT x.id, y.year,
         progress_status(x.kind, x.value, x.baseline_value, x.t0,
                         CASE WHEN x.shape = 'cumulative'
                              THEN sum(s.value) OVER (PARTITION BY x.id ORDER BY y.year)
                              ELSE s.value END,
                         y.year + 1.0::float8, y.year + 1.0::float8, true)::text AS verdict
    FROM timed x
   CROSS JOIN LATERAL generate_series(x.start_year, x.measured_complete) AS y(year)
    LEFT JOIN series s ON s.measure = x.measure AND s.year = y.year
   WHERE x.recurring),
recurring AS (
  SELECT p.id,
         coalesce(string_agg(p.year::text, ', ' ORDER BY p.year) FILTER (WHERE p.verdict = 'missed'), '')
           AS years_short,
         CASE WHEN bool_or(p.verdict = 'missed') THEN 'missed'
              WHEN bool_and(p.verdict = 'achieved') THEN 'achieved'
              ELSE 'no_data' END AS verdict
    FROM per_year p
   GROUP BY p.id)
SELECT x.id AS target_id, x.roadmap, x.axis::integer AS axis, x.title, x.measure, x.unit,
       x.kind::text AS kind,
       CASE WHEN x.kind = 'multiply_by' THEN x.value END AS factor,
       x.target_value, x.deadline, x.recurring, x.baseline_year, x.baseline_value,
       x.current_period, x.current_value, x.year_to_date_value,
       required_path_value(x.baseline_value, x.t0, x.target_value, x.t_target, x.current_t) AS expected_value,
       progress_ratio(x.baseline_value, x.t0, x.current_value, x.current_t, x.target_value, x.t_target)
         AS progress_ratio,
       CASE WHEN x.recurring AND x.deadline_passed THEN coalesce(r.verdict, 'no_data')
            ELSE progress_status(x.kind, x.value, x.baseline_value, x.t0, x.current_value, x.current_t,
                                 x.t_target, x.deadline_passed)::text
       END AS status,
       x.records, x.as_of, x.deadline_passed, x.measured_on,
       CASE WHEN x.recurring THEN coalesce(r.years_short, '') END AS years_short
  FROM timed x
  LEFT JOIN recurring r ON r.id = x.id
 ORDER BY x.roadmap, x.axis, x.id
