#!/usr/bin/env bash
# test/integration/sample_data.sh — sample/load.sql loads (so every constraint
# held), is deterministic (two loads with one seed give the same rows; the
# default seed is 42; another seed gives other rows), is clearly synthetic,
# leaves the targets and the baseline alone, and has the volumes it promises
# for as_of 2025-06-30 (see sample/README.md), computed here by plain SQL.
# Prints TAP. Needs the cluster's PGHOST/PGPORT/PGUSER (test/run).
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1
export PGDATABASE=postgres

. test/lib/tap.sh
# within VALUE LOW HIGH DESCRIPTION: LOW <= VALUE <= HIGH (decimals allowed)
within() {
	if awk -v v="$1" -v lo="$2" -v hi="$3" 'BEGIN { exit !(v != "" && v + 0 >= lo + 0 && v + 0 <= hi + 0) }'; then
		ok "$4 ($1 in [$2, $3])"
	else not_ok "$4"; printf '#   got %s, want within [%s, %s]\n' "$1" "$2" "$3"; fi
}
q() { local db=$1; shift; psql -X -q -A -t -v ON_ERROR_STOP=1 -d "$db" "$@"; }

DBS=(hdh_sample_a hdh_sample_b)
TMP=$(mktemp -d "${WORK:-${TMPDIR:-/tmp}}/sample_data.XXXXXX") || exit 1
cleanup() {
	local db
	for db in "${DBS[@]}"; do psql -X -q -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1; done
	rm -rf "$TMP"
}
trap cleanup EXIT
for db in "${DBS[@]}"; do
	psql -X -q -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null 2>&1
	q "$db" -c "CREATE EXTENSION hdh_roadmap" >/dev/null
done

# content DB: every table's rows (count and md5 of the ordered rows).
# (refresh_log, the log of refresh(), is not user data: left out.)
content() {
	q "$1" <<'SQL'
SELECT format('SELECT %L || '' '' || count(*) || '' '' || md5(coalesce(string_agg(r::text, E''\n'' ORDER BY r::text), '''')) FROM hdh_roadmap.%I r',
              relname, relname)
  FROM pg_class WHERE relnamespace = 'hdh_roadmap'::regnamespace AND relkind = 'r'
   AND relname NOT IN ('refresh_log', 'import_batch', 'import_reject') ORDER BY relname   -- logs, not records
\gexec
SQL
}
# load DB [psql options...]: run sample/load.sql; 0 when it loaded.
load() {
	local db=$1; shift
	q "$db" "$@" -f sample/load.sql >"$TMP/load.out" 2>"$TMP/load.err"
}

echo "1..32"

# A user target added before the load must survive it.
q hdh_sample_a -c "INSERT INTO hdh_roadmap.target (id, roadmap, axis, title, indicator, measure, kind, value, start_year, deadline, unit)
                   VALUES ('user_target', 'r', 1, 't', 'i', 'platform_projects', 'at_least', 1, 2026, '2026-12-31', 'u')" >/dev/null

if load hdh_sample_a -v seed=42; then ok "sample/load.sql loads with seed 42 (every constraint held)"
else not_ok "sample/load.sql loads with seed 42"; sed 's/^/# /' "$TMP/load.err"; fi
content hdh_sample_a >"$TMP/first"
if load hdh_sample_a -v seed=42; then ok "it loads a second time over the first load"
else not_ok "it loads a second time over the first load"; sed 's/^/# /' "$TMP/load.err"; fi
content hdh_sample_a >"$TMP/second"
is "$(md5sum <"$TMP/second")" "$(md5sum <"$TMP/first")" "two loads with seed 42 give identical contents, table by table"
# (reported_value holds what a hub reports by hand for measures of its own,
# doc/measures.md: the 2023-2025 sample has none; the network's tables hold
# its hubs, doc/network.md.)
is "$(grep -vE '^(reported_value|network_)' "$TMP/first" | grep -c ' 0 ')" "0" "every table has rows (reported_value and the network's aside)"
if load hdh_sample_a; then ok "it loads without psql variables"; else not_ok "it loads without psql variables"; fi
is "$(content hdh_sample_a | md5sum)" "$(md5sum <"$TMP/first")" "the default seed is 42 and the default scale 1"
grep -q 'SYNTHETIC' "$TMP/load.out" && grep -q 'SYNTHETIC' "$TMP/load.err" &&
	ok "the load says the data are SYNTHETIC (banner and notice)" || not_ok "the load says the data are SYNTHETIC (banner and notice)"

if load hdh_sample_b -v seed=43; then ok "it loads with seed 43"; else not_ok "it loads with seed 43"; sed 's/^/# /' "$TMP/load.err"; fi
is "$(content hdh_sample_b | grep -c '^project ')" "1" "seed 43: the project table is there"
if [ "$(content hdh_sample_b | grep '^project ')" != "$(grep '^project ' "$TMP/first")" ]; then
	ok "another seed gives other projects"; else not_ok "another seed gives other projects"; fi
if load hdh_sample_b -v seed=43 -v scale=0.1; then ok "it loads at scale 0.1"; else not_ok "it loads at scale 0.1"; fi
within "$(q hdh_sample_b -c "SELECT count(*) FROM hdh_roadmap.project")" 140 152 "scale 0.1 loads a tenth of the 1,460 projects"
is "$(q hdh_sample_b -v scale=0 -f sample/load.sql 2>&1 >/dev/null | grep -c 'sample scale must be greater than 0')" "1" \
   "scale 0 is refused with a clear message"

# ---- the seeded tables are left alone ----
is "$(q hdh_sample_a -c "SELECT string_agg(id || ':' || origin, ',' ORDER BY id) FROM hdh_roadmap.target")" \
   "civil_society_exchanges:seed,linkage_access_delay:seed,new_partnerships:seed,platform_projects:seed,user_target:user" \
   "targets (seeded and user rows) are untouched by the load"
is "$(q hdh_sample_a -c "SELECT count(*) FILTER (WHERE origin = 'seed') FROM hdh_roadmap.baseline_fact")" "9" \
   "the baseline facts are untouched by the load"

# ---- clearly synthetic, nothing after 2025-12-31 ----
is "$(q hdh_sample_a <<'SQL'
SET search_path = hdh_roadmap;
SELECT (SELECT count(*) FROM project WHERE title NOT LIKE '[synthetic] %')
     + (SELECT count(*) FROM project_source WHERE source_name NOT LIKE '[synthetic] %')
     + (SELECT count(*) FROM call_for_projects WHERE theme NOT LIKE '[synthetic] %')
     + (SELECT count(*) FROM catalogue_database WHERE name NOT LIKE '[synthetic] %')
     + (SELECT count(*) FROM partnership WHERE partner NOT LIKE '[synthetic] %')
     + (SELECT count(*) FROM civil_society_exchange WHERE counterpart NOT LIKE '[synthetic] %');
SQL
)" "0" "every title, source, theme, database, partner and counterpart starts with [synthetic]"
is "$(q hdh_sample_a <<'SQL'
SET search_path = hdh_roadmap;
SELECT greatest((SELECT max(greatest(submitted_on, file_complete_on, committee_opinion_on, authorised_on, data_available_on)) FROM project),
                (SELECT max(lower(period)) FROM platform_usage),
                (SELECT max(signed_on) FROM partnership), (SELECT max(held_on) FROM civil_society_exchange),
                (SELECT max(greatest(launched_on, closed_on)) FROM call_for_projects),
                (SELECT max(added_on) FROM catalogue_database)) <= date '2025-12-31';
SQL
)" "t" "nothing in the history happens after 2025-12-31"

# ---- volumes (seed 42, scale 1) ----
# Projects submitted per year 2020-2025: hundreds.
within "$(q hdh_sample_a -c "SELECT min(n) FROM (SELECT count(*) AS n FROM hdh_roadmap.project
                             WHERE submitted_on >= '2020-01-01' GROUP BY date_part('year', submitted_on)) y")" 100 400 \
       "the fewest projects submitted in a year of 2020-2025 is in the hundreds"
within "$(q hdh_sample_a -c "SELECT round(100.0 * count(*) FILTER (WHERE data_available_on IS NULL OR data_available_on > '2025-06-30')
                                    / count(*) FILTER (WHERE submitted_on <= '2025-06-30'), 1)
                               FROM hdh_roadmap.project")" 5 40 "a share of the projects is still pending on 2025-06-30 (percent)"
within "$(q hdh_sample_a -c "SELECT min(share) FROM (SELECT 100.0 * count(*) / sum(count(*)) OVER () AS share
                             FROM hdh_roadmap.project GROUP BY linkage) s")" 5 50 \
       "linkage types are mixed: the rarest of the four has a real share (percent)"
is "$(q hdh_sample_a -c "SELECT count(DISTINCT linkage) FROM hdh_roadmap.project")" "4" "all four linkage types occur"
is "$(q hdh_sample_a -c "SELECT count(*) > 0 FROM (SELECT project_id FROM hdh_roadmap.platform_usage GROUP BY 1 HAVING count(*) > 1) s")
$(q hdh_sample_a -c "SELECT count(*) > 0 FROM hdh_roadmap.platform_usage WHERE upper_inf(period)")" "t
t" "some projects have several usage periods, some an open-ended one"

# platform_projects: distinct projects whose usage overlaps year Y, as of 2025-06-30.
platform() {
	q hdh_sample_a -c "SELECT count(DISTINCT project_id) FROM hdh_roadmap.platform_usage
	                    WHERE lower(period) <= date '2025-06-30'
	                      AND period && daterange(make_date($1, 1, 1), least(make_date($1 + 1, 1, 1), date '2025-07-01'))"
}
p22=$(platform 2022); p23=$(platform 2023); p24=$(platform 2024)
within "$p22" 105 140 "projects using the platform in 2022 (about 120)"
within "$p23" 135 165 "projects using the platform in 2023 (about 150)"
within "$p24" 160 195 "projects using the platform in 2024 (about 175, short of the target of 200)"
[ "$p22" -lt "$p23" ] && [ "$p23" -lt "$p24" ] && ok "platform usage grows every year" || not_ok "platform usage grows every year"

# linkage_access_delay: mean months from submission to data, linked projects, by year of availability.
delay() {
	q hdh_sample_a -c "SELECT round((avg(data_available_on - submitted_on) / 30.436875)::numeric, 2) FROM hdh_roadmap.project
	                    WHERE linkage <> 'none' AND data_available_on <= date '2025-06-30'
	                      AND date_part('year', data_available_on) = $1"
}
within "$(delay 2022)" 12 14 "mean access delay of linked projects made available in 2022, months (about 13)"
within "$(delay 2024)" 9 11 "mean access delay of linked projects made available in 2024, months (about 10, target 7)"

# new_partnerships: signed since 2023-01-01, as of 2025-06-30.
within "$(q hdh_sample_a -c "SELECT count(*) FROM hdh_roadmap.partnership WHERE signed_on BETWEEN '2023-01-01' AND '2025-06-30'")" \
       32 38 "partnerships signed 2023-01-01 to 2025-06-30 (about 35, on track for more than 40)"
is "$(q hdh_sample_a -c "SELECT count(*) FILTER (WHERE signed_on >= '2023-01-01') > count(*) FILTER (WHERE signed_on < '2023-01-01') FROM hdh_roadmap.partnership")" \
   "t" "most partnerships are signed from 2023"

# civil_society_exchanges: per calendar year, 2024 vs 2022.
exchanges() { q hdh_sample_a -c "SELECT count(*) FROM hdh_roadmap.civil_society_exchange WHERE date_part('year', held_on) = $1"; }
e22=$(exchanges 2022); e24=$(exchanges 2024)
within "$e22" 15 25 "exchanges with civil society in 2022 (about 20)"
within "$(awk -v a="$e24" -v b="$e22" 'BEGIN { printf "%.2f", a / b }')" 2.9 3.6 "exchanges 2024 / 2022 (the target multiplies by 3)"

[ "$fails" -eq 0 ]
