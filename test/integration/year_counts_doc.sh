#!/usr/bin/env bash
# test/integration/year_counts_doc.sh — the SQL examples of doc/year_counts.md
# run as written and print what the page says they print. Prints TAP.
# Uses the cluster of test/run (PGHOST, PGPORT, PGUSER) and $PG_BIN.
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1

PSQL="${PG_BIN:+$PG_BIN/}psql"
DB=hdh_years_doc
trap '"$PSQL" -qX -d postgres -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1' EXIT

"$PSQL" -qX -d postgres -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1
if ! "$PSQL" -qX -v ON_ERROR_STOP=1 -d postgres -c "CREATE DATABASE $DB" >/dev/null ||
	! "$PSQL" -qX -v ON_ERROR_STOP=1 -d "$DB" -c "CREATE EXTENSION hdh_roadmap" >/dev/null; then
	echo "not ok 1 - set up database $DB"
	echo "1..1"
	exit 1
fi

PSQL="$PSQL" DB="$DB" python3 - doc/year_counts.md <<'EOF'
import os
import re
import subprocess
import sys

text = open(sys.argv[1], encoding="utf-8").read()
# Fenced blocks in order: (language, body).
blocks = re.findall(r"^```(\w*)\n(.*?)^```\s*$", text, flags=re.S | re.M)
n = failed = 0
env = dict(os.environ, PGOPTIONS="-c search_path=hdh_roadmap,public -c DateStyle=ISO,MDY")
for i, (lang, body) in enumerate(blocks):
    if lang != "sql":
        continue
    want = blocks[i + 1][1] if i + 1 < len(blocks) and blocks[i + 1][0] == "text" else None
    run = subprocess.run([os.environ["PSQL"], "-X", "-q", "-d", os.environ["DB"], "-c", body.strip()],
                         env=env, capture_output=True, text=True)
    got = run.stdout + run.stderr
    first = body.strip().splitlines()[0]
    n += 1
    if want is None:
        ok = run.returncode == 0 and "ERROR" not in got
    else:
        ok = got.rstrip("\n") == want.rstrip("\n")
    if ok:
        print("ok %d - doc example: %s" % (n, first))
    else:
        failed += 1
        print("not ok %d - doc example: %s" % (n, first))
        for line in ("want:\n" + (want or "(success)") + "got:\n" + got).splitlines():
            print("#   " + line)
print("1..%d" % n)
sys.exit(1 if failed else 0)
EOF
