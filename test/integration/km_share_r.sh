#!/usr/bin/env bash
# test/integration/km_share_r.sh — km_share_within(s, days) against R's
# survival package: 1 - summary(survfit(Surv(time, event) ~ 1), times = days)
# on random delays with ties and censoring (R generates them), for every
# day from 0 to past the largest delay, to 1e-12. Prints TAP. Needs Rscript
# with the survival package (Debian r-base-core, r-cran-survival: test/run
# installs them) and the cluster of test/run (PGHOST, PGPORT, PGUSER).
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1
. test/lib/tap.sh

PSQL="${PG_BIN:+$PG_BIN/}psql"
DB=hdh_km_r
TMP=$(mktemp -d "${WORK:-${TMPDIR:-/tmp}}/km_share_r.XXXXXX")
chmod 755 "$TMP"
cleanup() { "$PSQL" -qX -d postgres -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1; rm -rf "$TMP"; }
trap cleanup EXIT

if ! command -v Rscript >/dev/null 2>&1 || ! Rscript -e 'library(survival)' >/dev/null 2>&1; then
	not_ok "Rscript with the survival package is installed (apt-get install r-base-core r-cran-survival)"
	finish
fi
ok "Rscript with the survival package is installed ($(Rscript -e 'cat(R.version.string, "survival", format(packageVersion("survival")))' 2>/dev/null))"

# Random sets: sizes from 1 to 3000, delays drawn from a small range (many
# ties) or a wide one, censoring from none to all; one set ending on an
# event (S drops to 0), one all censored (S stays 1). For each set, R's
# survival curve on every day from 0 to the largest delay + 3.
if ! Rscript - "$TMP" >"$TMP/r.log" 2>&1 <<'R'
suppressMessages(library(survival))
dir <- commandArgs(trailingOnly = TRUE)[1]
set.seed(20261130)
sizes <- c(1, 2, 3, 5, 8, 13, 30, 50, 100, 200, 500, 1000, 3000)
sets <- list()
for (k in 1:40) {
  n <- sample(sizes, 1)
  range <- if (k %% 2 == 0) 15 else sample(c(60, 400, 40000), 1)
  censoring <- sample(c(0, 0.1, 0.3, 0.6, 0.9), 1)
  sets[[k]] <- data.frame(set = k, time = sample(0:range, n, replace = TRUE),
                          event = as.integer(runif(n) >= censoring))
}
sets[[41]] <- data.frame(set = 41, time = c(3, 5, 5, 8, 8), event = c(0, 1, 0, 1, 1))
sets[[42]] <- data.frame(set = 42, time = c(2, 4, 4, 9), event = c(0, 0, 0, 0))
rows <- do.call(rbind, sets)
write.table(rows, file.path(dir, "delays.csv"), sep = ",", row.names = FALSE, col.names = FALSE)
out <- list()
for (k in unique(rows$set)) {
  d <- rows[rows$set == k, ]
  days <- 0:(max(d$time) + 3)
  # Where the horizon is long, every day near the events and a sample of the rest.
  if (length(days) > 2000) days <- sort(unique(c(d$time, d$time + 1, sample(days, 1000))))
  fit <- survfit(Surv(time, event) ~ 1, data = d)
  s <- summary(fit, times = days, extend = TRUE)
  out[[length(out) + 1]] <- data.frame(set = k, day = s$time, surv = s$surv)
}
curve <- do.call(rbind, out)
write.table(format(curve, digits = 17, scientific = FALSE, trim = TRUE),
            file.path(dir, "survival.csv"), sep = ",", row.names = FALSE, col.names = FALSE, quote = FALSE)
cat(nrow(rows), "delays in", length(unique(rows$set)), "sets,", nrow(curve), "days\n")
R
then
	not_ok "R generates the delays and computes the survival curves" "$(tail -5 "$TMP/r.log")"
	finish
fi
ok "R generates the delays and computes the survival curves: $(tail -1 "$TMP/r.log")"

"$PSQL" -qX -d postgres -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1
if ! "$PSQL" -qX -v ON_ERROR_STOP=1 -d postgres -c "CREATE DATABASE $DB" >/dev/null ||
	! "$PSQL" -qX -v ON_ERROR_STOP=1 -d "$DB" -c "CREATE EXTENSION hdh_roadmap" >/dev/null; then
	not_ok "set up database $DB"
	finish
fi

if ! out=$("$PSQL" -qXAt -v ON_ERROR_STOP=1 -d "$DB" 2>&1 <<SQL
CREATE TEMP TABLE delays (set integer, time integer, event integer);
CREATE TEMP TABLE survival (set integer, day integer, surv float8);
\copy delays FROM '$TMP/delays.csv' WITH (FORMAT csv)
\copy survival FROM '$TMP/survival.csv' WITH (FORMAT csv)
CREATE TEMP TABLE summaries AS
SELECT set, hdh_roadmap.delay_agg(time, event = 0) AS s, count(*) AS n, count(*) FILTER (WHERE event = 0) AS censored
  FROM delays GROUP BY set;
SELECT count(*), count(*) FILTER (WHERE abs(hdh_roadmap.km_share_within(m.s, v.day) - (1 - v.surv)) > 1e-12),
       max(abs(hdh_roadmap.km_share_within(m.s, v.day) - (1 - v.surv))),
       (SELECT count(*) FROM summaries), (SELECT sum(n) FROM summaries), (SELECT sum(censored) FROM summaries),
       (SELECT count(*) FROM delays d1 JOIN delays d2 USING (set, time) WHERE d1.ctid < d2.ctid) > 0
  FROM survival v JOIN summaries m USING (set);
SELECT string_agg(format('set %s day %s: km_share_within %s, R %s', v.set, v.day,
                         hdh_roadmap.km_share_within(m.s, v.day), 1 - v.surv), '; ')
  FROM (SELECT * FROM survival v JOIN summaries m USING (set)
         WHERE abs(hdh_roadmap.km_share_within(m.s, v.day) - (1 - v.surv)) > 1e-12 LIMIT 5) AS v
  JOIN summaries m USING (set);
SQL
); then
	not_ok "km_share_within computed for the same sets" "$out"
	finish
fi
IFS='|' read -r days differ maxdiff sets delays censored ties <<<"$(head -1 <<<"$out")"
check "R's curves cover every set ($sets sets, $delays delays, $censored censored)" "$sets" "42"
check "the data have ties and censoring" "$ties $([ "$censored" -gt 0 ] && echo censored)" "t censored"
if [ "$differ" = 0 ] && [ "$days" -gt 1000 ]; then
	ok "km_share_within = 1 - R's survfit S(t) to 1e-12 on $days days (largest difference $maxdiff)"
else
	not_ok "km_share_within = 1 - R's survfit S(t) to 1e-12 on $days days" "$differ differ: $(tail -1 <<<"$out")"
fi
finish
