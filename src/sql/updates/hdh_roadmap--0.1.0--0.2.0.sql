-- hdh_roadmap upgrade script 0.1.0 -> 0.2.0 (ALTER EXTENSION hdh_roadmap UPDATE).
-- See CHANGELOG.md. After it, the catalog equals a fresh install of 0.2.0:
-- test/integration/upgrade_chain.sh compares the two, object by object.
--
-- Safe to run on a database that already has some of it (functions are
-- CREATE OR REPLACE, operators and operator classes are created only when
-- missing, the rest is ALTER or COMMENT), so a half-applied upgrade or a
-- re-frozen 0.1.0 that already carries a part does not stop it.

\echo Use "ALTER EXTENSION hdh_roadmap UPDATE TO '0.2.0'" to load this file. \quit

-- ---- search_path of the SQL and PL/pgSQL functions (doc/security.md) ----------
-- 0.1.0 set search_path = pg_catalog, which leaves pg_temp searched first for
-- type and table names: a temporary domain named float8 hijacked decimal_year.

ALTER FUNCTION seeded_row_before_insert() SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION seeded_row_before_update() SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION checked_as_of(date, text) SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION decimal_year(date) SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION required_path_value(float8, float8, float8, float8, float8) SET search_path = pg_catalog, pg_temp;

-- ---- equality of delay_summary and year_counts (src/sql/70_equality.sql) -------

CREATE OR REPLACE FUNCTION delay_summary_eq(delay_summary, delay_summary) RETURNS boolean
  AS 'MODULE_PATHNAME', 'delay_summary_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION delay_summary_ne(delay_summary, delay_summary) RETURNS boolean
  AS 'MODULE_PATHNAME', 'delay_summary_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION delay_summary_hash(delay_summary) RETURNS integer
  AS 'MODULE_PATHNAME', 'delay_summary_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION delay_summary_hash_extended(delay_summary, bigint) RETURNS bigint
  AS 'MODULE_PATHNAME', 'delay_summary_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION year_counts_eq(year_counts, year_counts) RETURNS boolean
  AS 'MODULE_PATHNAME', 'year_counts_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION year_counts_ne(year_counts, year_counts) RETURNS boolean
  AS 'MODULE_PATHNAME', 'year_counts_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION year_counts_hash(year_counts) RETURNS integer
  AS 'MODULE_PATHNAME', 'year_counts_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION year_counts_hash_extended(year_counts, bigint) RETURNS bigint
  AS 'MODULE_PATHNAME', 'year_counts_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

DO $upgrade$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['delay_summary', 'year_counts'] LOOP
    -- = first: it leaves a shell <> (its negator) that CREATE OPERATOR <> fills.
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_operator
                    WHERE oprname = '=' AND oprnamespace = '@extschema@'::regnamespace
                      AND oprleft = pg_catalog.to_regtype('@extschema@.' || t)
                      AND oprright = pg_catalog.to_regtype('@extschema@.' || t)
                      AND oprcode <> 0) THEN
      EXECUTE pg_catalog.format(
        'CREATE OPERATOR @extschema@.= (LEFTARG = @extschema@.%1$I, RIGHTARG = @extschema@.%1$I,
           FUNCTION = @extschema@.%2$I, COMMUTATOR = =, NEGATOR = <>,
           RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES)',
        t, t || '_eq');
    END IF;
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_operator
                    WHERE oprname = '<>' AND oprnamespace = '@extschema@'::regnamespace
                      AND oprleft = pg_catalog.to_regtype('@extschema@.' || t)
                      AND oprright = pg_catalog.to_regtype('@extschema@.' || t)
                      AND oprcode <> 0) THEN
      EXECUTE pg_catalog.format(
        'CREATE OPERATOR @extschema@.<> (LEFTARG = @extschema@.%1$I, RIGHTARG = @extschema@.%1$I,
           FUNCTION = @extschema@.%2$I, COMMUTATOR = <>, NEGATOR = =,
           RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel)',
        t, t || '_ne');
    END IF;
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_opclass
                    WHERE opcname = t || '_hash_ops' AND opcnamespace = '@extschema@'::regnamespace
                      AND opcmethod = (SELECT oid FROM pg_catalog.pg_am WHERE amname = 'hash')) THEN
      EXECUTE pg_catalog.format(
        'CREATE OPERATOR CLASS @extschema@.%1$I DEFAULT FOR TYPE @extschema@.%2$I USING hash AS
           OPERATOR 1 @extschema@.= (@extschema@.%2$I, @extschema@.%2$I),
           FUNCTION 1 @extschema@.%3$I(@extschema@.%2$I),
           FUNCTION 2 @extschema@.%4$I(@extschema@.%2$I, pg_catalog.int8)',
        t || '_hash_ops', t, t || '_hash', t || '_hash_extended');
    END IF;
  END LOOP;
END
$upgrade$;

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

-- ---- targets: an infinite deadline is refused (src/sql/40_tables.sql) ----------
-- Scoring needs a real date; 'infinity' passed 0.1.0's constraints and then
-- failed in progress_ratio.

DO $upgrade$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_constraint
                  WHERE conname = 'target_deadline_finite'
                    AND conrelid = '@extschema@.target'::regclass) THEN
    ALTER TABLE target ADD CONSTRAINT target_deadline_finite
      CHECK (deadline > '-infinity'::date AND deadline < 'infinity'::date);
  END IF;
END
$upgrade$;
COMMENT ON CONSTRAINT target_deadline_finite ON target IS 'A deadline is a real date, not infinity: progress is scored against it';

-- ---- baseline: one certified platform is 'platform', not 'platforms' -----------
-- A pristine seed row only: a user's edit stays. The update trigger is off so
-- that the seed keeps origin 'seed' (and stays out of pg_dump).

ALTER TABLE baseline_fact DISABLE TRIGGER baseline_fact_origin_on_update;
UPDATE baseline_fact SET unit = 'platform'
 WHERE id = 'certified_platform' AND origin = 'seed' AND unit = 'platforms';
ALTER TABLE baseline_fact ENABLE TRIGGER baseline_fact_origin_on_update;

-- ---- delay_agg state size estimates (SSPACE), after the smaller state ---------
-- A delay_agg state now holds its first 32 rows in 128 bytes (see
-- src/sql/20_delay_summary.sql). ALTER AGGREGATE cannot change SSPACE and the
-- aggregates cannot be dropped (views use them), so the planner's estimate is
-- set in pg_aggregate directly (the update runs as a superuser).

UPDATE pg_catalog.pg_aggregate SET aggtransspace = 288
 WHERE aggfnoid IN ('@extschema@.delay_agg(date, date)'::pg_catalog.regprocedure,
                    '@extschema@.delay_agg(date, date, date)'::pg_catalog.regprocedure,
                    '@extschema@.delay_agg(integer)'::pg_catalog.regprocedure,
                    '@extschema@.delay_agg(integer, boolean)'::pg_catalog.regprocedure);
UPDATE pg_catalog.pg_aggregate SET aggtransspace = 1024
 WHERE aggfnoid = '@extschema@.rollup(@extschema@.delay_summary)'::pg_catalog.regprocedure;
