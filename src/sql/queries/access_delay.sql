-- Access delays by year and linkage type as known on {as_of} (a view and
-- its function: src/sql/50_indicators.sql). For year Y the cohort is the
-- projects submitted on or before the cutoff min(31 December Y, {as_of})
-- whose data were not available before 1 January Y: those made available
-- during Y are completed, the others pending, censored at the cutoff.
WITH
--@include src/sql/queries/linkage_groups.sql
years AS (
  SELECT y AS year, make_date(y, 1, 1) AS first_day, least(make_date(y, 12, 31), {as_of}) AS cutoff
    FROM generate_series((SELECT extract(year FROM min(submitted_on))::integer FROM project
                           WHERE submitted_on <= {as_of}),
                         extract(year FROM {as_of})::integer) AS y),
by_linkage AS (
  SELECT y.year, p.linkage::text AS linkage,
         delay_agg(p.submitted_on, p.data_available_on, y.cutoff) AS s
    FROM years y
    JOIN project p ON p.submitted_on <= y.cutoff
                  AND (p.data_available_on IS NULL OR p.data_available_on >= y.first_day)
   GROUP BY y.year, p.linkage),
summaries AS (
  SELECT b.year, b.linkage, b.s FROM by_linkage b
  UNION ALL
  SELECT b.year, 'all_linked', rollup(b.s) FROM by_linkage b WHERE b.linkage <> 'none' GROUP BY b.year)
SELECT y.year, g.linkage,
--@include src/sql/queries/delay_table_columns.sql
  FROM years y CROSS JOIN groups g
  LEFT JOIN summaries x ON x.year = y.year AND x.linkage = g.linkage
 ORDER BY y.year, g.ord
