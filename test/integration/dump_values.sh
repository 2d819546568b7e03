#!/usr/bin/env bash
# test/integration/dump_values.sh — stored delay_summary and year_counts
# values survive pg_dump / pg_restore, value by value.
#
# A source database holds the synthetic sample (user rows of the extension's
# tables, whose dump test/integration/dump_restore.sh covers in depth) and a
# user schema with stored summaries: pseudo-random ones, big ones (30001
# days, about 90 kB, compressed or stored out of line; 9999 years), empty ones,
# NULLs, arrays of them, a hash index, a hash-partitioned table (each row must
# go back to the partition of its hash), a CHECK constraint and a view using
# the extension's operators. It is dumped in plain and custom formats and
# restored into fresh databases; each must have the same rows, compared by
# their text forms and with the extension's = (against a binary COPY of the
# source values, a path independent of the dump's text COPY). Prints TAP.
# Needs $PG_BIN and the cluster's PGHOST/PGPORT/PGUSER (test/run).
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1
: "${PG_BIN:?PG_BIN must point at the server binaries}"
export PGDATABASE=postgres

. test/lib/tap.sh
q() { local db=$1; shift; psql -X -q -A -t -v ON_ERROR_STOP=1 -d "$db" "$@"; }

SRC=hdh_values_src
DBS=("$SRC" hdh_values_plain hdh_values_custom)
TMP=$(mktemp -d "${WORK:-${TMPDIR:-/tmp}}/dump_values.XXXXXX") || exit 1
drop_all() {
	local db
	for db in "${DBS[@]}"; do psql -X -q -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1; done
}
# A role to check that grants on the extension's objects are restored (roles
# are cluster-wide: created here, dropped at the end).
ROLE=hdh_values_reader
trap 'drop_all; psql -X -q -c "DROP ROLE IF EXISTS $ROLE" >/dev/null 2>&1; rm -rf "$TMP"' EXIT
drop_all
psql -X -q -c "DROP ROLE IF EXISTS $ROLE" -c "CREATE ROLE $ROLE NOLOGIN" >/dev/null 2>&1

echo "1..29"

# ---- the source ----
psql -X -q -c "CREATE DATABASE $SRC" >/dev/null
run "the source database has the extension and the sample" \
	eval 'q "$SRC" -c "CREATE EXTENSION hdh_roadmap" && q "$SRC" -v seed=11 -v scale=0.3 -f sample/load.sql >/dev/null'
run "the source database has stored summaries" q "$SRC" <<'SQL'
SET search_path = hdh_roadmap, public;
SELECT setseed(0.2024);
CREATE SCHEMA app;
CREATE TABLE app.summaries (
  id       integer PRIMARY KEY,
  label    text NOT NULL,
  s        delay_summary,
  yc       year_counts,
  history  delay_summary[],
  s_dflt   delay_summary DEFAULT 'completed {} pending {}',
  CONSTRAINT summaries_not_both_empty CHECK (s <> 'completed {} pending {}' OR yc <> '{}')
);
CREATE INDEX summaries_s_hash ON app.summaries USING hash (s);
CREATE INDEX summaries_yc_hash ON app.summaries USING hash (yc);

-- 300 pseudo-random summaries: 1 to 60 delays of 0 to 5000 days, a third
-- pending; yearly counts of 1 to 40 dates in 1990 to 2040 with weights.
CREATE TEMP TABLE draws AS
SELECT g, (random() * 5000)::integer AS d, random() < 0.33 AS p,
       date '1990-01-01' + (random() * 18627)::integer AS day, (random() * 1e6)::bigint AS w
  FROM generate_series(1, 300) AS g, generate_series(1, 60) AS k
 WHERE k <= 1 + (g * 7919) % 60;
INSERT INTO app.summaries (id, label, s, yc)
SELECT g, 'random', delay_agg(d, p), year_counts_agg(day, w) FROM draws GROUP BY g;
-- arrays of summaries, some with a NULL element
UPDATE app.summaries SET history = ARRAY[s, s + 'completed {1:1} pending {}', CASE WHEN id % 3 = 0 THEN NULL ELSE s END]
 WHERE id % 5 = 0;

-- big values: computed into a table that stores them out of line without
-- compression, then copied to one that compresses them
CREATE TABLE app.big_external (id integer PRIMARY KEY, s delay_summary, yc year_counts);
ALTER TABLE app.big_external ALTER COLUMN s SET STORAGE external, ALTER COLUMN yc SET STORAGE external;
INSERT INTO app.big_external VALUES
  (1001, (SELECT delay_agg((random() * 30000)::integer, random() < 0.3) FROM generate_series(1, 200000)),
         (SELECT year_counts_agg(make_date(y, 1, 1), (random() * 1e15)::bigint) FROM generate_series(1, 9999) AS y));
INSERT INTO app.summaries (id, label, s, yc) SELECT id, 'big', s, yc FROM app.big_external;

-- big counts, empty and NULL values
INSERT INTO app.summaries (id, label, s, yc) VALUES
  (1002, 'big counts', 'completed {0:9223372036854775806} pending {}', '{1:9223372036854775807,9999:1}'),
  (1003, 'empty summary', 'completed {} pending {}', '{2024:1}'),
  (1004, 'empty counts', 'completed {7:1} pending {}', '{}'),
  (1005, 'both NULL', NULL, NULL),
  (1006, 'NULL summary', NULL, '{2020:3}'),
  (1007, 'NULL counts', 'completed {} pending {0:2}', NULL);
UPDATE app.summaries SET s_dflt = NULL WHERE id = 1005;

-- a table partitioned by the hash of a summary
CREATE TABLE app.by_summary (id integer, s delay_summary) PARTITION BY HASH (s);
CREATE TABLE app.by_summary_0 PARTITION OF app.by_summary FOR VALUES WITH (MODULUS 3, REMAINDER 0);
CREATE TABLE app.by_summary_1 PARTITION OF app.by_summary FOR VALUES WITH (MODULUS 3, REMAINDER 1);
CREATE TABLE app.by_summary_2 PARTITION OF app.by_summary FOR VALUES WITH (MODULUS 3, REMAINDER 2);
INSERT INTO app.by_summary SELECT id, s FROM app.summaries;

-- a grant on the extension's objects, which pg_dump records against their initial privileges
GRANT USAGE ON SCHEMA hdh_roadmap TO hdh_values_reader;
GRANT SELECT ON hdh_roadmap.scorecard, app.summaries TO hdh_values_reader;

-- a view using the extension's = (pg_dump must write it so that it restores)
CREATE VIEW app.repeated AS
SELECT a.id, b.id AS same_as FROM app.summaries a JOIN app.summaries b ON a.s = b.s AND a.id < b.id;
SQL

# rows DB: every stored value as text, one line per row, in id order.
rows() {
	q "$1" <<'SQL'
SELECT 'summaries ' || id || ' ' || label || ' ' || coalesce(s::text, 'NULL') || ' ' || coalesce(yc::text, 'NULL')
       || ' ' || coalesce(history::text, 'NULL') || ' ' || coalesce(s_dflt::text, 'NULL')
  FROM app.summaries ORDER BY id;
SELECT 'big_external ' || id || ' ' || s::text || ' ' || yc::text FROM app.big_external ORDER BY id;
SELECT 'by_summary ' || tableoid::regclass::text || ' ' || id || ' ' || coalesce(s::text, 'NULL')
  FROM app.by_summary ORDER BY id;
SELECT 'repeated ' || id || ' ' || same_as FROM app.repeated ORDER BY id, same_as;
SQL
}

rows "$SRC" >"$TMP/src.rows"
is "$(q "$SRC" -c "SELECT count(*) || ' rows, ' || count(DISTINCT s::text) || ' distinct summaries, '
                      || count(*) FILTER (WHERE s IS NULL) || ' NULL, '
                      || count(*) FILTER (WHERE pg_column_size(s) > 2000) || ' big, '
                      || count(*) FILTER (WHERE history IS NOT NULL) || ' arrays'
                    FROM app.summaries")" \
   "307 rows, 305 distinct summaries, 2 NULL, 1 big, 60 arrays" \
   "the source holds 300 random summaries, the big, empty and NULL ones, and 60 arrays"
is "$(q "$SRC" -c "SELECT concat_ws(' ', pg_column_compression(s), pg_column_size(s) > 2000,
                                    coalesce(pg_column_compression(yc), 'none'), pg_column_size(yc) > 2000)
                    FROM app.summaries WHERE id = 1001")
$(q "$SRC" -c "SELECT concat_ws(' ', coalesce(pg_column_compression(s), 'none'), pg_column_size(s) > 50000,
                                  coalesce(pg_column_compression(yc), 'none'), pg_column_size(yc) > 50000)
                 FROM app.big_external")" \
   "pglz t none t
none t none t" "the big values: the summary compressed out of line and the counts out of line in one table, both uncompressed out of line in the other"
is "$(grep -c '' "$TMP/src.rows")" "$((307 + 1 + 307 + $(q "$SRC" -c "SELECT count(*) FROM app.repeated")))" \
   "the source rows are read"
is "$(q "$SRC" -c "SELECT count(DISTINCT tableoid) FROM app.by_summary")" "3" "the partitioned table uses its 3 partitions"
# The source values in binary form (send/recv), for the = comparison.
run "binary COPY of the source values" \
	eval 'q "$SRC" -c "\copy (SELECT id, s, yc, history FROM app.summaries UNION ALL SELECT -id, s, yc, NULL FROM app.big_external) TO '"'$TMP/src.bin'"' (FORMAT binary)"'

# ---- dump ----
run "pg_dump -Fp" "$PG_BIN/pg_dump" -Fp -f "$TMP/src.sql" "$SRC"
run "pg_dump -Fc" "$PG_BIN/pg_dump" -Fc -f "$TMP/src.dump" "$SRC"
is "$(grep -c 'OPERATOR(hdh_roadmap.=)' "$TMP/src.sql")" "1" "the dumped view names the extension's = with its schema"

# ---- restore and compare ----
psql -X -q -c "CREATE DATABASE hdh_values_plain" -c "CREATE DATABASE hdh_values_custom" >/dev/null
run "plain dump restored with psql" q hdh_values_plain -f "$TMP/src.sql"
run "custom dump restored with pg_restore" "$PG_BIN/pg_restore" --exit-on-error -d hdh_values_custom "$TMP/src.dump"

for db in hdh_values_plain hdh_values_custom; do
	fmt=${db#hdh_values_}
	out=$(diff "$TMP/src.rows" <(rows "$db") 2>&1)
	if [ -z "$out" ]; then ok "$fmt: every stored value has the same text form (and every row its partition)"
	else not_ok "$fmt: every stored value has the same text form (and every row its partition)"
		sed 's/^/#   /' <<<"$out" | cut -c1-300 | head -20; fi
	run "$fmt: the source values load by binary COPY" \
		eval 'q "$db" -c "CREATE TABLE app.source (id integer, s hdh_roadmap.delay_summary, yc hdh_roadmap.year_counts, history hdh_roadmap.delay_summary[])" \
		        -c "\copy app.source FROM '"'$TMP/src.bin'"' (FORMAT binary)"'
	is "$(q "$db" <<'SQL'
SET search_path = hdh_roadmap, public;
WITH restored AS (SELECT id, s, yc, history FROM app.summaries UNION ALL SELECT -id, s, yc, NULL FROM app.big_external)
SELECT count(*) || ' rows; '
       || count(*) FILTER (WHERE r.s = x.s) || ' equal, '
       || count(*) FILTER (WHERE r.s IS NULL AND x.s IS NULL) || ' both NULL, '
       || count(*) FILTER (WHERE r.s IS DISTINCT FROM x.s) || ' different summaries; '
       || count(*) FILTER (WHERE r.yc = x.yc) || ' equal, '
       || count(*) FILTER (WHERE r.yc IS NULL AND x.yc IS NULL) || ' both NULL, '
       || count(*) FILTER (WHERE r.yc IS DISTINCT FROM x.yc) || ' different counts; '
       || count(*) FILTER (WHERE r.history = x.history) || ' equal arrays, '
       || count(*) FILTER (WHERE r.history IS DISTINCT FROM x.history) || ' different arrays; '
       || count(*) FILTER (WHERE r.id IS NULL OR x.id IS NULL) || ' unmatched'
  FROM restored r FULL JOIN app.source x ON x.id = r.id;
SQL
)" "308 rows; 306 equal, 2 both NULL, 0 different summaries; 306 equal, 2 both NULL, 0 different counts; 60 equal arrays, 0 different arrays; 0 unmatched" \
	   "$fmt: every restored value = its source value (delay_summary, year_counts, arrays; NULLs stay NULL)"
	is "$(q "$db" -c "SET search_path = hdh_roadmap, public" -c "SELECT count(*) FROM app.summaries a JOIN app.source x ON a.s = x.s AND x.id > 0")" \
	   "$(q "$SRC" -c "SELECT count(*) FROM app.summaries a JOIN app.summaries b ON a.s::text = b.s::text")" \
	   "$fmt: a join on = between restored and source values pairs the same rows as a text join in the source"
	is "$(q "$db" -c "SET search_path = hdh_roadmap, public" -c "SET enable_seqscan = off" \
	        -c "SELECT count(*) FROM app.source x WHERE EXISTS (SELECT FROM app.summaries a WHERE a.s = x.s) AND x.id > 0")" \
	   "305" "$fmt: the restored hash index finds every non-NULL source summary"
	is "$(q "$db" -c "SELECT count(*) FROM hdh_roadmap.project") $(q "$db" -c "SELECT count(*) FROM app.repeated")" \
	   "$(q "$SRC" -c "SELECT count(*) FROM hdh_roadmap.project") $(q "$SRC" -c "SELECT count(*) FROM app.repeated")" \
	   "$fmt: the user rows of the extension's tables and the view over the summaries are back"
	is "$(q "$db" -c "SELECT concat_ws(' ', has_schema_privilege('$ROLE', 'hdh_roadmap', 'USAGE'),
	                                  has_table_privilege('$ROLE', 'hdh_roadmap.scorecard', 'SELECT'),
	                                  has_table_privilege('$ROLE', 'app.summaries', 'SELECT'),
	                                  has_table_privilege('$ROLE', 'hdh_roadmap.project', 'SELECT'))")" \
	   "t t t f" "$fmt: the grants on the extension's schema and view (and on the user table) are restored, no more"
	is "$(q "$db" -c "INSERT INTO app.summaries (id, label, s, yc) VALUES (2000, 'after', 'completed {} pending {}', '{}')" 2>&1 | grep -o 'summaries_not_both_empty')" \
	   "summaries_not_both_empty" "$fmt: the CHECK constraint using <> is restored and enforced"
done

# the values the restored databases compute from them are the same
is "$(q hdh_values_custom -c "SELECT hdh_roadmap.mean_days(hdh_roadmap.rollup(s)) || ' ' || hdh_roadmap.cumulative(hdh_roadmap.rollup(yc), 1, 9999) FROM app.summaries WHERE id < 1000")" \
   "$(q "$SRC" -c "SELECT hdh_roadmap.mean_days(hdh_roadmap.rollup(s)) || ' ' || hdh_roadmap.cumulative(hdh_roadmap.rollup(yc), 1, 9999) FROM app.summaries WHERE id < 1000")" \
   "rollups of the restored values equal those of the source"

[ "$fails" -eq 0 ]
