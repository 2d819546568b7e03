-- Materialized versions of the indicators, the delay table and the
-- scorecard, refreshed by refresh() (65_refresh.sql). See doc/refresh.md.
--
-- They are computed as of the day of their last refresh (CURRENT_DATE at
-- refresh time). They are members of the extension, so pg_dump does not dump
-- them: after a restore they hold what CREATE EXTENSION computed from the
-- then empty tables until refresh() runs.

CREATE MATERIALIZED VIEW indicator_series_mv AS SELECT * FROM indicator_series;
CREATE UNIQUE INDEX indicator_series_mv_key ON indicator_series_mv (measure, year);

CREATE MATERIALIZED VIEW access_delay_mv AS SELECT * FROM access_delay;
CREATE UNIQUE INDEX access_delay_mv_key ON access_delay_mv (year, linkage);

CREATE MATERIALIZED VIEW scorecard_mv AS SELECT * FROM scorecard;
CREATE UNIQUE INDEX scorecard_mv_key ON scorecard_mv (target_id);

-- ---- comments ----------------------------------------------------------------------

COMMENT ON MATERIALIZED VIEW indicator_series_mv IS
  'indicator_series as of the day of the last refresh() (see last_refresh)';
COMMENT ON INDEX indicator_series_mv_key IS 'One row per measure and year; lets refresh() refresh indicator_series_mv concurrently';
COMMENT ON COLUMN indicator_series_mv.measure IS 'The measure (measures.name)';
COMMENT ON COLUMN indicator_series_mv.year IS 'Calendar year';
COMMENT ON COLUMN indicator_series_mv.value IS 'Value of the measure in the year (see indicator_series.value)';
COMMENT ON COLUMN indicator_series_mv.records IS 'Records behind the value';
COMMENT ON COLUMN indicator_series_mv.complete IS 'Whether the year had fully elapsed on the day of the refresh';

COMMENT ON MATERIALIZED VIEW access_delay_mv IS
  'access_delay as of the day of the last refresh() (see last_refresh)';
COMMENT ON INDEX access_delay_mv_key IS 'One row per year and linkage; lets refresh() refresh access_delay_mv concurrently';
COMMENT ON COLUMN access_delay_mv.year IS 'Calendar year';
COMMENT ON COLUMN access_delay_mv.linkage IS 'Linkage type (a linkage_type label) or all_linked';
COMMENT ON COLUMN access_delay_mv.completed IS 'Projects whose data were made available during the year';
COMMENT ON COLUMN access_delay_mv.pending IS 'Projects still waiting at the end of the year (or on the day of the refresh)';
COMMENT ON COLUMN access_delay_mv.mean_months IS 'Mean delay of the completed projects, in months of 30.436875 days';
COMMENT ON COLUMN access_delay_mv.median_months IS 'Median delay of the completed projects, in months';
COMMENT ON COLUMN access_delay_mv.p90_months IS '90th percentile of the delay of the completed projects, in months';
COMMENT ON COLUMN access_delay_mv.km_median_months IS 'Kaplan-Meier median delay counting the pending projects as censored, in months';
COMMENT ON COLUMN access_delay_mv.share_within_7_months IS 'Share of the completed projects with a delay of at most 213 days';

COMMENT ON MATERIALIZED VIEW scorecard_mv IS
  'scorecard as of the day of the last refresh() (its as_of column)';
COMMENT ON INDEX scorecard_mv_key IS 'One row per target; lets refresh() refresh scorecard_mv concurrently';
COMMENT ON COLUMN scorecard_mv.target_id IS 'The target (target.id)';
COMMENT ON COLUMN scorecard_mv.roadmap IS 'Roadmap the target belongs to';
COMMENT ON COLUMN scorecard_mv.axis IS 'Strategic axis of the roadmap';
COMMENT ON COLUMN scorecard_mv.title IS 'The target as the roadmap states it';
COMMENT ON COLUMN scorecard_mv.measure IS 'The measure that scores the target';
COMMENT ON COLUMN scorecard_mv.unit IS 'Unit of the values';
COMMENT ON COLUMN scorecard_mv.kind IS 'How the target is met (a target_kind label)';
COMMENT ON COLUMN scorecard_mv.factor IS 'For multiply_by, the factor; NULL otherwise';
COMMENT ON COLUMN scorecard_mv.target_value IS 'The value to reach, in unit';
COMMENT ON COLUMN scorecard_mv.deadline IS 'Date by which the target is to be met';
COMMENT ON COLUMN scorecard_mv.recurring IS 'Whether the target must hold every year from its start year';
COMMENT ON COLUMN scorecard_mv.baseline_year IS 'Year whose value is the baseline';
COMMENT ON COLUMN scorecard_mv.baseline_value IS 'Value of the baseline year';
COMMENT ON COLUMN scorecard_mv.current_period IS 'Period of current_value';
COMMENT ON COLUMN scorecard_mv.current_value IS 'Value scored against the target';
COMMENT ON COLUMN scorecard_mv.year_to_date_value IS 'Value of the current, incomplete year so far (yearly measures)';
COMMENT ON COLUMN scorecard_mv.expected_value IS 'Where the value should stand on the required path';
COMMENT ON COLUMN scorecard_mv.progress_ratio IS 'Eurostat progress ratio';
COMMENT ON COLUMN scorecard_mv.status IS 'Progress class before the deadline, verdict (achieved or missed) once it has come (a progress_status label)';
COMMENT ON COLUMN scorecard_mv.records IS 'Records behind current_value';
COMMENT ON COLUMN scorecard_mv.as_of IS 'Date the scorecard was computed as of (the day of the refresh)';
COMMENT ON COLUMN scorecard_mv.deadline_passed IS 'Whether the deadline had come on as_of: the row is a final verdict';
COMMENT ON COLUMN scorecard_mv.measured_on IS 'Date the indicator was measured on: as_of, or the deadline once it had come';
COMMENT ON COLUMN scorecard_mv.years_short IS 'For a recurring target, the years that did not meet it; NULL otherwise';

