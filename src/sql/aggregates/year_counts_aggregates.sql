-- src/sql/aggregates/year_counts_aggregates.sql: the year_counts aggregates
-- and their inverse transitions (moving-aggregate mode, since 0.3.0), included
-- by src/sql/30_year_counts.sql and by the 0.2.0 -> 0.3.0 upgrade script,
-- which re-defines the aggregates in place (CREATE OR REPLACE keeps the
-- views that use them). A sliding window frame runs the same transitions as
-- a plain aggregate and the inverse of each row leaving the frame, which
-- subtracts exactly what the row added. Reference: doc/year_counts.md.

CREATE FUNCTION year_counts_agg_inv(internal, date) RETURNS internal
  AS 'MODULE_PATHNAME', 'year_counts_agg_inv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION year_counts_agg_inv(internal, date) IS
  'Inverse transition of year_counts_agg(date) in a window frame: -1 in the year of the date';

CREATE FUNCTION year_counts_agg_inv(internal, date, bigint) RETURNS internal
  AS 'MODULE_PATHNAME', 'year_counts_agg_inv_weighted' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION year_counts_agg_inv(internal, date, bigint) IS
  'Inverse transition of year_counts_agg(date, bigint) in a window frame: - weight in the year of the date';

CREATE FUNCTION years_active_agg_inv(internal, daterange, date) RETURNS internal
  AS 'MODULE_PATHNAME', 'years_active_agg_inv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION years_active_agg_inv(internal, daterange, date) IS
  'Inverse transition of years_active_agg(daterange, date) in a window frame: -1 in each year the span counted';

CREATE FUNCTION years_active_agg_inv(internal, datemultirange, date) RETURNS internal
  AS 'MODULE_PATHNAME', 'years_active_agg_inv_multirange' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION years_active_agg_inv(internal, datemultirange, date) IS
  'Inverse transition of years_active_agg(datemultirange, date) in a window frame: -1 in each year the row counted';

CREATE FUNCTION year_counts_rollup_inv(internal, year_counts) RETURNS internal
  AS 'MODULE_PATHNAME', 'year_counts_rollup_inv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION year_counts_rollup_inv(internal, year_counts) IS
  'Inverse transition of rollup(year_counts) in a window frame: subtract a stored value';

-- Aggregates.

CREATE OR REPLACE AGGREGATE year_counts_agg(d date) (
  SFUNC = year_counts_agg_trans,
  STYPE = internal,
  SSPACE = 200,
  FINALFUNC = year_counts_agg_final,
  FINALFUNC_MODIFY = READ_ONLY,
  COMBINEFUNC = year_counts_agg_combine,
  SERIALFUNC = year_counts_agg_serialize,
  DESERIALFUNC = year_counts_agg_deserialize,
  MSFUNC = year_counts_agg_trans,
  MINVFUNC = year_counts_agg_inv,
  MSTYPE = internal,
  MSSPACE = 200,
  MFINALFUNC = year_counts_agg_final,
  MFINALFUNC_MODIFY = READ_ONLY,
  PARALLEL = SAFE
);
COMMENT ON AGGREGATE year_counts_agg(date) IS
  'Yearly counts: +1 in the calendar year of each date; NULL dates skipped';

CREATE OR REPLACE AGGREGATE year_counts_agg(d date, weight bigint) (
  SFUNC = year_counts_agg_trans,
  STYPE = internal,
  SSPACE = 200,
  FINALFUNC = year_counts_agg_final,
  FINALFUNC_MODIFY = READ_ONLY,
  COMBINEFUNC = year_counts_agg_combine,
  SERIALFUNC = year_counts_agg_serialize,
  DESERIALFUNC = year_counts_agg_deserialize,
  MSFUNC = year_counts_agg_trans,
  MINVFUNC = year_counts_agg_inv,
  MSTYPE = internal,
  MSSPACE = 200,
  MFINALFUNC = year_counts_agg_final,
  MFINALFUNC_MODIFY = READ_ONLY,
  PARALLEL = SAFE
);
COMMENT ON AGGREGATE year_counts_agg(date, bigint) IS
  'Yearly sums: + weight in the calendar year of each date; negative weights are an error, NULL date or weight skipped';

CREATE OR REPLACE AGGREGATE years_active_agg(span daterange, as_of date) (
  SFUNC = years_active_agg_trans,
  STYPE = internal,
  SSPACE = 200,
  FINALFUNC = year_counts_agg_final,
  FINALFUNC_MODIFY = READ_ONLY,
  COMBINEFUNC = year_counts_agg_combine,
  SERIALFUNC = year_counts_agg_serialize,
  DESERIALFUNC = year_counts_agg_deserialize,
  MSFUNC = years_active_agg_trans,
  MINVFUNC = years_active_agg_inv,
  MSTYPE = internal,
  MSSPACE = 200,
  MFINALFUNC = year_counts_agg_final,
  MFINALFUNC_MODIFY = READ_ONLY,
  PARALLEL = SAFE
);
COMMENT ON AGGREGATE years_active_agg(daterange, date) IS
  'Yearly counts of active spans: +1 in each year a span overlaps, open or later ends capped at as_of, spans starting after as_of skipped';

CREATE OR REPLACE AGGREGATE years_active_agg(spans datemultirange, as_of date) (
  SFUNC = years_active_agg_trans,
  STYPE = internal,
  SSPACE = 200,
  FINALFUNC = year_counts_agg_final,
  FINALFUNC_MODIFY = READ_ONLY,
  COMBINEFUNC = year_counts_agg_combine,
  SERIALFUNC = year_counts_agg_serialize,
  DESERIALFUNC = year_counts_agg_deserialize,
  MSFUNC = years_active_agg_trans,
  MINVFUNC = years_active_agg_inv,
  MSTYPE = internal,
  MSSPACE = 200,
  MFINALFUNC = year_counts_agg_final,
  MFINALFUNC_MODIFY = READ_ONLY,
  PARALLEL = SAFE
);
COMMENT ON AGGREGATE years_active_agg(datemultirange, date) IS
  'Yearly counts of active rows: +1 in each year any period of the multirange overlaps (once per row), capped at as_of';

CREATE OR REPLACE AGGREGATE rollup(year_counts) (
  SFUNC = year_counts_rollup_trans,
  STYPE = internal,
  SSPACE = 200,
  FINALFUNC = year_counts_agg_final,
  FINALFUNC_MODIFY = READ_ONLY,
  COMBINEFUNC = year_counts_agg_combine,
  SERIALFUNC = year_counts_agg_serialize,
  DESERIALFUNC = year_counts_agg_deserialize,
  MSFUNC = year_counts_rollup_trans,
  MINVFUNC = year_counts_rollup_inv,
  MSTYPE = internal,
  MSSPACE = 200,
  MFINALFUNC = year_counts_agg_final,
  MFINALFUNC_MODIFY = READ_ONLY,
  PARALLEL = SAFE
);
COMMENT ON AGGREGATE rollup(year_counts) IS
  'Merge stored year_counts (e.g. from a materialized view): year-by-year sums; NULLs skipped';
