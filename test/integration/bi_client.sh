#!/usr/bin/env bash
# test/integration/bi_client.sh — a real client (test/integration/bi_client.py,
# psycopg2 under Debian's /usr/bin/python3) reads the views over TCP as a
# read-only BI role granted only USAGE on the schema and SELECT on the views,
# with the grants of doc/scorecard.md ("Privileges"), read from the page; a
# loader role granted what the same page says loads rows but cannot read or
# refresh the views. Prints TAP.
# Uses the cluster of test/run (PGHOST, PGPORT, PGUSER) and $WORK.
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1
PSQL="${PG_BIN:+$PG_BIN/}psql"
DB=hdh_bi
BI_ROLE=hdh_bi_reader_test
LOADER=hdh_loader_test
PASSWORD=bi-test-$$

. test/lib/tap.sh
. test/lib/bi_database.sh
q() { "$PSQL" -qXAt -v ON_ERROR_STOP=1 -d "$DB" "$@" 2>&1; }
cleanup() {
	"$PSQL" -qX -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "DROP ROLE IF EXISTS $BI_ROLE" \
		-c "DROP ROLE IF EXISTS $LOADER" >/dev/null 2>&1
}
trap cleanup EXIT
cleanup

if ! bi_database "$DB" "$BI_ROLE" "$LOADER" "$PASSWORD"; then
	not_ok "set up database $DB with the sample, refreshed, and roles $BI_ROLE, $LOADER"
	finish
fi
ok "set up database $DB with the sample, refreshed, and roles $BI_ROLE, $LOADER"

# The grants of doc/scorecard.md ("Privileges"), taken from the page itself.
grants=$(doc_grants "$BI_ROLE" "$LOADER")
if [ "$(grep -c '^GRANT' <<<"$grants")" -lt 4 ]; then
	not_ok "doc/scorecard.md has the grants block" "$grants"
elif out=$(q <<<"$grants"); then
	ok "the grants of doc/scorecard.md apply"
else
	not_ok "the grants of doc/scorecard.md apply" "$out"
fi

# The BI role over TCP, from Python.
if [ ! -x /usr/bin/python3 ] || ! /usr/bin/python3 -c 'import psycopg2' 2>/dev/null; then
	not_ok "Debian's /usr/bin/python3 has psycopg2 (python3-psycopg2)"
else
	out=$(PGPORT=$PGPORT BI_DB=$DB BI_ROLE=$BI_ROLE BI_PASSWORD=$PASSWORD \
		/usr/bin/python3 test/integration/bi_client.py 2>&1)
	status=$?
	relay_tap <<<"$out"
	[ "$status" -eq 0 ] || [ "$fails" -gt 0 ] || not_ok "bi_client.py exits 0" "status $status"
fi

# The loader, over TCP too: loads rows, reads nothing computed, refreshes nothing.
lq() { PGPASSWORD=$PASSWORD "$PSQL" -qXAt -h 127.0.0.1 -p "$PGPORT" -U "$LOADER" -d "$DB" -v ON_ERROR_STOP=1 -c "$1" 2>&1; }
if out=$(lq "INSERT INTO hdh_roadmap.project (reference, title, submitted_on, linkage)
             VALUES ('LOADER-1', 'loaded by the loader role', '2025-05-01', 'direct') RETURNING linkage"); then
	check "the loader inserts a project (identity column: USAGE on its sequence)" "$out" "direct"
else not_ok "the loader inserts a project" "$out"; fi
if out=$(lq "INSERT INTO hdh_roadmap.target (id, roadmap, axis, title, indicator, measure, kind, value,
                                              baseline_year, start_year, deadline, unit)
             VALUES ('loader_target', 'next', 1, 't', 'i', 'platform_projects', 'at_least', 250, 2025, 2026,
                     '2028-12-31', 'projects per year') RETURNING origin"); then
	check "the loader adds a target" "$out" "user"
else not_ok "the loader adds a target" "$out"; fi
if out=$(lq "SELECT hdh_roadmap.register_measure('publications', 'yearly', 'publications')") &&
   out=$(lq "INSERT INTO hdh_roadmap.reported_value (measure, year, value, reported_on)
             VALUES ('publications', 2025, 41, '2026-01-20') RETURNING value"); then
	check "the loader registers a measure and reports a value (doc/measures.md)" "$out" "41"
else not_ok "the loader registers a measure and reports a value" "$out"; fi
check "the loader cannot read the scorecard (no grant on the views)" \
	"$(lq "SELECT count(*) FROM hdh_roadmap.scorecard" | grep -o 'permission denied for view scorecard')" \
	"permission denied for view scorecard"
check "the loader cannot refresh the materialized views" \
	"$(lq "SELECT hdh_roadmap.refresh()" | grep -o 'must be owner of materialized view')" \
	"must be owner of materialized view"
check "the BI role sees the loader's target in the live scorecard" \
	"$(PGPASSWORD=$PASSWORD "$PSQL" -qXAt -h 127.0.0.1 -p "$PGPORT" -U "$BI_ROLE" -d "$DB" \
	     -c "SELECT count(*) FROM hdh_roadmap.scorecard WHERE target_id = 'loader_target'" 2>&1)" "1"
bq() { PGPASSWORD=$PASSWORD "$PSQL" -qXAt -h 127.0.0.1 -p "$PGPORT" -U "$BI_ROLE" -d "$DB" -c "$1" 2>&1; }
check "the BI role reads the loader's measure and its reported value" \
	"$(bq "SELECT m.shape || ' ' || i.value FROM hdh_roadmap.measures m
	        JOIN hdh_roadmap.indicator_series i ON i.measure = m.name WHERE m.name = 'publications'")" "yearly 41"
check "the BI role cannot register a measure" \
	"$(bq "SELECT hdh_roadmap.register_measure('bi_measure', 'yearly', 'things')" | grep -o 'permission denied for table measure')" \
	"permission denied for table measure"
check "the BI role cannot report a value" \
	"$(bq "INSERT INTO hdh_roadmap.reported_value (measure, year, value) VALUES ('publications', 2026, 1)" |
	   grep -o 'permission denied for table reported_value')" "permission denied for table reported_value"

finish
