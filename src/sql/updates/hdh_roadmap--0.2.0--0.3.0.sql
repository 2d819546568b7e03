-- hdh_roadmap upgrade script 0.2.0 -> 0.3.0 (ALTER EXTENSION hdh_roadmap UPDATE).
-- See CHANGELOG.md. After it, the catalog equals a fresh install of 0.3.0:
-- test/integration/upgrade_chain.sh compares the two, object by object.
-- Plain DDL, one section per change, in the order of the install-script parts.

\echo Use "ALTER EXTENSION hdh_roadmap UPDATE TO '0.3.0'" to load this file. \quit

-- ---- messages in PostgreSQL's style (issue 12) -----------------------------------
-- checked_as_of loses its caller argument: its messages no longer name the
-- calling function (the CONTEXT lines do). Dropped and re-created from its
-- part (44) before the functions that call it are (50, 57, 80, 85).

DROP FUNCTION checked_as_of(date, text);
--@include src/sql/44_checked_as_of.sql



-- ---- imports of a hub's exports (issue 14) --------------------------------------

-- Natural keys (src/sql/40_tables.sql). A database holding two rows with one
-- key stops the update here: merge or rename them first (doc/import.md).
ALTER TABLE call_for_projects
  ADD CONSTRAINT call_for_projects_theme_launched_on_unique UNIQUE (theme, launched_on);
COMMENT ON CONSTRAINT call_for_projects_theme_launched_on_unique ON call_for_projects IS
  'Natural key of a call (doc/import.md): two calls on one theme are not launched the same day';
CREATE UNIQUE INDEX platform_usage_project_start_key ON platform_usage (project_id, pg_catalog.lower(period));
COMMENT ON INDEX platform_usage_project_start_key IS
  'Natural key of a usage period (doc/import.md): a project and the first day of the period';
ALTER TABLE partnership
  ADD CONSTRAINT partnership_partner_signed_on_unique UNIQUE (partner, signed_on);
COMMENT ON CONSTRAINT partnership_partner_signed_on_unique ON partnership IS
  'Natural key of a partnership (doc/import.md): a partner signs at most one partnership a day';
ALTER TABLE civil_society_exchange
  ADD CONSTRAINT civil_society_exchange_held_on_kind_counterpart_unique UNIQUE (held_on, kind, counterpart);
COMMENT ON CONSTRAINT civil_society_exchange_held_on_kind_counterpart_unique ON civil_society_exchange IS
  'Natural key of an exchange (doc/import.md): one exchange of a kind with a counterpart a day';

--@include src/sql/55_import.sql



-- ---- measures as data and verdicts after the deadline (issues 18, 19) -----------
-- The indicator views, their functions and materialized views are dropped
-- and re-created from the parts that define them (50, 60); the measure enum
-- becomes the measure registry (35), target.measure its foreign key; the
-- status gains 'missed'.

DROP MATERIALIZED VIEW scorecard_mv, access_delay_mv, indicator_series_mv;
DROP VIEW scorecard, access_delay, indicator_series;
DROP FUNCTION scorecard_at(date), access_delay_at(date), indicator_series_at(date);

ALTER TYPE progress_status ADD VALUE 'missed' AFTER 'achieved';
COMMENT ON TYPE progress_status IS
  'Status of an indicator against its target: achieved; missed (measured at or after the target time and not met: a verdict); or, before that, the Eurostat progress class on_track (ratio >= 0.95), moderate (0.60 to 0.95), insufficient (0 to 0.60), moving_away (< 0); no_data';
COMMENT ON FUNCTION progress_status(target_kind, float8, float8, float8, float8, float8, float8) IS
  'Status of a current value against a target (for multiply_by, target is the factor): achieved; missed when current_year >= target_year and the target is not met; else the baseline-already-met cases, then on_track/moderate/insufficient/moving_away by the progress ratio; no_data when current or baseline is NULL or the ratio is undefined; NULL when kind or target is NULL';
CREATE FUNCTION progress_status(kind target_kind, target float8, baseline float8, baseline_year float8,
                                current float8, current_year float8, target_year float8, final boolean)
RETURNS progress_status AS 'MODULE_PATHNAME', 'progress_status' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION progress_status(target_kind, float8, float8, float8, float8, float8, float8, boolean) IS
  'progress_status with the verdict said explicitly: final true scores the measurement as a verdict (achieved or missed; no_data without current or baseline), false gives the progress class even at or past target_year, NULL is the seven-argument rule (final when current_year >= target_year)';

-- The enum goes first: the registry table takes its name.
ALTER TABLE target ALTER COLUMN measure TYPE text USING measure::text;
DROP TYPE measure;

--@include src/sql/35_measures.sql

ALTER TABLE target ADD CONSTRAINT target_measure_fk FOREIGN KEY (measure) REFERENCES measure (name);
COMMENT ON COLUMN target.measure IS 'The measure that scores the target (measures.name, a built-in or registered measure): the scorecard reads its yearly values';
COMMENT ON CONSTRAINT target_measure_fk ON target IS 'A target names a registered measure (see measures, register_measure)';

--@include src/sql/50_indicators.sql
--@include src/sql/60_materialized.sql



-- ---- monitoring (issue 15) ------------------------------------------------------
-- The new part (57) whole; refresh() and last_refresh gain
-- access_delay_monthly_mv: they and refresh_log are re-created from their
-- part (65), so the log starts empty (the materialized views were re-created
-- above, so the log's earlier refreshes no longer describe them).

--@include src/sql/57_monitoring.sql

DROP VIEW last_refresh;
DROP FUNCTION refresh();
DROP TABLE refresh_log;
--@include src/sql/65_refresh.sql



-- ---- network of hubs on postgres_fdw (issue 13) -----------------------------------
--@include src/sql/80_network.sql


-- ---- the scorecard as a picture (issue 16) --------------------------------------
-- New functions only: scorecard_svg, access_delay_svg, report_html and
-- their report_* helpers.

--@include src/sql/85_report.sql



-- ---- rolling windows: moving-aggregate mode (issue 15) ----------------------
-- The moving transitions, inverses and final function are new; the
-- aggregates (delay_agg, rollup, year_counts_agg, years_active_agg) are
-- re-defined in place from the files their parts include (CREATE OR REPLACE
-- AGGREGATE), so the views and materialized views that use them stay.

--@include src/sql/aggregates/delay_aggregates.sql
--@include src/sql/aggregates/year_counts_aggregates.sql



-- ---- end ---------------------------------------------------------------------------
