-- Indicators, delay table and scorecard: what the hub's records say about
-- the roadmap's targets, as known on a date. See doc/scorecard.md.
--
--   indicator_series_at(as_of) / indicator_series   yearly values per measure
--   access_delay_at(as_of)     / access_delay       access delays by year x linkage
--   scorecard_at(as_of)        / scorecard          one row per active target
--   baseline                                        the 2020-2022 review
--
-- Each view is the same query as its *_at function, with CURRENT_DATE for
-- the function's as_of. The queries are written once below, with {as_of}
-- standing for the as-of date, and both objects are created from that text.
-- Why not a view that calls the function: a view reads the tables with its
-- owner's rights, a function with its caller's, so only a view that
-- references the tables itself serves a BI role that may read the views and
-- nothing else (doc/scorecard.md, "Privileges"); and no SECURITY DEFINER.
--
-- Result columns are plain SQL types (text, integer, bigint, float8,
-- numeric, date, boolean): enums are cast to text, so that any client reads
-- them without knowing the extension's types.

-- ---- helpers -------------------------------------------------------------------

-- Why: every *_at function refuses a NULL or infinite as-of date up front,
-- with one message naming the argument and the function, instead of
-- returning nothing or failing deep inside an aggregate.
CREATE FUNCTION checked_as_of(as_of date, caller text) RETURNS date
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
  IF as_of IS NULL THEN
    RAISE EXCEPTION 'as_of of %() must not be NULL', caller
      USING ERRCODE = 'null_value_not_allowed',
            DETAIL = 'The indicators are computed as known on a date; pass one, e.g. current_date.';
  END IF;
  IF NOT isfinite(as_of) THEN
    RAISE EXCEPTION 'as_of of %() must be a finite date, not %', caller, as_of
      USING ERRCODE = 'datetime_field_overflow';
  END IF;
  RETURN as_of;
END
$fn$;
COMMENT ON FUNCTION checked_as_of(date, text) IS
  'Returns as_of, or raises 22004 when it is NULL (22008 when infinite), naming the calling function: the argument check of the *_at functions';

-- Why: progress scoring counts time in decimal years; a date counts at the
-- end of its day, so 31 December is the end of its year (2025-12-31 ->
-- 2026.0), the same instant as a calendar year's value (year Y -> Y + 1).
CREATE FUNCTION decimal_year(d date) RETURNS float8
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
  SELECT CASE
           WHEN NOT isfinite(d) THEN CASE WHEN d > date '2000-01-01' THEN 'Infinity'::float8 ELSE '-Infinity'::float8 END
           ELSE extract(year FROM d)::float8
                + extract(doy FROM d)::float8
                  / (make_date(extract(year FROM d)::integer + 1, 1, 1) - make_date(extract(year FROM d)::integer, 1, 1))
         END
$fn$;
COMMENT ON FUNCTION decimal_year(date) IS
  'The date as a decimal year, counted at the end of the day: year + day of year / days in the year (2025-06-30 -> 2025.4959, 2025-12-31 -> 2026.0); infinite dates give +/-Infinity';

-- Why: a scorecard shows where the value should stand now if it moved from
-- the baseline to the target along the path the progress ratio assumes.
CREATE FUNCTION required_path_value(baseline float8, baseline_year float8, target float8, target_year float8,
                                    at_year float8) RETURNS float8
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
  SELECT CASE
           WHEN target_year <= baseline_year THEN NULL
           WHEN baseline > 0 AND target > 0 THEN baseline * power(target / baseline, f)
           ELSE baseline + (target - baseline) * f
         END
    FROM (SELECT (least(greatest(at_year, baseline_year), target_year) - baseline_year)
                 / nullif(target_year - baseline_year, 0) AS f) AS share
$fn$;
COMMENT ON FUNCTION required_path_value(float8, float8, float8, float8, float8) IS
  'Value on the required path from baseline (at baseline_year) to target (at target_year) at at_year, clamped to [baseline_year, target_year]: geometric baseline * (target / baseline)^f when both are > 0, else linear; f = (at_year - baseline_year) / (target_year - baseline_year); NULL when target_year <= baseline_year';

-- ---- the queries, written once ----------------------------------------------------

DO $install$
DECLARE
  -- Yearly value of each built-in measure, one row per measure and calendar
  -- year from the first year of any record known on {as_of} to the year of
  -- {as_of}; only what was known on {as_of} counts.
  series_sql text := $sql$
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
    FROM years y CROSS JOIN held h)
SELECT series.measure, series.year, series.value, series.records,
       series.year < extract(year FROM {as_of} + 1) AS complete
  FROM series
 ORDER BY series.ord, series.year
$sql$;

  -- Access delays by year and linkage type. For year Y the cohort is the
  -- projects submitted on or before the cutoff min(31 December Y, {as_of})
  -- whose data were not available before 1 January Y: those made available
  -- during Y are completed, the others pending, censored at the cutoff.
  delay_sql text := $sql$
WITH years AS (
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
  SELECT b.year, 'all_linked', rollup(b.s) FROM by_linkage b WHERE b.linkage <> 'none' GROUP BY b.year),
groups AS (
  SELECT 0::bigint AS ord, 'all_linked'::text AS linkage
  UNION ALL
  SELECT e.ord, e.label::text FROM unnest(enum_range(NULL::linkage_type)) WITH ORDINALITY AS e(label, ord))
SELECT y.year, g.linkage,
       coalesce(completed(x.s), 0) AS completed,
       coalesce(pending(x.s), 0) AS pending,
       mean_months(x.s) AS mean_months,
       percentile_days(x.s, 0.5) / 30.436875::float8 AS median_months,
       percentile_days(x.s, 0.9) / 30.436875::float8 AS p90_months,
       km_median_days(x.s) / 30.436875::float8 AS km_median_months,
       share_within(x.s, 213) AS share_within_7_months
  FROM years y CROSS JOIN groups g
  LEFT JOIN summaries x ON x.year = y.year AND x.linkage = g.linkage
 ORDER BY y.year, g.ord
$sql$;

  -- One row per active target, scored from the yearly series {series} as
  -- known on {as_of}. Times are decimal years; a calendar year's value counts
  -- at the end of the year (Y -> Y + 1), a date at the end of its day.
  scorecard_sql text := $sql$
WITH cal AS (
  SELECT a.d AS as_of,
         extract(year FROM a.d)::integer AS this_year,
         extract(year FROM a.d + 1)::integer - 1 AS last_complete,
         decimal_year(a.d) AS now_t
    FROM (SELECT {as_of} AS d) AS a),
series AS (
  SELECT * FROM {series}),
yearly AS (
  -- yearly measures: the last complete year, the year so far, the baseline year
  SELECT t.id,
         c.last_complete::text AS current_period,
         (c.last_complete + 1)::float8 AS current_t,
         cur.value AS current_value,
         cur.records AS records,
         CASE WHEN c.this_year > c.last_complete THEN ytd.value END AS year_to_date_value,
         CASE WHEN t.baseline_year <= c.last_complete THEN base.value END AS baseline_value
    FROM target t CROSS JOIN cal c
    LEFT JOIN series cur ON cur.measure = t.measure::text AND cur.year = c.last_complete
    LEFT JOIN series ytd ON ytd.measure = t.measure::text AND ytd.year = c.this_year
    LEFT JOIN series base ON base.measure = t.measure::text AND base.year = t.baseline_year
   WHERE t.active AND t.measure <> 'new_partnerships'),
cumulative AS (
  -- cumulative measure: counted from 1 January of the start year to as_of
  SELECT t.id,
         CASE WHEN c.as_of >= make_date(t.start_year, 1, 1)
              THEN to_char(make_date(t.start_year, 1, 1), 'YYYY-MM-DD') || '..' || to_char(c.as_of, 'YYYY-MM-DD')
         END AS current_period,
         c.now_t AS current_t,
         CASE WHEN c.as_of >= make_date(t.start_year, 1, 1) THEN cur.value END AS current_value,
         CASE WHEN c.as_of >= make_date(t.start_year, 1, 1) THEN cur.records END AS records,
         NULL::float8 AS year_to_date_value,
         CASE WHEN t.baseline_year <= c.last_complete
              THEN CASE WHEN t.baseline_year < t.start_year THEN 0::float8 ELSE base.value END END AS baseline_value
    FROM target t CROSS JOIN cal c
    CROSS JOIN LATERAL (SELECT sum(s.value) AS value, sum(s.records)::bigint AS records
                          FROM series s
                         WHERE s.measure = t.measure::text AND s.year BETWEEN t.start_year AND c.this_year) AS cur
    CROSS JOIN LATERAL (SELECT sum(s.value) AS value
                          FROM series s
                         WHERE s.measure = t.measure::text AND s.year BETWEEN t.start_year AND t.baseline_year) AS base
   WHERE t.active AND t.measure = 'new_partnerships'),
measured AS (
  SELECT * FROM yearly UNION ALL SELECT * FROM cumulative),
timed AS (
  SELECT t.id, t.roadmap, t.axis, t.title, t.measure, t.unit, t.kind, t.value, t.deadline, t.recurring,
         t.baseline_year, m.current_period, m.current_t, m.current_value, m.records, m.year_to_date_value,
         m.baseline_value,
         t.baseline_year + 1.0::float8 AS t0,
         CASE WHEN t.recurring THEN least(decimal_year(t.deadline), t.start_year + 1.0::float8)
              ELSE decimal_year(t.deadline) END AS t_target,
         CASE WHEN t.kind = 'multiply_by' THEN t.value * m.baseline_value ELSE t.value END AS target_value
    FROM target t JOIN measured m ON m.id = t.id)
SELECT x.id AS target_id, x.roadmap, x.axis::integer AS axis, x.title, x.measure::text AS measure, x.unit,
       x.kind::text AS kind,
       CASE WHEN x.kind = 'multiply_by' THEN x.value END AS factor,
       x.target_value, x.deadline, x.recurring, x.baseline_year, x.baseline_value,
       x.current_period, x.current_value, x.year_to_date_value,
       required_path_value(x.baseline_value, x.t0, x.target_value, x.t_target, x.current_t) AS expected_value,
       progress_ratio(x.baseline_value, x.t0, x.current_value, x.current_t, x.target_value, x.t_target)
         AS progress_ratio,
       progress_status(x.kind, x.value, x.baseline_value, x.t0, x.current_value, x.current_t, x.t_target)::text
         AS status,
       x.records, c.as_of
  FROM timed x CROSS JOIN cal c
 ORDER BY x.roadmap, x.axis, x.id
$sql$;

  -- The functions: check as_of, then run the query with $1 for {as_of}.
  fn_head text := 'LANGUAGE sql STABLE PARALLEL SAFE SET search_path = pg_catalog, @extschema@, pg_temp AS ';
BEGIN
  EXECUTE 'CREATE FUNCTION indicator_series_at(as_of date)
             RETURNS TABLE (measure text, year integer, value float8, records bigint, complete boolean) '
    || fn_head || pg_catalog.quote_literal(
         'SELECT @extschema@.checked_as_of($1, ''indicator_series_at'');'
         || pg_catalog.replace(series_sql, '{as_of}', '$1'));
  EXECUTE 'CREATE VIEW indicator_series AS '
    || pg_catalog.replace(series_sql, '{as_of}', 'CURRENT_DATE');

  EXECUTE 'CREATE FUNCTION access_delay_at(as_of date)
             RETURNS TABLE (year integer, linkage text, completed bigint, pending bigint, mean_months float8,
                            median_months float8, p90_months float8, km_median_months float8,
                            share_within_7_months float8) '
    || fn_head || pg_catalog.quote_literal(
         'SELECT @extschema@.checked_as_of($1, ''access_delay_at'');'
         || pg_catalog.replace(delay_sql, '{as_of}', '$1'));
  EXECUTE 'CREATE VIEW access_delay AS '
    || pg_catalog.replace(delay_sql, '{as_of}', 'CURRENT_DATE');

  EXECUTE 'CREATE FUNCTION scorecard_at(as_of date)
             RETURNS TABLE (target_id text, roadmap text, axis integer, title text, measure text, unit text,
                            kind text, factor float8, target_value float8, deadline date, recurring boolean,
                            baseline_year integer, baseline_value float8, current_period text,
                            current_value float8, year_to_date_value float8, expected_value float8,
                            progress_ratio float8, status text, records bigint, as_of date) '
    || fn_head || pg_catalog.quote_literal(
         'SELECT @extschema@.checked_as_of($1, ''scorecard_at'');'
         || pg_catalog.replace(pg_catalog.replace(scorecard_sql, '{as_of}', '$1'),
                               '{series}', '@extschema@.indicator_series_at($1)'));
  EXECUTE 'CREATE VIEW scorecard AS '
    || pg_catalog.replace(pg_catalog.replace(scorecard_sql, '{as_of}', 'CURRENT_DATE'),
                          '{series}', 'indicator_series');
END
$install$;

-- ---- baseline ----------------------------------------------------------------------

CREATE VIEW baseline AS
SELECT f.id AS fact_id,
       CASE WHEN f.first_year = f.last_year THEN f.first_year::text
            ELSE f.first_year::text || '–' || f.last_year::text END AS period,
       f.first_year,
       f.last_year,
       f.axis::integer AS axis,
       f.label,
       f.qualifier::text AS qualifier,
       f.value,
       f.unit,
       CASE f.qualifier WHEN 'exactly' THEN '' WHEN 'more_than' THEN 'more than '
                        WHEN 'about' THEN 'about ' ELSE 'almost ' END
         || f.value::text || ' ' || f.unit AS figure,
       f.reported_on,
       f.source_quote,
       f.display_order
  FROM baseline_fact f
 ORDER BY f.display_order NULLS LAST, f.id;

-- ---- comments ----------------------------------------------------------------------

COMMENT ON FUNCTION indicator_series_at(date) IS
  'Yearly value of each built-in measure as known on as_of: one row per measure and calendar year, from the first year of any record known on as_of to the year of as_of (see doc/scorecard.md); a NULL as_of is an error (22004)';
COMMENT ON VIEW indicator_series IS
  'Yearly value of each built-in measure as known today: indicator_series_at(current_date)';
COMMENT ON COLUMN indicator_series.measure IS 'The measure (a label of the measure enum): platform_projects, linkage_access_delay, new_partnerships or civil_society_exchanges';
COMMENT ON COLUMN indicator_series.year IS 'Calendar year';
COMMENT ON COLUMN indicator_series.value IS 'Value of the measure in the year: distinct projects using the platform; mean access delay in months of linked projects made available that year (NULL when none); partnerships signed; exchanges held. For the current year, up to today';
COMMENT ON COLUMN indicator_series.records IS 'Records behind the value: projects, completed delays, partnerships or exchanges';
COMMENT ON COLUMN indicator_series.complete IS 'Whether the year has fully elapsed (false for the current year, whose value is the year so far)';

COMMENT ON FUNCTION access_delay_at(date) IS
  'Data access delays by calendar year and linkage type (plus all_linked, every linkage but none) as known on as_of: the year''s cohort is the projects submitted by min(31 December, as_of) whose data were not available before 1 January; those made available during the year are completed, the others pending (censored); a NULL as_of is an error (22004)';
COMMENT ON VIEW access_delay IS
  'Data access delays by calendar year and linkage type as known today: access_delay_at(current_date)';
COMMENT ON COLUMN access_delay.year IS 'Calendar year';
COMMENT ON COLUMN access_delay.linkage IS 'Linkage type of the projects (a linkage_type label), or all_linked for every project whose linkage is not none';
COMMENT ON COLUMN access_delay.completed IS 'Projects whose data were made available during the year (up to today for the current year)';
COMMENT ON COLUMN access_delay.pending IS 'Projects submitted by the end of the year (or today) still waiting for their data then';
COMMENT ON COLUMN access_delay.mean_months IS 'Mean delay from submission to data made available of the completed projects, in months of 30.436875 days';
COMMENT ON COLUMN access_delay.median_months IS 'Median delay of the completed projects (percentile_cont 0.5), in months';
COMMENT ON COLUMN access_delay.p90_months IS '90th percentile of the delay of the completed projects (percentile_cont 0.9), in months';
COMMENT ON COLUMN access_delay.km_median_months IS 'Kaplan-Meier median delay, in months, counting the pending projects as censored at the end of the year (or today); NULL when the survival curve does not reach one half';
COMMENT ON COLUMN access_delay.share_within_7_months IS 'Share of the completed projects whose delay was at most 213 days (7 months of 30.436875 days is 213.06 days)';

COMMENT ON FUNCTION scorecard_at(date) IS
  'One row per active target scored as known on as_of: baseline, current and expected values, Eurostat progress ratio and status (see doc/scorecard.md); a NULL as_of is an error (22004)';
COMMENT ON VIEW scorecard IS
  'One row per active target scored as known today: scorecard_at(current_date)';
COMMENT ON COLUMN scorecard.target_id IS 'The target (target.id)';
COMMENT ON COLUMN scorecard.roadmap IS 'Roadmap the target belongs to';
COMMENT ON COLUMN scorecard.axis IS 'Strategic axis of the roadmap';
COMMENT ON COLUMN scorecard.title IS 'The target as the roadmap states it';
COMMENT ON COLUMN scorecard.measure IS 'The measure that scores the target (a measure label)';
COMMENT ON COLUMN scorecard.unit IS 'Unit of the values';
COMMENT ON COLUMN scorecard.kind IS 'How the target is met (a target_kind label): at_least, more_than, at_most, less_than, multiply_by';
COMMENT ON COLUMN scorecard.factor IS 'For multiply_by, the factor applied to the baseline value; NULL for the other kinds';
COMMENT ON COLUMN scorecard.target_value IS 'The value to reach, in unit (for multiply_by, factor * baseline_value)';
COMMENT ON COLUMN scorecard.deadline IS 'Date by which the target is to be met';
COMMENT ON COLUMN scorecard.recurring IS 'Whether the target must hold every year from its start year';
COMMENT ON COLUMN scorecard.baseline_year IS 'Year whose value is the baseline';
COMMENT ON COLUMN scorecard.baseline_value IS 'Value of the baseline year (for the cumulative measure, the count from the start year to the end of the baseline year, 0 when the baseline year is before the start year); NULL until the baseline year has elapsed';
COMMENT ON COLUMN scorecard.current_period IS 'Period of current_value: the last complete calendar year (e.g. 2024), or start..as_of for the cumulative measure (e.g. 2023-01-01..2025-06-30)';
COMMENT ON COLUMN scorecard.current_value IS 'Value scored against the target: the measure in the last complete year, or the cumulative count to as_of';
COMMENT ON COLUMN scorecard.year_to_date_value IS 'For a yearly measure, its value in the current, incomplete year so far; NULL on 31 December and for the cumulative measure';
COMMENT ON COLUMN scorecard.expected_value IS 'Where the value should stand at the time of current_value on the path from baseline to target the ratio assumes (geometric when both are > 0, else linear)';
COMMENT ON COLUMN scorecard.progress_ratio IS 'Eurostat progress ratio: observed over required annual growth (progress_ratio); NULL when undefined';
COMMENT ON COLUMN scorecard.status IS 'Progress class (a progress_status label): achieved, on_track, moderate, insufficient, moving_away, no_data';
COMMENT ON COLUMN scorecard.records IS 'Records behind current_value: projects, completed delays, partnerships or exchanges';
COMMENT ON COLUMN scorecard.as_of IS 'Date the scorecard is computed as of (today)';

COMMENT ON VIEW baseline IS
  'Reported figures of the baseline period (the 2020-2022 review for the HDH roadmap), in the order of the source document';
COMMENT ON COLUMN baseline.fact_id IS 'Identifier of the fact (baseline_fact.id)';
COMMENT ON COLUMN baseline.period IS 'Period the figure covers, e.g. 2020–2022';
COMMENT ON COLUMN baseline.first_year IS 'First calendar year of the period';
COMMENT ON COLUMN baseline.last_year IS 'Last calendar year of the period';
COMMENT ON COLUMN baseline.axis IS 'Strategic axis the figure relates to, if any';
COMMENT ON COLUMN baseline.label IS 'What the figure counts';
COMMENT ON COLUMN baseline.qualifier IS 'How the source qualifies the figure (a fact_qualifier label): exactly, more_than, about, almost';
COMMENT ON COLUMN baseline.value IS 'The figure';
COMMENT ON COLUMN baseline.unit IS 'Unit of the figure';
COMMENT ON COLUMN baseline.figure IS 'The figure as words, e.g. ''more than 350 respondents''';
COMMENT ON COLUMN baseline.reported_on IS 'Date the figure was reported';
COMMENT ON COLUMN baseline.source_quote IS 'The words of the source document (French for the HDH review)';
COMMENT ON COLUMN baseline.display_order IS 'Position in the source document (the view''s order); NULL last';
