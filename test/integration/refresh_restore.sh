#!/usr/bin/env bash
# test/integration/refresh_restore.sh — after pg_dump / pg_restore the
# materialized views are empty of user data (they belong to the extension,
# so pg_dump does not dump them; the restore's CREATE EXTENSION computes them
# from the still empty tables) and last_refresh says they were never
# refreshed, until refresh() runs (doc/refresh.md). Prints TAP. Uses the
# cluster of test/run (PGHOST, PGPORT, PGUSER), $PG_BIN and $WORK.
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1
BIN="${PG_BIN:+$PG_BIN/}"
SRC=hdh_mv_src
DST=hdh_mv_dst
TMP=$(mktemp -d "${WORK:-${TMPDIR:-/tmp}}/refresh_restore.XXXXXX") || exit 1

. test/lib/tap.sh
q() { local db=$1; shift; "${BIN}psql" -qXAt -v ON_ERROR_STOP=1 -d "$db" "$@" 2>&1; }
cleanup() {
	"${BIN}psql" -qX -d postgres -c "DROP DATABASE IF EXISTS $SRC" -c "DROP DATABASE IF EXISTS $DST" >/dev/null 2>&1
	rm -rf "$TMP"
}
trap cleanup EXIT
cleanup; mkdir -p "$TMP"

if q postgres -c "CREATE DATABASE $SRC" -c "CREATE DATABASE $DST" >/dev/null &&
	q "$SRC" -c "CREATE EXTENSION hdh_roadmap" >/dev/null &&
	q "$SRC" -v seed=42 -f sample/load.sql >/dev/null &&
	q "$SRC" -c "SELECT hdh_roadmap.refresh()" >/dev/null; then
	ok "source database: sample loaded, materialized views refreshed"
else
	not_ok "source database: sample loaded, materialized views refreshed"
	finish
fi
SCORED="SELECT count(*) FILTER (WHERE status <> 'no_data') FROM hdh_roadmap.scorecard_mv"
check "the source's materialized scorecard scores the sample" "$(q "$SRC" -c "$SCORED" | awk '{ print ($1 > 0) }')" "1"

if "${BIN}pg_dump" -Fc -d "$SRC" -f "$TMP/db.dump" 2>"$TMP/dump.err" &&
	"${BIN}pg_restore" -d "$DST" "$TMP/db.dump" 2>"$TMP/restore.err"; then
	ok "pg_dump -Fc and pg_restore"
else
	not_ok "pg_dump -Fc and pg_restore" "$(cat "$TMP/dump.err" "$TMP/restore.err" | head -5)"
fi
check "the dump holds no materialized view data and no refresh_log rows" \
	"$("${BIN}pg_restore" -l "$TMP/db.dump" | grep -cE 'MATERIALIZED VIEW DATA|TABLE DATA hdh_roadmap refresh_log')" "0"
check "the records are restored" \
	"$(q "$DST" -c "SELECT count(*) FROM hdh_roadmap.project")" "$(q "$SRC" -c "SELECT count(*) FROM hdh_roadmap.project")"
check "after the restore the materialized views hold no user data" \
	"$(q "$DST" -c "SELECT (SELECT count(*) FROM hdh_roadmap.indicator_series_mv) || ' '
	                     || (SELECT count(*) FROM hdh_roadmap.access_delay_mv) || ' ' || ($SCORED)")" "0 0 0"
check "after the restore last_refresh says never refreshed" \
	"$(q "$DST" -c "SELECT count(*) FROM hdh_roadmap.last_refresh WHERE finished_at IS NULL")" "4"

check "refresh() in the restored database" "$(q "$DST" -c "SELECT count(*) FROM hdh_roadmap.refresh()")" "4"
for v in indicator_series access_delay scorecard access_delay_monthly; do
	differ=$(q "$DST" -c "SELECT (SELECT count(*) FROM (SELECT * FROM hdh_roadmap.${v}_mv EXCEPT SELECT * FROM hdh_roadmap.$v) a)
	                           + (SELECT count(*) FROM (SELECT * FROM hdh_roadmap.$v EXCEPT SELECT * FROM hdh_roadmap.${v}_mv) b)")
	rows_dst=$(q "$DST" -c "SELECT md5(string_agg(t::text, ',' ORDER BY t::text)) FROM hdh_roadmap.${v}_mv t")
	rows_src=$(q "$SRC" -c "SELECT md5(string_agg(t::text, ',' ORDER BY t::text)) FROM hdh_roadmap.${v}_mv t")
	check "${v}_mv then equals $v, and the source's ${v}_mv" "$differ $rows_dst" "0 $rows_src"
done

finish
