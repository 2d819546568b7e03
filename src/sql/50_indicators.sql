-- Indicators, delay table and scorecard: what the hub's records say about
-- the roadmap's targets, as known on a date. See doc/scorecard.md.
--
--   indicator_series_at(as_of) / indicator_series   yearly values per measure
--   access_delay_at(as_of)     / access_delay       access delays by year x linkage
--   scorecard_at(as_of)        / scorecard          one row per active target
--   baseline                                        the 2020-2022 review
--
-- Each view is the same query as its *_at function, with CURRENT_DATE for
-- the function's as_of: the queries are written once, in src/sql/queries/,
-- and expanded into both at build time. Why not a view that calls the
-- function: a view reads the tables with its owner's rights, a function with
-- its caller's, so only a view that
-- references the tables itself serves a BI role that may read the views and
-- nothing else (doc/scorecard.md, "Privileges"); and no SECURITY DEFINER.
--
-- Result columns are plain SQL types (text, integer, bigint, float8,
-- numeric, date, boolean): enums are cast to text, so that any client reads
-- them without knowing the extension's types.

-- ---- the queries, written once ---------------------------------------------------
-- Each view runs the same query as its function, expanded at build time from
-- src/sql/queries/ (src/sql/include.awk): {as_of} is CURRENT_DATE in the
-- view and $1 in the function, which checks it first.

CREATE FUNCTION indicator_series_at(as_of date)
RETURNS TABLE (measure text, year integer, value float8, records bigint, complete boolean)
LANGUAGE sql STABLE PARALLEL RESTRICTED
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
SELECT @extschema@.checked_as_of($1);
--@include src/sql/queries/indicator_series.sql {as_of}=$1
$fn$;

CREATE VIEW indicator_series AS
--@include src/sql/queries/indicator_series.sql {as_of}=CURRENT_DATE
;

CREATE FUNCTION access_delay_at(as_of date)
RETURNS TABLE (year integer, linkage text, completed bigint, pending bigint, mean_months float8,
               median_months float8, p90_months float8, km_median_months float8,
               share_within_7_months float8)
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
SELECT @extschema@.checked_as_of($1);
--@include src/sql/queries/access_delay.sql {as_of}=$1
$fn$;

CREATE VIEW access_delay AS
--@include src/sql/queries/access_delay.sql {as_of}=CURRENT_DATE
;

CREATE FUNCTION scorecard_at(as_of date)
RETURNS TABLE (target_id text, roadmap text, axis integer, title text, measure text, unit text,
               kind text, factor float8, target_value float8, deadline date, recurring boolean,
               baseline_year integer, baseline_value float8, current_period text,
               current_value float8, year_to_date_value float8, expected_value float8,
               progress_ratio float8, status text, records bigint, as_of date,
               deadline_passed boolean, measured_on date, years_short text)
LANGUAGE sql STABLE PARALLEL RESTRICTED
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
SELECT @extschema@.checked_as_of($1);
--@include src/sql/queries/scorecard.sql {as_of}=$1 {series}=@extschema@.indicator_series_at($1)
$fn$;

CREATE VIEW scorecard AS
--@include src/sql/queries/scorecard.sql {as_of}=CURRENT_DATE {series}=indicator_series
;

-- ---- comments ----------------------------------------------------------------------

COMMENT ON FUNCTION indicator_series_at(date) IS
  'Yearly value of every registered measure as known on as_of: built-in measures one row per calendar year from the first year of any record known on as_of to the year of as_of; hand-reported measures their latest report made by as_of for each year; measures with a source function what it returns for as_of (see doc/scorecard.md, doc/measures.md); a NULL as_of is an error (22004)';
COMMENT ON VIEW indicator_series IS
  'Yearly value of every registered measure as known today: indicator_series_at(current_date)';
COMMENT ON COLUMN indicator_series.measure IS 'The measure (measures.name): a built-in one (platform_projects, linkage_access_delay, new_partnerships, civil_society_exchanges) or one registered with register_measure';
COMMENT ON COLUMN indicator_series.year IS 'Calendar year';
COMMENT ON COLUMN indicator_series.value IS 'Value of the measure in the year: distinct projects using the platform; mean access delay in months of linked projects made available that year (NULL when none); partnerships signed; exchanges held; for a registered measure, its reported or computed value. For the current year, up to today';
COMMENT ON COLUMN indicator_series.records IS 'Records behind the value of a built-in measure: projects, completed delays, partnerships or exchanges; NULL for a registered measure';
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
  'One row per active target scored as known on as_of: baseline, current and expected values, Eurostat progress ratio and status; once a target''s deadline has come it is measured at the deadline and its status is a verdict, achieved or missed (see doc/scorecard.md); a NULL as_of is an error (22004)';
COMMENT ON VIEW scorecard IS
  'One row per active target scored as known today: scorecard_at(current_date)';
COMMENT ON COLUMN scorecard.target_id IS 'The target (target.id)';
COMMENT ON COLUMN scorecard.roadmap IS 'Roadmap the target belongs to';
COMMENT ON COLUMN scorecard.axis IS 'Strategic axis of the roadmap';
COMMENT ON COLUMN scorecard.title IS 'The target as the roadmap states it';
COMMENT ON COLUMN scorecard.measure IS 'The measure that scores the target (measures.name)';
COMMENT ON COLUMN scorecard.unit IS 'Unit of the values';
COMMENT ON COLUMN scorecard.kind IS 'How the target is met (a target_kind label): at_least, more_than, at_most, less_than, multiply_by';
COMMENT ON COLUMN scorecard.factor IS 'For multiply_by, the factor applied to the baseline value; NULL for the other kinds';
COMMENT ON COLUMN scorecard.target_value IS 'The value to reach, in unit (for multiply_by, factor * baseline_value)';
COMMENT ON COLUMN scorecard.deadline IS 'Date by which the target is to be met';
COMMENT ON COLUMN scorecard.recurring IS 'Whether the target must hold every year from its start year';
COMMENT ON COLUMN scorecard.baseline_year IS 'Year whose value is the baseline';
COMMENT ON COLUMN scorecard.baseline_value IS 'Value of the baseline year (for the cumulative measure, the count from the start year to the end of the baseline year, 0 when the baseline year is before the start year); NULL until the baseline year has elapsed';
COMMENT ON COLUMN scorecard.current_period IS 'Period of current_value: for a yearly measure the last calendar year complete on measured_on (e.g. 2024); for a cumulative one start..measured_on (e.g. 2023-01-01..2025-06-30)';
COMMENT ON COLUMN scorecard.current_value IS 'Value scored against the target, measured on measured_on: a yearly measure''s value in the last complete year, or a cumulative measure''s sum from 1 January of the start year';
COMMENT ON COLUMN scorecard.year_to_date_value IS 'For a yearly measure before its deadline, its value in the current, incomplete year so far; NULL on 31 December, after the deadline and for a cumulative measure';
COMMENT ON COLUMN scorecard.expected_value IS 'Where the value should stand at the time of current_value on the path from baseline to target the ratio assumes (geometric when both are > 0, else linear)';
COMMENT ON COLUMN scorecard.progress_ratio IS 'Eurostat progress ratio: observed over required annual growth (progress_ratio); NULL when undefined';
COMMENT ON COLUMN scorecard.status IS 'A progress_status label. Before the deadline the progress class: achieved, on_track, moderate, insufficient, moving_away or no_data; once the deadline has come a verdict: achieved or missed (no_data without data); a recurring target is achieved only if every year from its start year met it';
COMMENT ON COLUMN scorecard.records IS 'Records behind current_value for a built-in measure: projects, completed delays, partnerships or exchanges; NULL for a registered measure';
COMMENT ON COLUMN scorecard.as_of IS 'Date the scorecard is computed as of (today)';
COMMENT ON COLUMN scorecard.deadline_passed IS 'Whether the deadline has come on as_of (as_of >= deadline: a date counts at its end): the row is then a final verdict, measured at the deadline';
COMMENT ON COLUMN scorecard.measured_on IS 'Date the indicator is measured on: as_of, or the deadline once it has come (later records about earlier periods still count)';
COMMENT ON COLUMN scorecard.years_short IS 'For a recurring target, the years from its start year to the last complete measured year that did not meet it, e.g. ''2024, 2025'' ('''' when none); NULL for a target that is not recurring';
