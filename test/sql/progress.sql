-- progress_ratio and progress_status: hand-worked values, every kind and
-- status, the corner cases, and a grid checked against an independent SQL
-- formula. Notation: baseline x0 in year t0, current xt in year t, target xT
-- in year T; CAGR_o = (xt/x0)^(1/(t-t0)) - 1, CAGR_r = (xT/x0)^(1/(T-t0)) - 1,
-- R = d * CAGR_o / |CAGR_r| with d = sign(xT - x0).
SET search_path = hdh_roadmap, public;
SET extra_float_digits = 0;

-- Declared as the design says: ratio immutable, strict, parallel safe;
-- status immutable, parallel safe, not strict; both commented.
SELECT proname, provolatile, proisstrict, proparallel,
       pg_get_function_result(oid) AS result,
       obj_description(oid, 'pg_proc') IS NOT NULL AS commented
  FROM pg_proc
 WHERE pronamespace = 'hdh_roadmap'::regnamespace
   AND proname IN ('progress_ratio', 'progress_status')
 ORDER BY proname;

-- ---------------------------------------------------------------- ratio

-- 100 -> 200 over 2 years, 150 after 1 year: CAGR_r = sqrt(2) - 1 = 0.41421356,
-- CAGR_o = 0.5, R = 0.5 / 0.41421356 = 0.5 * (sqrt(2) + 1) = 1.20710678.
SELECT round(progress_ratio(100, 2020, 150, 2021, 200, 2022)::numeric, 8) AS r;

-- A decrease: mean delay 14 months in 2022, target 7 months by 2025, 10
-- months in 2024. CAGR_r = (7/14)^(1/3) - 1 = 0.79370053 - 1 = -0.20629947;
-- CAGR_o = (10/14)^(1/2) - 1 = 0.84515425 - 1 = -0.15484575; d = -1;
-- R = -1 * -0.15484575 / 0.20629947 = 0.75058720.
SELECT round(progress_ratio(14, 2022, 10, 2024, 7, 2025)::numeric, 8) AS r;

-- The same delay moving the wrong way, 15 months in 2024:
-- CAGR_o = sqrt(15/14) - 1 = 0.03509834, R = -0.03509834 / 0.20629947 = -0.17013295.
SELECT round(progress_ratio(14, 2022, 15, 2024, 7, 2025)::numeric, 8) AS r;

-- Decimal years: 100 (2020.25) -> 121 by 2022.25 (CAGR_r = 0.1), 110 in
-- 2020.75: CAGR_o = 1.1^(1/0.5) - 1 = 0.21, R = 0.21 / 0.1 = 2.1.
SELECT round(progress_ratio(100, 2020.25, 110, 2020.75, 121, 2022.25)::numeric, 8) AS r;

-- Zero baseline, linear form: partnerships 0 at 2023.0, target 40 by 2026.0,
-- 18 at 2024.5. Required 40/3 = 13.3333/year, observed 18/1.5 = 12/year, R = 0.9.
SELECT round(progress_ratio(0, 2023, 18, 2024.5, 40, 2026)::numeric, 8) AS r;

-- Linear form from a negative baseline: -10 -> 10 over 4 years (5/year),
-- -4 after 1 year (6/year): R = 1.2. Through zero downwards: 5 -> -5 over 4
-- years (-2.5/year), 0 after 2 years (-2.5/year): d = -1, R = 1.
SELECT round(progress_ratio(-10, 2020, -4, 2021, 10, 2024)::numeric, 8) AS r_up,
       round(progress_ratio(5, 2020, 0, 2022, -5, 2024)::numeric, 8) AS r_down;

-- Unchanged value: R = 0 (for a decrease d * 0 = -0, which rounds to 0).
SELECT progress_ratio(100, 2020, 100, 2021, 200, 2022) AS r_up,
       round(progress_ratio(14, 2022, 14, 2024, 7, 2025)::numeric, 8) AS r_down;

-- Undefined ratio, NULL: t = t0, t < t0, T = t0, T < t0, target = baseline
-- (growth and linear forms), and any NULL argument (strict).
SELECT progress_ratio(100, 2020, 150, 2020, 200, 2022) IS NULL AS t_eq_t0,
       progress_ratio(100, 2020, 150, 2019, 200, 2022) IS NULL AS t_before_t0,
       progress_ratio(100, 2020, 150, 2021, 200, 2020) IS NULL AS target_year_eq_t0,
       progress_ratio(100, 2020, 150, 2021, 200, 2019) IS NULL AS target_year_before_t0,
       progress_ratio(100, 2020, 150, 2021, 100, 2022) IS NULL AS target_eq_baseline,
       progress_ratio(0, 2020, 5, 2021, 0, 2022) IS NULL AS target_eq_baseline_linear,
       progress_ratio(NULL, 2020, 150, 2021, 200, 2022) IS NULL AS null_arg;

-- NaN or infinite input: an error naming the value, SQLSTATE 22023, even
-- where the ratio would be undefined anyway.
SELECT progress_ratio('NaN', 2020, 150, 2021, 200, 2022);
\echo :LAST_ERROR_SQLSTATE
SELECT progress_ratio(100, 2020, 150, 'Infinity', 200, 2022);
\echo :LAST_ERROR_SQLSTATE
SELECT progress_ratio(100, 2020, 100, 2020, '-Infinity', 2022);
\echo :LAST_ERROR_SQLSTATE
-- A ratio past double precision (observed growth (1e600)^2 in half a year):
-- an out-of-range error, 22003, naming the inputs.
SELECT progress_ratio(1e-300, 2000, 1e300, 2000.5, 2, 2001);
\echo :LAST_ERROR_SQLSTATE

-- Grid against an independent SQL formula (power() for the growth form,
-- plain differences for the linear one): 4 baselines x0 x 6 currents xt x 5
-- targets xg x 3 current years t x 2 target years tg = 720 rows; the
-- 6 * 3 * 2 = 36 rows with x0 = xg = 0 (target = baseline) are NULL on both
-- sides, 684 are defined.
WITH g AS (
  SELECT x0, xt, xg, t, tg,
         progress_ratio(x0, 2020, xt, t, xg, tg) AS r,
         CASE WHEN xg = x0 THEN NULL
              WHEN x0 > 0 AND xt > 0 AND xg > 0 THEN
                sign(xg - x0) * (power(xt / x0, 1 / (t - 2020)) - 1)
                  / abs(power(xg / x0, 1 / (tg - 2020)) - 1)
              ELSE sign(xg - x0) * ((xt - x0) / (t - 2020)) / abs((xg - x0) / (tg - 2020))
         END AS want
    FROM unnest(ARRAY[0, 5, 12, 120]::float8[]) x0,
         unnest(ARRAY[-3, 0, 4, 12, 60, 250]::float8[]) xt,
         unnest(ARRAY[-1, 0, 7, 36, 200]::float8[]) xg,
         unnest(ARRAY[2021, 2022.5, 2024]::float8[]) t,
         unnest(ARRAY[2025, 2030.75]::float8[]) tg
)
SELECT count(*) AS cases,
       count(r) AS defined,
       bool_and((r IS NULL) = (want IS NULL)) AS same_nulls,
       bool_and(r IS NULL OR abs(r - want) <= 1e-9 * greatest(1, abs(want))) AS same_values
  FROM g;

-- --------------------------------------------------------------- status

-- Achieved, by kind (tested first, needs no years):
-- at_least 200, 200 >= 200; more_than 40, 41 > 40; at_most 7, 7 <= 7;
-- less_than 7, 6.9 < 7; multiply_by 3 from 12, 36 >= 3 * 12 = 36.
SELECT progress_status('at_least', 200, 120, 2022, 200, 2024, 2024) AS at_least,
       progress_status('more_than', 40, 0, 2023, 41, 2025, 2026) AS more_than,
       progress_status('at_most', 7, 14, 2022, 7, 2025, 2025) AS at_most,
       progress_status('less_than', 7, 14, 2022, 6.9, 2025, 2025) AS less_than,
       progress_status('multiply_by', 3, 12, 2022, 36, 2025, 2025) AS multiply_by,
       progress_status('at_least', 200, 120, NULL, 250, NULL, NULL) AS no_years;

-- Every ratio class, at_least 200 from 120 in 2022, by 2024:
-- CAGR_r = sqrt(200/120) - 1 = 0.29099445.
--   185: CAGR_o = sqrt(185/120) - 1 = 0.24163870, R = 0.83038939 -> moderate
--   125: CAGR_o = sqrt(125/120) - 1 = 0.02062073, R = 0.07086295 -> insufficient
--   100: CAGR_o = sqrt(100/120) - 1 = -0.08712907, R = -0.29941833 -> moving_away
--   120: CAGR_o = 0, R = 0 -> insufficient
-- and by 2025: CAGR_r = (200/120)^(1/3) - 1 = 0.18563110,
--   185: R = 0.24163870 / 0.18563110 = 1.30171453 -> on_track.
-- Measured in 2024 against 2024 the measurement is final: not met is missed
-- (status); the eight-argument form with final = false gives the class.
SELECT x AS current,
       round(progress_ratio(120, 2022, x, 2024, 200, tT)::numeric, 8) AS r,
       progress_status('at_least', 200, 120, 2022, x, 2024, tT, false) AS class,
       progress_status('at_least', 200, 120, 2022, x, 2024, tT) AS status
  FROM (VALUES (185::float8, 2024::float8), (125, 2024), (100, 2024), (120, 2024), (185, 2025)) v(x, tT);

-- Strict kinds at the boundary: current equal to the target is not achieved.
-- more_than 40 from 20 (2022) by 2025, 40 in 2024: R = (2^(1/2) - 1) /
-- (2^(1/3) - 1) = 0.41421356 / 0.25992105 = 1.59361299 -> on_track.
-- less_than 7 from 14 (2022), 7 in 2025 = the target year: R = 1, but the
-- measurement is at the target time and not met -> missed.
SELECT progress_status('more_than', 40, 20, 2022, 40, 2024, 2025) AS more_than_at_40,
       round(progress_ratio(20, 2022, 40, 2024, 40, 2025)::numeric, 8) AS r,
       progress_status('less_than', 7, 14, 2022, 7, 2025, 2025) AS less_than_at_7,
       progress_status('at_least', 40, 20, 2022, 40, 2024, 2025) AS at_least_at_40;

-- A decrease (at_most 7 from 14 in 2022, by 2025): 10 in 2024 R = 0.75058720
-- moderate; 9 in 2024: CAGR_o = sqrt(9/14) - 1 = -0.19821627, R = 0.96081813
-- on_track; 13: R = 0.17632565 insufficient; 15: R = -0.17013295 moving_away;
-- 14 unchanged: R = -0 -> insufficient, not moving_away.
SELECT x AS current,
       round(progress_ratio(14, 2022, x, 2024, 7, 2025)::numeric, 8) AS r,
       progress_status('at_most', 7, 14, 2022, x, 2024, 2025) AS at_most,
       progress_status('less_than', 7, 14, 2022, x, 2024, 2025) AS less_than
  FROM unnest(ARRAY[10, 9, 13, 15, 14]::float8[]) x;

-- multiply_by 3 (the factor) from 12 in 2022, by 2025: target value 36,
-- CAGR_r = 3^(1/3) - 1 = 0.44224957.
--   24 in 2024: CAGR_o = sqrt(2) - 1 = 0.41421356, R = 0.93660591 -> moderate
--   30 in 2024: CAGR_o = sqrt(2.5) - 1 = 0.58113883, R = 1.31405177 -> on_track
--   10 in 2024: CAGR_o = sqrt(10/12) - 1 = -0.08712907, R = -0.19701335 -> moving_away
--   36 in 2024: achieved (R = (sqrt(3) - 1) / 0.44224957 = 1.65528891, not used)
SELECT x AS current,
       round(progress_ratio(12, 2022, x, 2024, 36, 2025)::numeric, 8) AS r,
       progress_status('multiply_by', 3, 12, 2022, x, 2024, 2025) AS status
  FROM unnest(ARRAY[24, 30, 10, 36]::float8[]) x;

-- The baseline already met the target (direction disagrees with
-- sign(target - baseline)): achieved or else moving_away, no ratio needed.
-- at_least 100 from 120: 130 achieved, 90 moving_away (even without years);
-- at_most 7 from 5: 6 achieved, 8 moving_away; multiply_by 0.5 from 12
-- (target value 6): 7 achieved, 5 moving_away.
SELECT progress_status('at_least', 100, 120, 2022, 130, 2024, 2025) AS a,
       progress_status('at_least', 100, 120, 2022, 90, 2024, 2025) AS b,
       progress_status('at_least', 100, 120, NULL, 90, NULL, NULL) AS c,
       progress_status('at_most', 7, 5, 2022, 6, 2024, 2025) AS d,
       progress_status('at_most', 7, 5, 2022, 8, 2024, 2025) AS e,
       progress_status('multiply_by', 0.5, 12, 2022, 7, 2024, 2025) AS f,
       progress_status('multiply_by', 0.5, 12, 2022, 5, 2024, 2025) AS g;

-- Target equal to the baseline (the ratio is NULL). Non-strict kinds: the
-- baseline met it, so not meeting it now is moving_away (at_least 40 from 40,
-- 39). Strict kinds: the baseline sits on the boundary without meeting it;
-- more_than 40 from 40: 30 moved the wrong way -> moving_away, 40 unchanged
-- -> insufficient (no progress: R = 0 in spirit), 41 -> achieved.
-- multiply_by from a zero baseline: target value 3 * 0 = 0, met by 0.
SELECT progress_status('at_least', 40, 40, 2022, 39, 2024, 2025) AS at_least_39,
       progress_status('more_than', 40, 40, 2022, 30, 2024, 2025) AS more_than_30,
       progress_status('more_than', 40, 40, 2022, 40, 2024, 2025) AS more_than_40,
       progress_status('more_than', 40, 40, 2022, 41, 2024, 2025) AS more_than_41,
       progress_status('less_than', 7, 7, 2022, 7, 2024, 2025) AS less_than_7,
       progress_status('multiply_by', 3, 0, 2022, 0, 2024, 2025) AS times3_of_0;

-- no_data: no current, no baseline (even with a current past the target),
-- a missing year, or an undefined ratio (t <= t0, T <= t0) where the target
-- is not met; a met target is achieved even with t = t0.
SELECT progress_status('at_least', 200, 120, 2022, NULL, 2024, 2025) AS no_current,
       progress_status('at_least', 200, NULL, 2022, 250, 2024, 2025) AS no_baseline,
       progress_status('at_least', 200, 120, 2022, 150, NULL, 2025) AS no_year,
       progress_status('at_least', 200, 120, 2022, 150, 2022, 2025) AS t_eq_t0,
       progress_status('at_least', 200, 120, 2022, 150, 2021, 2025) AS t_before_t0,
       progress_status('at_least', 200, 120, 2022, 150, 2024, 2022) AS target_year_eq_t0,
       progress_status('at_least', 200, 120, 2022, 250, 2022, 2025) AS met_at_t0;

-- The verdict (final): at or after the target time a target not met is
-- missed and a met one achieved, whatever the ratio; before it, the class.
-- at_most 7 from 13 (2022, i.e. t0 2023.0) by 2026.0, 8.6 measured:
--   at 2026.0 and 2028.0 missed; 6.9 achieved; at 2025.0 the class:
--   R = -((8.6/13)^(1/2) - 1) / (1 - (7/13)^(1/3)) = 0.18665 / 0.18645 =
--   1.00108 -> on_track. final true at 2025.0 is missed; final false at
--   2026.0 gives the class of R = -((8.6/13)^(1/3) - 1) / 0.18645 = 0.69008
--   -> moderate; final NULL is the seven-argument rule (missed).
SELECT progress_status('at_most', 7, 13, 2023, 8.6, 2026, 2026) AS at_target_time,
       progress_status('at_most', 7, 13, 2023, 8.6, 2028, 2026) AS after,
       progress_status('at_most', 7, 13, 2023, 6.9, 2026, 2026) AS met,
       progress_status('at_most', 7, 13, 2023, 8.6, 2025, 2026) AS before,
       progress_status('at_most', 7, 13, 2023, 8.6, 2025, 2026, true) AS before_final,
       progress_status('at_most', 7, 13, 2023, 8.6, 2026, 2026, false) AS at_not_final,
       progress_status('at_most', 7, 13, 2023, 8.6, 2026, 2026, NULL) AS at_null_final,
       progress_status('at_most', 7, NULL, 2023, 8.6, 2026, 2026, true) AS final_no_baseline,
       progress_status('at_least', 100, 120, 2022, 90, 2025, 2025) AS baseline_met_then_lost;

-- A NULL kind or target: the target is undefined, so is the status (NULL).
SELECT progress_status(NULL, 200, 120, 2022, 150, 2024, 2025) IS NULL AS null_kind,
       progress_status('at_least', NULL, 120, 2022, 150, 2024, 2025) IS NULL AS null_target,
       progress_status(NULL, NULL, NULL, NULL, NULL, NULL, NULL) IS NULL AS all_null;

-- Errors: a NaN or infinite value given (even one the status would not use)
-- is 22023; a factor times baseline past double precision is 22003.
SELECT progress_status('at_least', 'NaN', 120, 2022, 150, 2024, 2025);
\echo :LAST_ERROR_SQLSTATE
SELECT progress_status('at_least', 200, 120, 2022, 250, 2024, 'Infinity');
\echo :LAST_ERROR_SQLSTATE
SELECT progress_status('multiply_by', 1e300, 1e10, 2022, 1, 2024, 2025);
\echo :LAST_ERROR_SQLSTATE

-- The four HDH 2025 targets with plausible numbers.
--  platform_projects: at_least 200 from 2024; 120 projects in 2022, 185 in
--    2024, judged against target year 2024: R = 0.83038939, but measured at
--    the target time and not met -> missed.
--  linkage_access_delay: at_most 7 months by 2025; 14 months in 2022, 10 in
--    2024: R = 0.75058720 -> moderate.
--  new_partnerships: more_than 40 by 2025-12-31 (2026.0), cumulative from 0
--    at 2023.0; 18 by mid-2024 (2024.5): linear R = 12 / 13.3333 = 0.9 -> moderate;
--    30 by 2025.0: 30/2 = 15/year, R = 15 / 13.3333 = 1.125 -> on_track.
--  civil_society_exchanges: multiply_by 3 from 12 in 2022, by 2025; 24 in
--    2024: R = 0.93660591 -> moderate; 40 in 2025 -> achieved (40 >= 36;
--    R = ((40/12)^(1/3) - 1) / 0.44224957 = 0.49380158 / 0.44224957 = 1.11656769).
CREATE TEMP TABLE hdh_case (id text, kind target_kind, target float8,
  baseline float8, baseline_year float8, current float8, current_year float8,
  target_year float8);
INSERT INTO hdh_case VALUES
  ('platform_projects',       'at_least',    200, 120, 2022, 185, 2024,   2024),
  ('linkage_access_delay',    'at_most',       7,  14, 2022,  10, 2024,   2025),
  ('new_partnerships',        'more_than',    40,   0, 2023,  18, 2024.5, 2026),
  ('new_partnerships_2025',   'more_than',    40,   0, 2023,  30, 2025,   2026),
  ('civil_society_exchanges', 'multiply_by',   3,  12, 2022,  24, 2024,   2025),
  ('civil_society_2025',      'multiply_by',   3,  12, 2022,  40, 2025,   2025);
SELECT id,
       round(progress_ratio(baseline, baseline_year, current, current_year,
             CASE WHEN kind = 'multiply_by' THEN target * baseline ELSE target END,
             target_year)::numeric, 8) AS r,
       progress_status(kind, target, baseline, baseline_year, current,
                       current_year, target_year) AS status
  FROM hdh_case ORDER BY id;

-- Every status is reachable, and the result is a real
-- progress_status value (ordering follows the enum's declaration).
-- at_least 200 from 120 (2022) by 2025: 250 achieved; 185 in 2025 missed;
-- in 2024 185 R = 1.30171 on_track, 160 R = (sqrt(160/120) - 1) / 0.18563 =
-- 0.83362 moderate, 125 R = 0.11108 insufficient, 100 R < 0 moving_away.
SELECT s, s > 'achieved'::progress_status AS after_achieved
  FROM (VALUES (progress_status('at_least', 200, 120, 2022, 250, 2024, 2025)),
               (progress_status('at_least', 200, 120, 2022, 185, 2025, 2025)),
               (progress_status('at_least', 200, 120, 2022, 185, 2024, 2025)),
               (progress_status('at_least', 200, 120, 2022, 160, 2024, 2025)),
               (progress_status('at_least', 200, 120, 2022, 125, 2024, 2025)),
               (progress_status('at_least', 200, 120, 2022, 100, 2024, 2025)),
               (progress_status('at_least', 200, 120, 2022, NULL, 2024, 2025))) v(s)
 ORDER BY s;

-- Status against an independent SQL statement of the rules, over a grid of
-- every kind, targets on both sides of and equal to the baseline, and
-- currents around them (5 kinds x 3 targets x 7 currents x 3 current years,
-- the last at the target time = 315 rows), plus the class counts so that the
-- grid is seen to cover them.
WITH g AS (
  SELECT k, tgt, x0, xt, t,
         CASE WHEN k = 'multiply_by' THEN tgt * x0 ELSE tgt END AS tv,
         CASE WHEN k IN ('at_most', 'less_than') THEN -1 ELSE 1 END AS dir,
         progress_status(k, tgt, x0, 2022, xt, t, 2025) AS got
    FROM unnest(enum_range(NULL::target_kind)) k,
         (VALUES (50::float8), (100), (200)) tg(tgt),
         (VALUES (100::float8)) b(x0),
         unnest(ARRAY[40, 60, 99, 100, 101, 150, 250]::float8[]) xt,
         unnest(ARRAY[2022, 2024, 2025]::float8[]) t
), w AS (
  SELECT *,
         CASE
           WHEN CASE k WHEN 'at_least' THEN xt >= tv WHEN 'multiply_by' THEN xt >= tv
                       WHEN 'more_than' THEN xt > tv WHEN 'at_most' THEN xt <= tv
                       ELSE xt < tv END THEN 'achieved'
           WHEN t >= 2025 THEN 'missed'
           WHEN sign(tv - x0) = -dir THEN 'moving_away'
           WHEN tv = x0 THEN CASE WHEN xt = x0 THEN 'insufficient' ELSE 'moving_away' END
           WHEN progress_ratio(x0, 2022, xt, t, tv, 2025) IS NULL THEN 'no_data'
           WHEN progress_ratio(x0, 2022, xt, t, tv, 2025) >= 0.95 THEN 'on_track'
           WHEN progress_ratio(x0, 2022, xt, t, tv, 2025) >= 0.60 THEN 'moderate'
           WHEN progress_ratio(x0, 2022, xt, t, tv, 2025) >= 0 THEN 'insufficient'
           ELSE 'moving_away'
         END::progress_status AS want
    FROM g
)
SELECT count(*) AS cases,
       count(*) FILTER (WHERE got IS DISTINCT FROM want) AS mismatches,
       count(DISTINCT got) AS statuses_seen
  FROM w;

-- Many rows through one call site (the enum OIDs are cached per call site).
-- at_most 7 from 14 (2022) by 2025, current 1..20 in 2024, CAGR_r = -0.20629947:
-- 1..7 achieved (7); 8: R = (1 - sqrt(8/14)) / 0.20629947 = 1.18309 and 9:
-- 0.96082 on_track (2); 10: 0.75059 moderate (1); 11: 0.55063, 12: 0.35958,
-- 13: 0.17633, 14: 0 insufficient (4); 15..20: R < 0 moving_away (6).
SELECT progress_status('at_most', 7, 14, 2022, x, 2024, 2025) AS status, count(*)
  FROM generate_series(1, 20) x
 GROUP BY 1 ORDER BY 1;
