#!/usr/bin/env bash
# test/integration/doc_scorecard.sh — the SQL examples of doc/scorecard.md,
# doc/refresh.md, doc/measures.md, doc/monitoring.md and doc/report.md run, in order, on a fresh database with the extension and the
# synthetic sample (seed 42), with search_path = hdh_roadmap, public. A block
# whose first line starts with "-- fails" must fail; one starting with
# "-- not run" is skipped (roles, pg_cron: tested by bi_client.sh and
# cron_refresh.sh). When a ```text block follows a ```sql block, its lines
# must appear in psql's output (or, for an ERROR, in the error message; "…"
# stands for any text). Prints TAP. Needs the cluster's PGHOST/PGPORT/PGUSER.
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1
export PGDATABASE=postgres
DB=hdh_doc_scorecard
cleanup() { psql -X -q -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1; }
trap cleanup EXIT
cleanup
psql -X -q -c "CREATE DATABASE $DB" >/dev/null 2>&1
psql -X -q -d "$DB" -c "CREATE EXTENSION hdh_roadmap" >/dev/null
psql -X -q -d "$DB" -v seed=42 -f sample/load.sql >/dev/null 2>&1

PGOPTIONS='-c search_path=hdh_roadmap,public' python3 - "$DB" doc/scorecard.md doc/refresh.md doc/measures.md doc/monitoring.md doc/report.md <<'PY'
import re, subprocess, sys
db, docs = sys.argv[1], sys.argv[2:]
tests = []
for doc in docs:
    blocks = re.findall(r'^```(\w+)\n(.*?)^```$', open(doc, encoding='utf-8').read(), flags=re.S | re.M)
    for i, (lang, body) in enumerate(blocks):
        if lang != 'sql' or body.strip().startswith('-- not run'):
            continue
        expect = blocks[i + 1][1] if i + 1 < len(blocks) and blocks[i + 1][0] == 'text' else None
        tests.append((doc, body, expect))
print(f'1..{len(tests)}')
failed = 0

def matches(pattern, line):
    return re.fullmatch('.*'.join(re.escape(p) for p in pattern.split('…')), line) is not None

for n, (doc, body, expect) in enumerate(tests, 1):
    first = body.strip().splitlines()[0]
    must_fail = first.startswith('-- fails')
    r = subprocess.run(['psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-P', 'footer=off', '-d', db],
                       input=body, capture_output=True, text=True)
    desc = f'{doc} example {n}: {first[:70]}'
    problems = []
    if must_fail and r.returncode == 0:
        problems.append('it did not fail')
    if not must_fail and r.returncode != 0:
        problems.append('it failed: ' + r.stderr.strip())
    if expect is not None:
        got = [l.rstrip() for l in (r.stderr if must_fail else r.stdout).splitlines()]
        want = [l.rstrip() for l in expect.strip('\n').splitlines()]
        if must_fail:
            got = [re.sub(r'^psql:<stdin>:\d+: ', '', l) for l in got]
        if not any(all(matches(w, g) for w, g in zip(want, got[k:k + len(want)]))
                   for k in range(0, len(got) - len(want) + 1)):
            problems.append('expected output not found')
            problems += ['want: ' + w for w in want] + ['got:  ' + g for g in got]
    if problems:
        failed += 1
        print(f'not ok {n} - {desc}')
        for p in problems:
            for line in p.splitlines():
                print('# ' + line)
    else:
        print(f'ok {n} - {desc}')
sys.exit(1 if failed else 0)
PY
