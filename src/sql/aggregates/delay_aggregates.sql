-- src/sql/aggregates/delay_aggregates.sql: the delay aggregates and their
-- moving-aggregate mode (since 0.3.0), included by src/sql/20_delay_summary.sql
-- and by the 0.2.0 -> 0.3.0 upgrade script, which re-defines the aggregates
-- in place (CREATE OR REPLACE keeps the views that use them). Over a sliding
-- window frame the aggregates use a removable state (src/delay_agg_moving.c):
-- a transition adds each row entering the frame, the inverse removes each
-- row leaving it, with the checks of the plain transitions. Reference:
-- doc/delay_summary.md.

CREATE FUNCTION delay_agg_moving_trans(internal, date, date) RETURNS internal
  AS 'MODULE_PATHNAME', 'delay_agg_moving_trans_dates' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION delay_agg_moving_inv(internal, date, date) RETURNS internal
  AS 'MODULE_PATHNAME', 'delay_agg_moving_inv_dates' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION delay_agg_moving_trans(internal, date, date, date) RETURNS internal
  AS 'MODULE_PATHNAME', 'delay_agg_moving_trans_as_of' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION delay_agg_moving_inv(internal, date, date, date) RETURNS internal
  AS 'MODULE_PATHNAME', 'delay_agg_moving_inv_as_of' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION delay_agg_moving_trans(internal, integer) RETURNS internal
  AS 'MODULE_PATHNAME', 'delay_agg_moving_trans_days' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION delay_agg_moving_inv(internal, integer) RETURNS internal
  AS 'MODULE_PATHNAME', 'delay_agg_moving_inv_days' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION delay_agg_moving_trans(internal, integer, boolean) RETURNS internal
  AS 'MODULE_PATHNAME', 'delay_agg_moving_trans_days_pending' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION delay_agg_moving_inv(internal, integer, boolean) RETURNS internal
  AS 'MODULE_PATHNAME', 'delay_agg_moving_inv_days_pending' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION delay_summary_rollup_moving_trans(internal, delay_summary) RETURNS internal
  AS 'MODULE_PATHNAME', 'delay_summary_rollup_moving_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION delay_summary_rollup_moving_inv(internal, delay_summary) RETURNS internal
  AS 'MODULE_PATHNAME', 'delay_summary_rollup_moving_inv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION delay_agg_moving_final(internal) RETURNS delay_summary
  AS 'MODULE_PATHNAME', 'delay_agg_moving_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION delay_agg_moving_trans(internal, date, date) IS
  'Moving-aggregate transition of delay_agg(started, finished) in a window frame: adds the row''s delay';
COMMENT ON FUNCTION delay_agg_moving_inv(internal, date, date) IS
  'Inverse transition of delay_agg(started, finished) in a window frame: removes the row''s delay';
COMMENT ON FUNCTION delay_agg_moving_trans(internal, date, date, date) IS
  'Moving-aggregate transition of delay_agg(started, finished, as_of) in a window frame: adds the row''s delay as known on as_of';
COMMENT ON FUNCTION delay_agg_moving_inv(internal, date, date, date) IS
  'Inverse transition of delay_agg(started, finished, as_of) in a window frame: removes the row''s delay as known on as_of';
COMMENT ON FUNCTION delay_agg_moving_trans(internal, integer) IS
  'Moving-aggregate transition of delay_agg(days) in a window frame: adds a completed delay';
COMMENT ON FUNCTION delay_agg_moving_inv(internal, integer) IS
  'Inverse transition of delay_agg(days) in a window frame: removes a completed delay';
COMMENT ON FUNCTION delay_agg_moving_trans(internal, integer, boolean) IS
  'Moving-aggregate transition of delay_agg(days, pending) in a window frame: adds a delay, censored when pending';
COMMENT ON FUNCTION delay_agg_moving_inv(internal, integer, boolean) IS
  'Inverse transition of delay_agg(days, pending) in a window frame: removes a delay, censored when pending';
COMMENT ON FUNCTION delay_summary_rollup_moving_trans(internal, delay_summary) IS
  'Moving-aggregate transition of rollup(delay_summary) in a window frame: adds a stored summary';
COMMENT ON FUNCTION delay_summary_rollup_moving_inv(internal, delay_summary) IS
  'Inverse transition of rollup(delay_summary) in a window frame: removes a stored summary';
COMMENT ON FUNCTION delay_agg_moving_final(internal) IS
  'Final function of delay_agg and rollup in a window frame: the delay_summary of the frame, NULL when no row counted';

-- SSPACE: a state is 128 bytes holding its first 32 rows (144 with the
-- allocator's chunk header), then 2 bytes a row in segments of 128, 256...
-- bytes: 288 bytes for a group of up to 92 rows. rollup's states hold
-- sorted runs, 8 bytes a distinct day: about 1 kB for a hundred days.
-- MSSPACE: the moving state is a map of 64 slots of 24 bytes at first.
CREATE OR REPLACE AGGREGATE delay_agg(started date, finished date) (
  SFUNC = delay_agg_trans_dates,
  STYPE = internal,
  SSPACE = 288,
  FINALFUNC = delay_agg_final,
  FINALFUNC_MODIFY = READ_ONLY,
  COMBINEFUNC = delay_agg_combine,
  SERIALFUNC = delay_agg_serialize,
  DESERIALFUNC = delay_agg_deserialize,
  MSFUNC = delay_agg_moving_trans,
  MINVFUNC = delay_agg_moving_inv,
  MSTYPE = internal,
  MSSPACE = 2048,
  MFINALFUNC = delay_agg_moving_final,
  MFINALFUNC_MODIFY = READ_ONLY,
  PARALLEL = SAFE
);
COMMENT ON AGGREGATE delay_agg(date, date) IS
  'Summary of completed delays finished - started in days; rows with a NULL date are skipped; finished before started is an error';

CREATE OR REPLACE AGGREGATE delay_agg(started date, finished date, as_of date) (
  SFUNC = delay_agg_trans_as_of,
  STYPE = internal,
  SSPACE = 288,
  FINALFUNC = delay_agg_final,
  FINALFUNC_MODIFY = READ_ONLY,
  COMBINEFUNC = delay_agg_combine,
  SERIALFUNC = delay_agg_serialize,
  DESERIALFUNC = delay_agg_deserialize,
  MSFUNC = delay_agg_moving_trans,
  MINVFUNC = delay_agg_moving_inv,
  MSTYPE = internal,
  MSSPACE = 2048,
  MFINALFUNC = delay_agg_moving_final,
  MFINALFUNC_MODIFY = READ_ONLY,
  PARALLEL = SAFE
);
COMMENT ON AGGREGATE delay_agg(date, date, date) IS
  'Summary of delays as known on as_of: rows started after as_of skipped; finished NULL or after as_of is pending, censored at as_of - started; a NULL as_of is an error';

CREATE OR REPLACE AGGREGATE delay_agg(days integer) (
  SFUNC = delay_agg_trans_days,
  STYPE = internal,
  SSPACE = 288,
  FINALFUNC = delay_agg_final,
  FINALFUNC_MODIFY = READ_ONLY,
  COMBINEFUNC = delay_agg_combine,
  SERIALFUNC = delay_agg_serialize,
  DESERIALFUNC = delay_agg_deserialize,
  MSFUNC = delay_agg_moving_trans,
  MINVFUNC = delay_agg_moving_inv,
  MSTYPE = internal,
  MSSPACE = 2048,
  MFINALFUNC = delay_agg_moving_final,
  MFINALFUNC_MODIFY = READ_ONLY,
  PARALLEL = SAFE
);
COMMENT ON AGGREGATE delay_agg(integer) IS
  'Summary of completed delays given in days; NULL skipped; a negative delay is an error';

CREATE OR REPLACE AGGREGATE delay_agg(days integer, pending boolean) (
  SFUNC = delay_agg_trans_days_pending,
  STYPE = internal,
  SSPACE = 288,
  FINALFUNC = delay_agg_final,
  FINALFUNC_MODIFY = READ_ONLY,
  COMBINEFUNC = delay_agg_combine,
  SERIALFUNC = delay_agg_serialize,
  DESERIALFUNC = delay_agg_deserialize,
  MSFUNC = delay_agg_moving_trans,
  MINVFUNC = delay_agg_moving_inv,
  MSTYPE = internal,
  MSSPACE = 2048,
  MFINALFUNC = delay_agg_moving_final,
  MFINALFUNC_MODIFY = READ_ONLY,
  PARALLEL = SAFE
);
COMMENT ON AGGREGATE delay_agg(integer, boolean) IS
  'Summary of delays in days, pending = true meaning still running (censored at days); a NULL days is skipped, a NULL pending is an error';

CREATE OR REPLACE AGGREGATE rollup(delay_summary) (
  SFUNC = delay_summary_rollup_trans,
  STYPE = internal,
  SSPACE = 1024,
  FINALFUNC = delay_agg_final,
  FINALFUNC_MODIFY = READ_ONLY,
  COMBINEFUNC = delay_agg_combine,
  SERIALFUNC = delay_agg_serialize,
  DESERIALFUNC = delay_agg_deserialize,
  MSFUNC = delay_summary_rollup_moving_trans,
  MINVFUNC = delay_summary_rollup_moving_inv,
  MSTYPE = internal,
  MSSPACE = 2048,
  MFINALFUNC = delay_agg_moving_final,
  MFINALFUNC_MODIFY = READ_ONLY,
  PARALLEL = SAFE
);
COMMENT ON AGGREGATE rollup(delay_summary) IS
  'Merge stored delay summaries (e.g. from a materialized view) into one; NULL skipped';
