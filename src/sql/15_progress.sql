-- Progress scoring: the Eurostat SDG ratio of observed to required growth
-- (as in Open SDG's progress measure) and the status classes built on it.
-- See doc/progress.md. The enums target_kind and progress_status are in
-- 10_enums.sql.

CREATE FUNCTION progress_ratio(baseline float8, baseline_year float8,
                               current float8, current_year float8,
                               target float8, target_year float8)
RETURNS float8
AS 'MODULE_PATHNAME', 'progress_ratio'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION progress_ratio(float8, float8, float8, float8, float8, float8) IS
  'Eurostat progress ratio R = d * CAGR_observed / |CAGR_required| (linear annual changes where a value is <= 0); years are decimal; NULL when current_year <= baseline_year, target_year <= baseline_year or target = baseline; NaN or infinite input is an error (22023)';

CREATE FUNCTION progress_status(kind target_kind, target float8,
                                baseline float8, baseline_year float8,
                                current float8, current_year float8,
                                target_year float8)
RETURNS progress_status
AS 'MODULE_PATHNAME', 'progress_status'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION progress_status(target_kind, float8, float8, float8, float8, float8, float8) IS
  'Status of a current value against a target (for multiply_by, target is the factor): achieved; missed when current_year >= target_year and the target is not met; else the baseline-already-met cases, then on_track/moderate/insufficient/moving_away by the progress ratio; no_data when current or baseline is NULL or the ratio is undefined; NULL when kind or target is NULL';

-- Why a second form: a recurring target is scored on the path to its first
-- year until its deadline, so its verdict time is not its ratio's target
-- time; the scorecard says which with final.
CREATE FUNCTION progress_status(kind target_kind, target float8,
                                baseline float8, baseline_year float8,
                                current float8, current_year float8,
                                target_year float8, final boolean)
RETURNS progress_status
AS 'MODULE_PATHNAME', 'progress_status'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION progress_status(target_kind, float8, float8, float8, float8, float8, float8, boolean) IS
  'progress_status with the verdict said explicitly: final true scores the measurement as a verdict (achieved or missed; no_data without current or baseline), false gives the progress class even at or past target_year, NULL is the seven-argument rule (final when current_year >= target_year)';
