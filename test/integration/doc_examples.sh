#!/usr/bin/env bash
# test/integration/doc_examples.sh — the SQL examples of every documentation
# page (doc/*.md and README.md) run as written and show what the page says,
# by test/lib/doc_examples.py. Each page with ```sql blocks says in one line
# "<!-- examples: … -->" on what database they run, or which script runs them
# instead; a page with ```sql blocks and no such line fails. Prints TAP.
# Uses the cluster of test/run (PGHOST, PGPORT, PGUSER) and $PG_BIN.
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1
PSQL="${PG_BIN:+$PG_BIN/}psql" exec python3 test/lib/doc_examples.py run doc/*.md README.md
