-- What bin/demo prints once the extension is created and the SYNTHETIC sample
-- (sample/load.sql, seed 42) is loaded.
\set QUIET on
\pset footer off
\pset null '·'
\set QUIET off
\echo
\echo == hdh_roadmap
SELECT extname AS extension, extversion AS version, extnamespace::regnamespace AS schema
  FROM pg_extension WHERE extname = 'hdh_roadmap';

\echo
\echo '######## SYNTHETIC DATA: a made-up history (sample/load.sql, seed 42), NOT Health Data Hub records ########'

\echo
\echo == Scorecard as of today (SYNTHETIC data): the 2023-2025 roadmap has ended, so each row is a verdict
\echo '   measured at the deadline (2025-12-31): achieved or missed; years_short = years a recurring target fell short'
SELECT target_id, kind, round(target_value::numeric, 1) AS target, current_period AS period,
       round(current_value::numeric, 1) AS current, round(progress_ratio::numeric, 2) AS ratio, status,
       deadline_passed AS final, measured_on, years_short
  FROM hdh_roadmap.scorecard;

\echo
\echo == Scorecard as of 2025-06-30 (SYNTHETIC data): what the roadmap looked like mid-2025
SELECT target_id, kind, round(target_value::numeric, 1) AS target, current_period AS period,
       round(current_value::numeric, 1) AS current, round(year_to_date_value::numeric, 1) AS so_far_this_year,
       round(baseline_value::numeric, 1) AS baseline, round(expected_value::numeric, 1) AS expected,
       round(progress_ratio::numeric, 2) AS ratio, status
  FROM hdh_roadmap.scorecard_at('2025-06-30');

\echo
\echo == Data access delays, months, by year the data were made available (SYNTHETIC data, as of 2025-12-31)
\echo '   all_linked = every project linking several sources; pending = still waiting at the end of the year'
SELECT year, linkage, completed, pending, round(mean_months::numeric, 1) AS mean,
       round(median_months::numeric, 1) AS median, round(p90_months::numeric, 1) AS p90,
       round(km_median_months::numeric, 1) AS km_median,
       round(100 * share_within_7_months::numeric) || ' %' AS within_7_months
  FROM hdh_roadmap.access_delay_at('2025-12-31')
 WHERE year >= 2022;

\echo
\echo == Yearly indicators (SYNTHETIC data, as of 2025-12-31)
SELECT year,
       max(value) FILTER (WHERE measure = 'platform_projects')::integer AS platform_projects,
       round(max(value) FILTER (WHERE measure = 'linkage_access_delay')::numeric, 1) AS linked_delay_months,
       max(value) FILTER (WHERE measure = 'new_partnerships')::integer AS partnerships_signed,
       max(value) FILTER (WHERE measure = 'civil_society_exchanges')::integer AS exchanges
  FROM hdh_roadmap.indicator_series_at('2025-12-31')
 GROUP BY year ORDER BY year;

\echo
\echo == Trailing 12 months of access delay, linked projects, month by month (SYNTHETIC data, as of 2025-12-31)
SELECT to_char(month, 'YYYY-MM') AS month, completed, pending,
       round(mean_months::numeric, 1) AS mean, round(median_months::numeric, 1) AS median,
       round(km_median_months::numeric, 1) AS km_median,
       round(100 * share_within_7_months)::text || ' %' AS within_7_months
  FROM hdh_roadmap.access_delay_monthly_at(date '2025-12-31')
 WHERE linkage = 'all_linked' AND month > date '2025-12-01' - interval '12 months'
 ORDER BY month;

\echo
\echo == Delays stage by stage, linked projects, days (SYNTHETIC data, as of 2025-12-31)
SELECT year, stage, completed, pending, round(mean_days) AS mean_days, median_days, km_median_days
  FROM hdh_roadmap.stage_delay_at(date '2025-12-31')
 WHERE linkage = 'all_linked' AND year >= 2024
 ORDER BY year, array_position(ARRAY['file_completion', 'committee_opinion', 'authorisation', 'data_provision'], stage);

\echo
\echo '== The 2020–2022 baseline (the Health Data Hub''s review, press release of 28 June 2022: real figures)'
SELECT period, label, figure FROM hdh_roadmap.baseline;

\echo
\echo == Materialized views refreshed for BI tools (scorecard_mv, indicator_series_mv, access_delay_mv)
SELECT view_name, row_count AS rows FROM hdh_roadmap.refresh();
