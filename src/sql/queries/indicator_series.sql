-- The yearly value of every registered measure as known on {as_of} (a view
-- and its function: src/sql/50_indicators.sql). Built-in measures are
-- computed here from the record tables, one row per calendar year from the
-- first year of any record known on {as_of} to the year of {as_of}; a measure
-- reported by hand takes, for each year, its latest report made on or before
-- {as_of}; a measure with a source function takes what the function returns
-- for {as_of} (measure_source_values). Only years up to that of {as_of}.
WITH span AS (
  SELECT min(f.y)::integer AS first_year, extract(year FROM {as_of})::integer AS last_year
    FROM (SELECT extract(year FROM min(submitted_on)) FROM project WHERE submitted_on <= {as_of}
          UNION ALL
          SELECT extract(year FROM min(lower(period))) FROM platform_usage WHERE lower(period) <= {as_of}
          UNION ALL
          SELECT extract(year FROM min(signed_on)) FROM partnership WHERE signed_on <= {as_of}
          UNION ALL
          SELECT extract(year FROM min(held_on)) FROM civil_society_exchange WHERE held_on <= {as_of}) AS f(y)),
years AS (
  SELECT y AS year FROM span CROSS JOIN generate_series(span.first_year, span.last_year) AS y),
platform AS (
  -- each project once per year, however many periods it has in that year
  SELECT years_active_agg(u.spans, {as_of}) AS yc
    FROM (SELECT range_agg(period) AS spans FROM platform_usage
           WHERE lower(period) <= {as_of} GROUP BY project_id) AS u),
delays AS (
  SELECT extract(year FROM data_available_on)::integer AS year,
         delay_agg(submitted_on, data_available_on) AS s
    FROM project
   WHERE linkage <> 'none' AND data_available_on <= {as_of}
   GROUP BY 1),
signed AS (
  SELECT year_counts_agg(signed_on) AS yc FROM partnership WHERE signed_on <= {as_of}),
held AS (
  SELECT year_counts_agg(held_on) AS yc FROM civil_society_exchange WHERE held_on <= {as_of}),
reported AS (
  -- the latest report of each year made on or before {as_of}
  SELECT DISTINCT ON (r.measure, r.year) r.measure, r.year, r.value
    FROM reported_value r
   WHERE r.reported_on <= {as_of} AND r.year <= extract(year FROM {as_of})
   ORDER BY r.measure, r.year, r.reported_on DESC),
series AS (
  SELECT 1 AS ord, 'platform_projects'::text AS measure, y.year,
         value_in(p.yc, y.year)::float8 AS value, value_in(p.yc, y.year) AS records
    FROM years y CROSS JOIN platform p
  UNION ALL
  SELECT 2, 'linkage_access_delay', y.year, mean_months(d.s), coalesce(completed(d.s), 0)
    FROM years y LEFT JOIN delays d ON d.year = y.year
  UNION ALL
  SELECT 3, 'new_partnerships', y.year, value_in(s.yc, y.year)::float8, value_in(s.yc, y.year)
    FROM years y CROSS JOIN signed s
  UNION ALL
  SELECT 4, 'civil_society_exchanges', y.year, value_in(h.yc, y.year)::float8, value_in(h.yc, y.year)
    FROM years y CROSS JOIN held h
  UNION ALL
  SELECT 5, r.measure, r.year, r.value, NULL::bigint FROM reported r
  UNION ALL
  SELECT 5, m.name, c.year, c.value, NULL::bigint
    FROM measure m CROSS JOIN LATERAL measure_source_values(m.name, m.source, {as_of}) AS c
   WHERE m.source IS NOT NULL AND c.year <= extract(year FROM {as_of}))
SELECT series.measure, series.year, series.value, series.records,
       series.year < extract(year FROM {as_of} + 1) AS complete
  FROM series
 ORDER BY series.ord, series.measure, series.year
