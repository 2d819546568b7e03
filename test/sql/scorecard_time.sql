-- The scorecard's time convention and required path (doc/scorecard.md):
-- decimal_year counts a date at the end of its day, required_path_value
-- follows the geometric or linear path from baseline to target.
SET search_path = hdh_roadmap, public;
SET extra_float_digits = 0;

-- Worked by hand: day of year / days in year, added to the year.
SELECT d, decimal_year(d) AS decimal_year, expected,
       abs(decimal_year(d) - expected) < 1e-12 AS same
  FROM (VALUES (date '2025-01-01', 2025 + 1 / 365::float8),     -- the end of 1 January
               (date '2024-06-30', 2024 + 182 / 366::float8),   -- leap year: 31+29+31+30+31+30
               (date '2025-06-30', 2025 + 181 / 365::float8),
               (date '2024-12-31', 2025::float8),               -- the end of the year
               (date '2025-12-31', 2026::float8),
               (date '2000-02-29', 2000 + 60 / 366::float8),    -- 2000 is a leap year
               (date '1900-03-01', 1900 + 60 / 365::float8))    -- 1900 is not
       AS v(d, expected);
-- Strictly increasing day by day over eight years, one day apart by
-- 1/365 or 1/366, and every 31 December an integer.
SELECT bool_and(next > cur) AS increasing,
       bool_and(abs((next - cur) - 1 / (make_date(extract(year FROM d + 1)::integer + 1, 1, 1)
                                        - make_date(extract(year FROM d + 1)::integer, 1, 1))::float8) < 1e-9
                OR extract(doy FROM d + 1) = 1) AS step_is_one_day,
       bool_and(decimal_year(d) = extract(year FROM d) + 1) FILTER (WHERE extract(month FROM d) = 12 AND extract(day FROM d) = 31)
         AS year_end_is_integer
  FROM (SELECT d::date AS d, decimal_year(d::date) AS cur, decimal_year(d::date + 1) AS next
          FROM generate_series(date '2020-01-01', date '2027-12-31', interval '1 day') AS d) AS s;
SELECT decimal_year(NULL) IS NULL AS strict, decimal_year('infinity') AS plus_inf, decimal_year('-infinity') AS minus_inf;

-- The required path, by hand: 10 -> 40 from 2023 to 2025 is x2 a year.
SELECT at_year, required_path_value(10, 2023, 40, 2025, at_year) AS geometric,
       required_path_value(0, 2023, 40, 2025, at_year) AS linear_from_zero,
       required_path_value(10, 2023, -10, 2025, at_year) AS linear_to_negative
  FROM (VALUES (2022::float8), (2023), (2023.5), (2024), (2025), (2026)) AS v(at_year);
-- 10 * 2^0.5 = 14.142136 at 2023.5; linear 0 -> 40: 10 a half-year. Clamped
-- to the baseline before it and to the target after the target year.
SELECT round(required_path_value(10, 2023, 40, 2025, 2023.5)::numeric, 6) AS half_a_year;
-- No time between baseline and target: no path.
SELECT required_path_value(10, 2025, 40, 2025, 2025) AS same_year,
       required_path_value(10, 2025, 40, 2024, 2025) AS target_before_baseline;
