-- Monthly monitoring (issue 15): the Kaplan-Meier share within a number of
-- days, delays stage by stage, deadlines as data and compliance with them,
-- and the trailing-12-month access delay per month with its materialized
-- version. See doc/monitoring.md.
--
--   km_share_within(s, days)                                1 - km_survival(s, days)
--   stage_delay_at(as_of)                                   delays per stage x year x linkage
--   deadline (table), deadline_compliance_at(as_of)         compliance per deadline x year x linkage
--   access_delay_monthly_at(as_of) / access_delay_monthly   trailing 12 months, per month x linkage
--   access_delay_monthly_mv                                 refreshed by refresh()
--
-- The queries are written once in src/sql/queries/ (src/sql/include.awk);
-- result columns are plain SQL types, as in 50_indicators.sql.

-- ---- Kaplan-Meier share within a number of days ---------------------------------

-- Why: share_within counts the completed delays only, which flatters a
-- period with many requests still waiting; the Kaplan-Meier estimate keeps
-- the pending ones at risk until they are censored.
CREATE FUNCTION km_share_within(s delay_summary, days integer) RETURNS float8
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
  SELECT 1 - @extschema@.km_survival(s, days)
$fn$;
COMMENT ON FUNCTION km_share_within(delay_summary, integer) IS
  'Kaplan-Meier probability that a delay ends within days: 1 - km_survival(s, days), counting completed delays as events and pending ones as censored (0 for days < 0); NULL for an empty summary; compare share_within, which counts the completed delays only';

-- ---- milestones and deadlines --------------------------------------------------------

CREATE TYPE milestone AS ENUM ('submitted', 'file_complete', 'committee_opinion', 'authorised', 'data_available');
COMMENT ON TYPE milestone IS
  'A milestone of the data access procedure, in the procedure''s order; each is a date column of project: submitted (submitted_on), file_complete (file_complete_on), committee_opinion (committee_opinion_on), authorised (authorised_on), data_available (data_available_on)';

CREATE TABLE deadline (
  id              text
                  CONSTRAINT deadline_pkey PRIMARY KEY
                  CONSTRAINT deadline_id_format CHECK (id ~ '^[a-z][a-z0-9_]*$'),
  title           text NOT NULL
                  CONSTRAINT deadline_title_not_blank CHECK (pg_catalog.btrim(title) <> ''),
  from_milestone  milestone NOT NULL,
  to_milestone    milestone NOT NULL,
  days            integer NOT NULL
                  CONSTRAINT deadline_days_positive CHECK (days > 0),
  extension_days  integer NOT NULL DEFAULT 0
                  CONSTRAINT deadline_extension_days_not_negative CHECK (extension_days >= 0),
  source_quote    text,
  active          boolean NOT NULL DEFAULT true,
  origin          row_origin NOT NULL DEFAULT 'user',
  CONSTRAINT deadline_span_forward CHECK (to_milestone > from_milestone),
  CONSTRAINT deadline_total_in_range CHECK (days::bigint + extension_days <= 2147483647)
);
COMMENT ON TABLE deadline IS
  'Named deadlines on a span of the data access procedure (from one milestone to a later one), with an optional extension; read by deadline_compliance_at. Seeded with the European Health Data Space decision deadline';
COMMENT ON COLUMN deadline.id IS 'Identifier of the deadline, lower-case snake_case (e.g. ehds_decision)';
COMMENT ON COLUMN deadline.title IS 'What the deadline is, in words';
COMMENT ON COLUMN deadline.from_milestone IS 'The milestone the deadline runs from (a milestone label)';
COMMENT ON COLUMN deadline.to_milestone IS 'The milestone that meets the deadline, later in the procedure than from_milestone';
COMMENT ON COLUMN deadline.days IS 'Days allowed from from_milestone to to_milestone (a span of at most days meets the deadline)';
COMMENT ON COLUMN deadline.extension_days IS 'Days the deadline may be extended by, once (0: no extension)';
COMMENT ON COLUMN deadline.source_quote IS 'Where the deadline comes from (the legal text or the hub''s own commitment)';
COMMENT ON COLUMN deadline.active IS 'Whether deadline_compliance_at reports the deadline; false retires it (the way to retire a seeded deadline for good)';
COMMENT ON COLUMN deadline.origin IS 'Where the row comes from (row_origin), maintained by triggers: seed, edited (a changed seed row) or user; pristine seed rows are not dumped';
COMMENT ON CONSTRAINT deadline_id_format ON deadline IS 'A deadline id is lower-case snake_case: a letter, then letters, digits or underscores';
COMMENT ON CONSTRAINT deadline_title_not_blank ON deadline IS 'A deadline has a title';
COMMENT ON CONSTRAINT deadline_days_positive ON deadline IS 'A deadline allows at least one day';
COMMENT ON CONSTRAINT deadline_extension_days_not_negative ON deadline IS 'An extension is a number of days: not negative (0 for none)';
COMMENT ON CONSTRAINT deadline_span_forward ON deadline IS 'A deadline runs forward: to_milestone comes after from_milestone in the procedure';
COMMENT ON CONSTRAINT deadline_total_in_range ON deadline IS 'days + extension_days fits an integer';

-- Inserted before the origin triggers exist, so it keeps origin 'seed'.
INSERT INTO deadline (id, title, from_milestone, to_milestone, days, extension_days, source_quote, origin) VALUES
('ehds_decision',
 'European Health Data Space: the health data access body decides on a complete application within 3 months (90 days), extendable once by 3 months (90 days)',
 'file_complete', 'authorised', 90, 90,
 'Regulation (EU) 2025/327 on the European Health Data Space, health data permits: a decision on a complete health data access application within three months of its receipt, a period the health data access body may extend once by three months',
 'seed');

CREATE TRIGGER deadline_origin_on_insert BEFORE INSERT ON deadline
  FOR EACH ROW EXECUTE FUNCTION seeded_row_before_insert();
CREATE TRIGGER deadline_origin_on_update BEFORE UPDATE ON deadline
  FOR EACH ROW EXECUTE FUNCTION seeded_row_before_update();
COMMENT ON TRIGGER deadline_origin_on_insert ON deadline IS 'Sets origin of a new deadline; a new row replaces the pristine seed row with its id';
COMMENT ON TRIGGER deadline_origin_on_update ON deadline IS 'Marks a changed seed deadline ''edited'' so that it is dumped';

SELECT pg_catalog.pg_extension_config_dump('deadline', 'WHERE origin <> ''seed''');

-- ---- delays stage by stage, deadline compliance ---------------------------------------

CREATE FUNCTION stage_delay_at(as_of date)
RETURNS TABLE (year integer, linkage text, stage text, completed bigint, pending bigint,
               mean_days float8, median_days float8, km_median_days float8)
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
SELECT @extschema@.checked_as_of($1);
--@include src/sql/queries/stage_delay.sql {as_of}=$1
$fn$;

CREATE FUNCTION deadline_compliance_at(as_of date)
RETURNS TABLE (deadline text, year integer, linkage text, within_deadline bigint, within_extension bigint,
               late bigint, open bigint, overdue bigint, km_share_within_deadline float8,
               km_share_within_extension float8)
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
SELECT @extschema@.checked_as_of($1);
--@include src/sql/queries/deadline_compliance.sql {as_of}=$1
$fn$;

COMMENT ON FUNCTION stage_delay_at(date) IS
  'Delays of each stage of the procedure by calendar year and linkage type (all_linked: every linkage but none) as known on as_of: file_completion (submitted -> file complete), committee_opinion (file complete -> opinion), authorisation (opinion, or file complete when the opinion was skipped -> authorised), data_provision (authorised -> data available). Year Y counts the stages ended during Y (completed) and those started by 31 December Y (or as_of) and not ended then (pending, censored). A stage whose start is unknown, or whose end was skipped (empty while a later milestone is known), is not counted. Days; see doc/monitoring.md; a NULL as_of is an error (22004)';
COMMENT ON FUNCTION deadline_compliance_at(date) IS
  'Compliance with each active deadline by calendar year and linkage type (all_linked: every linkage but none) as known on as_of: spans decided during the year within the deadline, within the extension, late; spans not decided by 31 December (or as_of), still within the extended deadline (open) or past it (overdue); and the Kaplan-Meier share decided within the deadline and within the extension, counting the undecided spans as censored. See doc/monitoring.md; a NULL as_of is an error (22004)';

-- ---- trailing 12 months, month by month ------------------------------------------------

CREATE FUNCTION access_delay_monthly_at(as_of date)
RETURNS TABLE (month date, linkage text, completed bigint, pending bigint, mean_months float8,
               median_months float8, km_median_months float8, share_within_7_months float8)
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
SELECT @extschema@.checked_as_of($1);
--@include src/sql/queries/access_delay_monthly.sql {as_of}=$1
$fn$;

CREATE VIEW access_delay_monthly AS
--@include src/sql/queries/access_delay_monthly.sql {as_of}=CURRENT_DATE
;

CREATE MATERIALIZED VIEW access_delay_monthly_mv AS SELECT * FROM access_delay_monthly;
CREATE UNIQUE INDEX access_delay_monthly_mv_key ON access_delay_monthly_mv (month, linkage);

COMMENT ON FUNCTION access_delay_monthly_at(date) IS
  'Data access delays over the 12 months ending with each month, by linkage type (all_linked: every linkage but none), as known on as_of: one row per month from the first submission to the month of as_of and per linkage; the cohort of month M is the projects whose data were made available during the 12 months ending with M and those still waiting at the end of M (or on as_of); December''s row equals the year''s row of access_delay_at. See doc/monitoring.md; a NULL as_of is an error (22004)';
COMMENT ON VIEW access_delay_monthly IS
  'Data access delays over the 12 months ending with each month, by linkage type, as known today: access_delay_monthly_at(current_date)';
COMMENT ON MATERIALIZED VIEW access_delay_monthly_mv IS
  'access_delay_monthly as of the day of the last refresh() (see last_refresh)';
COMMENT ON INDEX access_delay_monthly_mv_key IS 'One row per month and linkage; lets refresh() refresh access_delay_monthly_mv concurrently';
COMMENT ON COLUMN access_delay_monthly.month IS 'First day of the month M; the row covers the 12 months ending with M';
COMMENT ON COLUMN access_delay_monthly.linkage IS 'Linkage type of the projects (a linkage_type label), or all_linked for every project whose linkage is not none';
COMMENT ON COLUMN access_delay_monthly.completed IS 'Projects whose data were made available during the 12 months ending with the month (up to today for the current month)';
COMMENT ON COLUMN access_delay_monthly.pending IS 'Projects submitted by the end of the month (or today) still waiting for their data then';
COMMENT ON COLUMN access_delay_monthly.mean_months IS 'Mean delay from submission to data made available of the completed projects, in months of 30.436875 days';
COMMENT ON COLUMN access_delay_monthly.median_months IS 'Median delay of the completed projects (percentile_cont 0.5), in months';
COMMENT ON COLUMN access_delay_monthly.km_median_months IS 'Kaplan-Meier median delay, in months, counting the pending projects as censored at the end of the month (or today); NULL when the survival curve does not reach one half';
COMMENT ON COLUMN access_delay_monthly.share_within_7_months IS 'Share of the completed projects whose delay was at most 213 days (7 months of 30.436875 days is 213.06 days)';
COMMENT ON COLUMN access_delay_monthly_mv.month IS 'First day of the month; the row covers the 12 months ending with it';
COMMENT ON COLUMN access_delay_monthly_mv.linkage IS 'Linkage type (a linkage_type label) or all_linked';
COMMENT ON COLUMN access_delay_monthly_mv.completed IS 'Projects whose data were made available during the 12 months';
COMMENT ON COLUMN access_delay_monthly_mv.pending IS 'Projects still waiting at the end of the month (or on the day of the refresh)';
COMMENT ON COLUMN access_delay_monthly_mv.mean_months IS 'Mean delay of the completed projects, in months of 30.436875 days';
COMMENT ON COLUMN access_delay_monthly_mv.median_months IS 'Median delay of the completed projects, in months';
COMMENT ON COLUMN access_delay_monthly_mv.km_median_months IS 'Kaplan-Meier median delay counting the pending projects as censored, in months';
COMMENT ON COLUMN access_delay_monthly_mv.share_within_7_months IS 'Share of the completed projects with a delay of at most 213 days';
