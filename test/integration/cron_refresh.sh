#!/usr/bin/env bash
# test/integration/cron_refresh.sh — refresh() scheduled with pg_cron, really
# loaded (test/run starts the cluster with shared_preload_libraries =
# 'pg_cron' and cron.database_name = 'postgres'). In database postgres: create
# pg_cron and hdh_roadmap, load the synthetic sample, schedule refresh() every
# minute, wait (up to ~100 s) for a run that succeeded and moved last_refresh,
# then check that the materialized views equal the live views. The job and
# both extensions are removed at the end, whatever happens, so the postgres
# database is left as it was. Prints TAP. Needs PGHOST/PGPORT/PGUSER.
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1
export PGDATABASE=postgres
PSQL="${PG_BIN:+$PG_BIN/}psql"
JOB=hdh_roadmap-refresh-test

. test/lib/tap.sh
q() { "$PSQL" -qXAt -v ON_ERROR_STOP=1 "$@" 2>&1; }

CREATED=0
cleanup() {
	[ "$CREATED" -eq 1 ] || return 0
	q -c "SELECT cron.unschedule(jobid) FROM cron.job WHERE jobname = '$JOB'" >/dev/null
	# a run that started just now must not hold locks while we drop
	for _ in $(seq 1 30); do
		[ "$(q -c "SELECT count(*) FROM cron.job_run_details WHERE status IN ('starting', 'running')" 2>/dev/null)" = 0 ] && break
		sleep 1
	done
	q -c "DROP EXTENSION IF EXISTS hdh_roadmap" -c "DROP SCHEMA IF EXISTS hdh_roadmap" \
	  -c "DROP EXTENSION IF EXISTS pg_cron" >/dev/null
}
trap cleanup EXIT

# The postgres database must be clean to start with: this test never touches
# an hdh_roadmap or pg_cron it did not create.
if [ "$(q -c "SELECT count(*) FROM pg_extension WHERE extname IN ('hdh_roadmap', 'pg_cron')")" != 0 ]; then
	not_ok "database postgres has neither hdh_roadmap nor pg_cron before the test"
	finish
fi
check "pg_cron is preloaded" "$(q -c "SHOW shared_preload_libraries")" "pg_cron"
CREATED=1
if out=$(q -c "CREATE EXTENSION pg_cron" -c "CREATE EXTENSION hdh_roadmap"); then
	ok "CREATE EXTENSION pg_cron, hdh_roadmap in database postgres"
else
	not_ok "CREATE EXTENSION pg_cron, hdh_roadmap in database postgres" "$out"
	finish
fi
if out=$(q -v seed=42 -f sample/load.sql 2>&1); then ok "the synthetic sample loads"
else not_ok "the synthetic sample loads" "$(tail -3 <<<"$out")"; finish; fi

check "last_refresh: never refreshed before the job" \
	"$(q -c "SELECT count(*) FROM hdh_roadmap.last_refresh WHERE finished_at IS NULL")" "4"
check "the materialized scorecard does not have the sample yet (all no_data)" \
	"$(q -c "SELECT bool_and(status = 'no_data') FROM hdh_roadmap.scorecard_mv")" "t"

# Every minute, so that the test need not wait for 03:17 (doc/refresh.md).
jobid=$(q -c "SELECT cron.schedule('$JOB', '* * * * *', 'SELECT hdh_roadmap.refresh()')")
if [[ "$jobid" =~ ^[0-9]+$ ]]; then ok "cron.schedule returns job $jobid"
else not_ok "cron.schedule returns a job id" "$jobid"; finish; fi
check "the job runs as the extension's owner, in database postgres" \
	"$(q -c "SELECT username = (SELECT extowner::regrole::text FROM pg_extension WHERE extname = 'hdh_roadmap')
	          AND database = 'postgres' FROM cron.job WHERE jobid = $jobid")" "t"

status=""
for _ in $(seq 1 50); do
	status=$(q -c "SELECT status FROM cron.job_run_details WHERE jobid = $jobid AND status IN ('succeeded', 'failed')
	               ORDER BY runid LIMIT 1")
	[ -n "$status" ] && break
	sleep 2
done
if [ "$status" = succeeded ]; then
	ok "the job ran and succeeded within 100 s"
else
	not_ok "the job ran and succeeded within 100 s" \
		"status [$status]: $(q -c "SELECT string_agg(status || ': ' || coalesce(return_message, ''), '; ') FROM cron.job_run_details WHERE jobid = $jobid")"
	finish
fi
check "the run's return message is refresh()'s four rows" \
	"$(q -c "SELECT return_message FROM cron.job_run_details WHERE jobid = $jobid AND status = 'succeeded' ORDER BY runid LIMIT 1")" \
	"4 rows"
check "last_refresh moved: the four views refreshed today, concurrently" \
	"$(q -c "SELECT count(*) FROM hdh_roadmap.last_refresh
	          WHERE finished_at IS NOT NULL AND as_of = current_date AND refreshed_concurrently")" "4"

for v in indicator_series access_delay scorecard access_delay_monthly; do
	diff=$(q -c "SELECT (SELECT count(*) FROM (SELECT * FROM hdh_roadmap.${v}_mv EXCEPT SELECT * FROM hdh_roadmap.$v) a)
	                  + (SELECT count(*) FROM (SELECT * FROM hdh_roadmap.$v EXCEPT SELECT * FROM hdh_roadmap.${v}_mv) b)
	                  || ' ' || (SELECT count(*) > 0 FROM hdh_roadmap.${v}_mv)")
	check "${v}_mv equals $v after the scheduled refresh (EXCEPT both ways; not empty)" "$diff" "0 true"
done
check "the materialized scorecard now scores the sample" \
	"$(q -c "SELECT count(*) FILTER (WHERE status <> 'no_data') > 0 FROM hdh_roadmap.scorecard_mv")" "t"

check "cron.unschedule removes the job" "$(q -c "SELECT cron.unschedule($jobid)")" "t"
finish
