#!/usr/bin/env bash
# bench/trailing_median.sh — the trailing-12-month median access delay for
# every month, two ways, run on purpose (not in test/run):
#
#   bench/trailing_median.sh [ROWS] [REPS]      default 2,000,000 rows, 3 repetitions
#
#   (a) rollup: one delay_summary per month (delay_agg over that month's
#       rows, stored), then median_days(rollup(s) OVER (ORDER BY month ROWS
#       BETWEEN 11 PRECEDING AND CURRENT ROW)): each frame merges 12 stored
#       summaries, exact because summaries merge by adding counts;
#   (b) percentile_cont(0.5) over the raw rows of the 12 months, in a
#       LATERAL subquery per month (an index on the end date serves each).
#
# Times the query alone for (a) from the stored monthly summaries and, apart,
# building those summaries (one pass over the rows); checks both give the
# same medians (1e-9); prints a Markdown report (bench/MONITORING.md holds a
# recorded one). Builds the extension into a private copy of PostgreSQL and
# runs a throwaway cluster, like bench/run.
set -uo pipefail
export DEBIAN_FRONTEND=noninteractive
cd "$(dirname "$0")/.." || exit 1
. test/lib/common.sh

ROWS=${1:-2000000}
REPS=${2:-3}
ensure_packages "${BASE_PACKAGES[@]}"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/hdh-bench-monthly.XXXXXX") || die "mktemp failed"
chmod 755 "$WORK"
trap 'stop_cluster; rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM

make -s >/dev/null || die "build failed"
stage_postgres "$WORK/pg"
start_cluster "$WORK/cluster" "shared_buffers = '1GB'" "work_mem = '1GB'" "max_parallel_workers_per_gather = 0"
export PGOPTIONS="-c client_min_messages=warning"
PSQL=("$PG_BIN/psql" -qX -v ON_ERROR_STOP=1 -d postgres)

"${PSQL[@]}" >/dev/null <<SQL || die "data generation failed"
CREATE EXTENSION hdh_roadmap;
SELECT setseed(0.42);
-- Completed delays: a start over 2019-2025, a lognormal delay with a median
-- near 270 days (as in bench/run), ending by 2025-12-31.
CREATE TABLE delays AS
SELECT started, started + least(d, date '2025-12-31' - started) AS finished
  FROM (SELECT date '2019-01-01' + (random() * 2556)::integer AS started,
               (270 * exp(0.5 * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random())))::integer AS d
          FROM generate_series(1, $ROWS)) g;
CREATE INDEX delays_finished ON delays (finished);
VACUUM ANALYZE delays;
CREATE TABLE months AS
SELECT m::date AS month FROM generate_series(date '2019-01-01', date '2025-12-01', interval '1 month') AS m;

-- time_it(query, reps): the median wall time (ms) of CREATE TABLE AS query.
CREATE FUNCTION time_it(name text, q text, reps integer) RETURNS float8 LANGUAGE plpgsql AS \$\$
DECLARE t0 timestamptz; times float8[] := '{}';
BEGIN
  FOR i IN 1..reps LOOP
    EXECUTE format('DROP TABLE IF EXISTS %I', name);
    t0 := clock_timestamp();
    EXECUTE format('CREATE TABLE %I AS %s', name, q);
    times := times || extract(epoch FROM clock_timestamp() - t0)::float8 * 1000;
  END LOOP;
  RETURN (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY t) FROM unnest(times) t);
END \$\$;
SQL

BUILD="SELECT m.month, s.s FROM months m LEFT JOIN (SELECT date_trunc('month', finished)::date AS month, hdh_roadmap.delay_agg(started, finished) AS s FROM delays GROUP BY 1) s USING (month)"
ROLLUP="SELECT month, hdh_roadmap.median_days(hdh_roadmap.rollup(s) OVER (ORDER BY month ROWS BETWEEN 11 PRECEDING AND CURRENT ROW)) AS median FROM monthly"
LATERAL="SELECT m.month, x.median FROM months m CROSS JOIN LATERAL (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY d.finished - d.started) AS median FROM delays d WHERE d.finished >= (m.month - interval '11 months')::date AND d.finished < (m.month + interval '1 month')::date) x"

out=$("${PSQL[@]}" -At <<SQL
SELECT time_it('monthly', \$q\$$BUILD\$q\$, $REPS);
SELECT time_it('res_rollup', \$q\$$ROLLUP\$q\$, $REPS);
SELECT time_it('res_lateral', \$q\$$LATERAL\$q\$, $REPS);
SELECT count(*), count(*) FILTER (WHERE abs(a.median - b.median) > 1e-9 OR (a.median IS NULL) <> (b.median IS NULL))
  FROM res_rollup a JOIN res_lateral b USING (month);
SELECT (SELECT count(*) FROM delays), pg_size_pretty(pg_total_relation_size('monthly')),
       (SELECT count(*) FROM delays WHERE finished >= '2025-01-01');
SQL
) || die "timing failed: $out"
{ read -r t_build; read -r t_rollup; read -r t_lateral; IFS='|' read -r months differ; IFS='|' read -r rows size last_year; } <<<"$out"
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
cat <<MD
# Trailing-12-month median for every month (bench/trailing_median.sh)

$(date -u +%Y-%m-%d), $rows completed delays (2019–2025), $months months, $REPS repetitions (median),
PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}'), serial plans, $cpu ($(nproc) cores, shared with other work).

| way | median time (ms) | ratio to (b) |
|---|---:|---:|
| (a) rollup of the stored monthly summaries, window of 12 | $(printf '%.1f' "$t_rollup") | $(awk -v a="$t_rollup" -v b="$t_lateral" 'BEGIN{printf "%.4f (%.0fx faster)", a/b, b/a}') |
| (a') building the monthly summaries (one pass over the rows, $size stored) | $(printf '%.1f' "$t_build") | $(awk -v a="$t_build" -v b="$t_lateral" 'BEGIN{printf "%.3f", a/b}') |
| (a) + (a') | $(awk -v a="$t_rollup" -v c="$t_build" 'BEGIN{printf "%.1f", a+c}') | $(awk -v a="$t_rollup" -v c="$t_build" -v b="$t_lateral" 'BEGIN{printf "%.3f (%.1fx faster)", (a+c)/b, b/(a+c)}') |
| (b) percentile_cont in a LATERAL per month (index on the end date) | $(printf '%.1f' "$t_lateral") | 1 |

Medians that differ between (a) and (b) (1e-9): $differ of $months.
MD
[ "$differ" = 0 ] || exit 1
