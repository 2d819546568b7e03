-- The scorecard once a roadmap has ended (doc/scorecard.md, "After the
-- deadline"): a target is measured at its deadline once the deadline has
-- come, and its status is a verdict, achieved or missed. A small history
-- built by hand, scored on paper below at as-of dates before, on, the day
-- after and two years after the deadline. Runs in a transaction that is
-- rolled back.
--
-- The history:
--   partnerships, by signing date: 2022: 5 (before the start year),
--     2023: 10, 2024: 15, 2025: 6 on 2025-03-01, 1 on 2025-06-30, 7 on
--     2025-09-01, 1 on 2025-12-31 (15 in 2025); 10 on 2026-03-01.
--     Counted from 2023-01-01: 39 by 2025-12-30, 40 by 2025-12-31 and for
--     ever after (what is signed after the deadline does not count);
--     32 by 2025-06-30.
--   exchanges, by year: 2022: 10, 2023: 12, 2024: 20, 2025: 29 (all before
--     December), 2026: 40.
--
-- The targets (baseline 2022, so t0 = 2023.0; start 2023 unless said):
--   p_total   partnerships more_than 40 by 2025-12-31 (T = 2026.0); baseline
--             0 (2022 is before the start year), linear: 40 / 3 a year.
--     2025-12-30: 39 at 2025 + 364/365: R = (39 / 2.997260) / (40 / 3) =
--                 0.97589 -> on_track (not yet final).
--     2025-12-31: 40, measured on the deadline: 40 is not > 40 -> missed.
--     2026-01-01, 2027-12-31: still 40 (the 10 of 2026 do not count),
--                 measured_on 2025-12-31, R = 1 for information -> missed.
--   p_mid     partnerships more_than 35 by 2025-06-30 (T = 2025 + 181/365):
--     2025-06-29: 31 at 2025 + 180/365: R = (31 / 2.493151) /
--                 (35 / 2.495890) = 0.88669 -> moderate.
--     2026-11-29: 32 (2025 up to the deadline only, not its whole year's
--                 15), measured_on 2025-06-30 -> missed.
--   e_times3  exchanges multiply_by 3 (30) by 2025-12-31, yearly.
--     2025-12-30: last complete year 2024: 20 at 2025.0: R = (2^(1/2) - 1)
--                 / (3^(1/3) - 1) = 0.93661 -> moderate; 2025 so far: 29.
--     2025-12-31: 2025 is complete: 29 < 30 -> missed.
--     2027-12-31: still 2025's 29, not 2026's 40 (met after the deadline:
--                 still missed); no year-to-date value; R = (2.9^(1/3) - 1)
--                 / (3^(1/3) - 1) = 0.96335 for information.
--   r_every15 exchanges at_least 15 every year from 2024 (recurring):
--                 2024: 20, 2025: 29 -> achieved, no year short.
--   r_every25 exchanges at_least 25 every year from 2024 (recurring):
--     2025-06-30: 2024's 20 at 2025.0 against T = min(2026.0, 2025.0):
--                 still a progress class before the deadline: R =
--                 (2^(1/2) - 1) / (2.5^(1/2) - 1) = 0.71277 -> moderate;
--                 2024 short.
--     2026-01-01: 2024: 20 short, 2025: 29 met -> missed, 2024 short.
BEGIN;
SET search_path = hdh_roadmap, public;
SET extra_float_digits = 0;
UPDATE target SET active = false;

INSERT INTO partnership (partner, infrastructure, level, signed_on)
SELECT 'partner ' || d || ' ' || i, 'local', 'regional', d::date
  FROM (VALUES ('2022-05-01', 5), ('2023-04-01', 10), ('2024-04-01', 15), ('2025-03-01', 6),
               ('2025-06-30', 1), ('2025-09-01', 7), ('2025-12-31', 1), ('2026-03-01', 10)) AS v(d, n),
       generate_series(1, v.n) AS i;
INSERT INTO civil_society_exchange (held_on, kind, counterpart)
SELECT make_date(v.y, 1 + i % 11, 1 + i % 28), 'meeting', 'association ' || i
  FROM (VALUES (2022, 10), (2023, 12), (2024, 20), (2025, 29), (2026, 40)) AS v(y, n),
       generate_series(1, v.n) AS i;

INSERT INTO target (id, roadmap, axis, title, indicator, measure, kind, value, baseline_year, start_year,
                    deadline, recurring, unit) VALUES
  ('p_total', 'test', 1, 'more than 40 partnerships', 'cumulative', 'new_partnerships', 'more_than', 40,
   2022, 2023, '2025-12-31', false, 'partnerships'),
  ('p_mid', 'test', 2, 'more than 35 partnerships by mid-2025', 'cumulative', 'new_partnerships', 'more_than', 35,
   2022, 2023, '2025-06-30', false, 'partnerships'),
  ('e_times3', 'test', 3, 'exchanges times three', 'yearly', 'civil_society_exchanges', 'multiply_by', 3,
   2022, 2023, '2025-12-31', false, 'exchanges'),
  ('r_every15', 'test', 4, '15 exchanges every year from 2024', 'yearly', 'civil_society_exchanges', 'at_least', 15,
   2022, 2024, '2025-12-31', true, 'exchanges'),
  ('r_every25', 'test', 5, '25 exchanges every year from 2024', 'yearly', 'civil_society_exchanges', 'at_least', 25,
   2022, 2024, '2025-12-31', true, 'exchanges');

-- Every target at every as-of date of the comments above.
CREATE TEMP TABLE card AS
SELECT d.as_of AS asked, s.*
  FROM (VALUES (date '2025-06-29'), ('2025-06-30'), ('2025-12-30'), ('2025-12-31'), ('2026-01-01'),
               ('2026-11-29'), ('2027-12-31')) AS d(as_of)
 CROSS JOIN LATERAL scorecard_at(d.as_of) AS s;

SELECT asked, target_id, current_period, current_value AS value, year_to_date_value AS ytd,
       round(progress_ratio::numeric, 5) AS ratio, status, deadline_passed AS passed, measured_on, years_short
  FROM card
 WHERE target_id IN ('p_total', 'p_mid')
 ORDER BY target_id, asked;

SELECT asked, target_id, current_period, current_value AS value, year_to_date_value AS ytd,
       round(progress_ratio::numeric, 5) AS ratio, status, deadline_passed AS passed, measured_on, years_short
  FROM card
 WHERE target_id IN ('e_times3', 'r_every15', 'r_every25')
 ORDER BY target_id, asked;

-- Nothing recorded after the deadline moves a row measured at the deadline:
-- 20 more partnerships and 50 more exchanges dated 2026 and 2027 leave every
-- row of 2026-01-01 .. 2027-12-31 as it was.
INSERT INTO partnership (partner, infrastructure, level, signed_on)
SELECT 'late partner ' || i, 'mutualised', 'national', date '2026-02-01' + i * 10 FROM generate_series(1, 20) i;
INSERT INTO civil_society_exchange (held_on, kind, counterpart)
SELECT date '2026-01-05' + i * 7, 'workshop', 'panel ' || i FROM generate_series(1, 50) i;
SELECT count(*) AS rows_after_deadline,
       count(*) FILTER (WHERE (c.current_value, c.status, c.measured_on, c.years_short)
                               IS DISTINCT FROM (s.current_value, s.status, s.measured_on, s.years_short))
         AS changed
  FROM card c
 CROSS JOIN LATERAL scorecard_at(c.asked) AS s
 WHERE s.target_id = c.target_id AND c.deadline_passed;

-- ... but a record about the period before the deadline, entered late, does
-- count: a partnership signed on 2025-05-01 makes 41 by the deadline
-- (p_total achieved) and 33 by mid-2025.
INSERT INTO partnership (partner, infrastructure, level, signed_on)
VALUES ('entered late', 'local', 'european', '2025-05-01');
SELECT target_id, current_value, status
  FROM scorecard_at('2026-11-29') WHERE target_id IN ('p_total', 'p_mid') ORDER BY target_id;

-- The view is the function as of today (2026-11-30 or later: every
-- deadline above has passed).
SELECT count(*) AS targets, bool_and(s.deadline_passed) AS all_passed,
       count(*) FILTER (WHERE (s.*) IS DISTINCT FROM (f.*)) AS differ
  FROM scorecard s JOIN scorecard_at(current_date) f USING (target_id);

-- The seeded 2023-2025 roadmap on its own is a verdict now too: every
-- status is achieved, missed or no_data once the deadline has come.
UPDATE target SET active = (roadmap = 'HDH 2023-2025');
SELECT target_id, deadline_passed, status IN ('achieved', 'missed', 'no_data') AS verdict, measured_on
  FROM scorecard_at('2026-11-29') ORDER BY target_id;
ROLLBACK;
