#!/usr/bin/env bash
# test/integration/readme_tour.sh — the README's "short SQL tour" runs as
# written, pg_cron line included: it is extracted from README.md and run in
# database postgres (pg_cron's cron.database_name in test/run), then checked
# against independent computations. The job, the tour's table and both
# extensions are removed at the end. Prints TAP. Needs PGHOST/PGPORT/PGUSER.
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1
export PGDATABASE=postgres
PSQL="${PG_BIN:+$PG_BIN/}psql"

. test/lib/tap.sh
q() { "$PSQL" -qXAt -v ON_ERROR_STOP=1 "$@" 2>&1; }

TOUR=$(mktemp)
cleanup() {
	q -c "SELECT cron.unschedule(jobid) FROM cron.job WHERE jobname = 'hdh_roadmap-refresh'" >/dev/null 2>&1
	q -c "DROP TABLE IF EXISTS public.monthly" -c "DROP EXTENSION IF EXISTS hdh_roadmap" \
	  -c "DROP SCHEMA IF EXISTS hdh_roadmap" -c "DROP EXTENSION IF EXISTS pg_cron" >/dev/null 2>&1
	rm -f "$TOUR"
}
trap cleanup EXIT

# The first ```sql block after the heading "A short SQL tour".
awk '/^## A short SQL tour/ { intour = 1 }
     intour && /^```sql/ { insql = 1; next }
     insql && /^```/ { exit }
     insql { print }' README.md >"$TOUR"
check "README.md has a SQL tour with CREATE EXTENSION" \
	"$(grep -c '^CREATE EXTENSION hdh_roadmap' "$TOUR")" "1"

if [ "$(q -c "SELECT count(*) FROM pg_extension WHERE extname IN ('hdh_roadmap', 'pg_cron')")" != 0 ]; then
	not_ok "database postgres has neither hdh_roadmap nor pg_cron before the tour"
	finish
fi
q -c "CREATE EXTENSION pg_cron" >/dev/null
if out=$(q -f "$TOUR"); then ok "the tour runs without an error"
else not_ok "the tour runs without an error" "$(tail -3 <<<"$out")"; finish; fi

check "the tour's progress_status example says moderate" \
	"$(grep -c '^moderate$' <<<"$out")" "1"
check "the tour scheduled the nightly refresh with pg_cron" \
	"$(q -c "SELECT schedule || ' ' || command FROM cron.job WHERE jobname = 'hdh_roadmap-refresh'")" \
	"17 3 * * * SELECT hdh_roadmap.refresh()"
check "the tour's roadmap of its own scores its reported measure: on_track (R = (45/38 - 1) / ((50/38)^(1/3) - 1) = 1.92)" \
	"$(grep -c '^publications|45|on_track$' <<<"$out")" "1"
check "the tour's verdicts: the four 2023-2025 targets measured at their deadline" \
	"$(grep -cE '^(platform_projects|linkage_access_delay|new_partnerships|civil_society_exchanges)\|[a-z_]+\|t\|2025-12-31\|' <<<"$out")" "4"
check "the tour's edit of a seeded target stuck" \
	"$(q -c "SELECT value FROM hdh_roadmap.target WHERE id = 'linkage_access_delay'")" "6"
# The rolled-up monthly medians equal percentile_cont over the raw rows.
check "rollup of the tour's monthly summaries equals percentile_cont per year" \
	"$(q -c "SELECT count(*) FROM (
	           SELECT extract(year FROM month) AS y, hdh_roadmap.median_days(hdh_roadmap.rollup(summary)) AS m
	             FROM public.monthly GROUP BY 1) r
	         FULL JOIN (
	           SELECT extract(year FROM date_trunc('month', data_available_on)) AS y,
	                  percentile_cont(0.5) WITHIN GROUP (ORDER BY data_available_on - submitted_on) AS m
	             FROM hdh_roadmap.project WHERE data_available_on IS NOT NULL GROUP BY 1) p USING (y)
	         WHERE r.m IS DISTINCT FROM p.m")" "0"
finish
