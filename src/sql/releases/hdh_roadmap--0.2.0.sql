-- hdh_roadmap 0.2.0 install script, generated from src/sql/ by make: do not edit.

-- ---- src/sql/00_schema.sql ----
-- hdh_roadmap: schema-wide settings. Objects live in schema hdh_roadmap
-- (created by CREATE EXTENSION from the control file).

\echo Use "CREATE EXTENSION hdh_roadmap" to load this file. \quit

COMMENT ON SCHEMA hdh_roadmap IS
  'hdh_roadmap: a health data hub''s roadmap indicators, targets and progress scoring';

-- ---- src/sql/10_enums.sql ----
-- Enums shared by the reference tables and the progress scoring.

CREATE TYPE target_kind AS ENUM ('at_least', 'more_than', 'at_most', 'less_than', 'multiply_by');
COMMENT ON TYPE target_kind IS
  'How a target is met: at_least (>=), more_than (>), at_most (<=), less_than (<), or multiply_by (the baseline value times a factor, increase desired)';

CREATE TYPE progress_status AS ENUM ('achieved', 'on_track', 'moderate', 'insufficient', 'moving_away', 'no_data');
COMMENT ON TYPE progress_status IS
  'Eurostat progress class of an indicator against its target: achieved, on_track (ratio >= 0.95), moderate (0.60 to 0.95), insufficient (0 to 0.60), moving_away (< 0), no_data';

-- ---- src/sql/15_progress.sql ----
-- Progress scoring: the Eurostat SDG ratio of observed to required growth
-- (as in Open SDG's progress measure) and the status classes built on it.
-- See doc/progress.md. The enums target_kind and progress_status are in
-- 10_enums.sql.

CREATE FUNCTION progress_ratio(baseline float8, baseline_year float8,
                               current float8, current_year float8,
                               target float8, target_year float8)
RETURNS float8
AS 'MODULE_PATHNAME', 'progress_ratio'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION progress_ratio(float8, float8, float8, float8, float8, float8) IS
  'Eurostat progress ratio R = d * CAGR_observed / |CAGR_required| (linear annual changes where a value is <= 0); years are decimal; NULL when current_year <= baseline_year, target_year <= baseline_year or target = baseline; NaN or infinite input is an error (22023)';

CREATE FUNCTION progress_status(kind target_kind, target float8,
                                baseline float8, baseline_year float8,
                                current float8, current_year float8,
                                target_year float8)
RETURNS progress_status
AS 'MODULE_PATHNAME', 'progress_status'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION progress_status(target_kind, float8, float8, float8, float8, float8, float8) IS
  'Progress class of a current value against a target (for multiply_by, target is the factor): achieved, then baseline-already-met cases, then on_track/moderate/insufficient/moving_away by the progress ratio; no_data when current or baseline is NULL or the ratio is undefined; NULL when kind or target is NULL';

-- ---- src/sql/20_delay_summary.sql ----
-- delay_summary: exact, mergeable, censoring-aware summaries of delays in
-- whole days; the delay_agg and rollup aggregates; accessors. C code in
-- src/delay_summary.c, src/delay_agg.c and src/core/delay_*.c; reference in
-- doc/delay_summary.md.

-- ---- the type ---------------------------------------------------------------

CREATE TYPE delay_summary;

CREATE FUNCTION delay_summary_in(cstring) RETURNS delay_summary
  AS 'MODULE_PATHNAME', 'delay_summary_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION delay_summary_out(delay_summary) RETURNS cstring
  AS 'MODULE_PATHNAME', 'delay_summary_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION delay_summary_recv(internal) RETURNS delay_summary
  AS 'MODULE_PATHNAME', 'delay_summary_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION delay_summary_send(delay_summary) RETURNS bytea
  AS 'MODULE_PATHNAME', 'delay_summary_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE delay_summary (
  INPUT = delay_summary_in,
  OUTPUT = delay_summary_out,
  RECEIVE = delay_summary_recv,
  SEND = delay_summary_send,
  INTERNALLENGTH = VARIABLE,
  ALIGNMENT = int4,
  STORAGE = extended
);

COMMENT ON TYPE delay_summary IS
  'Exact summary of delays in whole days: per day, how many delays ended (completed) and how many were still running (pending, censored). Text form: completed {day:count, ...} pending {day:count, ...}';
COMMENT ON FUNCTION delay_summary_in(cstring) IS
  'Text input of delay_summary: completed {day:count, ...} pending {day:count, ...}, days ascending, counts positive';
COMMENT ON FUNCTION delay_summary_out(delay_summary) IS
  'Text output of delay_summary, the canonical form that delay_summary_in reads back';
COMMENT ON FUNCTION delay_summary_recv(internal) IS
  'Binary input of delay_summary (version 1: header with totals, then fixed-width entries), with every check of the text input';
COMMENT ON FUNCTION delay_summary_send(delay_summary) IS
  'Binary output of delay_summary (version 1)';

-- ---- merge operator -----------------------------------------------------------

CREATE FUNCTION delay_summary_add(delay_summary, delay_summary) RETURNS delay_summary
  AS 'MODULE_PATHNAME', 'delay_summary_add' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION delay_summary_add(delay_summary, delay_summary) IS
  'Merge two delay summaries: the summary of both sets of delays (the + operator)';

CREATE OPERATOR + (
  LEFTARG = delay_summary,
  RIGHTARG = delay_summary,
  FUNCTION = delay_summary_add,
  COMMUTATOR = +
);
COMMENT ON OPERATOR + (delay_summary, delay_summary) IS
  'Merge two delay summaries (counts per day added)';

-- ---- aggregate support ----------------------------------------------------------

CREATE FUNCTION delay_agg_trans_dates(internal, date, date) RETURNS internal
  AS 'MODULE_PATHNAME', 'delay_agg_trans_dates' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION delay_agg_trans_as_of(internal, date, date, date) RETURNS internal
  AS 'MODULE_PATHNAME', 'delay_agg_trans_as_of' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION delay_agg_trans_days(internal, integer) RETURNS internal
  AS 'MODULE_PATHNAME', 'delay_agg_trans_days' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION delay_agg_trans_days_pending(internal, integer, boolean) RETURNS internal
  AS 'MODULE_PATHNAME', 'delay_agg_trans_days_pending' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION delay_summary_rollup_trans(internal, delay_summary) RETURNS internal
  AS 'MODULE_PATHNAME', 'delay_summary_rollup_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION delay_agg_final(internal) RETURNS delay_summary
  AS 'MODULE_PATHNAME', 'delay_agg_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION delay_agg_combine(internal, internal) RETURNS internal
  AS 'MODULE_PATHNAME', 'delay_agg_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION delay_agg_serialize(internal) RETURNS bytea
  AS 'MODULE_PATHNAME', 'delay_agg_serialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION delay_agg_deserialize(bytea, internal) RETURNS internal
  AS 'MODULE_PATHNAME', 'delay_agg_deserialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION delay_agg_trans_dates(internal, date, date) IS
  'Transition of delay_agg(started, finished): adds finished - started as a completed delay; skips a row with a NULL date';
COMMENT ON FUNCTION delay_agg_trans_as_of(internal, date, date, date) IS
  'Transition of delay_agg(started, finished, as_of): the situation known on as_of (later starts skipped, later or missing ends pending)';
COMMENT ON FUNCTION delay_agg_trans_days(internal, integer) IS
  'Transition of delay_agg(days): adds a completed delay of days; skips NULL';
COMMENT ON FUNCTION delay_agg_trans_days_pending(internal, integer, boolean) IS
  'Transition of delay_agg(days, pending): adds a delay of days, censored when pending; skips a NULL days, refuses a NULL pending';
COMMENT ON FUNCTION delay_summary_rollup_trans(internal, delay_summary) IS
  'Transition of rollup(delay_summary): merges a stored summary; skips NULL';
COMMENT ON FUNCTION delay_agg_final(internal) IS
  'Final function of delay_agg and rollup: the delay_summary of the state (the state is left unchanged)';
COMMENT ON FUNCTION delay_agg_combine(internal, internal) IS
  'Combine function of delay_agg and rollup: merges two partial states';
COMMENT ON FUNCTION delay_agg_serialize(internal) IS
  'Serialization of a delay_agg state (the packed delay_summary form) for parallel aggregation';
COMMENT ON FUNCTION delay_agg_deserialize(bytea, internal) IS
  'Deserialization of a delay_agg state, every length and count checked';

-- SSPACE: a state is 128 bytes holding its first 32 rows (144 with the
-- allocator's chunk header), then 2 bytes a row in segments of 128, 256...
-- bytes: 288 bytes for a group of up to 92 rows. rollup's states hold
-- sorted runs, 8 bytes a distinct day: about 1 kB for a hundred days.
CREATE AGGREGATE delay_agg(started date, finished date) (
  SFUNC = delay_agg_trans_dates,
  STYPE = internal,
  SSPACE = 288,
  FINALFUNC = delay_agg_final,
  FINALFUNC_MODIFY = READ_ONLY,
  COMBINEFUNC = delay_agg_combine,
  SERIALFUNC = delay_agg_serialize,
  DESERIALFUNC = delay_agg_deserialize,
  PARALLEL = SAFE
);
COMMENT ON AGGREGATE delay_agg(date, date) IS
  'Summary of completed delays finished - started in days; rows with a NULL date are skipped; finished before started is an error';

CREATE AGGREGATE delay_agg(started date, finished date, as_of date) (
  SFUNC = delay_agg_trans_as_of,
  STYPE = internal,
  SSPACE = 288,
  FINALFUNC = delay_agg_final,
  FINALFUNC_MODIFY = READ_ONLY,
  COMBINEFUNC = delay_agg_combine,
  SERIALFUNC = delay_agg_serialize,
  DESERIALFUNC = delay_agg_deserialize,
  PARALLEL = SAFE
);
COMMENT ON AGGREGATE delay_agg(date, date, date) IS
  'Summary of delays as known on as_of: rows started after as_of skipped; finished NULL or after as_of is pending, censored at as_of - started; a NULL as_of is an error';

CREATE AGGREGATE delay_agg(days integer) (
  SFUNC = delay_agg_trans_days,
  STYPE = internal,
  SSPACE = 288,
  FINALFUNC = delay_agg_final,
  FINALFUNC_MODIFY = READ_ONLY,
  COMBINEFUNC = delay_agg_combine,
  SERIALFUNC = delay_agg_serialize,
  DESERIALFUNC = delay_agg_deserialize,
  PARALLEL = SAFE
);
COMMENT ON AGGREGATE delay_agg(integer) IS
  'Summary of completed delays given in days; NULL skipped; a negative delay is an error';

CREATE AGGREGATE delay_agg(days integer, pending boolean) (
  SFUNC = delay_agg_trans_days_pending,
  STYPE = internal,
  SSPACE = 288,
  FINALFUNC = delay_agg_final,
  FINALFUNC_MODIFY = READ_ONLY,
  COMBINEFUNC = delay_agg_combine,
  SERIALFUNC = delay_agg_serialize,
  DESERIALFUNC = delay_agg_deserialize,
  PARALLEL = SAFE
);
COMMENT ON AGGREGATE delay_agg(integer, boolean) IS
  'Summary of delays in days, pending = true meaning still running (censored at days); a NULL days is skipped, a NULL pending is an error';

CREATE AGGREGATE rollup(delay_summary) (
  SFUNC = delay_summary_rollup_trans,
  STYPE = internal,
  SSPACE = 1024,
  FINALFUNC = delay_agg_final,
  FINALFUNC_MODIFY = READ_ONLY,
  COMBINEFUNC = delay_agg_combine,
  SERIALFUNC = delay_agg_serialize,
  DESERIALFUNC = delay_agg_deserialize,
  PARALLEL = SAFE
);
COMMENT ON AGGREGATE rollup(delay_summary) IS
  'Merge stored delay summaries (e.g. from a materialized view) into one; NULL skipped';

-- ---- accessors ---------------------------------------------------------------------

CREATE FUNCTION completed(delay_summary) RETURNS bigint
  AS 'MODULE_PATHNAME', 'delay_summary_completed' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION pending(delay_summary) RETURNS bigint
  AS 'MODULE_PATHNAME', 'delay_summary_pending' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION mean_days(delay_summary) RETURNS float8
  AS 'MODULE_PATHNAME', 'delay_summary_mean_days' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION mean_months(delay_summary) RETURNS float8
  AS 'MODULE_PATHNAME', 'delay_summary_mean_months' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION stddev_days(delay_summary) RETURNS float8
  AS 'MODULE_PATHNAME', 'delay_summary_stddev_days' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION min_days(delay_summary) RETURNS integer
  AS 'MODULE_PATHNAME', 'delay_summary_min_days' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION max_days(delay_summary) RETURNS integer
  AS 'MODULE_PATHNAME', 'delay_summary_max_days' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION percentile_days(delay_summary, p float8) RETURNS float8
  AS 'MODULE_PATHNAME', 'delay_summary_percentile_days' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION percentile_disc_days(delay_summary, p float8) RETURNS integer
  AS 'MODULE_PATHNAME', 'delay_summary_percentile_disc_days' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION median_days(delay_summary) RETURNS float8
  AS 'MODULE_PATHNAME', 'delay_summary_median_days' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION share_within(delay_summary, days integer) RETURNS float8
  AS 'MODULE_PATHNAME', 'delay_summary_share_within' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION km_survival(delay_summary, days integer) RETURNS float8
  AS 'MODULE_PATHNAME', 'delay_summary_km_survival' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION km_median_days(delay_summary) RETURNS float8
  AS 'MODULE_PATHNAME', 'delay_summary_km_median_days' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION rmst_days(delay_summary, tau integer) RETURNS float8
  AS 'MODULE_PATHNAME', 'delay_summary_rmst_days' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION completed(delay_summary) IS
  'Number of completed delays';
COMMENT ON FUNCTION pending(delay_summary) IS
  'Number of pending (still running, censored) delays';
COMMENT ON FUNCTION mean_days(delay_summary) IS
  'Mean of completed delays in days (equals avg); NULL without completed delays';
COMMENT ON FUNCTION mean_months(delay_summary) IS
  'Mean of completed delays in average Gregorian months: mean_days / 30.436875';
COMMENT ON FUNCTION stddev_days(delay_summary) IS
  'Sample standard deviation of completed delays in days (equals stddev); NULL below two';
COMMENT ON FUNCTION min_days(delay_summary) IS
  'Shortest completed delay in days; NULL without completed delays';
COMMENT ON FUNCTION max_days(delay_summary) IS
  'Longest completed delay in days; NULL without completed delays';
COMMENT ON FUNCTION percentile_days(delay_summary, float8) IS
  'Continuous percentile p of completed delays (equals percentile_cont(p)); p in [0, 1]';
COMMENT ON FUNCTION percentile_disc_days(delay_summary, float8) IS
  'Discrete percentile p of completed delays (equals percentile_disc(p)); p in [0, 1]';
COMMENT ON FUNCTION median_days(delay_summary) IS
  'Median of completed delays: percentile_days(s, 0.5)';
COMMENT ON FUNCTION share_within(delay_summary, integer) IS
  'Fraction of completed delays of at most days days; NULL without completed delays';
COMMENT ON FUNCTION km_survival(delay_summary, integer) IS
  'Kaplan-Meier S(days) = P(delay > days), completed delays as events, pending as censored (at risk on their day)';
COMMENT ON FUNCTION km_median_days(delay_summary) IS
  'Kaplan-Meier median: smallest t with S(t) <= 0.5, the midpoint of a flat stretch at exactly 0.5; NULL if S never reaches 0.5';
COMMENT ON FUNCTION rmst_days(delay_summary, integer) IS
  'Restricted mean survival time: the integral of the Kaplan-Meier S from 0 to tau days';

-- ---- src/sql/30_year_counts.sql ----
-- year_counts: exact, mergeable yearly totals (calendar year -> bigint), the
-- aggregates that build them and the accessors that read them.
-- Reference: doc/year_counts.md.

CREATE TYPE year_counts;

CREATE FUNCTION year_counts_in(cstring) RETURNS year_counts
  AS 'MODULE_PATHNAME', 'year_counts_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION year_counts_in(cstring) IS
  'Text input of year_counts: {year:total,...}, years ascending from 1 to 9999, totals >= 0';

CREATE FUNCTION year_counts_out(year_counts) RETURNS cstring
  AS 'MODULE_PATHNAME', 'year_counts_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION year_counts_out(year_counts) IS
  'Text output of year_counts: {year:total,...}, ascending, only years with a total';

CREATE FUNCTION year_counts_recv(internal) RETURNS year_counts
  AS 'MODULE_PATHNAME', 'year_counts_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION year_counts_recv(internal) IS
  'Binary input of year_counts, with the checks of the text input';

CREATE FUNCTION year_counts_send(year_counts) RETURNS bytea
  AS 'MODULE_PATHNAME', 'year_counts_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION year_counts_send(year_counts) IS
  'Binary output of year_counts: version, flags, count, then (int4 year, int8 total) pairs';

CREATE TYPE year_counts (
  INPUT = year_counts_in,
  OUTPUT = year_counts_out,
  RECEIVE = year_counts_recv,
  SEND = year_counts_send,
  INTERNALLENGTH = VARIABLE,
  ALIGNMENT = double,
  STORAGE = extended
);
COMMENT ON TYPE year_counts IS
  'Exact yearly totals: calendar year (1 to 9999) -> bigint total; merge with + or rollup(); text form {2022:5,2023:12}';

-- Merge.

CREATE FUNCTION year_counts_add(year_counts, year_counts) RETURNS year_counts
  AS 'MODULE_PATHNAME', 'year_counts_add' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION year_counts_add(year_counts, year_counts) IS
  'Year-by-year sum of two year_counts (the + operator); an error past bigint';

CREATE OPERATOR + (
  LEFTARG = year_counts,
  RIGHTARG = year_counts,
  FUNCTION = year_counts_add,
  COMMUTATOR = +
);
COMMENT ON OPERATOR + (year_counts, year_counts) IS
  'Merge two year_counts: year-by-year sum of the totals';

-- Accessors.

CREATE FUNCTION value_in(yc year_counts, year integer) RETURNS bigint
  AS 'MODULE_PATHNAME', 'year_counts_value_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION value_in(year_counts, integer) IS
  'Total of a calendar year, 0 for a year with nothing';

CREATE FUNCTION multiplier(yc year_counts, base_year integer, year integer) RETURNS float8
  AS 'MODULE_PATHNAME', 'year_counts_multiplier' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION multiplier(year_counts, integer, integer) IS
  'value_in(year) / value_in(base_year); NULL when the base year''s total is 0';

CREATE FUNCTION yoy(yc year_counts, year integer) RETURNS float8
  AS 'MODULE_PATHNAME', 'year_counts_yoy' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION yoy(year_counts, integer) IS
  'Year-over-year multiplier: multiplier(yc, year - 1, year)';

CREATE FUNCTION cagr(yc year_counts, from_year integer, to_year integer) RETURNS float8
  AS 'MODULE_PATHNAME', 'year_counts_cagr' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cagr(year_counts, integer, integer) IS
  'Compound annual growth rate (v_to / v_from)^(1 / (to_year - from_year)) - 1; NULL when v_from is 0 or to_year <= from_year';

CREATE FUNCTION cumulative(yc year_counts, from_year integer, to_year integer) RETURNS bigint
  AS 'MODULE_PATHNAME', 'year_counts_cumulative' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cumulative(year_counts, integer, integer) IS
  'Sum of the totals of from_year to to_year inclusive; 0 when from_year > to_year';

CREATE FUNCTION years(yc year_counts) RETURNS TABLE (year integer, value bigint)
  AS 'MODULE_PATHNAME', 'year_counts_years' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
  ROWS 10;
COMMENT ON FUNCTION years(year_counts) IS
  'One row per year with a total, ascending by year';

-- Aggregate support (internal state; callable only by the aggregates).

CREATE FUNCTION year_counts_agg_trans(internal, date) RETURNS internal
  AS 'MODULE_PATHNAME', 'year_counts_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION year_counts_agg_trans(internal, date) IS
  'Transition of year_counts_agg(date): +1 in the year of the date';

CREATE FUNCTION year_counts_agg_trans(internal, date, bigint) RETURNS internal
  AS 'MODULE_PATHNAME', 'year_counts_agg_trans_weighted' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION year_counts_agg_trans(internal, date, bigint) IS
  'Transition of year_counts_agg(date, bigint): + weight in the year of the date';

CREATE FUNCTION years_active_agg_trans(internal, daterange, date) RETURNS internal
  AS 'MODULE_PATHNAME', 'years_active_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION years_active_agg_trans(internal, daterange, date) IS
  'Transition of years_active_agg(daterange, date): +1 in each year the span overlaps up to as_of';

CREATE FUNCTION years_active_agg_trans(internal, datemultirange, date) RETURNS internal
  AS 'MODULE_PATHNAME', 'years_active_agg_trans_multirange' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION years_active_agg_trans(internal, datemultirange, date) IS
  'Transition of years_active_agg(datemultirange, date): +1 in each year any period overlaps up to as_of';

CREATE FUNCTION year_counts_rollup_trans(internal, year_counts) RETURNS internal
  AS 'MODULE_PATHNAME', 'year_counts_rollup_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION year_counts_rollup_trans(internal, year_counts) IS
  'Transition of rollup(year_counts): merge a stored value';

CREATE FUNCTION year_counts_agg_combine(internal, internal) RETURNS internal
  AS 'MODULE_PATHNAME', 'year_counts_agg_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION year_counts_agg_combine(internal, internal) IS
  'Combine two partial states of the year_counts aggregates';

CREATE FUNCTION year_counts_agg_serialize(internal) RETURNS bytea
  AS 'MODULE_PATHNAME', 'year_counts_agg_serialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION year_counts_agg_serialize(internal) IS
  'Serialize a partial state of the year_counts aggregates (for parallel plans)';

CREATE FUNCTION year_counts_agg_deserialize(bytea, internal) RETURNS internal
  AS 'MODULE_PATHNAME', 'year_counts_agg_deserialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION year_counts_agg_deserialize(bytea, internal) IS
  'Deserialize a partial state of the year_counts aggregates, checking it';

CREATE FUNCTION year_counts_agg_final(internal) RETURNS year_counts
  AS 'MODULE_PATHNAME', 'year_counts_agg_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION year_counts_agg_final(internal) IS
  'Final function of the year_counts aggregates: the totals, {} when no row counted';

-- Aggregates.

CREATE AGGREGATE year_counts_agg(d date) (
  SFUNC = year_counts_agg_trans,
  STYPE = internal,
  SSPACE = 200,
  FINALFUNC = year_counts_agg_final,
  FINALFUNC_MODIFY = READ_ONLY,
  COMBINEFUNC = year_counts_agg_combine,
  SERIALFUNC = year_counts_agg_serialize,
  DESERIALFUNC = year_counts_agg_deserialize,
  PARALLEL = SAFE
);
COMMENT ON AGGREGATE year_counts_agg(date) IS
  'Yearly counts: +1 in the calendar year of each date; NULL dates skipped';

CREATE AGGREGATE year_counts_agg(d date, weight bigint) (
  SFUNC = year_counts_agg_trans,
  STYPE = internal,
  SSPACE = 200,
  FINALFUNC = year_counts_agg_final,
  FINALFUNC_MODIFY = READ_ONLY,
  COMBINEFUNC = year_counts_agg_combine,
  SERIALFUNC = year_counts_agg_serialize,
  DESERIALFUNC = year_counts_agg_deserialize,
  PARALLEL = SAFE
);
COMMENT ON AGGREGATE year_counts_agg(date, bigint) IS
  'Yearly sums: + weight in the calendar year of each date; negative weights are an error, NULL date or weight skipped';

CREATE AGGREGATE years_active_agg(span daterange, as_of date) (
  SFUNC = years_active_agg_trans,
  STYPE = internal,
  SSPACE = 200,
  FINALFUNC = year_counts_agg_final,
  FINALFUNC_MODIFY = READ_ONLY,
  COMBINEFUNC = year_counts_agg_combine,
  SERIALFUNC = year_counts_agg_serialize,
  DESERIALFUNC = year_counts_agg_deserialize,
  PARALLEL = SAFE
);
COMMENT ON AGGREGATE years_active_agg(daterange, date) IS
  'Yearly counts of active spans: +1 in each year a span overlaps, open or later ends capped at as_of, spans starting after as_of skipped';

CREATE AGGREGATE years_active_agg(spans datemultirange, as_of date) (
  SFUNC = years_active_agg_trans,
  STYPE = internal,
  SSPACE = 200,
  FINALFUNC = year_counts_agg_final,
  FINALFUNC_MODIFY = READ_ONLY,
  COMBINEFUNC = year_counts_agg_combine,
  SERIALFUNC = year_counts_agg_serialize,
  DESERIALFUNC = year_counts_agg_deserialize,
  PARALLEL = SAFE
);
COMMENT ON AGGREGATE years_active_agg(datemultirange, date) IS
  'Yearly counts of active rows: +1 in each year any period of the multirange overlaps (once per row), capped at as_of';

CREATE AGGREGATE rollup(year_counts) (
  SFUNC = year_counts_rollup_trans,
  STYPE = internal,
  SSPACE = 200,
  FINALFUNC = year_counts_agg_final,
  FINALFUNC_MODIFY = READ_ONLY,
  COMBINEFUNC = year_counts_agg_combine,
  SERIALFUNC = year_counts_agg_serialize,
  DESERIALFUNC = year_counts_agg_deserialize,
  PARALLEL = SAFE
);
COMMENT ON AGGREGATE rollup(year_counts) IS
  'Merge stored year_counts (e.g. from a materialized view): year-by-year sums; NULLs skipped';

-- ---- src/sql/40_tables.sql ----
-- Reference data model: the hub's records (calls for projects, catalogue
-- databases, projects and their sources, platform usage, partnerships,
-- exchanges with civil society), the roadmap's targets and the 2020-2022
-- baseline. See doc/tables.md.
--
-- Every rule is a NAMED constraint saying which rule a rejected row broke.
-- Every table is registered with pg_extension_config_dump so that user rows
-- survive pg_dump / pg_restore; the seeded tables (target, baseline_fact) dump
-- only rows whose origin is not 'seed', and their triggers let a restored
-- edited row take the place of the pristine seed row that CREATE EXTENSION
-- put back.

-- ---- enums -------------------------------------------------------------------

CREATE TYPE linkage_type AS ENUM ('none', 'direct', 'indirect', 'probabilistic');
COMMENT ON TYPE linkage_type IS
  'How a project links its data sources: none (a single source), direct (deterministic, on an identifier the sources share), indirect (through a trusted third party), probabilistic (matching on non-identifying variables)';

CREATE TYPE infrastructure_kind AS ENUM ('local', 'mutualised');
COMMENT ON TYPE infrastructure_kind IS
  'Kind of infrastructure a partnership is signed with: local (one establishment or site, e.g. a hospital data warehouse) or mutualised (shared by several organisations, e.g. a regional or thematic hub)';

CREATE TYPE partnership_level AS ENUM ('regional', 'national', 'european');
COMMENT ON TYPE partnership_level IS
  'Geographic level of a partnership: regional, national or european';

CREATE TYPE exchange_kind AS ENUM ('consultation', 'meeting', 'event', 'committee', 'workshop', 'survey', 'other');
COMMENT ON TYPE exchange_kind IS
  'Kind of exchange with civil society: consultation (public or online), meeting, event (conference, data challenge), committee (a session of a citizens'' or users'' committee), workshop, survey, other';

CREATE TYPE fact_qualifier AS ENUM ('exactly', 'more_than', 'about', 'almost');
COMMENT ON TYPE fact_qualifier IS
  'How a reported figure qualifies its value: exactly, more_than ("plus de"), about ("près de", "une centaine"), almost ("presque")';

CREATE TYPE measure AS ENUM ('platform_projects', 'linkage_access_delay', 'new_partnerships', 'civil_society_exchanges');
COMMENT ON TYPE measure IS
  'The computation that measures a target (see doc/scorecard.md): platform_projects (distinct projects using the platform per calendar year), linkage_access_delay (mean months from submission to data made available, linked projects, by year of availability), new_partnerships (partnerships signed since 1 January of the target''s start year, cumulative), civil_society_exchanges (exchanges with civil society per calendar year)';

CREATE TYPE row_origin AS ENUM ('seed', 'edited', 'user');
COMMENT ON TYPE row_origin IS
  'Where a row of a seeded table comes from: seed (put by CREATE EXTENSION, unchanged; not dumped), edited (a seed row changed by a user; dumped), user (inserted by a user; dumped)';

-- ---- calls for projects and catalogue databases ------------------------------

CREATE TABLE call_for_projects (
  call_id      integer GENERATED BY DEFAULT AS IDENTITY
               CONSTRAINT call_for_projects_pkey PRIMARY KEY,
  theme        text NOT NULL
               CONSTRAINT call_for_projects_theme_not_blank CHECK (pg_catalog.btrim(theme) <> ''),
  launched_on  date NOT NULL,
  closed_on    date,
  respondents  integer
               CONSTRAINT call_for_projects_respondents_not_negative CHECK (respondents >= 0),
  CONSTRAINT call_for_projects_closes_after_launch CHECK (closed_on >= launched_on)
);
COMMENT ON TABLE call_for_projects IS
  'Calls for projects launched by the hub (e.g. on AI and health); a project may answer one';
COMMENT ON COLUMN call_for_projects.call_id IS 'Identifier of the call (generated)';
COMMENT ON COLUMN call_for_projects.theme IS 'Theme of the call, e.g. ''artificial intelligence and health''';
COMMENT ON COLUMN call_for_projects.launched_on IS 'Date the call was launched';
COMMENT ON COLUMN call_for_projects.closed_on IS 'Date applications closed; NULL while open or unknown';
COMMENT ON COLUMN call_for_projects.respondents IS 'Number of respondents (applications received); NULL if unknown';
COMMENT ON SEQUENCE call_for_projects_call_id_seq IS 'Identity sequence of call_for_projects.call_id';
COMMENT ON CONSTRAINT call_for_projects_theme_not_blank ON call_for_projects IS 'A call has a theme';
COMMENT ON CONSTRAINT call_for_projects_respondents_not_negative ON call_for_projects IS 'A number of respondents is a count: not negative';
COMMENT ON CONSTRAINT call_for_projects_closes_after_launch ON call_for_projects IS 'A call closes on or after the day it is launched';

CREATE TABLE catalogue_database (
  database_id  integer GENERATED BY DEFAULT AS IDENTITY
               CONSTRAINT catalogue_database_pkey PRIMARY KEY,
  name         text NOT NULL
               CONSTRAINT catalogue_database_name_not_blank CHECK (pg_catalog.btrim(name) <> ''),
  added_on     date NOT NULL,
  CONSTRAINT catalogue_database_name_unique UNIQUE (name)
);
COMMENT ON TABLE catalogue_database IS
  'Databases of the hub''s catalogue (the list published by ministerial order), with the date each was added';
COMMENT ON COLUMN catalogue_database.database_id IS 'Identifier of the catalogue database (generated)';
COMMENT ON COLUMN catalogue_database.name IS 'Name of the database, unique, e.g. ''SNDS main database''';
COMMENT ON COLUMN catalogue_database.added_on IS 'Date the database was added to the catalogue';
COMMENT ON SEQUENCE catalogue_database_database_id_seq IS 'Identity sequence of catalogue_database.database_id';
COMMENT ON CONSTRAINT catalogue_database_name_not_blank ON catalogue_database IS 'A catalogue database has a name';
COMMENT ON CONSTRAINT catalogue_database_name_unique ON catalogue_database IS 'Two catalogue databases do not share a name';

-- ---- projects ----------------------------------------------------------------

CREATE TABLE project (
  project_id                 integer GENERATED BY DEFAULT AS IDENTITY
                             CONSTRAINT project_pkey PRIMARY KEY,
  reference                  text NOT NULL
                             CONSTRAINT project_reference_not_blank CHECK (pg_catalog.btrim(reference) <> ''),
  title                      text NOT NULL
                             CONSTRAINT project_title_not_blank CHECK (pg_catalog.btrim(title) <> ''),
  submitted_on               date NOT NULL,
  file_complete_on           date,
  committee_opinion_on       date,
  authorised_on              date,
  data_available_on          date,
  with_health_establishment  boolean NOT NULL DEFAULT false,
  call_id                    integer
                             CONSTRAINT project_call_fk REFERENCES call_for_projects (call_id),
  linkage                    linkage_type NOT NULL DEFAULT 'none',
  CONSTRAINT project_reference_unique UNIQUE (reference),
  -- Milestones that are known come in the procedure's order; a skipped or
  -- not-yet-reached step is NULL.
  CONSTRAINT project_milestones_in_order CHECK (
        (file_complete_on     IS NULL OR file_complete_on     >= submitted_on)
    AND (committee_opinion_on IS NULL OR committee_opinion_on >= submitted_on)
    AND (authorised_on        IS NULL OR authorised_on        >= submitted_on)
    AND (data_available_on    IS NULL OR data_available_on    >= submitted_on)
    AND (committee_opinion_on IS NULL OR file_complete_on IS NULL OR committee_opinion_on >= file_complete_on)
    AND (authorised_on        IS NULL OR file_complete_on IS NULL OR authorised_on        >= file_complete_on)
    AND (data_available_on    IS NULL OR file_complete_on IS NULL OR data_available_on    >= file_complete_on)
    AND (authorised_on        IS NULL OR committee_opinion_on IS NULL OR authorised_on     >= committee_opinion_on)
    AND (data_available_on    IS NULL OR committee_opinion_on IS NULL OR data_available_on >= committee_opinion_on)
    AND (data_available_on    IS NULL OR authorised_on IS NULL OR data_available_on >= authorised_on))
);
COMMENT ON TABLE project IS
  'Projects (dossiers) of the data access procedure, with the dates of its milestones: submitted, file complete, committee opinion, authorisation, data made available';
COMMENT ON COLUMN project.project_id IS 'Identifier of the project (generated); referenced by project_source and platform_usage';
COMMENT ON COLUMN project.reference IS 'Stable reference of the dossier, unique (e.g. the hub''s or the regulator''s file number)';
COMMENT ON COLUMN project.title IS 'Title of the project';
COMMENT ON COLUMN project.submitted_on IS 'Date the access request was submitted: the start of the data access delay';
COMMENT ON COLUMN project.file_complete_on IS 'Date the file was declared complete; NULL if not yet';
COMMENT ON COLUMN project.committee_opinion_on IS 'Date of the ethics and scientific committee''s opinion; NULL if not yet or not required';
COMMENT ON COLUMN project.authorised_on IS 'Date of the authorisation (or of the declaration of conformity); NULL if not yet';
COMMENT ON COLUMN project.data_available_on IS 'Date the data were made available to the project: the end of the data access delay; NULL while pending';
COMMENT ON COLUMN project.with_health_establishment IS 'Whether a health establishment (hospital, clinic) takes part in the project';
COMMENT ON COLUMN project.call_id IS 'The call for projects the project answered, if any (references call_for_projects)';
COMMENT ON COLUMN project.linkage IS 'How the project links its data sources (linkage_type); ''none'' when it uses a single source';
COMMENT ON SEQUENCE project_project_id_seq IS 'Identity sequence of project.project_id';
COMMENT ON CONSTRAINT project_reference_not_blank ON project IS 'A project has a reference';
COMMENT ON CONSTRAINT project_title_not_blank ON project IS 'A project has a title';
COMMENT ON CONSTRAINT project_reference_unique ON project IS 'Two projects do not share a reference';
COMMENT ON CONSTRAINT project_call_fk ON project IS 'The call a project answered exists';
COMMENT ON CONSTRAINT project_milestones_in_order ON project IS
  'Known milestones are in order: submitted <= file complete <= committee opinion <= authorised <= data available (NULL milestones are skipped)';

CREATE TABLE project_source (
  project_id   integer NOT NULL
               CONSTRAINT project_source_project_fk REFERENCES project (project_id) ON DELETE CASCADE,
  source_name  text NOT NULL
               CONSTRAINT project_source_name_not_blank CHECK (pg_catalog.btrim(source_name) <> ''),
  database_id  integer
               CONSTRAINT project_source_database_fk REFERENCES catalogue_database (database_id),
  CONSTRAINT project_source_pkey PRIMARY KEY (project_id, source_name)
);
CREATE INDEX project_source_database_idx ON project_source (database_id);
COMMENT ON TABLE project_source IS
  'The data sources each project uses (one row per project and source); a source may be a database of the catalogue';
COMMENT ON COLUMN project_source.project_id IS 'The project (references project; its sources go when it is deleted)';
COMMENT ON COLUMN project_source.source_name IS 'Name of the data source, e.g. ''SNDS main database'', ''hospital data warehouse''';
COMMENT ON COLUMN project_source.database_id IS 'The catalogue database this source is, if it is one (references catalogue_database)';
COMMENT ON INDEX project_source_database_idx IS 'Finds the projects using a catalogue database';
COMMENT ON CONSTRAINT project_source_project_fk ON project_source IS 'A source belongs to an existing project';
COMMENT ON CONSTRAINT project_source_name_not_blank ON project_source IS 'A source has a name';
COMMENT ON CONSTRAINT project_source_database_fk ON project_source IS 'The catalogue database of a source exists';
COMMENT ON CONSTRAINT project_source_pkey ON project_source IS 'A project lists a source once';

-- ---- platform usage ------------------------------------------------------------

CREATE TABLE platform_usage (
  usage_id    integer GENERATED BY DEFAULT AS IDENTITY
              CONSTRAINT platform_usage_pkey PRIMARY KEY,
  project_id  integer NOT NULL
              CONSTRAINT platform_usage_project_fk REFERENCES project (project_id) ON DELETE CASCADE,
  period      daterange NOT NULL
              CONSTRAINT platform_usage_period_not_empty CHECK (NOT pg_catalog.isempty(period))
              CONSTRAINT platform_usage_period_bounded_below CHECK (NOT pg_catalog.lower_inf(period)),
  -- int4range(id, id, '[]') compares project ids with the range opclass, so
  -- the constraint needs no btree_gist.
  CONSTRAINT platform_usage_periods_do_not_overlap EXCLUDE USING gist
    (pg_catalog.int4range(project_id, project_id, '[]') WITH OPERATOR(pg_catalog.=),
     period WITH OPERATOR(pg_catalog.&&))
);
CREATE INDEX platform_usage_project_idx ON platform_usage (project_id);
COMMENT ON TABLE platform_usage IS
  'Periods during which a project uses the hub''s technology platform; a project may have several periods, which do not overlap';
COMMENT ON COLUMN platform_usage.usage_id IS 'Identifier of the usage period (generated)';
COMMENT ON COLUMN platform_usage.project_id IS 'The project (references project; its periods go when it is deleted)';
COMMENT ON COLUMN platform_usage.period IS 'Days of use, a daterange (canonical [start, end)); an unbounded upper end means still in use';
COMMENT ON SEQUENCE platform_usage_usage_id_seq IS 'Identity sequence of platform_usage.usage_id';
COMMENT ON INDEX platform_usage_project_idx IS 'Finds the usage periods of a project';
COMMENT ON CONSTRAINT platform_usage_project_fk ON platform_usage IS 'A usage period belongs to an existing project';
COMMENT ON CONSTRAINT platform_usage_period_not_empty ON platform_usage IS 'A usage period has at least one day';
COMMENT ON CONSTRAINT platform_usage_period_bounded_below ON platform_usage IS 'A usage period has a first day';
COMMENT ON CONSTRAINT platform_usage_periods_do_not_overlap ON platform_usage IS 'The usage periods of one project do not overlap';

-- ---- partnerships and exchanges with civil society -------------------------------

CREATE TABLE partnership (
  partnership_id  integer GENERATED BY DEFAULT AS IDENTITY
                  CONSTRAINT partnership_pkey PRIMARY KEY,
  partner         text NOT NULL
                  CONSTRAINT partnership_partner_not_blank CHECK (pg_catalog.btrim(partner) <> ''),
  infrastructure  infrastructure_kind NOT NULL,
  level           partnership_level NOT NULL,
  signed_on       date NOT NULL
);
CREATE INDEX partnership_signed_on_idx ON partnership (signed_on);
COMMENT ON TABLE partnership IS
  'Partnerships signed with data infrastructures (local or mutualised; regional, national or European)';
COMMENT ON COLUMN partnership.partnership_id IS 'Identifier of the partnership (generated)';
COMMENT ON COLUMN partnership.partner IS 'The partner (infrastructure or organisation); a partner may sign several partnerships';
COMMENT ON COLUMN partnership.infrastructure IS 'Kind of infrastructure: local or mutualised (infrastructure_kind)';
COMMENT ON COLUMN partnership.level IS 'Level: regional, national or european (partnership_level)';
COMMENT ON COLUMN partnership.signed_on IS 'Date the partnership was signed';
COMMENT ON SEQUENCE partnership_partnership_id_seq IS 'Identity sequence of partnership.partnership_id';
COMMENT ON INDEX partnership_signed_on_idx IS 'Counts partnerships signed since a date';
COMMENT ON CONSTRAINT partnership_partner_not_blank ON partnership IS 'A partnership names its partner';

CREATE TABLE civil_society_exchange (
  exchange_id    integer GENERATED BY DEFAULT AS IDENTITY
                 CONSTRAINT civil_society_exchange_pkey PRIMARY KEY,
  held_on        date NOT NULL,
  kind           exchange_kind NOT NULL,
  counterpart    text NOT NULL
                 CONSTRAINT civil_society_exchange_counterpart_not_blank CHECK (pg_catalog.btrim(counterpart) <> ''),
  participants   integer
                 CONSTRAINT civil_society_exchange_participants_not_negative CHECK (participants >= 0),
  contributions  integer
                 CONSTRAINT civil_society_exchange_contributions_not_negative CHECK (contributions >= 0)
);
CREATE INDEX civil_society_exchange_held_on_idx ON civil_society_exchange (held_on);
COMMENT ON TABLE civil_society_exchange IS
  'Exchanges with civil society: consultations, meetings, events, committee sessions, workshops, surveys';
COMMENT ON COLUMN civil_society_exchange.exchange_id IS 'Identifier of the exchange (generated)';
COMMENT ON COLUMN civil_society_exchange.held_on IS 'Date of the exchange (its first day, or the day a consultation opened)';
COMMENT ON COLUMN civil_society_exchange.kind IS 'Kind of exchange (exchange_kind)';
COMMENT ON COLUMN civil_society_exchange.counterpart IS 'Who the hub exchanged with, e.g. a patients'' association, a citizens'' panel, the public';
COMMENT ON COLUMN civil_society_exchange.participants IS 'Number of participants; NULL if unknown';
COMMENT ON COLUMN civil_society_exchange.contributions IS 'Number of contributions received (e.g. answers to a consultation); NULL if unknown';
COMMENT ON SEQUENCE civil_society_exchange_exchange_id_seq IS 'Identity sequence of civil_society_exchange.exchange_id';
COMMENT ON INDEX civil_society_exchange_held_on_idx IS 'Counts exchanges per calendar year';
COMMENT ON CONSTRAINT civil_society_exchange_counterpart_not_blank ON civil_society_exchange IS 'An exchange names its counterpart';
COMMENT ON CONSTRAINT civil_society_exchange_participants_not_negative ON civil_society_exchange IS 'A number of participants is a count: not negative';
COMMENT ON CONSTRAINT civil_society_exchange_contributions_not_negative ON civil_society_exchange IS 'A number of contributions is a count: not negative';

-- ---- targets --------------------------------------------------------------------

CREATE TABLE target (
  id             text
                 CONSTRAINT target_pkey PRIMARY KEY
                 CONSTRAINT target_id_format CHECK (id ~ '^[a-z][a-z0-9_]*$'),
  roadmap        text NOT NULL
                 CONSTRAINT target_roadmap_not_blank CHECK (pg_catalog.btrim(roadmap) <> ''),
  axis           smallint NOT NULL
                 CONSTRAINT target_axis_positive CHECK (axis >= 1),
  title          text NOT NULL
                 CONSTRAINT target_title_not_blank CHECK (pg_catalog.btrim(title) <> ''),
  indicator      text NOT NULL
                 CONSTRAINT target_indicator_not_blank CHECK (pg_catalog.btrim(indicator) <> ''),
  measure        measure NOT NULL,
  kind           target_kind NOT NULL,
  value          float8 NOT NULL
                 CONSTRAINT target_value_finite CHECK (value > '-Infinity'::float8 AND value < 'Infinity'::float8),
  baseline_year  integer,
  start_year     integer NOT NULL,
  deadline       date NOT NULL,
  recurring      boolean NOT NULL DEFAULT false,
  unit           text NOT NULL
                 CONSTRAINT target_unit_not_blank CHECK (pg_catalog.btrim(unit) <> ''),
  source_quote   text,
  active         boolean NOT NULL DEFAULT true,
  origin         row_origin NOT NULL DEFAULT 'user',
  CONSTRAINT target_years_plausible CHECK (
    start_year BETWEEN 1900 AND 2999 AND (baseline_year IS NULL OR baseline_year BETWEEN 1900 AND 2999)),
  CONSTRAINT target_deadline_finite CHECK (deadline > '-infinity'::date AND deadline < 'infinity'::date),
  CONSTRAINT target_deadline_not_before_start_year CHECK (EXTRACT(YEAR FROM deadline) >= start_year),
  CONSTRAINT target_baseline_not_after_start_year CHECK (baseline_year <= start_year),
  CONSTRAINT target_deadline_after_baseline_year CHECK (EXTRACT(YEAR FROM deadline) > baseline_year),
  CONSTRAINT target_multiply_by_needs_baseline_year CHECK (kind <> 'multiply_by' OR baseline_year IS NOT NULL),
  CONSTRAINT target_factor_above_one CHECK (kind <> 'multiply_by' OR value > 1)
);
COMMENT ON TABLE target IS
  'Dated targets of a roadmap, one row per target: data, not code. Seeded with the Health Data Hub''s four 2023-2025 targets; users edit them or add rows for another roadmap or hub';
COMMENT ON COLUMN target.id IS 'Identifier of the target, lower-case snake_case (e.g. platform_projects)';
COMMENT ON COLUMN target.roadmap IS 'Roadmap the target belongs to, e.g. ''HDH 2023-2025''';
COMMENT ON COLUMN target.axis IS 'Strategic axis of the roadmap the target serves (1 to 4 for the HDH 2023-2025 roadmap)';
COMMENT ON COLUMN target.title IS 'The target as the roadmap states it, in English';
COMMENT ON COLUMN target.indicator IS 'How the indicator measured against the target is computed';
COMMENT ON COLUMN target.measure IS 'Which computation measures the target (measure): the scorecard reads this indicator''s values; a new roadmap''s targets reuse the same measures';
COMMENT ON COLUMN target.kind IS 'How the target is met (target_kind): at_least, more_than, at_most, less_than, multiply_by';
COMMENT ON COLUMN target.value IS 'Target value in unit; for kind multiply_by, the factor applied to the baseline year''s value';
COMMENT ON COLUMN target.baseline_year IS 'Calendar year whose value is the baseline of progress scoring; required for multiply_by';
COMMENT ON COLUMN target.start_year IS 'First calendar year the target covers (for a recurring target, the first year it must be met; for a cumulative indicator, counting starts on 1 January of that year)';
COMMENT ON COLUMN target.deadline IS 'Date by which the target is to be met';
COMMENT ON COLUMN target.recurring IS 'Whether the target must be met every calendar year from start_year to the deadline, rather than once by the deadline';
COMMENT ON COLUMN target.unit IS 'Unit of value and of the indicator, e.g. ''projects per year'', ''months''';
COMMENT ON COLUMN target.source_quote IS 'The sentence of the source document stating the target (French for the HDH roadmap: press release of 28 June 2022)';
COMMENT ON COLUMN target.active IS 'Whether the target is scored; false retires it (the way to retire a seeded target for good, since a deleted seed row comes back on dump/restore)';
COMMENT ON COLUMN target.origin IS 'Where the row comes from (row_origin), maintained by triggers: seed, edited (a changed seed row) or user; pristine seed rows are not dumped';
COMMENT ON CONSTRAINT target_id_format ON target IS 'A target id is lower-case snake_case: a letter, then letters, digits or underscores';
COMMENT ON CONSTRAINT target_roadmap_not_blank ON target IS 'A target names its roadmap';
COMMENT ON CONSTRAINT target_axis_positive ON target IS 'Axes are numbered from 1';
COMMENT ON CONSTRAINT target_title_not_blank ON target IS 'A target has a title';
COMMENT ON CONSTRAINT target_indicator_not_blank ON target IS 'A target says how its indicator is computed';
COMMENT ON CONSTRAINT target_value_finite ON target IS 'A target value is a finite number (not NaN or infinite)';
COMMENT ON CONSTRAINT target_unit_not_blank ON target IS 'A target has a unit';
COMMENT ON CONSTRAINT target_years_plausible ON target IS 'Start and baseline years are four-digit years (1900 to 2999)';
COMMENT ON CONSTRAINT target_deadline_finite ON target IS 'A deadline is a real date, not infinity: progress is scored against it';
COMMENT ON CONSTRAINT target_deadline_not_before_start_year ON target IS 'The deadline is not before the start year';
COMMENT ON CONSTRAINT target_baseline_not_after_start_year ON target IS 'The baseline year is not after the start year';
COMMENT ON CONSTRAINT target_deadline_after_baseline_year ON target IS 'The deadline falls in a year after the baseline year, so progress can be measured';
COMMENT ON CONSTRAINT target_multiply_by_needs_baseline_year ON target IS 'A multiply_by target names the baseline year its factor applies to';
COMMENT ON CONSTRAINT target_factor_above_one ON target IS 'A multiply_by target asks for an increase: its factor is greater than 1';

-- ---- baseline facts ----------------------------------------------------------------

CREATE TABLE baseline_fact (
  id             text
                 CONSTRAINT baseline_fact_pkey PRIMARY KEY
                 CONSTRAINT baseline_fact_id_format CHECK (id ~ '^[a-z][a-z0-9_]*$'),
  first_year     integer NOT NULL,
  last_year      integer NOT NULL,
  reported_on    date NOT NULL,
  axis           smallint
                 CONSTRAINT baseline_fact_axis_positive CHECK (axis >= 1),
  display_order  integer,
  label          text NOT NULL
                 CONSTRAINT baseline_fact_label_not_blank CHECK (pg_catalog.btrim(label) <> ''),
  qualifier      fact_qualifier NOT NULL,
  value          numeric NOT NULL
                 CONSTRAINT baseline_fact_value_not_negative CHECK (value >= 0 AND value <> 'NaN'::numeric),
  unit           text NOT NULL
                 CONSTRAINT baseline_fact_unit_not_blank CHECK (pg_catalog.btrim(unit) <> ''),
  source_quote   text,
  origin         row_origin NOT NULL DEFAULT 'user',
  CONSTRAINT baseline_fact_years_in_order CHECK (
    first_year BETWEEN 1900 AND 2999 AND last_year BETWEEN first_year AND 2999),
  CONSTRAINT baseline_fact_reported_after_period_start CHECK (EXTRACT(YEAR FROM reported_on) >= first_year)
);
COMMENT ON TABLE baseline_fact IS
  'Reported figures of a past period, the baseline of a roadmap. Seeded with the Health Data Hub''s 2020-2022 review from its press release of 28 June 2022';
COMMENT ON COLUMN baseline_fact.id IS 'Identifier of the fact, lower-case snake_case (e.g. accompanied_projects)';
COMMENT ON COLUMN baseline_fact.first_year IS 'First calendar year of the period the figure covers';
COMMENT ON COLUMN baseline_fact.last_year IS 'Last calendar year of the period the figure covers';
COMMENT ON COLUMN baseline_fact.reported_on IS 'Date the figure was reported (date of the source document)';
COMMENT ON COLUMN baseline_fact.axis IS 'Strategic axis the figure relates to, if any';
COMMENT ON COLUMN baseline_fact.display_order IS 'Position of the fact when listed (the order of the source document); NULL sorts last';
COMMENT ON COLUMN baseline_fact.label IS 'What the figure counts, in English';
COMMENT ON COLUMN baseline_fact.qualifier IS 'How the source qualifies the figure (fact_qualifier): exactly, more_than, about, almost';
COMMENT ON COLUMN baseline_fact.value IS 'The figure, a non-negative number in unit';
COMMENT ON COLUMN baseline_fact.unit IS 'Unit of the figure, e.g. ''projects''';
COMMENT ON COLUMN baseline_fact.source_quote IS 'The words of the source document giving the figure (French for the HDH review)';
COMMENT ON COLUMN baseline_fact.origin IS 'Where the row comes from (row_origin), maintained by triggers: seed, edited (a changed seed row) or user; pristine seed rows are not dumped';
COMMENT ON CONSTRAINT baseline_fact_id_format ON baseline_fact IS 'A fact id is lower-case snake_case: a letter, then letters, digits or underscores';
COMMENT ON CONSTRAINT baseline_fact_axis_positive ON baseline_fact IS 'Axes are numbered from 1';
COMMENT ON CONSTRAINT baseline_fact_label_not_blank ON baseline_fact IS 'A fact says what it counts';
COMMENT ON CONSTRAINT baseline_fact_value_not_negative ON baseline_fact IS 'A figure is a non-negative number (not NaN)';
COMMENT ON CONSTRAINT baseline_fact_unit_not_blank ON baseline_fact IS 'A fact has a unit';
COMMENT ON CONSTRAINT baseline_fact_years_in_order ON baseline_fact IS 'The period is four-digit years (1900 to 2999), its first year not after its last';
COMMENT ON CONSTRAINT baseline_fact_reported_after_period_start ON baseline_fact IS 'A figure is not reported before its period starts';

-- ---- seeds -------------------------------------------------------------------------
-- Inserted before the origin triggers exist, so they keep origin 'seed'.

INSERT INTO target (id, roadmap, axis, title, indicator, measure, kind, value, baseline_year, start_year,
                    deadline, recurring, unit, source_quote, origin) VALUES
('platform_projects', 'HDH 2023-2025', 1,
 'A steady 200 projects using the platform per year, from 2024',
 'Distinct projects whose platform usage overlaps calendar year Y',
 'platform_projects', 'at_least', 200, 2022, 2024, '2025-12-31', true, 'projects per year',
 'Ainsi, pour 2025, le Health Data Hub se donne pour objectif : d''arriver à un fond de roulement de 200 projets utilisant la plateforme par an (à partir de 2024)',
 'seed'),
('linkage_access_delay', 'HDH 2023-2025', 1,
 'Mean data access delay down to 7 months for projects that link several data sources',
 'Mean months from submission to data made available, projects whose linkage is not none, by year of availability',
 'linkage_access_delay', 'at_most', 7, 2022, 2023, '2025-12-31', false, 'months',
 'Ainsi, pour 2025, le Health Data Hub se donne pour objectif : […] de réduire à 7 mois le délai moyen d''accès aux données pour les projets nécessitant un appariement entre plusieurs sources de données',
 'seed'),
('new_partnerships', 'HDH 2023-2025', 3,
 'More than 40 new partnerships with local or mutualised infrastructures, national and European',
 'Partnerships signed since 1 January of the start year (2023-01-01), cumulative',
 'new_partnerships', 'more_than', 40, 2022, 2023, '2025-12-31', false, 'partnerships',
 'Ainsi, pour 2025, le Health Data Hub se donne pour objectif : […] de nouer plus de 40 nouveaux partenariats avec des infrastructures locales ou mutualisées au niveau national et européen',
 'seed'),
('civil_society_exchanges', 'HDH 2023-2025', 4,
 'Exchanges with civil society multiplied by three',
 'Exchanges with civil society per calendar year, compared with the baseline year 2022',
 'civil_society_exchanges', 'multiply_by', 3, 2022, 2023, '2025-12-31', false, 'exchanges per year',
 'Ainsi, pour 2025, le Health Data Hub se donne pour objectif : […] et de multiplier par trois ses échanges avec la société civile',
 'seed');

INSERT INTO baseline_fact (id, first_year, last_year, reported_on, axis, display_order, label,
                           qualifier, value, unit, source_quote, origin) VALUES
('calls_for_projects', 2020, 2022, '2022-06-28', 1, 1,
 'Calls for projects launched on artificial intelligence and health',
 'exactly', 2, 'calls for projects',
 '2 appels à projets lancés sur les thèmes de l''IA et de la santé avec plus de 350 répondants', 'seed'),
('call_respondents', 2020, 2022, '2022-06-28', 1, 2,
 'Respondents to those calls for projects',
 'more_than', 350, 'respondents',
 '2 appels à projets lancés sur les thèmes de l''IA et de la santé avec plus de 350 répondants', 'seed'),
('certified_platform', 2020, 2022, '2022-06-28', 1, 3,
 'Certified, secure, state-of-the-art technology platform, built in one year and in use',
 'exactly', 1, 'platform',
 '1 plateforme technologique homologuée, sécurisée, à l''état de l''art, développée en seulement un an et actuellement utilisée', 'seed'),
('accompanied_projects', 2020, 2022, '2022-06-28', 1, 4,
 'Projects accompanied by the Health Data Hub, some already published',
 'exactly', 66, 'projects',
 '66 projets (dont la moitié avec des établissements de santé) bénéficiant de l''accompagnement du Health Data Hub dont certains ont déjà abouti à des premières publications', 'seed'),
('accompanied_projects_with_establishments', 2020, 2022, '2022-06-28', 1, 5,
 'Accompanied projects with health establishments: half of the 66',
 'about', 33, 'projects',
 '66 projets (dont la moitié avec des établissements de santé) bénéficiant de l''accompagnement du Health Data Hub', 'seed'),
('catalogue_databases', 2020, 2022, '2022-06-28', 2, 6,
 'Databases in the Health Data Hub catalogue published by ministerial order',
 'exactly', 10, 'databases',
 '10 bases au catalogue du Health Data Hub publié par arrêté', 'seed'),
('european_consortium_partners', 2020, 2022, '2022-06-28', 3, 7,
 'Strategic European partners in the consortium applying to pilot the European Health Data Space (EHDS)',
 'exactly', 15, 'European partners',
 '1 consortium composé de 15 partenaires européens stratégiques afin de candidater à la préfiguration d''un espace européen des données de santé (EHDS)', 'seed'),
('partners', 2020, 2022, '2022-06-28', 3, 8,
 'Partners, some of them associations of health system users',
 'about', 100, 'partners',
 'près d''une centaine de partenaires dont certains avec des associations d''usagers du système de santé', 'seed'),
('consultation_contributions', 2020, 2022, '2022-06-28', 4, 9,
 'Contributions to a Europe-wide online consultation',
 'almost', 5700, 'contributions',
 'une consultation en ligne à l''échelle européenne ayant obtenu presque de 5700 contributions', 'seed');

-- ---- origin triggers of the seeded tables --------------------------------------------

-- Why: a user row must never be hidden from pg_dump as a pristine seed, and a
-- restored edited or user row must take the place of the seed row with its id
-- that CREATE EXTENSION has just put back, instead of failing on the key.
CREATE FUNCTION seeded_row_before_insert() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $fn$
BEGIN
  IF NEW.origin IS NULL OR NEW.origin = 'seed' THEN
    NEW.origin := 'user';
  END IF;
  EXECUTE format('DELETE FROM %I.%I WHERE id = $1 AND origin = ''seed''', TG_TABLE_SCHEMA, TG_TABLE_NAME)
    USING NEW.id;
  RETURN NEW;
END
$fn$;
COMMENT ON FUNCTION seeded_row_before_insert() IS
  'Trigger of the seeded tables (target, baseline_fact): an inserted row is origin ''user'' unless it says ''edited'' (as a restored one does), and it replaces a pristine seed row with the same id';

-- Why: a changed seed row must be dumped (origin 'edited'), and origin is not
-- the user's to set.
CREATE FUNCTION seeded_row_before_update() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $fn$
BEGIN
  NEW.origin := OLD.origin;
  IF OLD.origin = 'seed' AND NEW IS DISTINCT FROM OLD THEN
    NEW.origin := 'edited';
  END IF;
  RETURN NEW;
END
$fn$;
COMMENT ON FUNCTION seeded_row_before_update() IS
  'Trigger of the seeded tables (target, baseline_fact): an update that changes a seed row marks it ''edited''; origin itself cannot be changed by an update';

CREATE TRIGGER target_origin_on_insert BEFORE INSERT ON target
  FOR EACH ROW EXECUTE FUNCTION seeded_row_before_insert();
CREATE TRIGGER target_origin_on_update BEFORE UPDATE ON target
  FOR EACH ROW EXECUTE FUNCTION seeded_row_before_update();
CREATE TRIGGER baseline_fact_origin_on_insert BEFORE INSERT ON baseline_fact
  FOR EACH ROW EXECUTE FUNCTION seeded_row_before_insert();
CREATE TRIGGER baseline_fact_origin_on_update BEFORE UPDATE ON baseline_fact
  FOR EACH ROW EXECUTE FUNCTION seeded_row_before_update();
COMMENT ON TRIGGER target_origin_on_insert ON target IS 'Sets origin of a new target; a new row replaces the pristine seed row with its id';
COMMENT ON TRIGGER target_origin_on_update ON target IS 'Marks a changed seed target ''edited'' so that it is dumped';
COMMENT ON TRIGGER baseline_fact_origin_on_insert ON baseline_fact IS 'Sets origin of a new fact; a new row replaces the pristine seed row with its id';
COMMENT ON TRIGGER baseline_fact_origin_on_update ON baseline_fact IS 'Marks a changed seed fact ''edited'' so that it is dumped';

-- ---- pg_dump: user rows are configuration data --------------------------------------

SELECT pg_catalog.pg_extension_config_dump('call_for_projects', '');
SELECT pg_catalog.pg_extension_config_dump('catalogue_database', '');
SELECT pg_catalog.pg_extension_config_dump('project', '');
SELECT pg_catalog.pg_extension_config_dump('project_source', '');
SELECT pg_catalog.pg_extension_config_dump('platform_usage', '');
SELECT pg_catalog.pg_extension_config_dump('partnership', '');
SELECT pg_catalog.pg_extension_config_dump('civil_society_exchange', '');
SELECT pg_catalog.pg_extension_config_dump('target', 'WHERE origin <> ''seed''');
SELECT pg_catalog.pg_extension_config_dump('baseline_fact', 'WHERE origin <> ''seed''');
SELECT pg_catalog.pg_extension_config_dump('call_for_projects_call_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('catalogue_database_database_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('project_project_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('platform_usage_usage_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('partnership_partnership_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('civil_society_exchange_exchange_id_seq', '');

-- ---- src/sql/50_indicators.sql ----
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

-- ---- src/sql/60_refresh.sql ----
-- Materialized views of the indicators, the delay table and the scorecard,
-- refresh() and its log. See doc/refresh.md.
--
-- The materialized views are computed as of the day of their last refresh
-- (CURRENT_DATE at refresh time). They are members of the extension, so
-- pg_dump does not dump them: after a restore they hold what CREATE
-- EXTENSION computed from the then empty tables until refresh() runs.

CREATE MATERIALIZED VIEW indicator_series_mv AS SELECT * FROM indicator_series;
CREATE UNIQUE INDEX indicator_series_mv_key ON indicator_series_mv (measure, year);

CREATE MATERIALIZED VIEW access_delay_mv AS SELECT * FROM access_delay;
CREATE UNIQUE INDEX access_delay_mv_key ON access_delay_mv (year, linkage);

CREATE MATERIALIZED VIEW scorecard_mv AS SELECT * FROM scorecard;
CREATE UNIQUE INDEX scorecard_mv_key ON scorecard_mv (target_id);

-- Not registered with pg_extension_config_dump on purpose: after a restore
-- the materialized views are stale until refresh() runs, and an empty log
-- says so.
CREATE TABLE refresh_log (
  view_name     text NOT NULL,
  as_of         date NOT NULL,
  started_at    timestamptz NOT NULL,
  finished_at   timestamptz NOT NULL,
  duration_ms   float8 NOT NULL,
  row_count     bigint NOT NULL,
  refreshed_concurrently boolean NOT NULL,
  CONSTRAINT refresh_log_pkey PRIMARY KEY (view_name, started_at)
);

-- Why: one call refreshes every materialized view in dependency order
-- without blocking readers, and leaves a trace a monitor (or a BI tool) can
-- read. REFRESH needs the owner of the materialized views, so this runs as
-- that role (the one that created the extension), by hand or from pg_cron.
CREATE FUNCTION refresh()
RETURNS TABLE (view_name text, row_count bigint, duration_ms float8)
LANGUAGE plpgsql
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
#variable_conflict use_column
DECLARE
  mv text;
  started timestamptz;
  finished timestamptz;
  populated boolean;
  n bigint;
BEGIN
  -- The series first, the delay table, then the scorecard that scores the
  -- series' measures. All three share CURRENT_DATE, the transaction's date.
  FOREACH mv IN ARRAY ARRAY['indicator_series_mv', 'access_delay_mv', 'scorecard_mv'] LOOP
    started := clock_timestamp();
    SELECT c.relispopulated INTO populated
      FROM pg_class c
     WHERE c.relname = mv AND c.relnamespace = '@extschema@'::regnamespace;
    -- CONCURRENTLY needs a populated view; a view left unpopulated (by a
    -- REFRESH ... WITH NO DATA) is filled by a plain refresh once.
    IF populated THEN
      EXECUTE format('REFRESH MATERIALIZED VIEW CONCURRENTLY @extschema@.%I', mv);
    ELSE
      EXECUTE format('REFRESH MATERIALIZED VIEW @extschema@.%I', mv);
    END IF;
    EXECUTE format('SELECT count(*) FROM @extschema@.%I', mv) INTO n;
    finished := clock_timestamp();
    INSERT INTO refresh_log (view_name, as_of, started_at, finished_at, duration_ms, row_count, refreshed_concurrently)
    VALUES (mv, CURRENT_DATE, started, finished,
            extract(epoch FROM finished - started)::float8 * 1000, n, populated);
    -- keep the last 100 refreshes of each view
    DELETE FROM refresh_log l
     WHERE l.view_name = mv
       AND l.started_at < (SELECT k.started_at FROM refresh_log k WHERE k.view_name = mv
                            ORDER BY k.started_at DESC OFFSET 99 LIMIT 1);
    view_name := mv;
    row_count := n;
    duration_ms := extract(epoch FROM finished - started)::float8 * 1000;
    RETURN NEXT;
  END LOOP;
END
$fn$;

CREATE VIEW last_refresh AS
SELECT m.view_name, l.as_of, l.started_at, l.finished_at, l.duration_ms, l.row_count, l.refreshed_concurrently
  FROM (VALUES (1, 'indicator_series_mv'), (2, 'access_delay_mv'), (3, 'scorecard_mv')) AS m(ord, view_name)
  LEFT JOIN LATERAL (SELECT r.as_of, r.started_at, r.finished_at, r.duration_ms, r.row_count, r.refreshed_concurrently
                       FROM refresh_log r
                      WHERE r.view_name = m.view_name
                      ORDER BY r.started_at DESC
                      LIMIT 1) AS l ON true
 ORDER BY m.ord;

-- ---- comments ----------------------------------------------------------------------

COMMENT ON MATERIALIZED VIEW indicator_series_mv IS
  'indicator_series as of the day of the last refresh() (see last_refresh)';
COMMENT ON INDEX indicator_series_mv_key IS 'One row per measure and year; lets refresh() refresh indicator_series_mv concurrently';
COMMENT ON COLUMN indicator_series_mv.measure IS 'The measure (a measure label)';
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
COMMENT ON COLUMN scorecard_mv.status IS 'Progress class (a progress_status label)';
COMMENT ON COLUMN scorecard_mv.records IS 'Records behind current_value';
COMMENT ON COLUMN scorecard_mv.as_of IS 'Date the scorecard was computed as of (the day of the refresh)';

COMMENT ON TABLE refresh_log IS
  'One row per materialized view refreshed by refresh(), the last 100 of each view; not dumped by pg_dump (a restored database has not been refreshed yet)';
COMMENT ON COLUMN refresh_log.view_name IS 'The materialized view refreshed';
COMMENT ON COLUMN refresh_log.as_of IS 'The as-of date the view was computed for (CURRENT_DATE of the refresh)';
COMMENT ON COLUMN refresh_log.started_at IS 'When the refresh of this view started';
COMMENT ON COLUMN refresh_log.finished_at IS 'When the refresh of this view finished (before its transaction committed)';
COMMENT ON COLUMN refresh_log.duration_ms IS 'Duration of the refresh, milliseconds';
COMMENT ON COLUMN refresh_log.row_count IS 'Rows in the view after the refresh';
COMMENT ON COLUMN refresh_log.refreshed_concurrently IS 'Whether the view was refreshed CONCURRENTLY (false for the first refresh of an unpopulated view)';

COMMENT ON FUNCTION refresh() IS
  'Refreshes indicator_series_mv, access_delay_mv and scorecard_mv (in that order, CONCURRENTLY) as of CURRENT_DATE and logs each refresh in refresh_log; must be run by the owner of the materialized views (the role that created the extension), e.g. from pg_cron';

COMMENT ON VIEW last_refresh IS
  'The last refresh of each materialized view: one row per view, NULLs for a view not refreshed since the extension was created (or restored)';
COMMENT ON COLUMN last_refresh.view_name IS 'The materialized view';
COMMENT ON COLUMN last_refresh.as_of IS 'The as-of date it was computed for; NULL if never refreshed';
COMMENT ON COLUMN last_refresh.started_at IS 'When its last refresh started';
COMMENT ON COLUMN last_refresh.finished_at IS 'When its last refresh finished';
COMMENT ON COLUMN last_refresh.duration_ms IS 'Duration of its last refresh, milliseconds';
COMMENT ON COLUMN last_refresh.row_count IS 'Rows after its last refresh';
COMMENT ON COLUMN last_refresh.refreshed_concurrently IS 'Whether its last refresh ran CONCURRENTLY';

-- ---- src/sql/70_equality.sql ----
-- Equality of the stored summary types (since 0.2.0): = and <> with a hash
-- operator class each, so DISTINCT, GROUP BY, UNION, IN, hash joins, hash
-- indexes and hash partitioning work on delay_summary and year_counts
-- columns. C code in src/summary_equality.c, which also says why byte
-- equality of the stored forms is value equality.
--
-- No btree operator class: a summary has no meaningful order (is a summary
-- with more delays "greater"?), so there is no < and no ORDER BY, and
-- what needs a sort (count(DISTINCT s), array_agg(DISTINCT s), PARTITION
-- BY s, merge joins) is still refused; hence = is HASHES but not MERGES.
-- The upgrade script from 0.1.0 (src/sql/updates/) creates the same objects.

-- ---- delay_summary -------------------------------------------------------------

CREATE FUNCTION delay_summary_eq(delay_summary, delay_summary) RETURNS boolean
  AS 'MODULE_PATHNAME', 'delay_summary_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION delay_summary_ne(delay_summary, delay_summary) RETURNS boolean
  AS 'MODULE_PATHNAME', 'delay_summary_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION delay_summary_hash(delay_summary) RETURNS integer
  AS 'MODULE_PATHNAME', 'delay_summary_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION delay_summary_hash_extended(delay_summary, bigint) RETURNS bigint
  AS 'MODULE_PATHNAME', 'delay_summary_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE OPERATOR = (
  LEFTARG = delay_summary,
  RIGHTARG = delay_summary,
  FUNCTION = delay_summary_eq,
  COMMUTATOR = =,
  NEGATOR = <>,
  RESTRICT = pg_catalog.eqsel,
  JOIN = pg_catalog.eqjoinsel,
  HASHES
);
CREATE OPERATOR <> (
  LEFTARG = delay_summary,
  RIGHTARG = delay_summary,
  FUNCTION = delay_summary_ne,
  COMMUTATOR = <>,
  NEGATOR = =,
  RESTRICT = pg_catalog.neqsel,
  JOIN = pg_catalog.neqjoinsel
);
CREATE OPERATOR CLASS delay_summary_hash_ops
  DEFAULT FOR TYPE delay_summary USING hash AS
  OPERATOR 1 = (delay_summary, delay_summary),
  FUNCTION 1 delay_summary_hash(delay_summary),
  FUNCTION 2 delay_summary_hash_extended(delay_summary, bigint);

COMMENT ON FUNCTION delay_summary_eq(delay_summary, delay_summary) IS
  'Whether two delay summaries hold the same delays: the same completed and pending counts on every day (the = operator)';
COMMENT ON FUNCTION delay_summary_ne(delay_summary, delay_summary) IS
  'Whether two delay summaries differ on some day (the <> operator)';
COMMENT ON FUNCTION delay_summary_hash(delay_summary) IS
  'Hash of a delay summary, consistent with =: support function 1 of delay_summary_hash_ops';
COMMENT ON FUNCTION delay_summary_hash_extended(delay_summary, bigint) IS
  'Seeded 64-bit hash of a delay summary, consistent with = (seed 0 agrees with delay_summary_hash in its low 32 bits): support function 2 of delay_summary_hash_ops, used by hash partitioning';
COMMENT ON OPERATOR = (delay_summary, delay_summary) IS
  'Equal delay summaries: the same completed and pending counts on every day';
COMMENT ON OPERATOR <> (delay_summary, delay_summary) IS
  'Different delay summaries';
COMMENT ON OPERATOR FAMILY delay_summary_hash_ops USING hash IS
  'Hash equality of delay_summary (DISTINCT, GROUP BY, UNION, hash joins, hash indexes)';
COMMENT ON OPERATOR CLASS delay_summary_hash_ops USING hash IS
  'Default hash operator class of delay_summary: = and the hash of the canonical stored form';

-- ---- year_counts ------------------------------------------------------------------

CREATE FUNCTION year_counts_eq(year_counts, year_counts) RETURNS boolean
  AS 'MODULE_PATHNAME', 'year_counts_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION year_counts_ne(year_counts, year_counts) RETURNS boolean
  AS 'MODULE_PATHNAME', 'year_counts_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION year_counts_hash(year_counts) RETURNS integer
  AS 'MODULE_PATHNAME', 'year_counts_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION year_counts_hash_extended(year_counts, bigint) RETURNS bigint
  AS 'MODULE_PATHNAME', 'year_counts_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE OPERATOR = (
  LEFTARG = year_counts,
  RIGHTARG = year_counts,
  FUNCTION = year_counts_eq,
  COMMUTATOR = =,
  NEGATOR = <>,
  RESTRICT = pg_catalog.eqsel,
  JOIN = pg_catalog.eqjoinsel,
  HASHES
);
CREATE OPERATOR <> (
  LEFTARG = year_counts,
  RIGHTARG = year_counts,
  FUNCTION = year_counts_ne,
  COMMUTATOR = <>,
  NEGATOR = =,
  RESTRICT = pg_catalog.neqsel,
  JOIN = pg_catalog.neqjoinsel
);
CREATE OPERATOR CLASS year_counts_hash_ops
  DEFAULT FOR TYPE year_counts USING hash AS
  OPERATOR 1 = (year_counts, year_counts),
  FUNCTION 1 year_counts_hash(year_counts),
  FUNCTION 2 year_counts_hash_extended(year_counts, bigint);

COMMENT ON FUNCTION year_counts_eq(year_counts, year_counts) IS
  'Whether two year_counts hold the same total in every year (the = operator)';
COMMENT ON FUNCTION year_counts_ne(year_counts, year_counts) IS
  'Whether two year_counts differ in some year (the <> operator)';
COMMENT ON FUNCTION year_counts_hash(year_counts) IS
  'Hash of a year_counts, consistent with =: support function 1 of year_counts_hash_ops';
COMMENT ON FUNCTION year_counts_hash_extended(year_counts, bigint) IS
  'Seeded 64-bit hash of a year_counts, consistent with = (seed 0 agrees with year_counts_hash in its low 32 bits): support function 2 of year_counts_hash_ops, used by hash partitioning';
COMMENT ON OPERATOR = (year_counts, year_counts) IS
  'Equal year_counts: the same total in every year';
COMMENT ON OPERATOR <> (year_counts, year_counts) IS
  'Different year_counts';
COMMENT ON OPERATOR FAMILY year_counts_hash_ops USING hash IS
  'Hash equality of year_counts (DISTINCT, GROUP BY, UNION, hash joins, hash indexes)';
COMMENT ON OPERATOR CLASS year_counts_hash_ops USING hash IS
  'Default hash operator class of year_counts: = and the hash of the canonical stored form';
