#!/usr/bin/env bash
# test/integration/dump_restore.sh — user rows of the reference tables survive
# pg_dump / pg_restore, in custom and plain format: a source database gets the
# synthetic sample, user targets and facts and edits of seeded rows; each
# restored database must have the same rows, table by table (count and md5 of
# the ordered rows), the same sequence positions, and no duplicated seed.
# Prints TAP. Needs $PG_BIN and the cluster's PGHOST/PGPORT/PGUSER (test/run).
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1
: "${PG_BIN:?PG_BIN must point at the server binaries}"
export PGDATABASE=postgres

. test/lib/tap.sh
q() { local db=$1; shift; psql -X -q -A -t -v ON_ERROR_STOP=1 -d "$db" "$@"; }

DBS=(hdh_dump_src hdh_dump_custom hdh_dump_plain hdh_dump_again hdh_dump_deleted)
TMP=$(mktemp -d "${WORK:-${TMPDIR:-/tmp}}/dump_restore.XXXXXX") || exit 1
cleanup() {
	local db
	for db in "${DBS[@]}"; do psql -X -q -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1; done
	rm -rf "$TMP"
}
trap cleanup EXIT
for db in "${DBS[@]}"; do psql -X -q -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1; done

# snapshot DB: one line per table (rows, md5 of the rows in order) and per
# sequence (position), in name order.
# (refresh_log, the log of refresh(), is not user data: left out.)
snapshot() {
	q "$1" <<'SQL'
SELECT format('SELECT %L || '' '' || count(*) || '' '' || md5(coalesce(string_agg(r::text, E''\n'' ORDER BY r::text), '''')) FROM hdh_roadmap.%I r',
              relname, relname)
  FROM pg_class WHERE relnamespace = 'hdh_roadmap'::regnamespace AND relkind = 'r'
   AND relname <> 'refresh_log' ORDER BY relname
\gexec
SELECT sequencename || ' ' || coalesce(last_value::text, 'unused')
  FROM pg_sequences WHERE schemaname = 'hdh_roadmap' ORDER BY sequencename;
SQL
}

echo "1..65"

# ---- the source database ----
psql -X -q -c "CREATE DATABASE hdh_dump_src" >/dev/null
if q hdh_dump_src -c "CREATE EXTENSION hdh_roadmap" >/dev/null &&
   q hdh_dump_src -v seed=7 -v scale=0.2 -f sample/load.sql >/dev/null 2>"$TMP/load.err" &&
   q hdh_dump_src >/dev/null <<'SQL'
SET search_path = hdh_roadmap;
-- edits of seeded rows
UPDATE target SET value = 180, title = 'A steady 180 projects a year (revised)' WHERE id = 'platform_projects';
UPDATE target SET active = false WHERE id = 'civil_society_exchanges';
UPDATE baseline_fact SET value = 67 WHERE id = 'accompanied_projects';
-- a user row that takes a pristine seed's id
INSERT INTO baseline_fact (id, first_year, last_year, reported_on, label, qualifier, value, unit)
VALUES ('partners', 2020, 2022, '2022-06-28', 'Partners (recount)', 'exactly', 97, 'partners');
-- user rows
INSERT INTO target (id, roadmap, axis, title, indicator, measure, kind, value, baseline_year, start_year, deadline, unit, source_quote)
VALUES ('eu_projects', 'HDH 2026-2028', 3, 'Projects with a European partner', 'projects per year with a European partner',
        'platform_projects', 'at_least', 25, 2025, 2026, '2028-12-31', 'projects per year', 'Texte « cité » avec des accents, un tab	et un \ ');
INSERT INTO baseline_fact (id, first_year, last_year, reported_on, axis, label, qualifier, value, unit)
VALUES ('data_challenges', 2020, 2022, '2022-12-15', 4, 'Data challenges organised', 'exactly', 3.5, 'challenges');
-- measures of the user's own (doc/measures.md): one from a function, one reported by hand, with a target
CREATE FUNCTION public.databases_added(as_of date) RETURNS TABLE (year integer, value double precision)
LANGUAGE sql STABLE AS $$
  SELECT extract(year FROM added_on)::integer, count(*)::float8
    FROM hdh_roadmap.catalogue_database WHERE added_on <= as_of GROUP BY 1 $$;
SELECT register_measure('databases_added', 'cumulative', 'databases', 'public.databases_added(date)', 'Databases added');
SELECT register_measure('publications', 'yearly', 'publications');
INSERT INTO reported_value (measure, year, value, reported_on, note) VALUES
  ('publications', 2024, 31, '2025-01-20', 'annual report'), ('publications', 2024, 33, '2025-03-01', 'corrected'),
  ('publications', 2025, 41, '2026-01-20', NULL);
INSERT INTO target (id, roadmap, axis, title, indicator, measure, kind, value, baseline_year, start_year, deadline, unit)
VALUES ('publications_2028', 'HDH 2026-2028', 1, '50 publications a year', 'publications', 'publications',
        'at_least', 50, 2024, 2026, '2028-12-31', 'publications');
-- an import with a rejected row: the batch log and the reject are user data
CREATE TEMP TABLE dump_import (reference text, title text, submitted_on text);
INSERT INTO dump_import VALUES ('DUMP-1', 'imported', '01/02/2024'), ('DUMP-2', '', '2024-01-01');
SELECT * FROM hdh_roadmap.import('project', 'dump_import');
-- deadlines (doc/monitoring.md): the seed edited, one of the user's own
UPDATE deadline SET extension_days = 60 WHERE id = 'ehds_decision';
INSERT INTO deadline (id, title, from_milestone, to_milestone, days)
VALUES ('completeness_check', 'File complete within 30 days', 'submitted', 'file_complete', 30);
-- gaps in the identity sequences, so that their positions matter
INSERT INTO project (reference, title, submitted_on) VALUES ('TMP-1', 'to delete', '2025-01-01');
DELETE FROM project WHERE reference = 'TMP-1';
INSERT INTO partnership (partner, infrastructure, level, signed_on) VALUES ('to delete', 'local', 'regional', '2025-01-01');
DELETE FROM partnership WHERE partner = 'to delete';
SQL
then ok "the source database has the sample, user rows and edits of seeded rows"
else not_ok "the source database has the sample, user rows and edits of seeded rows"; sed 's/^/# /' "$TMP/load.err"; fi

snapshot hdh_dump_src >"$TMP/src.snap"
is "$(wc -l <"$TMP/src.snap" | tr -d ' ')" "23" "the snapshot covers 16 tables and 7 sequences"
is "$(q hdh_dump_src -c "SELECT string_agg(id || ':' || origin, ',' ORDER BY id) FROM hdh_roadmap.target")" \
   "civil_society_exchanges:edited,eu_projects:user,linkage_access_delay:seed,new_partnerships:seed,platform_projects:edited,publications_2028:user" \
   "source targets and their origins"

# ---- dump in both formats ----
if "$PG_BIN/pg_dump" -Fc -f "$TMP/src.dump" hdh_dump_src 2>"$TMP/dump.err"; then ok "pg_dump -Fc"
else not_ok "pg_dump -Fc"; sed 's/^/# /' "$TMP/dump.err"; fi
if "$PG_BIN/pg_dump" -Fp -f "$TMP/src.sql" hdh_dump_src 2>"$TMP/dump.err"; then ok "pg_dump -Fp"
else not_ok "pg_dump -Fp"; sed 's/^/# /' "$TMP/dump.err"; fi
is "$(grep -c '^linkage_access_delay	' "$TMP/src.sql")" "0" "a pristine seed row is not in the dump"
is "$(grep -c '^platform_projects	' "$TMP/src.sql")" "1" "an edited seed row is in the dump"

# ---- restore ----
psql -X -q -c "CREATE DATABASE hdh_dump_custom" -c "CREATE DATABASE hdh_dump_plain" >/dev/null
if "$PG_BIN/pg_restore" --exit-on-error -d hdh_dump_custom "$TMP/src.dump" 2>"$TMP/restore.err"; then
	ok "pg_restore of the custom dump succeeds"
else not_ok "pg_restore of the custom dump succeeds"; sed 's/^/# /' "$TMP/restore.err"; fi
if q hdh_dump_plain -f "$TMP/src.sql" >/dev/null 2>"$TMP/restore.err"; then
	ok "psql restore of the plain dump succeeds"
else not_ok "psql restore of the plain dump succeeds"; sed 's/^/# /' "$TMP/restore.err"; fi

# compare SNAPSHOT_FILE DB LABEL: one test per table and sequence.
compare() {
	local want=$1 db=$2 label=$3 got line name
	got=$(snapshot "$db")
	while read -r line; do
		name=${line%% *}
		is "$(grep "^$name " <<<"$got")" "$line" "$label: $name is the same (rows and md5, or position)"
	done <"$want"
}
compare "$TMP/src.snap" hdh_dump_custom "custom format"
compare "$TMP/src.snap" hdh_dump_plain "plain format"

is "$(q hdh_dump_custom -c "SELECT count(*) FROM hdh_roadmap.target") $(q hdh_dump_custom -c "SELECT count(*) FROM hdh_roadmap.baseline_fact")" \
   "6 10" "no seed row is duplicated by the restore (6 targets, 10 facts)"
card="SELECT string_agg(target_id || ' ' || coalesce(current_value::text, '-') || ' ' || status, ', ' ORDER BY target_id)
        FROM hdh_roadmap.scorecard_at('2026-06-30')"
is "$(q hdh_dump_custom -c "$card")" "$(q hdh_dump_src -c "$card")" \
   "the restored scorecard, with its hand-reported and function-computed measures, is the source's"
is "$(q hdh_dump_custom -c "SELECT value || ' ' || origin FROM hdh_roadmap.target WHERE id = 'platform_projects'")" \
   "180 edited" "the user's edit of a seeded target survives"
is "$(q hdh_dump_plain -c "SELECT value || ' ' || qualifier || ' ' || origin FROM hdh_roadmap.baseline_fact WHERE id = 'partners'")" \
   "97 exactly user" "a user row that replaced a seed fact survives"
is "$(q hdh_dump_custom -c "INSERT INTO hdh_roadmap.project (reference, title, submitted_on) VALUES ('NEW-1', 'after restore', '2025-02-01') RETURNING project_id > (SELECT max(project_id) FROM hdh_roadmap.project WHERE reference <> 'NEW-1')")" \
   "t" "a new project after the restore gets a fresh id (the sequence position was restored)"

# ---- a restore of a restore changes nothing ----
psql -X -q -c "CREATE DATABASE hdh_dump_again" >/dev/null
snapshot hdh_dump_plain >"$TMP/plain.snap"
if "$PG_BIN/pg_dump" -Fc -f "$TMP/plain.dump" hdh_dump_plain 2>"$TMP/dump.err" &&
   "$PG_BIN/pg_restore" --exit-on-error -d hdh_dump_again "$TMP/plain.dump" 2>"$TMP/restore.err"; then
	ok "dump and restore of the restored database"
else not_ok "dump and restore of the restored database"; sed 's/^/# /' "$TMP/dump.err" "$TMP/restore.err"; fi
is "$(snapshot hdh_dump_again | md5sum)" "$(md5sum <"$TMP/plain.snap")" "a second dump/restore gives the same rows again"

# ---- a deleted seed row comes back (documented in doc/tables.md) ----
psql -X -q -c "CREATE DATABASE hdh_dump_deleted" >/dev/null
q hdh_dump_src -c "DELETE FROM hdh_roadmap.target WHERE id = 'linkage_access_delay'" >/dev/null
if "$PG_BIN/pg_dump" -Fc -f "$TMP/deleted.dump" hdh_dump_src 2>"$TMP/dump.err" &&
   "$PG_BIN/pg_restore" --exit-on-error -d hdh_dump_deleted "$TMP/deleted.dump" 2>"$TMP/restore.err"; then
	ok "dump and restore after deleting a seed target"
else not_ok "dump and restore after deleting a seed target"; sed 's/^/# /' "$TMP/dump.err" "$TMP/restore.err"; fi
is "$(q hdh_dump_deleted -c "SELECT origin FROM hdh_roadmap.target WHERE id = 'linkage_access_delay'")" \
   "seed" "a deleted seed row is back, pristine, after the restore (CREATE EXTENSION re-seeds it)"
is "$(q hdh_dump_deleted -c "SELECT active FROM hdh_roadmap.target WHERE id = 'civil_society_exchanges'")" \
   "f" "a retired seed target (active = false) stays retired"

[ "$fails" -eq 0 ]
