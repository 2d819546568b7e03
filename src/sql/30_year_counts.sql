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

--@include src/sql/aggregates/year_counts_aggregates.sql

-- Equality of year_counts (since 0.2.0): as for delay_summary, see the
-- equality section of 20_delay_summary.sql.

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
