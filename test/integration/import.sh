#!/usr/bin/env bash
# test/integration/import.sh — hdh_roadmap.import() and bin/hdh-import on
# messy exports made for the purpose (test/integration/import_files/: French
# dates, blanks, labels in any case, a duplicated reference, milestones out of
# order, a reordered header with a BOM and CRLF ends, control characters) and
# on hostile files made here (a 1 MB field, a binary blob, 10,000 columns, a
# quote left open). The expected outcome of every row is written below by
# hand, from the files; the indicators of the imported database are compared
# with those of a database given the same rows by plain INSERTs. Also: re-import
# (all unchanged), a newer export (updated, inserted, nothing deleted),
# rollback, errors before anything is applied, two concurrent imports of
# overlapping files, the loader and BI roles. Prints TAP. Needs the cluster's
# PGHOST/PGPORT/PGUSER (test/run).
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1
export PGDATABASE=postgres
. test/lib/tap.sh
. test/lib/bi_database.sh
FILES=test/integration/import_files
DB=hdh_import
REF=hdh_import_ref
TMP=$(mktemp -d "${WORK:-${TMPDIR:-/tmp}}/import.XXXXXX") || exit 1
chmod 755 "$TMP"
q() { local db=$1; shift; psql -X -q -A -t -v ON_ERROR_STOP=1 -d "$db" "$@"; }
cleanup() {
	psql -X -q -c "DROP DATABASE IF EXISTS $DB" -c "DROP DATABASE IF EXISTS $REF" \
		-c "DROP ROLE IF EXISTS hdh_import_loader" -c "DROP ROLE IF EXISTS hdh_import_bi" >/dev/null 2>&1
	rm -rf "$TMP"
}
trap cleanup EXIT
cleanup
TMP=$(mktemp -d "${WORK:-${TMPDIR:-/tmp}}/import.XXXXXX") || exit 1
psql -X -q -c "CREATE DATABASE $DB" -c "CREATE DATABASE $REF" >/dev/null
q "$DB" -c "CREATE EXTENSION hdh_roadmap"
q "$REF" -c "CREATE EXTENSION hdh_roadmap"
imp() { bin/hdh-import "$@" -d "$DB" -A -t -F '|'; }
MAP_V1='{"Titre": "title", "Référence": "reference", "Date de dépôt": "submitted_on",
         "Date de mise à disposition": "data_available_on", "Appariement": "linkage",
         "Autorisation": "authorised_on", "Établissement de santé": "with_health_establishment"}'

# ---- the messy first export ------------------------------------------------------
# Rows (1 = first after the header): 1 ok; 2 ok (blanks, spaces, INDIRECT);
# 3 31 February; 4 data before submission; 5 P-001 again; 6 unknown linkage;
# 7 blank title; 8 ok (quoted ';' in the title, 'non'); 9 ok; 10 control
# characters as a date; 11 'peut-être' as yes/no.
out=$(imp -m "$MAP_V1" project "$FILES/project_v1.csv" 2>&1)
is "$(sed -n 1p <<<"$out" | cut -d'|' -f2-)" "project|11|4|0|0|7" \
   "first export: 11 rows, 4 inserted, 7 rejected (report of bin/hdh-import)"
is "$(sed -n '2,$p' <<<"$out" | cut -d'|' -f1-3)" \
"4|22007|
5|23514|project_milestones_in_order
6|23505|project_reference_unique
7|22P02|
8|23502|
11|22007|
12|22P02|" "every rejected row is listed with its file line, SQLSTATE and constraint"
is "$(q "$DB" -c "SELECT row_number || ': ' || message FROM hdh_roadmap.import_reject WHERE row_number IN (3, 5, 6, 7, 11) ORDER BY 1")" \
"11: column with_health_establishment: invalid yes/no value \"peut-être\" (expected true/false, yes/no, oui/non, 1/0)
3: column submitted_on: invalid date \"31/02/2024\" (expected YYYY-MM-DD or DD/MM/YYYY)
5: duplicate of row 1, which has the same reference and is the one applied
6: column linkage: invalid value \"sometimes\" (expected one of none, direct, indirect, probabilistic, in any case)
7: column title: a value is required (the source has none, or a blank)" \
   "the messages name the column, the value and the rule"
is "$(q "$DB" -c "SELECT source_row ->> 'Référence' || '|' || (source_row ->> 'Date de dépôt') FROM hdh_roadmap.import_reject WHERE row_number = 3")" \
   "P-003|31/02/2024" "a rejected row is kept as it was in the file, under the file's column names"
is "$(q "$DB" -c "SELECT string_agg(format('%s|%s|%s|%s|%s|%s|%s', reference, title, submitted_on, authorised_on, data_available_on, linkage, with_health_establishment), ' ' ORDER BY reference) FROM hdh_roadmap.project")" \
   "P-001|Heart failure readmissions|2024-01-31|2024-05-15|2024-09-30|direct|t P-002|Cancer cohort|2024-02-10|||indirect|f P-007|Linked; with a semicolon|2023-03-05|2023-09-01|2023-12-20|probabilistic|f P-008|Diabetes|2024-10-10|||direct|f" \
   "the applied rows hold the values read (French and ISO dates, trimmed, blanks NULL, labels lower-cased)"
is "$(q "$DB" -c "SELECT concat_ws('|', source_rows, inserted + updated + unchanged + rejected, imported_by, finished_at >= started_at) FROM hdh_roadmap.import_batch")" \
   "11|11|postgres|t" "import_batch: every source row accounted for, the role, the times"

# ---- re-import, then a newer export ------------------------------------------------
out=$(imp -m "$MAP_V1" project "$FILES/project_v1.csv" 2>&1)
is "$(sed -n 1p <<<"$out" | cut -d'|' -f3-)" "11|0|0|4|7" "the same file again: the 4 good rows unchanged, the 7 bad ones rejected again"
before=$(q "$DB" -c "SELECT md5(string_agg(p::text, ',' ORDER BY project_id)) FROM hdh_roadmap.project p")
out=$(imp project "$FILES/project_v2.csv" 2>&1)
is "$(sed -n 1p <<<"$out" | cut -d'|' -f3-)" "5|2|2|1|0" \
   "a newer export (',' and ISO dates, another column order): 2 inserted (P-003 fixed, P-011), 2 updated (P-001, P-008), 1 unchanged (P-002)"
is "$(q "$DB" -c "SELECT string_agg(reference || ':' || coalesce(data_available_on::text, '-'), ' ' ORDER BY reference) FROM hdh_roadmap.project")" \
   "P-001:2024-10-15 P-002:- P-003:- P-007:2023-12-20 P-008:2025-03-01 P-011:-" \
   "the changed milestones are updated, P-007 (absent from the newer export) is left as it was"
is "$(q "$DB" -c "SELECT count(*) FROM hdh_roadmap.project p WHERE p.reference = 'P-002' AND p.project_id = 2")" "1" \
   "an unchanged row keeps its id (it was not rewritten)"

# ---- platform usage, periods as start and end ----------------------------------------
out=$(imp platform_usage "$FILES/usage.csv" 2>&1)
is "$(sed -n 1p <<<"$out" | cut -d'|' -f3-)" "5|3|0|0|2" "usage periods: 3 inserted, a reversed period and an unknown project rejected"
is "$(sed -n '2,$p' <<<"$out" | cut -d'|' -f1-3)" "5|22000|
6|23503|platform_usage_project_fk" "the reversed period and the unknown reference are named"
is "$(q "$DB" -c "SELECT string_agg(p.reference || ' ' || u.period, ', ' ORDER BY p.reference, u.period) FROM hdh_roadmap.platform_usage u JOIN hdh_roadmap.project p USING (project_id)")" \
   "P-001 [2024-10-01,2025-04-01), P-001 [2025-05-01,), P-007 [2024-01-02,2024-07-01)" "an end day is included: [start, end + 1)"

# ---- the other targets ------------------------------------------------------------------
report() { imp "$1" "$FILES/$2" 2>&1 | awk -F'|' 'NR == 1 { r = $3 "|" $4 "|" $5 "|" $6 "|" $7; next } { r = r " " $1 ":" $2 ":" $3 } END { print r }'; }
is "$(report catalogue_database catalogue.csv)" "2|1|0|0|1 3:23502:" "catalogue_database: a blank added_on is refused (23502)"
is "$(report project_source sources.csv)" \
   "5|2|0|0|3 4:23503:project_source_project_fk 5:23503:project_source_database_fk 6:23505:project_source_pkey" \
   "project_source: projects and catalogue databases named, unknown ones and a repeated source refused"
is "$(report project_source sources.csv)" \
   "5|0|0|2|3 4:23503:project_source_project_fk 5:23503:project_source_database_fk 6:23505:project_source_pkey" \
   "project_source again: unchanged"
is "$(q "$DB" -c "SELECT string_agg(p.reference || '/' || s.source_name || '/' || coalesce(d.name, '-'), ' ' ORDER BY s.source_name) FROM hdh_roadmap.project_source s JOIN hdh_roadmap.project p USING (project_id) LEFT JOIN hdh_roadmap.catalogue_database d USING (database_id)")" \
   "P-001/SNDS main database/SNDS main database P-001/hospital warehouse/-" "the sources point at their project and catalogue database"
is "$(report partnership partnerships.csv)" "2|1|0|0|1 3:22P02:" "partnership: labels in any case; an unknown level refused"
is "$(report civil_society_exchange exchanges.csv)" \
   "3|1|0|0|2 3:23505:civil_society_exchange_held_on_kind_counterpart_unique 4:23514:civil_society_exchange_participants_not_negative" \
   "civil_society_exchange: the same exchange twice (labels in another case) and a negative count refused"
sed 's/,14,/,16,/' "$FILES/exchanges.csv" >"$TMP/exchanges_v2.csv"
is "$(imp civil_society_exchange "$TMP/exchanges_v2.csv" 2>&1 | sed -n 1p | cut -d'|' -f3-)" "3|0|1|0|2" \
   "a newer count of participants updates the exchange"

# ---- the same rows by plain INSERT: the indicators must agree --------------------------
q "$REF" >/dev/null <<'SQL'
SET search_path = hdh_roadmap;
INSERT INTO project (reference, title, submitted_on, authorised_on, data_available_on, linkage, with_health_establishment) VALUES
  ('P-001', 'Heart failure readmissions', '2024-01-31', '2024-05-15', '2024-10-15', 'direct', true),
  ('P-002', 'Cancer cohort', '2024-02-10', NULL, NULL, 'indirect', false),
  ('P-007', 'Linked; with a semicolon', '2023-03-05', '2023-09-01', '2023-12-20', 'probabilistic', false),
  ('P-008', 'Diabetes', '2024-10-10', '2025-01-06', '2025-03-01', 'direct', false),
  ('P-003', 'Bad date fixed', '2024-02-28', NULL, NULL, 'none', false),
  ('P-011', 'New in the newer export', '2024-11-04', NULL, NULL, 'direct', false);
INSERT INTO platform_usage (project_id, period)
SELECT project_id, p FROM project, LATERAL (VALUES ('P-001', daterange('2024-10-01', '2025-04-01')),
  ('P-001', daterange('2025-05-01', NULL)), ('P-007', daterange('2024-01-02', '2024-07-01'))) v(r, p) WHERE reference = r;
INSERT INTO partnership (partner, infrastructure, level, signed_on) VALUES ('Hub A', 'mutualised', 'regional', '2024-05-14');
INSERT INTO civil_society_exchange (held_on, kind, counterpart, participants) VALUES ('2024-10-03', 'committee', 'citizens', 16);
SQL
for f in "scorecard_at('2025-06-30')" "access_delay_at('2025-06-30')" "indicator_series_at('2025-06-30')"; do
	sql="SELECT md5(string_agg(r::text, E'\n' ORDER BY r::text)) FROM hdh_roadmap.$f r"
	is "$(q "$DB" -c "$sql")" "$(q "$REF" -c "$sql")" "$f sees the imported rows as it sees rows inserted by hand"
done
is "$(q "$DB" -c "SELECT completed || '/' || pending FROM hdh_roadmap.access_delay_at('2025-06-30') WHERE year = 2025 AND linkage = 'all_linked'")" \
   "1/2" "access_delay_at 2025: P-008 completed; P-002 and P-011 (linked, no data yet) pending"

# ---- nothing half-applied -----------------------------------------------------------------
count() { q "$DB" -c "SELECT (SELECT count(*) FROM hdh_roadmap.project) || '/' || (SELECT count(*) FROM hdh_roadmap.import_batch) || '/' || (SELECT count(*) FROM hdh_roadmap.import_reject)"; }
snap=$(count)
q "$DB" -c "BEGIN" -c "CREATE TEMP TABLE s (reference text, title text, submitted_on text)" \
	-c "INSERT INTO s VALUES ('R-1', 'rolled back', '2024-01-01'), ('R-2', '', '2024-01-01')" \
	-c "SELECT inserted || '/' || rejected FROM hdh_roadmap.import('project', 's')" -c "ROLLBACK" >"$TMP/rb" 2>&1
is "$(cat "$TMP/rb")|$(count)" "1/1|$snap" "an import rolled back with its transaction leaves no row, no batch, no reject"
err() { q "$DB" -c "CREATE TEMP TABLE s ($1)" -c "INSERT INTO s DEFAULT VALUES" -c "SELECT * FROM hdh_roadmap.import($2)" 2>&1 | sed -n 's/^.*ERROR: *//p' | head -1; }
is "$(err "reference text, title text, submitted_on text, colour text" "'project', 's'")" \
   'column "colour" of pg_temp.s is not a column of an import into project' "an unknown column is an ERROR before anything is applied"
is "$(err "reference text, title text" "'project', 's'")" 'pg_temp.s has no column "submitted_on", which an import into project needs' \
   "a missing required column is an ERROR"
is "$(err "reference text" "'target', 's'")" 'cannot import into "target"' "an unknown target is an ERROR"
is "$(err "reference text" "'project', 's', '{\"nope\": \"title\"}'")" 'column_map names column "nope", which pg_temp.s does not have' \
   "a column_map naming no source column is an ERROR"
is "$(err "a text, b text" "'project', 's', '{\"a\": \"title\", \"b\": \"Title\"}'")" 'columns "a" and "b" of pg_temp.s both give column title of project' \
   "two columns giving one field is an ERROR"
is "$(q "$DB" -c "SELECT * FROM hdh_roadmap.import(NULL, NULL)" 2>&1 | grep -c 'target and source must not be NULL')" "1" "NULL arguments are an ERROR"
is "$(count)" "$snap" "none of the failed calls left anything"

# ---- a view as the source (its raw texts travel with its rows) ----------------------------
is "$(q "$DB" -c "CREATE VIEW public.v_src AS SELECT * FROM (VALUES ('V-1', 'from a view', '2024-01-01'), ('V-2', 'bad', '2024-13-01')) v(reference, title, submitted_on)" \
	-c "SELECT inserted || '/' || rejected FROM hdh_roadmap.import('project', 'public.v_src')" \
	-c "SELECT row_number || ' ' || (source_row ->> 'submitted_on') || ' ' || sqlstate FROM hdh_roadmap.import_reject WHERE batch_id = (SELECT max(batch_id) FROM hdh_roadmap.import_batch)")" \
   "1/1
2 2024-13-01 22007" "a view imports like a table; its rejected row is kept as it was"

# ---- the session's DateStyle does not matter; typed source columns ----------------------------
is "$(q "$DB" -c "SET DateStyle = 'SQL, MDY'" -c "CREATE TEMP TABLE s (reference text, title text, submitted_on text, file_complete_on date)" \
	-c "INSERT INTO s VALUES ('D-1', 'datestyle', '05/03/2024', '2024-03-20')" -c "SELECT inserted FROM hdh_roadmap.import('project', 's')" \
	-c "SET DateStyle = ISO" -c "SELECT submitted_on || ' ' || file_complete_on FROM hdh_roadmap.project WHERE reference = 'D-1'")" \
   "1
2024-03-05 2024-03-20" "05/03/2024 is 5 March under DateStyle MDY too; a date column is taken as it is"

# ---- hostile files ------------------------------------------------------------------------
snap=$(count)
python3 - "$TMP" <<'PY'
import sys, os
d = sys.argv[1]
big = 'x' * (1 << 20)
with open(f'{d}/big.csv', 'w') as f:
    f.write('reference;title;submitted_on\n')
    f.write(f'BIG-1;{big};2024-01-01\n')      # a 1 MB title: stored
    f.write(f'{big};big reference;2024-01-01\n')  # a 1 MB key: rejected
    f.write(f'BIG-3;ok;{big}\n')              # a 1 MB date: rejected
with open(f'{d}/blob.csv', 'wb') as f:
    f.write(b'reference;title;submitted_on\nB-1;')
    f.write(bytes(b for b in range(1, 256) if b not in b'\n\r;"') * 64)  # every other byte but NUL: not UTF-8
    f.write(b';2024-01-01\n')
with open(f'{d}/wide.csv', 'w') as f:
    f.write(';'.join(f'c{i}' for i in range(10000)) + '\n' + ';'.join('1' for _ in range(10000)) + '\n')
with open(f'{d}/quote.csv', 'w') as f:
    f.write('reference;title;submitted_on\nQ-1;"never closed;2024-01-01\nQ-2;fine;2024-01-01\n')
PY
out=$(imp project "$TMP/big.csv" 2>&1)
is "$(sed -n 1p <<<"$out" | cut -d'|' -f3-)" "3|1|0|0|2" "a 1 MB field: a 1 MB title is stored, a 1 MB key and a 1 MB date are rejected"
is "$(q "$DB" -c "SELECT sqlstate || ' ' || (message = CASE sqlstate WHEN '54000' THEN 'column reference: a key of 1048576 bytes is too long (at most 2000)'
                    ELSE 'column submitted_on: invalid date \"' || repeat('x', 100) || '…\" (expected YYYY-MM-DD or DD/MM/YYYY)' END)
                  FROM hdh_roadmap.import_reject WHERE batch_id = (SELECT max(batch_id) FROM hdh_roadmap.import_batch) ORDER BY row_number")" \
   "54000 true
22007 true" "their reasons: a key too long for its index, a date that is not one (the value cut at 100 characters in the message)"
is "$(q "$DB" -c "SELECT length(title) FROM hdh_roadmap.project WHERE reference = 'BIG-1'")" "1048576" "the 1 MB title is stored whole"
snap=$(count)
for f in blob wide quote; do
	out=$(imp project "$TMP/$f.csv" 2>&1); status=$?
	case $f in
	blob) why='invalid byte sequence for encoding "UTF8"' ;;
	wide) why='tables can have at most 1600 columns' ;;
	quote) why='unterminated CSV quoted field' ;;
	esac
	is "$status|$(grep -c "$why" <<<"$out")|$(count)" "3|1|$snap" "$f.csv: psql stops with \"$why\" and nothing is applied"
done

# ---- two imports of overlapping files at once ----------------------------------------------------
q "$DB" -c "CREATE TABLE public.con_a AS SELECT 'C-' || lpad(g::text, 3, '0') AS reference, 'session A' AS title, '2024-01-01' AS submitted_on FROM generate_series(1, 100) g" \
	-c "CREATE TABLE public.con_b AS SELECT 'C-' || lpad(g::text, 3, '0') AS reference, 'session B' AS title, '02/01/2024' AS submitted_on FROM generate_series(51, 150) g"
q "$DB" -c "BEGIN" -c "SELECT inserted || '/' || updated FROM hdh_roadmap.import('project', 'public.con_a')" \
	-c "SELECT pg_sleep(3)" -c "COMMIT" >"$TMP/con_a" 2>&1 &
a_pid=$!
# B starts once A has imported and sits in its open transaction.
for _ in $(seq 100); do
	[ "$(q "$DB" -c "SELECT count(*) FROM pg_stat_activity WHERE query = 'SELECT pg_sleep(3)' AND state = 'active'")" = 1 ] && break
	sleep 0.1
done
q "$DB" -c "SELECT inserted || '/' || updated FROM hdh_roadmap.import('project', 'public.con_b')" >"$TMP/con_b" 2>&1
wait "$a_pid"
is "$(head -1 "$TMP/con_a") $(head -1 "$TMP/con_b")" "100/0 50/50" \
   "session A inserts 100; session B, started while A was open, waits and then inserts 50 and updates A's 50"
is "$(q "$DB" -c "SELECT count(*) || '/' || count(DISTINCT reference) || ' ' || count(*) FILTER (WHERE title = 'session B') || ' ' || count(*) FILTER (WHERE submitted_on = '2024-01-02') FROM hdh_roadmap.project WHERE reference LIKE 'C-%'")" \
   "150/150 100 100" "no duplicate, no lost update: C-051..C-150 hold session B's values"

# ---- privileges: the loader can import, the BI role cannot ---------------------------------------
grants=$(awk '/^```sql$/ { inblock = 1; next } /^```$/ { inblock = 0; keep = 0 } inblock && /-- the loader role of doc\/security.md/ { keep = 1 } inblock && keep' doc/import.md)
# The roles get the grants doc/scorecard.md gives a BI role and a loader.
q "$DB" -c "CREATE ROLE hdh_import_loader" -c "CREATE ROLE hdh_import_bi" >/dev/null 2>&1
q "$DB" >/dev/null 2>&1 <<<"$(doc_grants hdh_import_bi hdh_import_loader)"
if [ "$(grep -c '^GRANT' <<<"$grants")" -ge 1 ] && q "$DB" <<<"${grants//hdh_loader/hdh_import_loader}" >/dev/null; then
	ok "the import grants of doc/import.md apply"
else
	not_ok "the import grants of doc/import.md apply" "$grants"
fi
as() { q "$DB" -c "SET ROLE $1" -c "CREATE TEMP TABLE s (reference text, title text, submitted_on text)" \
	-c "INSERT INTO s VALUES ('$2', 'by role', '2024-01-01')" -c "SELECT inserted FROM hdh_roadmap.import('project', 's')" 2>&1; }
is "$(as hdh_import_loader L-1)" "1" "the loader role imports"
is "$(q "$DB" -c "SELECT imported_by FROM hdh_roadmap.import_batch ORDER BY batch_id DESC LIMIT 1")" "hdh_import_loader" "import_batch names the importing role"
is "$(as hdh_import_bi B-1 | grep -o 'permission denied to import into project')" "permission denied to import into project" \
   "the BI role cannot import (42501)"
is "$(q "$DB" -c "SELECT count(*) FROM hdh_roadmap.project WHERE reference = 'B-1'")" "0" "and nothing of its attempt remains"

finish
