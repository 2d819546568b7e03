#!/usr/bin/env bash
# test/integration/load.sh — the extension under concurrent load, bounded to
# about 20 seconds.
#
# Three pgbench runs at once, over TCP (127.0.0.1, $PGPORT), for
# HDH_LOAD_SECONDS (default 12) seconds, on a database holding the synthetic
# sample: writers (3 clients) each transaction inserting a project with its
# milestones, a platform usage period, a data source, a partnership and an
# exchange with civil society (references unique by client id and a random
# number); a refresher (1 client) calling hdh_roadmap.refresh() in a loop;
# readers (2 clients) querying scorecard, access_delay, indicator_series and
# the _mv views. Serialization failures and deadlocks would be retried
# (--max-tries); any other error fails. Afterwards: no client aborted, no
# failed transaction; after a final refresh() each materialized view equals
# its live view (EXCEPT both ways); and the rows in the tables are exactly
# the ones the writers' committed transactions inserted (pgbench's count of
# processed transactions): nothing lost, nothing doubled. Prints TAP, with
# the figures (tps, counts) in the test names. Needs $PG_BIN and the
# cluster's PGHOST/PGPORT/PGUSER (test/run).
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1
: "${PG_BIN:?PG_BIN must point at the server binaries}"
: "${PGPORT:?PGPORT must be set (the port of the cluster)}"
export PGDATABASE=postgres
SECONDS_RUN=${HDH_LOAD_SECONDS:-12}

. test/lib/tap.sh
q() { local db=$1; shift; psql -X -q -A -t -v ON_ERROR_STOP=1 -d "$db" "$@"; }

DB=hdh_load
TMP=$(mktemp -d "${WORK:-${TMPDIR:-/tmp}}/load.XXXXXX") || exit 1
chmod 755 "$TMP"
PIDS=()
cleanup() {
	local pid
	for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; done
	wait 2>/dev/null
	psql -X -q -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1
	rm -rf "$TMP"
}
trap cleanup EXIT
psql -X -q -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB" >/dev/null 2>&1

echo "1..12"

if q "$DB" -c "CREATE EXTENSION hdh_roadmap" >"$TMP/setup.log" 2>&1 &&
   q "$DB" -v seed=3 -v scale=0.3 -f sample/load.sql >>"$TMP/setup.log" 2>&1 &&
   q "$DB" -c "SELECT hdh_roadmap.refresh()" >>"$TMP/setup.log" 2>&1; then
	ok "the database has the extension, the sample, refreshed views"
else not_ok "the database has the extension, the sample, refreshed views"; sed 's/^/#   /' "$TMP/setup.log"; fi

# What the tables hold before the load.
BASE=$(q "$DB" -c "SELECT concat_ws(' ', (SELECT count(*) FROM hdh_roadmap.project), (SELECT count(*) FROM hdh_roadmap.platform_usage),
                                         (SELECT count(*) FROM hdh_roadmap.project_source), (SELECT count(*) FROM hdh_roadmap.partnership),
                                         (SELECT count(*) FROM hdh_roadmap.civil_society_exchange))")

# ---- the scripts ----
cat >"$TMP/writer.sql" <<'SQL'
\set ref random(1, 9000000000000000000)
\set sub random(0, 900)
\set auth random(10, 120)
\set delay random(30, 400)
\set done random(1, 10)
\set lk random(1, 4)
\set use random(30, 700)
\set kind random(1, 2)
\set lvl random(1, 3)
\set sig random(0, 1000)
BEGIN;
WITH p AS (
  INSERT INTO hdh_roadmap.project (reference, title, submitted_on, file_complete_on, authorised_on, data_available_on, linkage)
  VALUES ('LOAD-' || :client_id || '-' || :ref, 'load test project', date '2023-01-01' + :sub,
          date '2023-01-01' + :sub + 5, date '2023-01-01' + :sub + :auth,
          CASE WHEN :done <= 8 THEN date '2023-01-01' + :sub + :auth + :delay END,
          (ARRAY['none', 'direct', 'indirect', 'probabilistic'])[:lk]::hdh_roadmap.linkage_type)
  RETURNING project_id, submitted_on),
u AS (
  INSERT INTO hdh_roadmap.platform_usage (project_id, period)
  SELECT project_id, daterange(submitted_on + :auth, CASE WHEN :done <= 5 THEN submitted_on + :auth + :use END) FROM p)
INSERT INTO hdh_roadmap.project_source (project_id, source_name) SELECT project_id, 'load source' FROM p;
INSERT INTO hdh_roadmap.partnership (partner, infrastructure, level, signed_on)
VALUES ('load partner ' || :client_id || '-' || :ref, (ARRAY['local', 'mutualised'])[:kind]::hdh_roadmap.infrastructure_kind,
        (ARRAY['regional', 'national', 'european'])[:lvl]::hdh_roadmap.partnership_level, date '2023-01-01' + :sig);
INSERT INTO hdh_roadmap.civil_society_exchange (held_on, kind, counterpart, participants)
VALUES (date '2023-01-01' + :sig, 'meeting', 'load counterpart ' || :client_id || '-' || :ref, :lvl * 10);
COMMIT;
SQL
cat >"$TMP/refresher.sql" <<'SQL'
SELECT count(*) FROM hdh_roadmap.refresh();
SQL
cat >"$TMP/read_scorecard.sql" <<'SQL'
SELECT count(*), count(progress_ratio) FROM hdh_roadmap.scorecard;
SQL
cat >"$TMP/read_access_delay.sql" <<'SQL'
SELECT sum(completed), sum(pending), max(mean_months) FROM hdh_roadmap.access_delay;
SQL
cat >"$TMP/read_series.sql" <<'SQL'
SELECT measure, max(value) FROM hdh_roadmap.indicator_series GROUP BY measure;
SQL
cat >"$TMP/read_mv.sql" <<'SQL'
SELECT (SELECT count(*) FROM hdh_roadmap.scorecard_mv), (SELECT sum(completed) FROM hdh_roadmap.access_delay_mv),
       (SELECT count(*) FROM hdh_roadmap.indicator_series_mv), (SELECT count(*) FROM hdh_roadmap.last_refresh);
SQL

# ---- the load: three pgbench runs at once ----
bench() {
	local name=$1; shift
	"$PG_BIN/pgbench" -n -h 127.0.0.1 -p "$PGPORT" -U "${PGUSER:-postgres}" -T "$SECONDS_RUN" \
		--max-tries=5 --failures-detailed "$@" "$DB" >"$TMP/$name.out" 2>"$TMP/$name.err"
	echo $? >"$TMP/$name.status"
}
bench writers -c 3 -j 3 -f "$TMP/writer.sql" & PIDS+=($!)
bench refresher -c 1 -f "$TMP/refresher.sql" & PIDS+=($!)
bench readers -c 2 -j 2 -f "$TMP/read_scorecard.sql" -f "$TMP/read_access_delay.sql" \
	-f "$TMP/read_series.sql" -f "$TMP/read_mv.sql" & PIDS+=($!)
wait
PIDS=()

# field NAME PATTERN: the first number after PATTERN in pgbench's report.
field() { sed -n "s/^$2[^0-9]*\([0-9][0-9.]*\).*/\1/p" "$TMP/$1.out" | head -1; }
for name in writers refresher readers; do
	status=$(cat "$TMP/$name.status")
	tx=$(field "$name" 'number of transactions actually processed')
	failed=$(field "$name" 'number of failed transactions')
	retried=$(field "$name" 'number of transactions retried')
	tps=$(field "$name" 'tps =')
	if [ "$status" = 0 ] && [ -n "$tx" ] && [ "$tx" -gt 0 ] && [ "${failed:-0}" = 0 ] &&
	   ! grep -q 'aborted' "$TMP/$name.out" "$TMP/$name.err"; then
		ok "$name: $tx transactions committed in ${SECONDS_RUN} s, $(printf '%.1f' "$tps") tps, ${failed:-0} failed, ${retried:-0} retried, no client aborted"
	else
		not_ok "$name: committed transactions, none failed, no client aborted (exit $status)"
		sed 's/^/#   /' "$TMP/$name.err" | head -20
		grep -E 'processed|failed|retried|aborted|tps' "$TMP/$name.out" | sed 's/^/#   /'
	fi
done
WRITES=$(field writers 'number of transactions actually processed')

# ---- afterwards ----
is "$(q "$DB" -c "SELECT count(*) FROM hdh_roadmap.refresh()")" "4" "a final refresh() succeeds"
for v in indicator_series access_delay scorecard access_delay_monthly; do
	is "$(q "$DB" -c "SELECT (SELECT count(*) FROM (SELECT * FROM hdh_roadmap.${v}_mv EXCEPT SELECT * FROM hdh_roadmap.$v) a)
	                         || ' ' || (SELECT count(*) FROM (SELECT * FROM hdh_roadmap.$v EXCEPT SELECT * FROM hdh_roadmap.${v}_mv) b)
	                         || ' of ' || (SELECT count(*) FROM hdh_roadmap.$v)")" \
	   "0 0 of $(q "$DB" -c "SELECT count(*) FROM hdh_roadmap.$v")" "${v}_mv equals $v after the final refresh (EXCEPT both ways)"
done
read -r p0 u0 s0 pa0 e0 <<<"$BASE"
W=${WRITES:-0}
is "$(q "$DB" -c "SELECT concat_ws(' ', (SELECT count(*) FROM hdh_roadmap.project), (SELECT count(*) FROM hdh_roadmap.platform_usage),
                                     (SELECT count(*) FROM hdh_roadmap.project_source), (SELECT count(*) FROM hdh_roadmap.partnership),
                                     (SELECT count(*) FROM hdh_roadmap.civil_society_exchange))")" \
   "$((p0 + W)) $((u0 + W)) $((s0 + W)) $((pa0 + W)) $((e0 + W))" \
   "each table holds its rows before the load plus one per committed writer transaction ($W): nothing lost, nothing doubled"
is "$(q "$DB" -c "SELECT count(*) || ' ' || count(DISTINCT p.project_id) || ' ' || count(u.usage_id) || ' ' || count(s.project_id)
                    FROM hdh_roadmap.project p
                    LEFT JOIN hdh_roadmap.platform_usage u ON u.project_id = p.project_id
                    LEFT JOIN hdh_roadmap.project_source s ON s.project_id = p.project_id
                   WHERE p.reference LIKE 'LOAD-%'")" "$W $W $W $W" \
   "every load project has its usage period and its source, each once"
is "$(q "$DB" -c "SELECT (SELECT count(*) FROM hdh_roadmap.partnership WHERE partner LIKE 'load partner %')
                         || ' ' || (SELECT count(*) FROM hdh_roadmap.civil_society_exchange WHERE counterpart LIKE 'load counterpart %')")" \
   "$W $W" "one partnership and one exchange per committed writer transaction"
refreshes=$(field refresher 'number of transactions actually processed')
is "$(q "$DB" -c "SELECT count(*) FROM hdh_roadmap.refresh_log WHERE view_name = 'scorecard_mv'")" \
   "$(( ${refreshes:-0} + 2 > 100 ? 100 : ${refreshes:-0} + 2 ))" \
   "refresh_log holds the $((${refreshes:-0} + 2)) refreshes of scorecard_mv (setup, ${refreshes:-0} under load, final), the last 100 kept"

[ "$fails" -eq 0 ]
