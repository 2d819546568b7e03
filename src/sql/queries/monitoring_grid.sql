-- Included by the yearly monitoring queries (src/sql/57_monitoring.sql),
-- the as-of date given as {on}: the CTEs years (each calendar year from the
-- first submission known on the as-of date to the year of the as-of date,
-- with its first day and its cutoff, 31 December or the as-of date if
-- earlier) and groups (linkage_groups.sql), as access_delay has them.
years AS (
  SELECT y AS year, make_date(y, 1, 1) AS first_day, least(make_date(y, 12, 31), {on}) AS cutoff
    FROM generate_series((SELECT extract(year FROM min(submitted_on))::integer FROM project
                           WHERE submitted_on <= {on}),
                         extract(year FROM {on})::integer) AS y),
--@include src/sql/queries/linkage_groups.sql
