-- Helpers of the indicator queries (50_indicators.sql): decimal years, the
-- required path from baseline to target (the check of an as-of date is in
-- 44_checked_as_of.sql).
-- See doc/scorecard.md and doc/progress.md.

-- Why: progress scoring counts time in decimal years; a date counts at the
-- end of its day, so 31 December is the end of its year (2025-12-31 ->
-- 2026.0), the same instant as a calendar year's value (year Y -> Y + 1).
CREATE FUNCTION decimal_year(d date) RETURNS float8
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
  SELECT CASE
           WHEN NOT isfinite(d) THEN CASE WHEN d > date '2000-01-01' THEN 'Infinity'::float8 ELSE '-Infinity'::float8 END
           ELSE extract(year FROM d)::float8
                + extract(doy FROM d)::float8
                  / (make_date(extract(year FROM d)::integer + 1, 1, 1) - make_date(extract(year FROM d)::integer, 1, 1))
         END
$fn$;
COMMENT ON FUNCTION decimal_year(date) IS
  'The date as a decimal year, counted at the end of the day: year + day of year / days in the year (2025-06-30 -> 2025.4959, 2025-12-31 -> 2026.0); infinite dates give +/-Infinity';

-- Why: a scorecard shows where the value should stand now if it moved from
-- the baseline to the target along the path the progress ratio assumes.
CREATE FUNCTION required_path_value(baseline float8, baseline_year float8, target float8, target_year float8,
                                    at_year float8) RETURNS float8
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
  SELECT CASE
           WHEN target_year <= baseline_year THEN NULL
           WHEN baseline > 0 AND target > 0 THEN baseline * power(target / baseline, f)
           ELSE baseline + (target - baseline) * f
         END
    FROM (SELECT (least(greatest(at_year, baseline_year), target_year) - baseline_year)
                 / nullif(target_year - baseline_year, 0) AS f) AS share
$fn$;
COMMENT ON FUNCTION required_path_value(float8, float8, float8, float8, float8) IS
  'Value on the required path from baseline (at baseline_year) to target (at target_year) at at_year, clamped to [baseline_year, target_year]: geometric baseline * (target / baseline)^f when both are > 0, else linear; f = (at_year - baseline_year) / (target_year - baseline_year); NULL when target_year <= baseline_year';

