#!/usr/bin/env bash
# bench/network.sh — the network delay table by year and linkage over three
# hubs, two ways, run on purpose (not in test/run):
#
#   bench/network.sh [ROWS] [REPS] [OUT]   default 3,000,000 projects per hub,
#                                          3 repetitions, bench/NETWORK.md
#
#   (a) federated: network_access_delay_at(as_of) on a coordinator; each hub
#       computes its summaries (hub_summaries), only those cross the wire;
#   (b) pulling rows: a postgres_fdw foreign table over each hub's project
#       table (the three columns the query reads, fetch_size 10000 and
#       async_capable, both generous to this contender), and the query of
#       access_delay_at (src/sql/queries/access_delay.sql, unchanged but for
#       "project" read as the UNION ALL of those foreign tables) on the
#       coordinator;
#   (c) each hub's own access_delay_at(as_of), run on the hub alone.
#
# Four throwaway clusters on loopback (three hubs and the coordinator), as the
# cluster user, stopped by the trap. Times are measured in the server
# (clock_timestamp around the query, inside a PL/pgSQL loop), the contenders
# alternating, and the median is kept. Bytes fetched: every Foreign Scan of the
# coordinator's plan (EXPLAIN ANALYZE VERBOSE, FORMAT JSON) names its Remote
# SQL and its loops; that SQL is run on its hub under COPY ... TO STDOUT and
# the bytes counted (postgres_fdw receives results in text format, so this is
# the payload; libpq framing adds 4 bytes per value and 7 per row, counted
# apart). The federated query's Remote SQL is taken from EXPLAIN of the query
# network_summaries() executes (the UNION ALL of the hubs' foreign tables).
# Checks that (a)'s network rows equal (b)'s rows, so a fast wrong answer
# cannot win. Writes a Markdown report.
set -uo pipefail
export DEBIAN_FRONTEND=noninteractive
cd "$(dirname "$0")/.." || exit 1
. test/lib/common.sh

ROWS=${1:-3000000}
REPS=${2:-3}
OUT=${3:-bench/NETWORK.md}
AS_OF=2025-06-30
ensure_packages "${BASE_PACKAGES[@]}" python3
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

WORK=$(mktemp -d "${TMPDIR:-/tmp}/hdh-bench-network.XXXXXX") || die "mktemp failed"
chmod 755 "$WORK"
CLUSTERS=()
cleanup() {
	local d
	for d in "${CLUSTERS[@]}"; do CLUSTER_DIR=$d stop_cluster; done
	rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

make -s >/dev/null || die "build failed"
stage_postgres "$WORK/pg"
# One setting for all: no parallel workers (the machine has few cores and the
# three hubs share them), a buffer cache that holds a hub's table.
CONF=("shared_buffers = '1GB'" "work_mem = '256MB'" "max_parallel_workers_per_gather = 0")
declare -A HOST PORT
for n in hub1 hub2 hub3 coord; do
	start_cluster "$WORK/$n" "${CONF[@]}"
	CLUSTERS+=("$WORK/$n")
	HOST[$n]=$PGHOST PORT[$n]=$PGPORT
done
export PGOPTIONS="-c client_min_messages=warning"
# q CLUSTER [psql args]: unaligned, tuples only, stop on error.
q() { local n=$1; shift; PGHOST=${HOST[$n]} PGPORT=${PORT[$n]} "$PG_BIN/psql" -qXAt -v ON_ERROR_STOP=1 -d postgres "$@"; }

# time_it(q, reps): the median time (ms) of SELECT count(*) FROM (q), measured in the server.
TIME_IT=$(cat <<'SQL'
CREATE FUNCTION public.time_it(q text) RETURNS float8 LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz;
BEGIN
  t0 := clock_timestamp();
  EXECUTE 'SELECT count(*) FROM (' || q || ') AS t';
  RETURN extract(epoch FROM clock_timestamp() - t0) * 1000;
END $$;
SQL
)

say "generating $ROWS projects on each hub"
seed=0
for n in hub1 hub2 hub3; do
	seed=$((seed + 1))
	q "$n" >/dev/null <<SQL &
CREATE EXTENSION hdh_roadmap;
$TIME_IT
SELECT setseed(0.$seed);
-- A start over 2019-2025, a lognormal delay with a median near 270 days (as
-- bench/run), pending when it would end after $AS_OF; four linkage types.
INSERT INTO hdh_roadmap.project (project_id, reference, title, submitted_on, data_available_on, linkage)
SELECT i, 'B' || i, 'p', s, CASE WHEN s + d <= date '$AS_OF' THEN s + d END,
       (ARRAY['none', 'direct', 'indirect', 'probabilistic'])[1 + floor(random() * 4)::integer]::hdh_roadmap.linkage_type
  FROM (SELECT i, date '2019-01-01' + floor(random() * 2373)::integer AS s,
               (270 * exp(0.5 * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random())))::integer AS d
          FROM generate_series(1, $ROWS) AS i) AS g;
VACUUM ANALYZE hdh_roadmap.project;
SQL
done
wait || true
for n in hub1 hub2 hub3; do
	[ "$(q "$n" -c "SELECT count(*) FROM hdh_roadmap.project")" = "$ROWS" ] || die "data generation failed on $n"
done

q coord >/dev/null <<SQL || die "coordinator setup failed"
CREATE EXTENSION hdh_roadmap;
CREATE EXTENSION postgres_fdw;
$TIME_IT
$(for n in hub1 hub2 hub3; do cat <<EOS
CREATE SERVER $n FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host '127.0.0.1', port '${PORT[$n]}', dbname 'postgres');
CREATE USER MAPPING FOR CURRENT_USER SERVER $n OPTIONS (user 'postgres');
SELECT hdh_roadmap.attach_hub('$n', '$n');
CREATE FOREIGN TABLE public.raw_$n (submitted_on date, data_available_on date, linkage hdh_roadmap.linkage_type)
  SERVER $n OPTIONS (schema_name 'hdh_roadmap', table_name 'project', fetch_size '10000', async_capable 'true');
EOS
done)
CREATE VIEW public.raw_project AS
SELECT * FROM public.raw_hub1 UNION ALL SELECT * FROM public.raw_hub2 UNION ALL SELECT * FROM public.raw_hub3;
CREATE DATABASE one;
SQL
# A second coordinator database with hub1 alone: the cost of federation itself
# (the remote summaries and the merge), apart from three hubs sharing the cores.
q coord -d one >/dev/null <<SQL || die "one-hub coordinator setup failed"
CREATE EXTENSION hdh_roadmap;
CREATE EXTENSION postgres_fdw;
$TIME_IT
CREATE SERVER hub1 FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host '127.0.0.1', port '${PORT[hub1]}', dbname 'postgres');
CREATE USER MAPPING FOR CURRENT_USER SERVER hub1 OPTIONS (user 'postgres');
SELECT hdh_roadmap.attach_hub('hub1', 'hub1');
SQL

# The contenders, as queries the coordinator (or a hub) runs.
FEDERATED="SELECT * FROM hdh_roadmap.network_access_delay_at(date '$AS_OF')"
# The rows are fetched once (a materialized CTE named project), then the query
# of access_delay_at, unchanged, reads them.
PULL_Q="WITH project AS MATERIALIZED (SELECT * FROM public.raw_project), $(sed -e 's/^--.*//' \
	-e "s/{as_of}/date '$AS_OF'/g" src/sql/queries/access_delay.sql | sed -e '0,/^WITH /s/^WITH //')"
LOCAL="SELECT * FROM hdh_roadmap.access_delay_at(date '$AS_OF')"
# The query network_summaries() executes, for its plan.
SUMMARIES=$(for n in hub1 hub2 hub3; do
	printf "SELECT '%s'::text AS hub, s.* FROM hdh_roadmap.hub_summaries_%s AS s WHERE s.as_of = date '%s' AND s.part = 'access_delay'" "$n" "$n" "$AS_OF"
	[ "$n" = hub3 ] || printf ' UNION ALL '
done)

# Same answer: the network rows (hub IS NULL) and the rows pulled and aggregated.
cols="year, linkage, completed, pending, mean_months, median_months, p90_months, km_median_months, share_within_7_months"
a=$(q coord -c "SELECT $cols FROM hdh_roadmap.network_access_delay_at(date '$AS_OF') WHERE hub IS NULL")
b=$(q coord -c "SET search_path = hdh_roadmap, public" -c "SELECT $cols FROM ($PULL_Q) AS t")
if [ -z "$a" ] || [ "$a" != "$b" ]; then die "the federated and the pulled answers differ"; fi
SAME="yes: $(wc -l <<<"$a") rows, value for value"

# Timings, alternating; in-server milliseconds.
declare -A T
for r in $(seq "$REPS"); do
	say "repetition $r of $REPS"
	T[fed]+="$(q coord -c "SELECT time_it(\$q\$$FEDERATED\$q\$)") "
	T[one]+="$(q coord -d one -c "SELECT time_it(\$q\$$FEDERATED\$q\$)") "
	T[pull]+="$(q coord -c "SET search_path = hdh_roadmap, public" -c "SELECT time_it(\$q\$$PULL_Q\$q\$)") "
	for n in hub1 hub2 hub3; do T[$n]+="$(q "$n" -c "SELECT time_it(\$q\$$LOCAL\$q\$)") "; done
done
median() { tr ' ' '\n' | grep . | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
declare -A M
for k in fed one pull hub1 hub2 hub3; do M[$k]=$(median <<<"${T[$k]}"); done
slowest=hub1
for n in hub2 hub3; do awk -v a="${M[$n]}" -v b="${M[$slowest]}" 'BEGIN { exit !(a > b) }' && slowest=$n; done

# Bytes: each Foreign Scan's Remote SQL run on its hub under COPY, times its loops.
# scans SQL: one line per Foreign Scan: "server<TAB>loops<TAB>rows<TAB>remote sql".
scans() {
	q coord -c "SET search_path = hdh_roadmap, public" -c "EXPLAIN (ANALYZE, VERBOSE, FORMAT JSON) $1" |
		python3 -c '
import json, sys
def walk(n):
    if n.get("Node Type") == "Foreign Scan":
        yield n["Relation Name"], n["Actual Loops"], n["Actual Rows"] * n["Actual Loops"], n["Remote SQL"]
    for c in n.get("Plans", []):
        yield from walk(c)
for rel, loops, rows, sql in walk(json.load(sys.stdin)[0]["Plan"]):
    print(rel.rsplit("_", 1)[1], loops, rows, " ".join(sql.split()), sep="\t")'
}
# bytes SCANS: total COPY bytes, total rows, total values (rows x columns) of the scans.
bytes() {
	local srv loops rows sql b total=0 nrows=0 values=0 ncol
	while IFS=$'\t' read -r srv loops rows sql; do
		b=$(q "$srv" -c "COPY ($sql) TO STDOUT" | wc -c)
		ncol=${sql#SELECT } ncol=${ncol%% FROM *} ncol=${ncol//[^,]/} ncol=$((${#ncol} + 1))
		total=$((total + b * loops)) nrows=$((nrows + rows)) values=$((values + rows * ncol))
		echo "$srv	$loops	$rows	$b	$sql" >>"$WORK/scans.$2"
	done <<<"$1"
	echo "$total $nrows $values"
}
: >"$WORK/scans.fed"; : >"$WORK/scans.pull"
read -r FB FR FV <<<"$(bytes "$(scans "$SUMMARIES")" fed)"
read -r PB PR PV <<<"$(bytes "$(scans "$PULL_Q")" pull)"
# With libpq's framing (DataRow: 7 bytes a row and 4 a value, instead of COPY's tab or newline).
FW=$((FB + 7 * FR + 3 * FV)) PW=$((PB + 7 * PR + 3 * PV))

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }
ratio2() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
verdict() { awk -v v="$1" -v g="$2" -v d="$3" 'BEGIN { ok = (d == "ge") ? v >= g : v <= g; print ok ? "met" : "missed" }'; }
speed=$(ratio "${M[pull]}" "${M[fed]}")
less=$(ratio "$PB" "$FB")
vs_local=$(ratio2 "${M[fed]}" "${M[$slowest]}")
one_vs_local=$(ratio2 "${M[one]}" "${M[hub1]}")
cpu_bound=$(awk -v a="${M[hub1]}" -v b="${M[hub2]}" -v c="${M[hub3]}" -v n="$(nproc)" 'BEGIN { m = a; if (b > m) m = b; if (c > m) m = c; s = (a + b + c) / n; if (s < m) s = m; printf "%.0f", s }')
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
{
	echo "# Network benchmark: federated summaries against pulling rows"
	echo
	echo "Written by \`bench/network.sh $ROWS $REPS\` on $(date -u '+%Y-%m-%d %H:%M UTC')."
	echo "Machine: $(nproc) cores ($cpu), $(free -g | awk '/^Mem:/ { print $2 }') GB;"
	echo "load average before the run: $LOAD_BEFORE; after: $(cut -d' ' -f1-3 /proc/loadavg)."
	echo "PostgreSQL $(q coord -c 'SHOW server_version'); four clusters on loopback (hub1, hub2, hub3, coordinator),"
	echo "each with ${CONF[*]}."
	echo
	echo "Data: $ROWS projects per hub ($((ROWS * 3)) in all), submitted over 2019–2025, a lognormal"
	echo "delay with a median near 270 days, pending when it would end after $AS_OF; as_of = $AS_OF."
	echo "Same answer: $SAME (the network rows, hub IS NULL, against the rows pulled and aggregated)."
	echo
	echo "## Goals"
	echo
	echo "| goal | measured | verdict |"
	echo "|---|---|---|"
	echo "| federated at least 10× faster than pulling rows | ${speed}× | $(verdict "$speed" 10 ge) |"
	echo "| at least 1,000× fewer bytes than pulling rows | ${less}× | $(verdict "$less" 1000 ge) |"
	echo "| within 1.3× of the slowest hub's local access_delay_at | ${vs_local}× ($slowest) | $(verdict "$vs_local" 1.3 le) |"
	echo
	echo "The three hubs share the machine's $(nproc) cores: running their three local queries at once"
	echo "cannot take less than max(slowest hub, sum of the three / $(nproc)) = $cpu_bound ms here. With hub1 alone"
	echo "attached (a1), the network takes ${one_vs_local}× hub1's local access_delay_at: the cost of the"
	echo "federation itself (hub_summaries instead of access_delay_at, the transfer, the merge)."
	echo
	echo "## Medians of $REPS repetitions (ms, measured in the server)"
	echo
	echo "| query | median ms | runs (ms) |"
	echo "|---|---:|---|"
	echo "| (a) federated: network_access_delay_at | ${M[fed]} | ${T[fed]}|"
	echo "| (a1) federated, hub1 alone attached: network_access_delay_at | ${M[one]} | ${T[one]}|"
	echo "| (b) pulling rows: access_delay_at's query over the foreign project tables | ${M[pull]} | ${T[pull]}|"
	for n in hub1 hub2 hub3; do echo "| (c) $n alone: access_delay_at | ${M[$n]} | ${T[$n]}|"; done
	echo
	echo "## Bytes fetched by the coordinator"
	echo
	echo "Measured on each hub: the Remote SQL of every Foreign Scan in the coordinator's plan (EXPLAIN ANALYZE VERBOSE)"
	echo "run under COPY ... TO STDOUT and its bytes counted, times the scan's loops: the text postgres_fdw receives."
	echo "The framing column adds libpq's DataRow overhead (7 bytes a row, 4 a value, less COPY's 1-byte separators)."
	echo
	echo "| contender | rows | COPY text bytes | with libpq framing |"
	echo "|---|---:|---:|---:|"
	echo "| (a) federated | $FR | $FB | $FW |"
	echo "| (b) pulling rows | $PR | $PB | $PW |"
	echo
	echo "Each Foreign Scan (hub, loops, rows fetched, COPY bytes of one loop, Remote SQL):"
	echo
	echo '```'
	cat "$WORK/scans.fed" "$WORK/scans.pull"
	echo '```'
} >"$OUT"
say "wrote $OUT"
cat "$OUT"
