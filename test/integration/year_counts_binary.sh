#!/usr/bin/env bash
# test/integration/year_counts_binary.sh — year_counts through binary COPY.
#
# Crafted binary COPY files (test/integration/year_counts_binary.py) must be
# accepted with the right value or refused with the right SQLSTATE and a
# message naming the offending value, without harming the server; values
# written by COPY TO must read back identical. Prints TAP.
# Uses the cluster of test/run (PGHOST, PGPORT, PGUSER), $PG_BIN and $WORK.
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1

PSQL="${PG_BIN:+$PG_BIN/}psql"
DB=hdh_years_binary
DIR=$(mktemp -d "${WORK:-/tmp}/years-binary.XXXXXX") || exit 1
trap 'rm -rf "$DIR"; "$PSQL" -qX -d postgres -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1' EXIT

. test/lib/tap.sh

# sql COMMAND: one command (or a \copy) in the test database; output unaligned.
sql() { "$PSQL" -qXAt -v ON_ERROR_STOP=1 -v VERBOSITY=verbose -d "$DB" -c "$1" 2>&1; }

"$PSQL" -qX -d postgres -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1
if ! "$PSQL" -qX -v ON_ERROR_STOP=1 -d postgres -c "CREATE DATABASE $DB" >/dev/null ||
	! sql "CREATE EXTENSION hdh_roadmap; CREATE TABLE t (id integer, yc hdh_roadmap.year_counts)" >/dev/null; then
	not_ok "set up database $DB"
	finish
fi

# Crafted files, one per case: "name<TAB>expected<TAB>file".
if ! cases=$(python3 test/integration/year_counts_binary.py "$DIR"); then
	not_ok "craft binary COPY files"
	finish
fi
while IFS=$'\t' read -r name expected file; do
	sql "TRUNCATE t" >/dev/null
	out=$(sql "\\copy t FROM '$file' WITH (FORMAT binary)")
	status=$?
	case $expected in
	ok:*)
		if [ $status -ne 0 ]; then
			not_ok "binary COPY accepts $name" "$out"
		else
			check "binary COPY accepts $name" "$(sql "SELECT yc::text FROM t")" "${expected#ok:}"
		fi
		;;
	*)
		code=${expected%%:*}
		message=${expected#*:}
		if [ $status -ne 0 ] && grep -qF "ERROR:  $code: $message" <<<"$out"; then
			ok "binary COPY refuses $name ($code)"
		else
			not_ok "binary COPY refuses $name ($code)" "$(head -3 <<<"$out")"
		fi
		;;
	esac
done <<<"$cases"

# The server survived every refusal.
check "server still answers" "$(sql "SELECT count(*) FROM t")" "0"

# COPY TO (FORMAT binary) writes exactly the documented form.
sql "\\copy (SELECT 1, '{2022:5,2025:12}'::hdh_roadmap.year_counts) TO '$DIR/out.copy' WITH (FORMAT binary)" >/dev/null
check "binary COPY TO writes the documented bytes" "$(python3 - "$DIR/out.copy" <<'EOF'
import sys
sys.path.insert(0, "test/integration")
from year_counts_binary import copy_file, year_counts
with open(sys.argv[1], "rb") as f:
    got = f.read()
print("same" if got == copy_file([(1, year_counts([(2022, 5), (2025, 12)]))]) else "differs: " + got.hex())
EOF
)" "same"

# Round trips: random values out and back in, identical, in binary and text.
sql "SELECT setseed(0.75);
     INSERT INTO t
       SELECT g % 500, hdh_roadmap.year_counts_agg(date '1900-01-01' + floor(random() * 60000)::int,
                                                   floor(random() * 1e12)::bigint)
         FROM generate_series(1, 50000) AS g GROUP BY g % 500;
     INSERT INTO t VALUES (1000, '{}'), (1001, NULL), (1002, '{1:9223372036854775807,9999:1}');
     CREATE TABLE back (LIKE t); CREATE TABLE back_text (LIKE t)" >/dev/null
sql "\\copy t TO '$DIR/round.copy' WITH (FORMAT binary)" >/dev/null
sql "\\copy back FROM '$DIR/round.copy' WITH (FORMAT binary)" >/dev/null
sql "\\copy t TO '$DIR/round.txt'" >/dev/null
sql "\\copy back_text FROM '$DIR/round.txt'" >/dev/null
check "binary COPY round trip keeps every row" "$(sql "SELECT count(*) FROM back")" "503"
check "binary COPY round trip keeps every value" \
	"$(sql "SELECT count(*) FROM t FULL JOIN back USING (id) WHERE t.yc::text IS DISTINCT FROM back.yc::text")" "0"
check "text COPY round trip keeps every value" \
	"$(sql "SELECT count(*) FROM t FULL JOIN back_text USING (id) WHERE t.yc::text IS DISTINCT FROM back_text.yc::text")" "0"
check "the round-tripped values are not trivial" \
	"$(sql "SELECT count(*) > 400 AND max(hdh_roadmap.cumulative(yc, 1, 9999)) > 1e12 FROM back WHERE id < 1000")" "t"

finish
