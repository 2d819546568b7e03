#!/usr/bin/env bash
# bench/report.sh — what drawing the report costs (doc/report.md, "Cost").
#
#   bench/report.sh [--reps K]
#
# Builds the extension into a private copy of PostgreSQL, starts a throwaway
# cluster, loads the synthetic sample (seed 42, as bin/demo does) and times,
# K times each (default 20), alternating them, in one session: the
# scorecard query alone (scorecard_at), the yearly series and the delay
# table it is drawn with, then scorecard_svg, access_delay_svg and
# report_html, all as of 2025-06-30. Prints a Markdown table of the medians
# (milliseconds, server-side: clock_timestamp() around each call) and the
# size of each output. Run on purpose, not by test/run.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
. test/lib/common.sh
REPS=20
case "$#:${1:-}" in 0:) ;; 2:--reps) REPS=$2 ;; *) die "usage: bench/report.sh [--reps K]" ;; esac

ensure_packages "${BASE_PACKAGES[@]}"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/hdh-bench-report.XXXXXX") || die "mktemp failed"
chmod 755 "$WORK"
trap 'stop_cluster; rm -rf "$WORK"' EXIT
make -s >/dev/null || die "build failed"
stage_postgres "$WORK/pg"
start_cluster "$WORK/cluster"
psql -X -q -c "CREATE EXTENSION hdh_roadmap" || die "CREATE EXTENSION failed"
psql -X -q -v seed=42 -f sample/load.sql >/dev/null 2>&1 || die "loading the sample failed"

PGOPTIONS="-c bench.reps=$REPS" psql -X -q -A -t <<'SQL'
CREATE TEMP TABLE timing (k integer, what text, run integer, ms float8, bytes integer);
DO $$
DECLARE
  calls constant text[] := ARRAY[
    'SELECT count(*)::text FROM hdh_roadmap.scorecard_at(''2025-06-30'')',
    'SELECT count(*)::text FROM hdh_roadmap.indicator_series_at(''2025-06-30'')',
    'SELECT count(*)::text FROM hdh_roadmap.access_delay_at(''2025-06-30'')',
    'SELECT hdh_roadmap.scorecard_svg(''2025-06-30'')',
    'SELECT hdh_roadmap.access_delay_svg(''2025-06-30'')',
    'SELECT hdh_roadmap.report_html(''2025-06-30'')'];
  c text; t0 timestamptz; out text; r integer; k integer;
BEGIN
  FOR r IN 0 .. current_setting('bench.reps')::integer LOOP      -- run 0 warms up, not kept
    FOR k IN 1 .. cardinality(calls) LOOP
      c := calls[k];
      t0 := clock_timestamp();
      EXECUTE c INTO out;
      IF r > 0 THEN
        INSERT INTO timing VALUES (k, c, r, extract(epoch FROM clock_timestamp() - t0) * 1000, octet_length(out));
      END IF;
    END LOOP;
  END LOOP;
END
$$;
\echo '| query | median ms | output |'
\echo '|---|---:|---|'
SELECT format('| `%s` | %s | %s |', regexp_replace(what, '^SELECT (count\(\*\)::text FROM )?hdh_roadmap\.', ''),
              round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)::numeric, 1),
              CASE WHEN what LIKE '%count(*)%' THEN 'rows only' ELSE max(bytes) || ' bytes' END)
  FROM timing GROUP BY k, what ORDER BY k;
SQL
