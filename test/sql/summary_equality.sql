-- = and <> on delay_summary and year_counts (src/hdh_varlena.c), and
-- what their hash operator classes make work: DISTINCT, GROUP BY, UNION,
-- INTERSECT, IN, hash joins, hash indexes, hash partitioning. The reference
-- everywhere is equality of the canonical text forms (::text), computed in
-- the same query.
SET search_path = hdh_roadmap, public;

-- ---- delay_summary: pseudo-random values with many repeats -------------------
-- 1000 delays of 0 to 3 days, a quarter pending, spread over 400 groups by a
-- fixed hash (no random(), so the data are the same on every run).
CREATE TABLE eq_raw AS
SELECT i, abs(hashint4(i)) % 400 AS g, abs(hashint4(i + 7919)) % 4 AS d, abs(hashint4(i + 104729)) % 4 = 0 AS p
  FROM generate_series(1, 1000) AS i;
CREATE TABLE eq_ds AS SELECT g AS id, delay_agg(d, p) AS s FROM eq_raw GROUP BY g;
INSERT INTO eq_ds VALUES (1000, NULL), (1001, NULL),
                         (1002, 'completed {} pending {}'), (1003, 'completed {} pending {}');

SELECT count(*) AS rows, count(s) AS non_null, count(DISTINCT s::text) AS distinct_texts FROM eq_ds;

-- Every pair: = and <> agree with text equality; equal pairs beyond the
-- diagonal exist; NULL on either side gives NULL.
SELECT count(*) AS pairs,
       count(*) FILTER (WHERE a.s = b.s) AS equal_pairs,
       count(*) FILTER (WHERE a.s::text = b.s::text) AS equal_text_pairs,
       count(*) FILTER (WHERE a.s = b.s AND a.id <> b.id) > 0 AS repeats_exist,
       bool_and((a.s = b.s) = (a.s::text = b.s::text)) AS eq_is_text_eq,
       bool_and((a.s <> b.s) = (a.s::text <> b.s::text)) AS ne_is_text_ne,
       bool_and((a.s = b.s) IS NULL AND (a.s <> b.s) IS NULL)
         FILTER (WHERE a.s IS NULL OR b.s IS NULL) AS null_gives_null,
       bool_and(delay_summary_hash(a.s) = delay_summary_hash(b.s)) FILTER (WHERE a.s = b.s) AS equal_hash_alike,
       bool_and(delay_summary_hash_extended(a.s, 42) = delay_summary_hash_extended(b.s, 42))
         FILTER (WHERE a.s = b.s) AS equal_hash_ext_alike
  FROM eq_ds a CROSS JOIN eq_ds b;

-- The extended hash with seed 0 agrees with the hash in its low 32 bits; another seed changes it.
SELECT bool_and((delay_summary_hash_extended(s, 0) & 4294967295) = (delay_summary_hash(s)::bigint & 4294967295)) AS seed0_agrees,
       count(*) FILTER (WHERE delay_summary_hash_extended(s, 0) <> delay_summary_hash_extended(s, 1)) = count(s) AS seed_matters,
       count(DISTINCT delay_summary_hash(s)) = count(DISTINCT s::text) AS no_collision_here
  FROM eq_ds;

-- The same value built in different ways is equal: text input (any spacing),
-- +, delay_agg, rollup; merging commutes.
SELECT 'completed{1:1,2:1}pending{}'::delay_summary = 'completed {1:1, 2:1} pending {}' AS spacing,
       'completed {1:1} pending {}'::delay_summary + 'completed {2:1} pending {}'
         = (SELECT delay_agg(d) FROM (VALUES (1), (2)) AS v(d)) AS plus_is_agg,
       (SELECT rollup(s) FROM eq_ds) = (SELECT delay_agg(d, p) FROM eq_raw) AS rollup_is_agg,
       (SELECT bool_and(a.s + b.s = b.s + a.s) FROM eq_ds a, eq_ds b WHERE a.id < 60 AND b.id < 60) AS plus_commutes,
       'completed {1:1} pending {}'::delay_summary <> 'completed {} pending {1:1}' AS pending_differs,
       'completed {1:1} pending {}'::delay_summary = 'completed {1:2} pending {}' AS count_differs;

-- NULL handling.
SELECT NULL::delay_summary = 'completed {} pending {}' AS eq_null,
       NULL::delay_summary <> 'completed {} pending {}' AS ne_null,
       NULL::delay_summary IS NOT DISTINCT FROM NULL AS null_not_distinct,
       'completed {} pending {}'::delay_summary IS DISTINCT FROM NULL AS value_distinct_from_null,
       nullif('completed {3:1} pending {}'::delay_summary, 'completed {3:1} pending {}') IS NULL AS nullif_equal;

-- A stored value (1-byte header, compressed or out of line) equals the same
-- value computed in memory (4-byte header): 30001 days, about 90 kB.
CREATE TABLE eq_big (label text, s delay_summary);
ALTER TABLE eq_big ALTER COLUMN s SET STORAGE external;
INSERT INTO eq_big SELECT 'external', delay_agg(d, d % 3 = 0) FROM generate_series(0, 30000) AS d;
CREATE TABLE eq_big_compressed (label text, s delay_summary);
INSERT INTO eq_big_compressed SELECT 'compressed', delay_agg(d, d % 3 = 0) FROM generate_series(0, 30000) AS d;
INSERT INTO eq_big_compressed VALUES ('small', 'completed {5:1} pending {}');
SELECT label, pg_column_compression(s) AS compression, pg_column_size(s) < 100 AS inline_small,
       s = (SELECT delay_agg(d, d % 3 = 0) FROM generate_series(0, 30000) AS d) AS equals_computed,
       s = s::text::delay_summary AS equals_text_round_trip
  FROM (SELECT * FROM eq_big UNION ALL SELECT * FROM eq_big_compressed) AS v ORDER BY label;
SELECT count(*) AS big_pairs_equal FROM eq_big a JOIN eq_big_compressed b ON a.s = b.s;
-- One count more or less is another value.
SELECT s <> (SELECT delay_agg(d, d % 3 = 0) FROM generate_series(1, 30000) AS d) AS first_day_missing,
       s <> s + 'completed {30000:1} pending {}' AS last_day_doubled
  FROM eq_big;

-- Short-header values compared with a literal: the two empty summaries.
SELECT count(*) AS empty_rows FROM eq_ds WHERE s = 'completed {} pending {}';

-- DISTINCT, GROUP BY, UNION, INTERSECT, EXCEPT, IN: each against its text twin.
SELECT (SELECT count(*) FROM (SELECT DISTINCT s FROM eq_ds) AS x) AS distinct_values,
       (SELECT count(*) FROM (SELECT DISTINCT s::text FROM eq_ds) AS x) AS distinct_texts,
       (SELECT count(*) FROM (SELECT s FROM eq_ds UNION SELECT s FROM eq_ds) AS x) AS union_values,
       (SELECT count(*) FROM (SELECT s FROM eq_ds WHERE id % 2 = 0 INTERSECT SELECT s FROM eq_ds WHERE id % 2 = 1) AS x)
         AS intersect_values,
       (SELECT count(*) FROM (SELECT s::text FROM eq_ds WHERE id % 2 = 0 INTERSECT SELECT s::text FROM eq_ds WHERE id % 2 = 1) AS x)
         AS intersect_texts,
       (SELECT count(*) FROM (SELECT s FROM eq_ds WHERE id % 2 = 0 EXCEPT SELECT s FROM eq_ds WHERE id % 2 = 1) AS x)
         AS except_values,
       (SELECT count(*) FROM (SELECT s::text FROM eq_ds WHERE id % 2 = 0 EXCEPT SELECT s::text FROM eq_ds WHERE id % 2 = 1) AS x)
         AS except_texts,
       (SELECT count(*) FROM eq_ds WHERE s IN (SELECT s FROM eq_ds WHERE id < 50)) AS in_values,
       (SELECT count(*) FROM eq_ds WHERE s::text IN (SELECT s::text FROM eq_ds WHERE id < 50)) AS in_texts;

-- GROUP BY s and GROUP BY s::text make the same groups (the NULLs form one).
SELECT count(*) AS groups, max(n) AS largest_group, count(*) FILTER (WHERE t IS NULL) AS null_groups
  FROM (SELECT s::text AS t, count(*) AS n FROM eq_ds GROUP BY s) AS g;
SELECT count(*) AS groups_differing
  FROM ((SELECT s::text, count(*) FROM eq_ds GROUP BY s EXCEPT ALL SELECT s::text, count(*) FROM eq_ds GROUP BY s::text)
        UNION ALL
        (SELECT s::text, count(*) FROM eq_ds GROUP BY s::text EXCEPT ALL SELECT s::text, count(*) FROM eq_ds GROUP BY s)) AS d;

-- Hash join: the plan, and its count against the text join.
SET enable_mergejoin = off;
SET enable_nestloop = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM eq_ds a JOIN eq_ds b ON a.s = b.s;
SELECT (SELECT count(*) FROM eq_ds a JOIN eq_ds b ON a.s = b.s) AS hash_join_rows,
       (SELECT count(*) FROM eq_ds a JOIN eq_ds b ON a.s::text = b.s::text) AS text_join_rows;
RESET enable_mergejoin;
RESET enable_nestloop;

-- Hash index.
CREATE INDEX eq_ds_s_hash ON eq_ds USING hash (s);
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT id FROM eq_ds WHERE s = 'completed {0:1, 2:1} pending {}';
SELECT (SELECT array_agg(id ORDER BY id) FROM eq_ds WHERE s = 'completed {0:1, 2:1} pending {}')
     = (SELECT array_agg(id ORDER BY id) FROM eq_ds WHERE s::text = 'completed {0:1, 2:1} pending {}') AS index_finds_all,
       (SELECT count(*) FROM eq_ds WHERE s = 'completed {0:1, 2:1} pending {}') > 1 AS several_found;
RESET enable_seqscan;

-- Hash partitioning (extended hash): each value lands in one partition, and a
-- lookup is pruned to it.
CREATE TABLE eq_part (id integer, s delay_summary) PARTITION BY HASH (s);
CREATE TABLE eq_part_0 PARTITION OF eq_part FOR VALUES WITH (MODULUS 4, REMAINDER 0);
CREATE TABLE eq_part_1 PARTITION OF eq_part FOR VALUES WITH (MODULUS 4, REMAINDER 1);
CREATE TABLE eq_part_2 PARTITION OF eq_part FOR VALUES WITH (MODULUS 4, REMAINDER 2);
CREATE TABLE eq_part_3 PARTITION OF eq_part FOR VALUES WITH (MODULUS 4, REMAINDER 3);
INSERT INTO eq_part SELECT * FROM eq_ds;
SELECT bool_and(partitions = 1) AS one_partition_per_value, count(*) AS values_placed
  FROM (SELECT s::text, count(DISTINCT tableoid) AS partitions FROM eq_part GROUP BY s::text) AS x;
SELECT count(DISTINCT tableoid) > 1 AS values_spread FROM eq_part;
CREATE FUNCTION pg_temp.plan_of(query text) RETURNS json LANGUAGE plpgsql AS $fn$
DECLARE
  plan json;
BEGIN
  EXECUTE 'EXPLAIN (FORMAT JSON, COSTS OFF) ' || query INTO plan;
  RETURN plan -> 0 -> 'Plan';
END
$fn$;
SELECT p ->> 'Node Type' AS node,
       p ->> 'Relation Name' = (SELECT DISTINCT tableoid::regclass::text FROM eq_part
                                 WHERE s::text = 'completed {0:1, 2:1} pending {}') AS the_partition_holding_it
  FROM pg_temp.plan_of('SELECT * FROM eq_part WHERE s = ''completed {0:1, 2:1} pending {}''') AS p;

-- What needs an order is still refused: there is no btree operator class.
SELECT s FROM eq_ds ORDER BY s;
SELECT count(DISTINCT s) FROM eq_ds;

-- ---- year_counts ----------------------------------------------------------------
-- 600 dates in 2019 to 2023 over 300 groups, by a fixed hash.
CREATE TABLE eq_yraw AS
SELECT i, abs(hashint4(i)) % 300 AS g, make_date(2019 + abs(hashint4(i + 31)) % 5, 1, 1) AS d
  FROM generate_series(1, 600) AS i;
CREATE TABLE eq_yc AS SELECT g AS id, year_counts_agg(d) AS yc FROM eq_yraw GROUP BY g;
INSERT INTO eq_yc VALUES (1000, NULL), (1001, NULL), (1002, '{}'), (1003, '{}');

SELECT count(*) AS pairs,
       count(*) FILTER (WHERE a.yc = b.yc) AS equal_pairs,
       count(*) FILTER (WHERE a.yc::text = b.yc::text) AS equal_text_pairs,
       count(*) FILTER (WHERE a.yc = b.yc AND a.id <> b.id) > 0 AS repeats_exist,
       bool_and((a.yc = b.yc) = (a.yc::text = b.yc::text)) AS eq_is_text_eq,
       bool_and((a.yc <> b.yc) = (a.yc::text <> b.yc::text)) AS ne_is_text_ne,
       bool_and((a.yc = b.yc) IS NULL AND (a.yc <> b.yc) IS NULL)
         FILTER (WHERE a.yc IS NULL OR b.yc IS NULL) AS null_gives_null,
       bool_and(year_counts_hash(a.yc) = year_counts_hash(b.yc)) FILTER (WHERE a.yc = b.yc) AS equal_hash_alike,
       bool_and(year_counts_hash_extended(a.yc, 42) = year_counts_hash_extended(b.yc, 42))
         FILTER (WHERE a.yc = b.yc) AS equal_hash_ext_alike
  FROM eq_yc a CROSS JOIN eq_yc b;

SELECT bool_and((year_counts_hash_extended(yc, 0) & 4294967295) = (year_counts_hash(yc)::bigint & 4294967295)) AS seed0_agrees
  FROM eq_yc;

-- Zero totals are no totals: the stored form is trimmed and canonical.
SELECT '{2021:0, 2022:5, 2023:0}'::year_counts = '{2022:5}' AS zeros_at_the_ends,
       '{2020:1, 2021:0, 2022:1}'::year_counts = '{2020:1,2022:1}' AS zero_inside,
       '{2020:0}'::year_counts = '{}' AS only_zero_is_empty,
       '{2022:5}'::year_counts + '{2023:2}' = (SELECT year_counts_agg(d, w) FROM (VALUES (date '2022-03-01', 5), (date '2023-12-31', 2)) AS v(d, w)) AS plus_is_agg,
       (SELECT rollup(yc) FROM eq_yc) = (SELECT year_counts_agg(d) FROM eq_yraw) AS rollup_is_agg,
       '{2022:5}'::year_counts <> '{2022:6}' AS total_differs,
       '{2022:5}'::year_counts <> '{2023:5}' AS year_differs,
       NULL::year_counts = '{}' AS eq_null;

-- A 9999-year value stored out of line equals the one computed in memory.
CREATE TABLE eq_ybig AS
SELECT year_counts_agg(make_date(y, 1, 1), y::bigint * 1000003) AS yc FROM generate_series(1, 9999) AS y;
SELECT pg_column_size(yc) > 8000 AS large,
       yc = (SELECT year_counts_agg(make_date(y, 1, 1), y::bigint * 1000003) FROM generate_series(1, 9999) AS y) AS equals_computed,
       yc <> (SELECT year_counts_agg(make_date(y, 1, 1), y::bigint * 1000003) FROM generate_series(2, 9999) AS y) AS year_1_missing
  FROM eq_ybig;

SELECT (SELECT count(*) FROM (SELECT DISTINCT yc FROM eq_yc) AS x) AS distinct_values,
       (SELECT count(*) FROM (SELECT DISTINCT yc::text FROM eq_yc) AS x) AS distinct_texts,
       (SELECT count(*) FROM (SELECT yc FROM eq_yc UNION SELECT yc FROM eq_yc) AS x) AS union_values,
       (SELECT count(*) FROM eq_yc WHERE yc IN (SELECT yc FROM eq_yc WHERE id < 30)) AS in_values,
       (SELECT count(*) FROM eq_yc WHERE yc::text IN (SELECT yc::text FROM eq_yc WHERE id < 30)) AS in_texts;
SELECT count(*) AS groups_differing
  FROM ((SELECT yc::text, count(*) FROM eq_yc GROUP BY yc EXCEPT ALL SELECT yc::text, count(*) FROM eq_yc GROUP BY yc::text)
        UNION ALL
        (SELECT yc::text, count(*) FROM eq_yc GROUP BY yc::text EXCEPT ALL SELECT yc::text, count(*) FROM eq_yc GROUP BY yc)) AS d;

SET enable_mergejoin = off;
SET enable_nestloop = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM eq_yc a JOIN eq_yc b ON a.yc = b.yc;
SELECT (SELECT count(*) FROM eq_yc a JOIN eq_yc b ON a.yc = b.yc) AS hash_join_rows,
       (SELECT count(*) FROM eq_yc a JOIN eq_yc b ON a.yc::text = b.yc::text) AS text_join_rows;
RESET enable_mergejoin;
RESET enable_nestloop;

-- ---- the catalog ----------------------------------------------------------------
-- Both = are hashable, not mergeable, each other's negator with <>, and
-- default members of a hash operator class; no btree class.
SELECT o.oprname, format_type(o.oprleft, NULL) AS type, o.oprcanhash, o.oprcanmerge,
       o.oprcom = o.oid AS self_commutator, (SELECT n.oprname FROM pg_operator n WHERE n.oid = o.oprnegate) AS negator
  FROM pg_operator o
 WHERE o.oprnamespace = 'hdh_roadmap'::regnamespace AND o.oprname IN ('=', '<>')
 ORDER BY type, o.oprname;
SELECT c.opcname, a.amname, c.opcdefault, format_type(c.opcintype, NULL) AS type
  FROM pg_opclass c JOIN pg_am a ON a.oid = c.opcmethod
 WHERE c.opcnamespace = 'hdh_roadmap'::regnamespace ORDER BY c.opcname;

DROP TABLE eq_raw, eq_ds, eq_big, eq_big_compressed, eq_part, eq_yraw, eq_yc, eq_ybig;
