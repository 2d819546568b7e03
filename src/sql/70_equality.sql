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
