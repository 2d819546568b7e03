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

--@include src/sql/aggregates/delay_aggregates.sql

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

-- Equality of the stored summary types (since 0.2.0): = and <> with a hash
-- operator class each, so DISTINCT, GROUP BY, UNION, IN, hash joins, hash
-- indexes and hash partitioning work on delay_summary and year_counts
-- columns. C code beside each type (src/delay_summary.c, src/year_counts.c),
-- which says why byte equality of the stored forms is value equality.
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
