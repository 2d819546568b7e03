-- scorecard_at on a small history built by hand, scored on paper below for
-- two as-of dates. Every number of the expected output is worked out in the
-- comments (doc/progress.md for the ratio, doc/scorecard.md for the time
-- convention). Everything runs in a transaction that is rolled back.
--
-- Time convention: a calendar year's value counts at the end of the year
-- (Y -> Y + 1.0), a date at the end of its day (year + day of year / days in
-- year); t0 = baseline_year + 1; T = decimal(deadline), for a recurring
-- target min(decimal(deadline), start_year + 1).
--
--   A = 2024-06-30: last complete year L = 2023, t = 2024.0 for yearly
--       measures; decimal(A) = 2024 + 182/366 = 2024.497268 (2024 is a leap
--       year: 31+29+31+30+31+30 = 182).
--   B = 2025-03-31: L = 2024, t = 2025.0; decimal(B) = 2025 + 90/365
--       = 2025.246575 (31+28+31 = 90).
--
-- The history (the seeded targets are retired; the hub's records replaced):
--
--   exchanges E: 2021: 10, 2022: 10, 2023: 20,
--                2024: 25 up to 2024-06-30 (the last one on that day) + 15 later = 40,
--                2025: 5 up to 2025-03-31 (the last one on that day) + 3 later.
--   platform  P: 4 projects [2022-01-01,2025-01-01)  -> 2022, 2023, 2024
--                2 projects [2022-03-01,2024-01-01)  -> 2022, 2023 (the end is exclusive)
--                1 project  [2022-05-01,2022-09-01)  -> 2022
--                1 project  with two periods in 2022 -> 2022, once
--                1 project  [2024-09-01,)            -> unknown on A; on B: 2024, 2025
--                P as of A: 2022: 8, 2023: 6, 2024 so far: 4
--                P as of B: 2022: 8, 2023: 6, 2024: 5, 2025 so far: 1
--   delays    D (linked projects, by year of data made available; months =
--                days / 30.436875, so ratios of months are ratios of days):
--                2021: none completed -> NULL
--                2022: 300 and 310 days -> mean 305 days = 10.020740 months
--                2023: 290 and 300 days -> mean 295 days =  9.692191 months
--                2024: 250 days (made available 2024-03-01) and 260 days
--                      (2024-10-01): on A, 2024 so far = 250 days = 8.213721;
--                      on B, 2024 = 255 days = 8.377995
--                2025: 200 days (2025-02-01): on B, so far 6.570977
--                (also: a linked project still pending, a single-source
--                project with a 30-day delay, neither counted)
--   partnerships (cumulative from 2023-01-01):
--                2022: 5 (before the start year: never counted), 2023: 6,
--                2024: 3 up to 2024-06-30 (one on that day) + 3 later,
--                2025: 2 up to 2025-03-31 (one on that day) + 4 later.
--                On A: 6 + 3 = 9; on B: 6 + 6 + 2 = 14.
--
-- The targets (deadline 2025-12-31, so T = 2026.0, unless said):
--
--  t1_achieved     E at_least 15, baseline 2022 (x0 = 10)
--     A: x = 20 >= 15: achieved. R = (20/10 - 1) / (1.5^(1/3) - 1) = 1 / 0.144714 = 6.9102
--        expected = 10 * 1.5^(1/3) = 11.4471
--     B: x = 40: achieved. R = ((40/10)^(1/2) - 1) / 0.144714 = 6.9102
--        expected = 10 * 1.5^(2/3) = 13.1037
--  t2_on_track     E multiply_by 5, baseline 2022: target value 5 * 10 = 50
--     A: CAGR_o = 1, CAGR_r = 5^(1/3) - 1 = 0.709976, R = 1.4085: on_track
--        expected = 10 * 5^(1/3) = 17.0998
--     B: CAGR_o = (40/10)^(1/2) - 1 = 1, R = 1.4085: on_track (40 < 50)
--        expected = 10 * 5^(2/3) = 29.2402
--  t3_moderate     partnerships more_than 24, start 2023, baseline 2022:
--                  baseline = 0 (2022 is before the start year), so linear:
--                  required = 24 / (2026 - 2023) = 8 a year
--     A: t = 2024.497268, observed = 9 / 1.497268 = 6.010949, R = 0.7514: moderate
--        expected = 24 * 1.497268 / 3 = 11.9781
--     B: t = 2025.246575, observed = 14 / 2.246575 = 6.231707, R = 0.7790: moderate
--        expected = 24 * 2.246575 / 3 = 17.9726
--  t4_insufficient E at_least 1000, baseline 2022 (10)
--     A, B: CAGR_o = 1, CAGR_r = 100^(1/3) - 1 = 3.641589, R = 0.2746: insufficient
--        expected A = 10 * 100^(1/3) = 46.4159, B = 10 * 100^(2/3) = 215.4435
--  t5_moving_away  P at_least 12, baseline 2022 (8); CAGR_r = 1.5^(1/3) - 1 = 0.144714
--     A: CAGR_o = 6/8 - 1 = -0.25, R = -1.7275: moving_away
--        expected = 8 * 1.5^(1/3) = 9.1577
--     B: CAGR_o = (5/8)^(1/2) - 1 = -0.209431, R = -1.4472: moving_away
--        expected = 8 * 1.5^(2/3) = 10.4830
--  t6_no_data      D at_most 6, baseline 2021: no delay completed in 2021, so
--                  no baseline value: no_data, no ratio, no expected value
--     A: current 9.6922 (2023); B: 8.3780 (2024)
--  t7_delay        D at_most 7, baseline 2022 (10.020740 months); decrease: d = -1
--                  CAGR_r = (7 / 10.020740)^(1/3) - 1 = -0.112605
--     A: CAGR_o = 295/305 - 1 = -0.032787, R = 0.2909: insufficient
--        expected = 10.020740 * (7 / 10.020740)^(1/3) = 8.8913
--     B: CAGR_o = (255/305)^(1/2) - 1 = -0.085634, R = 0.7598: moderate
--        expected = 10.020740 * (7 / 10.020740)^(2/3) = 7.8892
--  t8_recurring    E at_least 64 every year from 2024: T = min(2026.0, 2024 + 1) = 2025.0
--                  CAGR_r = (64/10)^(1/2) - 1 = 1.529822
--                  (with T = 2026.0 it would be 0.856636 and R = 1.167, on_track)
--     A: CAGR_o = 1, R = 0.6537: moderate; expected = 10 * 6.4^(1/2) = 25.2982
--     B: CAGR_o = 1, R = 0.6537: moderate; expected = 64 (t = T)
--  t9_retired      an inactive target: not scored
BEGIN;
SET search_path = hdh_roadmap, public;
SET extra_float_digits = 0;
UPDATE target SET active = false;
TRUNCATE project_source, platform_usage, project, call_for_projects, catalogue_database,
         partnership, civil_society_exchange RESTART IDENTITY;

-- exchanges
INSERT INTO civil_society_exchange (held_on, kind, counterpart)
SELECT d, 'meeting', 'scenario'
  FROM (SELECT date '2021-02-01' + g FROM generate_series(0, 9) g          -- 2021: 10
        UNION ALL SELECT date '2022-03-01' + g FROM generate_series(0, 9) g -- 2022: 10
        UNION ALL SELECT date '2023-01-01' + g FROM generate_series(0, 19) g -- 2023: 20
        UNION ALL SELECT date '2024-06-06' + g FROM generate_series(0, 24) g -- 2024: 25, last on 06-30
        UNION ALL SELECT date '2024-07-01' + g FROM generate_series(0, 14) g -- 2024: 15 after A
        UNION ALL SELECT date '2025-03-27' + g FROM generate_series(0, 4) g  -- 2025: 5, last on 03-31
        UNION ALL SELECT date '2025-04-01' + g FROM generate_series(0, 2) g  -- 2025: 3 after B
       ) AS e(d);

-- projects: 9 on the platform (single source), 8 with delays
INSERT INTO project (reference, title, submitted_on, data_available_on, linkage)
SELECT 'U' || g, 'platform user ' || g, date '2021-06-01', date '2021-12-01', 'none'
  FROM generate_series(1, 9) g;
INSERT INTO platform_usage (project_id, period)
SELECT p.project_id, v.period
  FROM (VALUES ('U1', daterange('2022-01-01', '2025-01-01')), ('U2', daterange('2022-01-01', '2025-01-01')),
               ('U3', daterange('2022-01-01', '2025-01-01')), ('U4', daterange('2022-01-01', '2025-01-01')),
               ('U5', daterange('2022-03-01', '2024-01-01')), ('U6', daterange('2022-03-01', '2024-01-01')),
               ('U7', daterange('2022-05-01', '2022-09-01')),
               ('U8', daterange('2022-05-01', '2022-06-01')), ('U8', daterange('2022-08-01', '2022-09-01')),
               ('U9', daterange('2024-09-01', NULL))) AS v(ref, period)
  JOIN project p ON p.reference = v.ref;
-- The platform users' own delays (183 days, single source, made available in
-- 2021) are not linked: they do not count in D.
INSERT INTO project (reference, title, submitted_on, data_available_on, linkage)
SELECT ref, 'delay ' || ref, available - days, available, linkage::linkage_type
  FROM (VALUES ('D22a', date '2022-06-01', 300, 'direct'),
               ('D22b', date '2022-07-01', 310, 'indirect'),
               ('D23a', date '2023-05-01', 290, 'probabilistic'),
               ('D23b', date '2023-09-01', 300, 'direct'),
               ('D24a', date '2024-03-01', 250, 'direct'),
               ('D24b', date '2024-10-01', 260, 'indirect'),
               ('D25a', date '2025-02-01', 200, 'direct'),
               ('N23',  date '2023-02-01', 30,  'none')) AS v(ref, available, days, linkage);
INSERT INTO project (reference, title, submitted_on, linkage)
VALUES ('PENDING', 'still waiting', '2024-01-15', 'direct');

-- partnerships
INSERT INTO partnership (partner, infrastructure, level, signed_on)
SELECT 'scenario partner', 'local', 'national', d
  FROM (SELECT date '2022-05-01' + g FROM generate_series(0, 4) g          -- 2022: 5
        UNION ALL SELECT date '2023-02-01' + g FROM generate_series(0, 5) g -- 2023: 6
        UNION ALL SELECT date '2024-06-28' + g FROM generate_series(0, 2) g -- 2024: 3, last on 06-30
        UNION ALL SELECT date '2024-07-01' + g FROM generate_series(0, 2) g -- 2024: 3 after A
        UNION ALL SELECT date '2025-03-30' + g FROM generate_series(0, 1) g -- 2025: 2, last on 03-31
        UNION ALL SELECT date '2025-04-01' + g FROM generate_series(0, 3) g -- 2025: 4 after B
       ) AS s(d);

-- the targets
INSERT INTO target (id, roadmap, axis, title, indicator, measure, kind, value, baseline_year, start_year,
                    deadline, recurring, unit, active)
VALUES ('t1_achieved',     'scenario', 1, 'E at least 15',    'E', 'civil_society_exchanges', 'at_least',    15,   2022, 2023, '2025-12-31', false, 'exchanges', true),
       ('t2_on_track',     'scenario', 1, 'E times 5',        'E', 'civil_society_exchanges', 'multiply_by', 5,    2022, 2023, '2025-12-31', false, 'exchanges', true),
       ('t3_moderate',     'scenario', 2, 'more than 24 partnerships', 'cumulative', 'new_partnerships', 'more_than', 24, 2022, 2023, '2025-12-31', false, 'partnerships', true),
       ('t4_insufficient', 'scenario', 2, 'E at least 1000',  'E', 'civil_society_exchanges', 'at_least',    1000, 2022, 2023, '2025-12-31', false, 'exchanges', true),
       ('t5_moving_away',  'scenario', 3, 'P at least 12',    'P', 'platform_projects',       'at_least',    12,   2022, 2023, '2025-12-31', false, 'projects', true),
       ('t6_no_data',      'scenario', 3, 'D at most 6',      'D', 'linkage_access_delay',    'at_most',     6,    2021, 2023, '2025-12-31', false, 'months', true),
       ('t7_delay',        'scenario', 4, 'D at most 7',      'D', 'linkage_access_delay',    'at_most',     7,    2022, 2023, '2025-12-31', false, 'months', true),
       ('t8_recurring',    'scenario', 4, 'E at least 64 a year from 2024', 'E', 'civil_society_exchanges', 'at_least', 64, 2022, 2024, '2025-12-31', true, 'exchanges', true),
       ('t9_retired',      'scenario', 4, 'retired',          'E', 'civil_society_exchanges', 'at_least',    1,    2022, 2023, '2025-12-31', false, 'exchanges', false);

-- The series the scorecard reads, as of A and B (see the history above).
SELECT measure, year, round(value::numeric, 6) AS value, records, complete
  FROM indicator_series_at('2024-06-30') ORDER BY measure, year;
SELECT measure, year, round(value::numeric, 6) AS value, records, complete
  FROM indicator_series_at('2025-03-31') WHERE year >= 2024 ORDER BY measure, year;

-- The scorecard as of A: all six statuses.
SELECT target_id, status, round(progress_ratio::numeric, 4) AS ratio, current_period,
       round(current_value::numeric, 4) AS current, round(year_to_date_value::numeric, 4) AS ytd,
       round(baseline_value::numeric, 4) AS baseline, round(target_value::numeric, 4) AS target,
       round(expected_value::numeric, 4) AS expected, records
  FROM scorecard_at('2024-06-30');

-- The scorecard as of B: t7_delay has moved from insufficient to moderate.
SELECT target_id, status, round(progress_ratio::numeric, 4) AS ratio, current_period,
       round(current_value::numeric, 4) AS current, round(year_to_date_value::numeric, 4) AS ytd,
       round(baseline_value::numeric, 4) AS baseline, round(target_value::numeric, 4) AS target,
       round(expected_value::numeric, 4) AS expected, records
  FROM scorecard_at('2025-03-31');

-- The descriptive columns pass through, enums as text; factor only for multiply_by.
SELECT target_id, roadmap, axis, measure, unit, kind, factor, deadline, recurring, baseline_year, as_of
  FROM scorecard_at('2025-03-31');

-- Both the status and the ratio agree with the scoring functions called on
-- the paper values directly (t, t0 and T as worked out above).
SELECT s.target_id,
       s.status = progress_status(k.kind::target_kind, k.value, k.x0, k.t0, k.xt, k.t, k.tt)::text AS same_status,
       s.progress_ratio IS NOT DISTINCT FROM
         progress_ratio(k.x0, k.t0, k.xt, k.t, CASE k.kind WHEN 'multiply_by' THEN k.value * k.x0 ELSE k.value END, k.tt)
         AS same_ratio
  FROM scorecard_at('2024-06-30') s
  JOIN (VALUES ('t1_achieved',     'at_least',    15::float8, 10::float8,      2023::float8, 20::float8,      2024::float8,              2026::float8),
               ('t2_on_track',     'multiply_by', 5,          10,              2023,         20,              2024,                      2026),
               ('t3_moderate',     'more_than',   24,         0,               2023,         9,               2024 + 182 / 366::float8,  2026),
               ('t4_insufficient', 'at_least',    1000,       10,              2023,         20,              2024,                      2026),
               ('t5_moving_away',  'at_least',    12,         8,               2023,         6,               2024,                      2026),
               ('t6_no_data',      'at_most',     6,          NULL,            2022,         295 / 30.436875, 2024,                      2026),
               ('t7_delay',        'at_most',     7,          305 / 30.436875, 2023,         295 / 30.436875, 2024,                      2026),
               ('t8_recurring',    'at_least',    64,         10,              2023,         20,              2024,                      2025))
       AS k(id, kind, value, x0, t0, xt, t, tt) ON k.id = s.target_id
 ORDER BY s.target_id;

-- Before the baseline year has elapsed there is no baseline value, and
-- before the start year no cumulative count: as of 2022-06-30 (L = 2021)
-- every target is no_data, t9 still left out.
SELECT target_id, status, current_period, current_value, baseline_value, expected_value
  FROM scorecard_at('2022-06-30');

-- On 31 December the year is complete: it is the current year, and there is
-- no year-to-date value. As known on 2024-12-31: E 2024 = 40; P 2024 = 5
-- (U9's period started on 2024-09-01); partnerships 6 + 6 = 12.
SELECT target_id, current_period, current_value, year_to_date_value
  FROM scorecard_at('2024-12-31') WHERE target_id IN ('t1_achieved', 't5_moving_away', 't3_moderate');

ROLLBACK;

-- A NULL as_of is an error 22004 naming it, an infinite one 22008.
DO $$
BEGIN
  PERFORM * FROM hdh_roadmap.scorecard_at(NULL);
EXCEPTION WHEN null_value_not_allowed THEN
  RAISE NOTICE 'SQLSTATE %: %', SQLSTATE, SQLERRM;
END
$$;
DO $$
BEGIN
  PERFORM * FROM hdh_roadmap.scorecard_at('infinity');
EXCEPTION WHEN datetime_field_overflow THEN
  RAISE NOTICE 'SQLSTATE %: %', SQLSTATE, SQLERRM;
END
$$;
