-- Progress scoring: the Eurostat SDG ratio of observed to required growth
-- (as in Open SDG's progress measure) and the status classes built on it.
-- See doc/progress.md. Its two enums come first: target_kind is also the
-- type of target.kind (40_tables.sql).

CREATE TYPE target_kind AS ENUM ('at_least', 'more_than', 'at_most', 'less_than', 'multiply_by');
COMMENT ON TYPE target_kind IS
  'How a target is met: at_least (>=), more_than (>), at_most (<=), less_than (<), or multiply_by (the baseline value times a factor, increase desired)';

CREATE TYPE progress_status AS ENUM ('achieved', 'missed', 'on_track', 'moderate', 'insufficient', 'moving_away', 'no_data');
COMMENT ON TYPE progress_status IS
  'Status of an indicator against its target: achieved; missed (measured at or after the target time and not met: a verdict); or, before that, the Eurostat progress class on_track (ratio >= 0.95), moderate (0.60 to 0.95), insufficient (0 to 0.60), moving_away (< 0); no_data';

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
