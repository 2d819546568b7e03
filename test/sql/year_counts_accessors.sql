-- year_counts accessors against hand-worked values: value_in, multiplier,
-- yoy, cagr, cumulative and years, with a zero base, missing years and a
-- single year.
SET search_path = hdh_roadmap, public;

CREATE FUNCTION pg_temp.try(sql text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE sql;
  RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE || ': ' || SQLERRM;
END $$;

-- The worked example: 2020: 10, 2021: nothing, 2022: 20, 2023: 40, 2025: 5.
CREATE TEMP TABLE ex AS SELECT '{2020:10,2022:20,2023:40,2025:5}'::year_counts AS yc;

-- value_in: the total, 0 for a missing year inside or outside the span.
SELECT value_in(yc, 2020) AS v2020, value_in(yc, 2021) AS v2021, value_in(yc, 2023) AS v2023,
       value_in(yc, 1999) AS v1999, value_in(yc, 2030) AS v2030, value_in(yc, 1) AS v1,
       value_in(yc, 9999) AS v9999
  FROM ex;

-- years: ascending, only years with a total.
SELECT * FROM years((SELECT yc FROM ex));
SELECT count(*) AS rows_of_empty FROM years('{}');

-- multiplier: 40 / 20 = 2, 5 / 40 = 0.125, to a missing year 0, same year 1,
-- from a missing (zero) base NULL.
SELECT multiplier(yc, 2022, 2023) AS m_22_23, multiplier(yc, 2023, 2025) AS m_23_25,
       multiplier(yc, 2023, 2024) AS m_23_24, multiplier(yc, 2023, 2023) AS m_same,
       multiplier(yc, 2021, 2022) IS NULL AS zero_base_is_null,
       multiplier(yc, 2040, 2041) IS NULL AS both_missing_is_null
  FROM ex;

-- yoy(year) = multiplier(year - 1, year): 2023 is 40 / 20 = 2; 2022 has a
-- zero base (2021) so NULL; 2024 drops to 0; 2026 from 5 to 0.
SELECT yoy(yc, 2023) AS yoy_2023, yoy(yc, 2022) IS NULL AS yoy_2022_null,
       yoy(yc, 2024) AS yoy_2024, yoy(yc, 2026) AS yoy_2026,
       yoy(yc, 2021) AS yoy_2021
  FROM ex;

-- cagr: 10 -> 40 over 3 years is 4^(1/3) - 1 = 0.5874010519681994; 20 -> 40
-- over 1 year is 1; 10 -> 5 over 5 years is 0.5^(1/5) - 1 = -0.12944943670387588;
-- 40 -> nothing is -1; NULL from a zero start, and when to <= from.
SELECT abs(cagr(yc, 2020, 2023) - 0.5874010519681994) < 1e-12 AS cagr_20_23,
       cagr(yc, 2022, 2023) AS cagr_22_23,
       abs(cagr(yc, 2020, 2025) - (-0.12944943670387588)) < 1e-12 AS cagr_20_25,
       cagr(yc, 2023, 2024) AS cagr_to_zero,
       cagr(yc, 2021, 2023) IS NULL AS zero_start_null,
       cagr(yc, 2023, 2023) IS NULL AS same_year_null,
       cagr(yc, 2023, 2020) IS NULL AS backwards_null
  FROM ex;
-- The same, by power(): the accessor is the formula.
SELECT bool_and(abs(cagr(ex.yc, f, t) - (power(value_in(ex.yc, t)::float8 / value_in(ex.yc, f), 1.0 / (t - f)) - 1)) < 1e-12)
         AS cagr_is_the_formula
  FROM ex, generate_series(2018, 2027) AS f, generate_series(2018, 2027) AS t
 WHERE t > f AND value_in(ex.yc, f) > 0;

-- cumulative, inclusive: 2020..2025 = 75, 2022..2023 = 60, a missing year 0,
-- past the ends, reversed bounds 0, the whole range 75.
SELECT cumulative(yc, 2020, 2025) AS c_all, cumulative(yc, 2022, 2023) AS c_22_23,
       cumulative(yc, 2021, 2021) AS c_missing, cumulative(yc, 2023, 2040) AS c_past_end,
       cumulative(yc, 2030, 2040) AS c_outside, cumulative(yc, 2025, 2020) AS c_reversed,
       cumulative(yc, 1, 9999) AS c_range
  FROM ex;
-- cumulative equals a sum over years().
SELECT bool_and(cumulative(ex.yc, f, t) = coalesce((SELECT sum(value) FROM years(ex.yc) WHERE year BETWEEN f AND t), 0))
         AS cumulative_is_the_sum
  FROM ex, generate_series(2015, 2030) AS f, generate_series(2015, 2030) AS t;

-- One year only.
SELECT value_in('{2023:7}', 2023) AS only, multiplier('{2023:7}', 2023, 2023) AS self,
       yoy('{2023:7}', 2023) IS NULL AS yoy_null, cagr('{2023:7}', 2023, 2024) AS cagr_to_nothing,
       cagr('{2023:7}', 2022, 2023) IS NULL AS cagr_from_nothing, cumulative('{2023:7}', 2000, 2050) AS cum;

-- The empty value reads as 0 everywhere.
SELECT value_in('{}', 2023) AS v, cumulative('{}', 1, 9999) AS c,
       multiplier('{}', 2022, 2023) IS NULL AS m_null, cagr('{}', 2022, 2023) IS NULL AS cagr_null;

-- Large totals: ratios in float8, cumulative overflow is 22003.
SELECT multiplier('{2022:4611686018427387904,2023:9223372036854775807}', 2022, 2023) AS near_two,
       cumulative('{2022:4611686018427387904,2023:4611686018427387903}', 2022, 2023) AS max_sum;
SELECT pg_temp.try($$SELECT hdh_roadmap.cumulative('{2022:4611686018427387904,2023:4611686018427387904}', 2022, 2023)$$) AS overflow;

-- Years outside 1..9999: 22003 naming the year.
SELECT pg_temp.try(q) AS result
  FROM unnest(ARRAY[
    $$SELECT hdh_roadmap.value_in('{2023:1}', 0)$$,
    $$SELECT hdh_roadmap.value_in('{2023:1}', 10000)$$,
    $$SELECT hdh_roadmap.multiplier('{2023:1}', -5, 2023)$$,
    $$SELECT hdh_roadmap.yoy('{2023:1}', 1)$$,
    $$SELECT hdh_roadmap.cagr('{2023:1}', 2023, 2147483647)$$,
    $$SELECT hdh_roadmap.cumulative('{2023:1}', -2147483648, 2023)$$]) AS q;

-- STRICT: NULL arguments give NULL.
SELECT value_in(NULL, 2023) IS NULL AS a, value_in('{2023:1}', NULL) IS NULL AS b,
       cagr('{2023:1}', NULL, 2024) IS NULL AS c, (SELECT count(*) FROM years(NULL)) AS d;

-- Every accessor is IMMUTABLE STRICT PARALLEL SAFE and documented.
SELECT p.proname, p.provolatile, p.proisstrict, p.proparallel,
       obj_description(p.oid, 'pg_proc') IS NOT NULL AS commented
  FROM pg_proc AS p
 WHERE p.pronamespace = 'hdh_roadmap'::regnamespace
   AND p.proname IN ('value_in', 'multiplier', 'yoy', 'cagr', 'cumulative', 'years', 'year_counts_add')
 ORDER BY p.proname;
