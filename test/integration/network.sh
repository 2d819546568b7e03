#!/usr/bin/env bash
# test/integration/network.sh — a network of three hubs on postgres_fdw gives,
# from the hubs' summaries only, what one database holding every hub's rows
# gives (doc/network.md).
#
# Topology: the test cluster holds the coordinator, hub1, the reference
# database "all" (every hub's rows) and "h12" (hub1's and hub2's rows); two
# more throwaway clusters on loopback hold hub2 (with a version-0.2.0 and a
# bare database beside it; the coordinator reaches hub2 as a role that may
# read hub_summaries and nothing else) and hub3. Random records are made once
# in "all" and split across the hubs. Checks: network rows equal "all"'s
# access_delay_at / indicator_series_at at three dates, each hub's rows equal
# its own answer; the remote SQL (EXPLAIN VERBOSE, hub2's statement log) reads
# hub_summaries, concurrently (Async Foreign Scan); a slow hub ends at the
# caller's statement_timeout; offline export / import, and corrupted files
# refused changing nothing; version skew, a bare database and a coordinator
# without postgres_fdw refused at attach; a stopped hub is an ERROR naming it,
# or with skip_unreachable a NOTICE, the hub view's status and the other
# hubs' answer; a slow hub's 57014 names it; detach.
# The extra clusters are stopped by the trap, pass or fail.
# Prints TAP. Needs $PG_BIN and the cluster's PGHOST/PGPORT/PGUSER (test/run).
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1
: "${PG_BIN:?PG_BIN must point at the server binaries}"
export PGDATABASE=postgres

. test/lib/common.sh
. test/lib/tap.sh

MAIN_HOST=$PGHOST MAIN_PORT=$PGPORT
TMP=$(mktemp -d "${WORK:-${TMPDIR:-/tmp}}/network.XXXXXX") || exit 1
chmod 755 "$TMP"
LOCAL_DBS=(hdh_net_coord hdh_net_all hdh_net_h12 hdh_net_hub1 hdh_net_nofdw)
EXTRA=()
cleanup() {
	local dir db
	for dir in "${EXTRA[@]}"; do CLUSTER_DIR=$dir stop_cluster; done
	for db in "${LOCAL_DBS[@]}"; do
		PGHOST=$MAIN_HOST PGPORT=$MAIN_PORT psql -X -q -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1
	done
	PGHOST=$MAIN_HOST PGPORT=$MAIN_PORT psql -X -q -c "DROP ROLE IF EXISTS hdh_network" >/dev/null 2>&1
	rm -rf "$TMP"
}
trap cleanup EXIT

# extra_cluster NAME [conf lines...]: start a throwaway cluster; sets
# ${NAME}_HOST and ${NAME}_PORT; the test cluster's variables are kept.
extra_cluster() {
	local name=$1; shift
	start_cluster "$TMP/$name" "$@"
	EXTRA+=("$TMP/$name")
	printf -v "${name}_HOST" %s "$PGHOST"
	printf -v "${name}_PORT" %s "$PGPORT"
	export PGHOST=$MAIN_HOST PGPORT=$MAIN_PORT
}
extra_cluster B "log_statement = 'all'" "log_line_prefix = '[%a] '"
extra_cluster C

# q HOST PORT DB [psql args]: unaligned, tuples only, stop on error.
q() { local h=$1 p=$2 db=$3; shift 3; PGHOST=$h PGPORT=$p psql -X -q -A -t -v ON_ERROR_STOP=1 -d "$db" "$@"; }
coord() { q "$MAIN_HOST" "$MAIN_PORT" hdh_net_coord "$@"; }
all() { q "$MAIN_HOST" "$MAIN_PORT" "$1" "${@:2}"; }

for db in "${LOCAL_DBS[@]}"; do
	PGOPTIONS="-c client_min_messages=warning" psql -X -q -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null
	[ "$db" = hdh_net_nofdw ] || q "$MAIN_HOST" "$MAIN_PORT" "$db" -c "CREATE EXTENSION hdh_roadmap"
done
q "$MAIN_HOST" "$MAIN_PORT" hdh_net_nofdw -c "CREATE EXTENSION hdh_roadmap"
q "$B_HOST" "$B_PORT" postgres <<'SQL'
CREATE DATABASE hub2;
CREATE DATABASE old;
CREATE DATABASE bare;
SQL
q "$B_HOST" "$B_PORT" hub2 -c "CREATE EXTENSION hdh_roadmap"
q "$B_HOST" "$B_PORT" old -c "CREATE EXTENSION hdh_roadmap VERSION '0.2.0'"
q "$C_HOST" "$C_PORT" postgres -c "CREATE DATABASE hub3"
q "$C_HOST" "$C_PORT" hub3 -c "CREATE EXTENSION hdh_roadmap"

# Random records, made once in "all".
all hdh_net_all <<'SQL'
SET search_path = hdh_roadmap, public;
SELECT setseed(0.1303);
INSERT INTO project (project_id, reference, title, submitted_on, data_available_on, linkage)
SELECT i, 'NET-' || i, '[synthetic] network project ' || i, s,
       CASE WHEN random() < 0.8 THEN s + (20 + floor(random() * 500))::integer END,
       (ARRAY['none', 'direct', 'indirect', 'probabilistic'])[1 + floor(random() * 4)::integer]::linkage_type
  FROM (SELECT i, date '2019-01-01' + floor(random() * 2400)::integer AS s
          FROM generate_series(1, 900) AS i) AS g;
INSERT INTO platform_usage (project_id, period)
SELECT project_id, daterange(submitted_on + 15,
                             CASE WHEN random() < 0.7 THEN submitted_on + 15 + (30 + floor(random() * 700))::integer END)
  FROM project WHERE random() < 0.6;
INSERT INTO platform_usage (project_id, period)
SELECT project_id, daterange(upper(period) + 40, upper(period) + 40 + (10 + floor(random() * 300))::integer)
  FROM platform_usage WHERE upper(period) IS NOT NULL AND random() < 0.4;
INSERT INTO partnership (partnership_id, partner, infrastructure, level, signed_on)
SELECT i, '[synthetic] partner ' || i, (ARRAY['local', 'mutualised'])[1 + i % 2]::infrastructure_kind,
       (ARRAY['regional', 'national', 'european'])[1 + i % 3]::partnership_level,
       date '2018-06-01' + floor(random() * 2600)::integer
  FROM generate_series(1, 120) AS i;
INSERT INTO civil_society_exchange (exchange_id, held_on, kind, counterpart)
SELECT i, date '2020-01-01' + floor(random() * 2200)::integer, 'meeting', '[synthetic] association ' || i
  FROM generate_series(1, 200) AS i;
SQL

# copy_rows KEEP HOST PORT DB: the rows of "all" whose key modulo 3 is in
# KEEP (a SQL list) into DB. Hub k holds the keys k - 1 modulo 3.
copy_rows() {
	local keep=$1 h=$2 p=$3 db=$4 t key
	for t in project:project_id platform_usage:project_id partnership:partnership_id \
		civil_society_exchange:exchange_id; do
		key=${t#*:} t=${t%%:*}
		all hdh_net_all -c "\\copy (SELECT * FROM hdh_roadmap.$t WHERE $key % 3 IN ($keep)) TO STDOUT" |
			q "$h" "$p" "$db" -c "\\copy hdh_roadmap.$t FROM STDIN"
	done
}
copy_rows 0 "$MAIN_HOST" "$MAIN_PORT" hdh_net_hub1
copy_rows 1 "$B_HOST" "$B_PORT" hub2
copy_rows 2 "$C_HOST" "$C_PORT" hub3
copy_rows "0, 1" "$MAIN_HOST" "$MAIN_PORT" hdh_net_h12
check "the records are split across the hubs, none lost" \
	"$(for t in "$MAIN_HOST $MAIN_PORT hdh_net_hub1" "$B_HOST $B_PORT hub2" "$C_HOST $C_PORT hub3"; do
		# shellcheck disable=SC2086  # host port db
		q $t -c "SELECT count(*) FROM hdh_roadmap.project"; done | awk '{ s += $1 } END { print s }')" \
	"$(all hdh_net_all -c "SELECT count(*) FROM hdh_roadmap.project")"

# The examples of doc/network.md, in order, each on the database its first
# line names ("-- on each hub", "-- on the coordinator", "-- on hub3"), with
# the doc's ports and file paths replaced by the test's. When a ```text block
# follows, its lines must appear in the output ("…" stands for any text): the
# rules of every page's examples (test/lib/doc_examples.py), on three clusters.
python3 test/lib/doc_examples.py extract doc/network.md "$TMP"
# doc_run N HOST PORT DB: run example N there; ok, or the error / the missing output.
doc_run() {
	local n=$1 h=$2 p=$3 db=$4 out first
	first=$(sed -n 2p "$TMP/doc.$n.sql")
	sed -e "s/port '5432'/port '$MAIN_PORT'/; s/port '5433'/port '$B_PORT'/; s/port '5434'/port '$C_PORT'/" \
		-e "s|/tmp/hub3-2025-06-30.tsv|$TMP/doc-hub3.tsv|" "$TMP/doc.$n.sql" >"$TMP/doc.$n.run"
	if ! out=$(PGHOST=$h PGPORT=$p psql -X -q -v ON_ERROR_STOP=1 -P footer=off -d "$db" -f "$TMP/doc.$n.run" 2>&1); then
		not_ok "doc/network.md example $n on $db runs: $first" "$out"; return
	fi
	[ -f "$TMP/doc.$n.text" ] || { ok "doc/network.md example $n on $db runs: $first"; return; }
	printf '%s\n' "$out" >"$TMP/doc.$n.out"
	if python3 test/lib/doc_examples.py match "$TMP/doc.$n.text" "$TMP/doc.$n.out"
	then ok "doc/network.md example $n on $db shows what the doc shows: $first"
	else not_ok "doc/network.md example $n on $db shows what the doc shows: $first" "$out"; fi
}
HUBS=("$MAIN_HOST $MAIN_PORT hdh_net_hub1" "$B_HOST $B_PORT hub2" "$C_HOST $C_PORT hub3")
coord -c "CREATE EXTENSION postgres_fdw"
for n in $(seq "$(find "$TMP" -name 'doc.*.sql' | wc -l)"); do
	place=$(sed -n '1s/^-- on //p' "$TMP/doc.$n.sql")
	case $place in
	"each hub") for t in "${HUBS[@]}"; do
			# shellcheck disable=SC2086  # host port db
			doc_run "$n" $t; done ;;
	"hub3") doc_run "$n" "$C_HOST" "$C_PORT" hub3 ;;
	"the coordinator") doc_run "$n" "$MAIN_HOST" "$MAIN_PORT" hdh_net_coord ;;
	*) not_ok "doc/network.md example $n: unknown place '$place' (its first line: -- on …)" ;;
	esac
	# Between the servers and the attach: an extensions option attach_hub must keep.
	grep -q 'CREATE SERVER hub2' "$TMP/doc.$n.sql" && coord -c "ALTER SERVER hub2 OPTIONS (ADD extensions 'postgres_fdw')"
done

# The hub-side role reads the summaries and nothing row-level.
for t in "${HUBS[@]}"; do
	read -r h p db <<<"$t"
	check "the coordinator's role on $db gets 42501 on the project table" \
		"$(PGHOST=$h PGPORT=$p psql -X -q -A -t -U hdh_network -d "$db" -v VERBOSITY=verbose \
			-c "SELECT count(*) FROM hdh_roadmap.project" 2>&1 | grep -o '42501: permission denied for table project')" \
		"42501: permission denied for table project"
done
check "the coordinator's role on the hub reads hub_summaries" \
	"$(PGHOST=$B_HOST PGPORT=$B_PORT psql -X -q -A -t -U hdh_network -d hub2 \
		-c "SELECT count(*) > 0 FROM hdh_roadmap.hub_summaries WHERE as_of = '2025-06-30'" 2>&1)" t
check "the hubs attached by the doc's examples are all there, with their version" \
	"$(coord -c "SELECT string_agg(hub || ' ' || server || ' ' || extension_version || ' ' || transport, ', ' ORDER BY hub) FROM hdh_roadmap.hub")" \
	"hub1 hub1 0.3.0 postgres_fdw, hub2 hub2 0.3.0 postgres_fdw, hub3 hub3 0.3.0 postgres_fdw"
coord <<SQL
CREATE SERVER old FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host '127.0.0.1', port '$B_PORT', dbname 'old');
CREATE SERVER bare FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host '127.0.0.1', port '$B_PORT', dbname 'bare');
CREATE USER MAPPING FOR CURRENT_USER SERVER old OPTIONS (user 'postgres');
CREATE USER MAPPING FOR CURRENT_USER SERVER bare OPTIONS (user 'postgres');
SQL
check "attach_hub adds hdh_roadmap to the servers' extensions option, keeping what was there" \
	"$(coord -c "SELECT string_agg(srvname || ':' || o, ' ' ORDER BY srvname) FROM pg_foreign_server, unnest(srvoptions) o WHERE o LIKE 'extensions=%'")" \
	"hub1:extensions=hdh_roadmap hub2:extensions=postgres_fdw,hdh_roadmap hub3:extensions=hdh_roadmap"

# rows HOST PORT DB SQL: the rows as text, one line each.
DELAY_COLS="year, linkage, completed, pending, mean_months, median_months, p90_months, km_median_months, share_within_7_months"
SERIES_COLS="measure, year, value, records, complete"
DATES=(2021-03-15 2023-12-31 2025-06-30)
for d in "${DATES[@]}"; do
	want=$(all hdh_net_all -c "SELECT $DELAY_COLS FROM hdh_roadmap.access_delay_at('$d')")
	got=$(coord -c "SELECT $DELAY_COLS FROM hdh_roadmap.network_access_delay_at('$d') WHERE hub IS NULL")
	[ -n "$want" ] || not_ok "access_delay_at('$d') of all rows is not empty"
	is "$got" "$want" "network_access_delay_at('$d'), hub IS NULL, equals access_delay_at on one database with every row"
	want=$(all hdh_net_all -c "SELECT $SERIES_COLS FROM hdh_roadmap.indicator_series_at('$d')")
	got=$(coord -c "SELECT $SERIES_COLS FROM hdh_roadmap.network_indicator_series_at('$d') WHERE hub IS NULL")
	is "$got" "$want" "network_indicator_series_at('$d'), hub IS NULL, equals indicator_series_at on one database with every row"
done
d=2025-06-30
for t in "hub1 $MAIN_HOST $MAIN_PORT hdh_net_hub1" "hub2 $B_HOST $B_PORT hub2" "hub3 $C_HOST $C_PORT hub3"; do
	read -r hub h p db <<<"$t"
	is "$(coord -c "SELECT $DELAY_COLS FROM hdh_roadmap.network_access_delay_at('$d') WHERE hub = '$hub'")" \
		"$(q "$h" "$p" "$db" -c "SELECT $DELAY_COLS FROM hdh_roadmap.access_delay_at('$d')")" \
		"network_access_delay_at: the rows of $hub equal its own access_delay_at"
	is "$(coord -c "SELECT $SERIES_COLS FROM hdh_roadmap.network_indicator_series_at('$d') WHERE hub = '$hub'")" \
		"$(q "$h" "$p" "$db" -c "SELECT $SERIES_COLS FROM hdh_roadmap.indicator_series_at('$d')")" \
		"network_indicator_series_at: the rows of $hub equal its own indicator_series_at"
done
# network_delay_summaries rolled up by year and linkage: the summaries of one
# database with every row, computed here by plain GROUP BY (no network code).
is "$(coord -c "SELECT year, linkage, hdh_roadmap.rollup(summary) FROM hdh_roadmap.network_delay_summaries('$d') GROUP BY 1, 2 ORDER BY 1, 2")" \
	"$(all hdh_net_all <<SQL
SELECT y, p.linkage, hdh_roadmap.delay_agg(p.submitted_on, p.data_available_on, least(make_date(y, 12, 31), date '$d'))
  FROM generate_series(2019, 2025) AS y
  JOIN hdh_roadmap.project p ON p.submitted_on <= least(make_date(y, 12, 31), date '$d')
                            AND (p.data_available_on IS NULL OR p.data_available_on >= make_date(y, 1, 1))
 GROUP BY 1, 2 ORDER BY 1, p.linkage::text
SQL
)" "network_delay_summaries rolled up over the hubs equal delay_agg over every row, by year and linkage"
check "network_delay_summaries has one row per hub, year and linkage, no more" \
	"$(coord -c "SELECT count(*) = count(DISTINCT (hub, year, linkage)) AND count(DISTINCT hub) = 3 FROM hdh_roadmap.network_delay_summaries('$d')")" t

# Only summaries cross: the remote SQL reads hub_summaries, hubs concurrently.
# The plan of the query network_summaries() runs (auto_explain, nested).
plan=$(coord 2>&1 <<SQL
LOAD 'auto_explain';
SET auto_explain.log_min_duration = 0;
SET auto_explain.log_nested_statements = on;
SET auto_explain.log_verbose = on;
SET auto_explain.log_level = notice;
SELECT count(*) FROM hdh_roadmap.network_access_delay_at('$d');
SQL
)
check "the hubs are read concurrently: three Async Foreign Scans under one Append" \
	"$(grep -cE 'Async Foreign Scan on hdh_roadmap\.hub_summaries_hub[123] ' <<<"$plan")" 3
check "the remote SQL reads hub_summaries of the day, one part" \
	"$(grep -c "Remote SQL: SELECT as_of, part, year, label, delays, counts, first_year FROM hdh_roadmap.hub_summaries WHERE ((as_of = '$d')) AND ((part = 'access_delay'))" <<<"$plan")" 3
# Each statement of hub2's log, one line, prefixed by its application name.
hub2_log=$(awk '/^\[/ { if (r != "") print r; r = $0; next } { r = r " " $0 } END { if (r != "") print r }' "$TMP/B/server.log")
check "hub2's statement log: postgres_fdw asked for hub_summaries of the day" \
	"$(grep '^\[postgres_fdw\]' <<<"$hub2_log" | grep -c "FROM hdh_roadmap.hub_summaries WHERE ((as_of = '$d'))" | awk '{ print ($1 > 0) }')" 1
check "hub2's statement log: postgres_fdw named no record table" \
	"$(grep '^\[postgres_fdw\]' <<<"$hub2_log" | grep -cE 'hdh_roadmap\.(project|platform_usage|partnership|civil_society_exchange)\b')" 0
rows=$(coord -c "SELECT count(*) FROM hdh_roadmap.hub_summaries_hub2 WHERE as_of = '$d'")
projects=$(q "$B_HOST" "$B_PORT" hub2 -c "SELECT count(*) FROM hdh_roadmap.project")
check "hub2 sends its groups ($rows rows), fewer than its $projects projects" "$((rows < projects))" 1

# A slow hub: the caller's statement_timeout ends the query, never a hang.
PGHOST=$B_HOST PGPORT=$B_PORT psql -X -q -d hub2 \
	-c "BEGIN" -c "LOCK TABLE hdh_roadmap.project IN ACCESS EXCLUSIVE MODE" -c "SELECT pg_sleep(4)" -c "COMMIT" \
	>/dev/null 2>&1 &
locker=$!
sleep 1
start=$(date +%s)
out=$(coord -v VERBOSITY=verbose -c "SET statement_timeout = '1500ms'" \
	-c "SELECT count(*) FROM hdh_roadmap.network_access_delay_at('$d')" 2>&1)
took=$(($(date +%s) - start))
check "a hub slower than statement_timeout: the query is canceled" \
	"$(grep -c 'canceling statement due to statement timeout' <<<"$out")" 1
# hub2 blocks at the start of its remote query (the lock), before the Append
# reads any hub's rows: every hub not heard from is named, hub2 among them.
check "a hub slower than statement_timeout: the error keeps 57014 and names the hubs not heard from, hub2 among them" \
	"$(grep -E 'ERROR:  57014: hubs? .*"hub2" \(server "hub2"\).* had sent no rows when the statement was canceled' <<<"$out" | wc -l)" 1
check "a hub slower than statement_timeout: canceled within 4 s (took ${took} s)" "$((took <= 4))" 1
wait "$locker"

# Offline: hub3's export, imported under another name.
q "$C_HOST" "$C_PORT" hub3 -c "\\copy (SELECT * FROM hdh_roadmap.export_summaries('$d')) TO '$TMP/hub3.tsv'"
coord -c "CREATE TABLE incoming AS SELECT * FROM hdh_roadmap.export_summaries('1990-01-01') WITH NO DATA"
import() { # import HUB FILE: load FILE into incoming, import it as HUB
	coord -c "TRUNCATE incoming" -c "\\copy incoming FROM '$2'" -c "SELECT hdh_roadmap.import_summaries('$1', 'incoming')" 2>&1
}
snapshot() { coord -c "SELECT md5(string_agg(t::text, ',' ORDER BY t::text)) FROM hdh_roadmap.hub t" \
	-c "SELECT count(*) FROM hdh_roadmap.network_imported_summary"; }
before=$(snapshot)
head -n 5 "$TMP/hub3.tsv" >"$TMP/short.tsv"
out=$(import hub3_bad "$TMP/short.tsv")
check "a truncated export is refused: rows are missing" \
	"$(grep -c 'cannot import hub "hub3_bad" from public.incoming: it has 5 rows, the export wrote .* rows are missing or added' <<<"$out")" 1
# A count changed in one summary: every value still parses.
line=$(grep -n 'completed {' "$TMP/hub3.tsv" | head -1 | cut -d: -f1)
sed "${line}s/\([0-9]\):\([0-9]\)/\1:9\2/" "$TMP/hub3.tsv" >"$TMP/edited.tsv"
cmp -s "$TMP/hub3.tsv" "$TMP/edited.tsv" && not_ok "the edited copy differs from the export"
out=$(import hub3_bad "$TMP/edited.tsv")
check "an export with a count changed is refused: it does not match its digest" \
	"$(grep -c 'cannot import hub "hub3_bad" from public.incoming: its rows do not match the digest the export wrote (export_md5): the file was altered' <<<"$out")" 1
# A summary whose text no longer parses: COPY itself refuses it.
sed "${line}s/completed {/completed [/" "$TMP/hub3.tsv" >"$TMP/broken.tsv"
out=$(import hub3_bad "$TMP/broken.tsv")
check "an export with a broken summary is refused by the type's input" \
	"$(grep -c 'invalid input syntax for type delay_summary' <<<"$out")" 1
awk 'NR == 1 { print; print } NR > 1' "$TMP/hub3.tsv" >"$TMP/twice.tsv"
out=$(import hub3_bad "$TMP/twice.tsv")
check "an export with a row added is refused" "$(grep -c 'cannot import hub "hub3_bad"' <<<"$out")" 1
check "refused imports changed nothing" "$(snapshot)" "$before"
check "the export imports" "$(import hub3_offline "$TMP/hub3.tsv")" "$(wc -l <"$TMP/hub3.tsv")"
check "the hub view shows the imported hub" \
	"$(coord -c "SELECT transport || ' ' || imported_as_of FROM hdh_roadmap.hub WHERE hub = 'hub3_offline'")" "import $d"
check "an attached hub cannot be imported under its name" \
	"$(import hub3 "$TMP/hub3.tsv" | grep -c 'hub "hub3" is attached through server "hub3"')" 1

# Version skew, a database without the extension, a coordinator without postgres_fdw.
out=$(coord -c "SELECT hdh_roadmap.attach_hub('old', 'old')" 2>&1)
check "a hub on 0.2.0 is refused at attach, saying what to upgrade" \
	"$(grep -c 'cannot attach hub "old": it runs hdh_roadmap 0.2.0, the network needs 0.3.0' <<<"$out")$(grep -c 'ALTER EXTENSION hdh_roadmap UPDATE' <<<"$out")" 11
out=$(coord -c "SELECT hdh_roadmap.attach_hub('bare', 'bare')" 2>&1)
check "a database without hdh_roadmap is refused at attach" \
	"$(grep -c 'cannot attach hub "bare": its database (server "bare") has no hdh_roadmap extension' <<<"$out")" 1
out=$(q "$MAIN_HOST" "$MAIN_PORT" hdh_net_nofdw -c "SELECT hdh_roadmap.attach_hub('hub1', 'hub1')" 2>&1)
check "without postgres_fdw in the coordinator, attach_hub says so" \
	"$(grep -c 'cannot attach hub "hub1": postgres_fdw is not installed in this database' <<<"$out")" 1
check "refused attachments left no hub, no foreign table, no server option" \
	"$(coord -c "SELECT count(*) FROM hdh_roadmap.hub WHERE hub IN ('old', 'bare')" \
		-c "SELECT count(*) FROM pg_foreign_table ft JOIN pg_foreign_server s ON s.oid = ft.ftserver WHERE s.srvname IN ('old', 'bare')" \
		-c "SELECT count(*) FROM pg_foreign_server s, unnest(s.srvoptions) o WHERE s.srvname IN ('old', 'bare') AND o LIKE 'extensions=%'" | paste -sd,)" \
	"0,0,0"

# The live hub3 and its imported copy count the same records twice: compare
# the network with hub3 live, then with hub3 imported.
is "$(coord -c "SELECT $DELAY_COLS FROM hdh_roadmap.network_access_delay_at('$d') WHERE hub = 'hub3_offline'")" \
	"$(coord -c "SELECT $DELAY_COLS FROM hdh_roadmap.network_access_delay_at('$d') WHERE hub = 'hub3'")" \
	"the imported hub answers what the live hub answers (access delays)"
is "$(coord -c "SELECT $SERIES_COLS FROM hdh_roadmap.network_indicator_series_at('$d') WHERE hub = 'hub3_offline'")" \
	"$(coord -c "SELECT $SERIES_COLS FROM hdh_roadmap.network_indicator_series_at('$d') WHERE hub = 'hub3'")" \
	"the imported hub answers what the live hub answers (yearly series)"

# A hub that is down.
CLUSTER_DIR=$TMP/C stop_cluster
out=$(coord -c "SELECT count(*) FROM hdh_roadmap.network_access_delay_at('$d')" 2>&1)
check "a stopped hub is an ERROR naming it" \
	"$(grep -c 'ERROR:  hub "hub3" (server "hub3") does not answer' <<<"$out")" 1
coord -c "SELECT hdh_roadmap.detach_hub('hub3_offline')" >/dev/null
check "before any network call, the hub view has no status in this session" \
	"$(coord -c "SELECT count(*) FROM hdh_roadmap.hub WHERE last_status IS NULL AND last_contact_at IS NULL")" 3
out=$(coord -c "SELECT $DELAY_COLS FROM hdh_roadmap.network_access_delay_at('$d', skip_unreachable => true) WHERE hub IS NULL" \
	-c "SELECT 'status: ' || string_agg(hub || ' ' || last_status || ' ' || (last_detail IS NOT NULL), ', ' ORDER BY hub) FROM hdh_roadmap.hub" 2>&1)
check "skip_unreachable: a NOTICE names the stopped hub, the only one left out" \
	"$(grep -c 'NOTICE:  the network answer leaves out 1 of 3 hubs: hub3$' <<<"$out")" 1
check "skip_unreachable: the NOTICE's DETAIL says why" \
	"$(grep -c 'DETAIL:  hub "hub3" (server "hub3") does not answer: ' <<<"$out")" 1
check "skip_unreachable: the hub view's status, in the same session, says hub3 is unreachable and why" \
	"$(grep '^status: ' <<<"$out")" "status: hub1 ok false, hub2 ok false, hub3 unreachable true"
check "probe_hubs() finds the same from a new session" \
	"$(coord -c "SELECT string_agg(hub || ' ' || status, ', ' ORDER BY hub) FROM hdh_roadmap.probe_hubs()" \
		-c "SELECT string_agg(hub || ' ' || last_status, ', ' ORDER BY hub) FROM hdh_roadmap.hub" | paste -sd'|')" \
	"hub1 ok, hub2 ok, hub3 unreachable|hub1 ok, hub2 ok, hub3 unreachable"
is "$(grep -v -e NOTICE -e DETAIL -e HINT -e '^status: ' <<<"$out")" \
	"$(all hdh_net_h12 -c "SELECT $DELAY_COLS FROM hdh_roadmap.access_delay_at('$d')")" \
	"skip_unreachable: the network delays equal one database with hub1's and hub2's rows"
is "$(coord -c "SELECT $SERIES_COLS FROM hdh_roadmap.network_indicator_series_at('$d', true) WHERE hub IS NULL" 2>/dev/null)" \
	"$(all hdh_net_h12 -c "SELECT $SERIES_COLS FROM hdh_roadmap.indicator_series_at('$d')")" \
	"skip_unreachable: the network series equal one database with hub1's and hub2's rows"

# Detach: the stopped hub leaves, the network answers without it.
coord -c "SELECT hdh_roadmap.detach_hub('hub3')" >/dev/null
check "detach_hub removes the hub and its foreign table" \
	"$(coord -c "SELECT count(*) FROM hdh_roadmap.hub WHERE hub = 'hub3'" -c "SELECT to_regclass('hdh_roadmap.hub_summaries_hub3') IS NULL" | paste -sd,)" \
	"0,t"
is "$(coord -c "SELECT $DELAY_COLS FROM hdh_roadmap.network_access_delay_at('$d') WHERE hub IS NULL" 2>&1)" \
	"$(all hdh_net_h12 -c "SELECT $DELAY_COLS FROM hdh_roadmap.access_delay_at('$d')")" \
	"after detach_hub('hub3'): no error, and the answer of hub1 and hub2"
check "detach_hub of an unknown hub is an error" \
	"$(coord -c "SELECT hdh_roadmap.detach_hub('hub3')" 2>&1 | grep -c 'hub "hub3" is not in the network')" 1
finish
