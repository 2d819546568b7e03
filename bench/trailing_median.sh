#!/usr/bin/env bash
# bench/trailing_median.sh — the trailing-12-month median access delay for
# every month, several ways, run on purpose (not in test/run):
#
#   bench/trailing_median.sh [ROWS] [REPS]      default 2,000,000 rows, 3 repetitions
#
# The three ways of issue 15, over the raw rows (each row's month is the
# month it ended; a frame is the 12 months ending with the current one):
#   (m) median_days(delay_agg(started, finished) OVER (ORDER BY month RANGE
#       BETWEEN '11 months' PRECEDING AND CURRENT ROW)): the moving-aggregate
#       mode, where each frame adds the month entering it and removes the
#       month leaving it;
#   (r) the same window with an aggregate that has no inverse (delay_agg's
#       plain transition and final functions, no MSFUNC): PostgreSQL
#       restarts it for every frame and reads the frame's 12 months again;
#   (l) percentile_cont(0.5) over the raw rows of the 12 months, in a
#       LATERAL subquery per month (an index on the end date serves each).
# And the way doc/monitoring.md recommends, from stored monthly summaries:
#   (a) median_days(rollup(s) OVER (ORDER BY month ROWS BETWEEN 11 PRECEDING
#       AND CURRENT ROW)) over one stored delay_summary per month (moving
#       mode); (a-r) the same with a rollup that has no inverse; (a') building
#       the monthly summaries (one pass over the rows), timed apart.
#
# Checks that every way gives the same medians (1e-9) and prints a Markdown
# report (bench/MONITORING.md holds a recorded one). Builds the extension
# into a private copy of PostgreSQL and runs a throwaway cluster, like
# bench/run; serial plans, so that the ways compare per core.
set -uo pipefail
export DEBIAN_FRONTEND=noninteractive
cd "$(dirname "$0")/.." || exit 1
. test/lib/common.sh

ROWS=${1:-2000000}
REPS=${2:-3}
LOAD_BEFORE=$(cut -d" " -f1-3 /proc/loadavg)
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
-- near 270 days (as in bench/run), ending by 2025-12-31; stored in the
-- order they ended, with the month they ended in.
CREATE TABLE delays AS
SELECT started, finished, date_trunc('month', finished)::date AS month
  FROM (SELECT started, started + least(d, date '2025-12-31' - started) AS finished
          FROM (SELECT date '2019-01-01' + (random() * 2556)::integer AS started,
                       (270 * exp(0.5 * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random())))::integer AS d
                  FROM generate_series(1, $ROWS)) g) h
 ORDER BY finished;
CREATE INDEX delays_finished ON delays (finished);
CREATE INDEX delays_month ON delays (month);
VACUUM ANALYZE delays;
CREATE TABLE months AS
SELECT m::date AS month FROM generate_series(date '2019-01-01', date '2025-12-01', interval '1 month') AS m;

-- (r) and (a-r): delay_agg and rollup as they were before their moving
-- mode, the same transition and final functions without an inverse.
CREATE AGGREGATE delay_agg_no_inverse(date, date) (
  SFUNC = hdh_roadmap.delay_agg_trans_dates, STYPE = internal,
  FINALFUNC = hdh_roadmap.delay_agg_final, FINALFUNC_MODIFY = READ_ONLY);
CREATE AGGREGATE rollup_no_inverse(hdh_roadmap.delay_summary) (
  SFUNC = hdh_roadmap.delay_summary_rollup_trans, STYPE = internal,
  FINALFUNC = hdh_roadmap.delay_agg_final, FINALFUNC_MODIFY = READ_ONLY);

CREATE TABLE recent AS
SELECT row_number() OVER (ORDER BY finished, started) AS n, started, finished
  FROM (SELECT started, finished FROM delays ORDER BY finished DESC, started DESC LIMIT 100000) r;
VACUUM ANALYZE recent;

CREATE TABLE ways (way text PRIMARY KEY, query text NOT NULL, ord integer NOT NULL);
CREATE TABLE timings (way text NOT NULL, ms float8 NOT NULL);

-- time_all(reps): runs CREATE TABLE res_<way> AS <query> for every way,
-- reps times, the ways alternating, and records each wall time.
CREATE FUNCTION time_all(reps integer) RETURNS void LANGUAGE plpgsql AS \$\$
DECLARE t0 timestamptz; w record;
BEGIN
  FOR i IN 1..reps LOOP
    FOR w IN SELECT * FROM ways ORDER BY ord LOOP
      EXECUTE format('DROP TABLE IF EXISTS %I', 'res_' || w.way);
      t0 := clock_timestamp();
      EXECUTE format('CREATE TABLE %I AS %s', 'res_' || w.way, w.query);
      INSERT INTO timings VALUES (w.way, extract(epoch FROM clock_timestamp() - t0)::float8 * 1000);
    END LOOP;
  END LOOP;
END \$\$;
SQL

BUILD="SELECT m.month, s.s FROM months m LEFT JOIN (SELECT month, hdh_roadmap.delay_agg(started, finished) AS s FROM delays GROUP BY 1) s USING (month)"
# The window's value is the same for every row of a month: DISTINCT ON keeps
# one row per month before the median is read from it.
window_way() {
	echo "SELECT month, hdh_roadmap.median_days(s) AS median FROM (SELECT DISTINCT ON (month) month, $1(started, finished) OVER (ORDER BY month RANGE BETWEEN '11 months' PRECEDING AND CURRENT ROW) AS s FROM delays ORDER BY month) x"
}
MOVING=$(window_way hdh_roadmap.delay_agg)
# PostgreSQL's own aggregates with an inverse over the same window: count(*)
# (what reading, buffering and framing the rows costs any aggregate) and
# avg(finished - started) (the same columns read, a native moving mode).
native_way() {
	echo "SELECT DISTINCT ON (month) month, $1 OVER (ORDER BY month RANGE BETWEEN '11 months' PRECEDING AND CURRENT ROW) AS value FROM delays ORDER BY month"
}
FLOOR=$(native_way "count(*)")
NATIVE_AVG=$(native_way "avg(finished - started)")
RESTART=$(window_way delay_agg_no_inverse)
LATERAL="SELECT m.month, x.median FROM months m CROSS JOIN LATERAL (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY d.finished - d.started) AS median FROM delays d WHERE d.finished >= (m.month - interval '11 months')::date AND d.finished < (m.month + interval '1 month')::date) x"
rollup_way() {
	echo "SELECT month, hdh_roadmap.median_days($1(s) OVER (ORDER BY month ROWS BETWEEN 11 PRECEDING AND CURRENT ROW)) AS median FROM res_build"
}
# Where the inverse pays most: a ROWS frame read at every row, the median of
# the last 1,000 delays at each of the last 100,000 ends.
rows_way() {
	echo "SELECT n, hdh_roadmap.median_days($1(started, finished) OVER (ORDER BY n ROWS BETWEEN 999 PRECEDING AND CURRENT ROW)) AS median FROM recent"
}
ROWS_MOVING=$(rows_way hdh_roadmap.delay_agg)
ROWS_RESTART=$(rows_way delay_agg_no_inverse)
ROLLUP=$(rollup_way hdh_roadmap.rollup)
ROLLUP_RESTART=$(rollup_way rollup_no_inverse)

"${PSQL[@]}" >/dev/null <<SQL || die "timing failed"
INSERT INTO ways VALUES ('build', \$q\$$BUILD\$q\$, 1), ('rollup', \$q\$$ROLLUP\$q\$, 2),
  ('rollup_restart', \$q\$$ROLLUP_RESTART\$q\$, 3), ('moving', \$q\$$MOVING\$q\$, 4),
  ('restart', \$q\$$RESTART\$q\$, 5), ('lateral', \$q\$$LATERAL\$q\$, 6), ('floor', \$q\$$FLOOR\$q\$, 7), ('native_avg', \$q\$$NATIVE_AVG\$q\$, 10),
  ('rows_moving', \$q\$$ROWS_MOVING\$q\$, 8), ('rows_restart', \$q\$$ROWS_RESTART\$q\$, 9);
SELECT time_all($REPS);
SQL
out=$("${PSQL[@]}" -At <<SQL
SELECT string_agg(way || '=' || ms, ' ' ORDER BY way) FROM
  (SELECT way, percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS ms FROM timings GROUP BY way) t;
SELECT count(*),
       count(*) FILTER (WHERE abs(l.median - m.median) > 1e-9 OR (l.median IS NULL) <> (m.median IS NULL)),
       count(*) FILTER (WHERE abs(l.median - r.median) > 1e-9 OR (l.median IS NULL) <> (r.median IS NULL)),
       count(*) FILTER (WHERE abs(l.median - a.median) > 1e-9 OR (l.median IS NULL) <> (a.median IS NULL)),
       count(*) FILTER (WHERE abs(l.median - ar.median) > 1e-9 OR (l.median IS NULL) <> (ar.median IS NULL))
  FROM res_lateral l JOIN res_moving m USING (month) JOIN res_restart r USING (month)
  JOIN res_rollup a USING (month) JOIN res_rollup_restart ar USING (month);
SELECT (SELECT count(*) FROM delays), pg_size_pretty(pg_total_relation_size('res_build'));
SELECT count(*), count(*) FILTER (WHERE a.median IS DISTINCT FROM b.median)
  FROM res_rows_moving a JOIN res_rows_restart b USING (n);
SQL
) || die "timing failed: $out"
{ read -r times; IFS='|' read -r months d_m d_r d_a d_ar; IFS='|' read -r rows size; IFS='|' read -r frames d_rows; } <<<"$out"
for kv in $times; do declare "t_${kv%%=*}=${kv#*=}"; done
plan_m=$("${PSQL[@]}" -At -c "EXPLAIN (COSTS OFF) $MOVING")
plan_l=$("${PSQL[@]}" -At -c "EXPLAIN (COSTS OFF) $LATERAL")
ms() { printf '%.1f' "$1"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{ if (a < b) printf "%.1fx faster", b/a; else printf "%.2fx slower", a/b }'; }
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
cat <<MD
# Trailing-12-month median for every month (bench/trailing_median.sh)

$(date -u +%Y-%m-%d), $rows completed delays (2019–2025), $months months, $REPS repetitions of each way, alternating (median),
PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}'), serial plans, $cpu ($(nproc) cores), load average before the run: $LOAD_BEFORE.

## Over the raw rows: the three ways of issue 15

| way | median time (ms) | (m) compared |
|---|---:|---:|
| (m) \`delay_agg\` over a \`RANGE\` window of 12 months, moving-aggregate mode | $(ms "$t_moving") | |
| (r) the same window, aggregate without an inverse (restarted per frame) | $(ms "$t_restart") | $(ratio "$t_moving" "$t_restart") |
| (l) \`percentile_cont\` in a \`LATERAL\` per month (index on the end date) | $(ms "$t_lateral") | $(ratio "$t_moving" "$t_lateral") |
| floor: \`count(*)\` (PostgreSQL's, with an inverse) over the same window | $(ms "$t_floor") | |
| PostgreSQL's \`avg(finished - started)\` (with an inverse) over the same window | $(ms "$t_native_avg") | (m) is $(awk -v a="$t_moving" -v b="$t_native_avg" 'BEGIN{printf "%.2fx", a/b}') its time |
| (m) above the floor / (r) above the floor | $(awk -v a="$t_moving" -v f="$t_floor" 'BEGIN{printf "%.1f", a-f}') / $(awk -v a="$t_restart" -v f="$t_floor" 'BEGIN{printf "%.1f", a-f}') | $(ratio "$(awk -v a="$t_moving" -v f="$t_floor" 'BEGIN{print a-f}')" "$(awk -v a="$t_restart" -v f="$t_floor" 'BEGIN{print a-f}')") |

Goal: (m) at least 10x faster than (r) and than (l).

## From stored monthly summaries

| way | median time (ms) | compared to (l) |
|---|---:|---:|
| (a) \`rollup\` of the 84 stored monthly summaries, \`ROWS\` window of 12, moving mode | $(ms "$t_rollup") | $(ratio "$t_rollup" "$t_lateral") |
| (a-r) the same, rollup without an inverse | $(ms "$t_rollup_restart") | $(ratio "$t_rollup_restart" "$t_lateral") |
| (a') building the monthly summaries (one pass over the rows, $size stored) | $(ms "$t_build") | |
| (a) + (a') | $(awk -v a="$t_rollup" -v c="$t_build" 'BEGIN{printf "%.1f", a+c}') | $(ratio "$(awk -v a="$t_rollup" -v c="$t_build" 'BEGIN{print a+c}')" "$t_lateral") |

Medians that differ from (l) by more than 1e-9, of $months months: (m) $d_m, (r) $d_r, (a) $d_a, (a-r) $d_ar.

## A frame read at every row

The median of the last 1,000 delays (by end date) at each of the last
100,000 ends: \`median_days(delay_agg(started, finished) OVER (ORDER BY n
ROWS BETWEEN 999 PRECEDING AND CURRENT ROW))\`, where each frame differs
from the one before by a row in and a row out.

| way | median time (ms) | compared |
|---|---:|---:|
| moving-aggregate mode | $(ms "$t_rows_moving") | $(ratio "$t_rows_moving" "$t_rows_restart") |
| aggregate without an inverse (restarted per frame) | $(ms "$t_rows_restart") | |

Medians that differ, of $frames frames: $d_rows.

Plan of (m):

\`\`\`text
$plan_m
\`\`\`

Plan of (l):

\`\`\`text
$plan_l
\`\`\`
MD
[ "$d_m$d_r$d_a$d_ar$d_rows" = 00000 ] || exit 1
