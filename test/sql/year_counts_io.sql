-- year_counts text input and output: the canonical form, exact round trips,
-- and the errors of malformed or out-of-range literals (SQLSTATE and message).
SET search_path = hdh_roadmap, public;

-- try(sql): 'ok' or the SQLSTATE and message of the error it raises.
CREATE FUNCTION pg_temp.try(sql text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE sql;
  RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE || ': ' || SQLERRM;
END $$;

-- Accepted forms and their canonical text: no spaces, ascending years, a
-- total of 0 means the year is absent.
SELECT lit, lit::year_counts AS canonical
  FROM unnest(ARRAY[
    '{}', '  {  }  ', '{2022:5,2023:12}', ' { 2022 : 5 ,
	2023:12 } ', '{02023:007}', '{2021:0,2022:5,2023:0,2024:1,2025:0}', '{2021:0}',
    '{1:1,9999:9223372036854775807}']) AS lit;

-- Malformed literals: 22P02 with the input repeated and where it went wrong.
SELECT lit, pg_temp.try(format('SELECT %L::hdh_roadmap.year_counts', lit)) AS result
  FROM unnest(ARRAY[
    '', ' ', '2023:5', '{', '}', '{2023}', '{2023:}', '{:5}', '{2023:5',
    '{2023:5,}', '{,2023:5}', '{2023:5;2024:6}', '{2023:5}x', '{2023:5}}',
    '{2023 5}', '{2023::5}', '{2023:5 2024:6}', '{a:5}', '{2023:b}',
    '{2023.0:5}', '{2023:5.0}', '{2023:1e3}', '{-:5}', '{2023:-}', '[2023:5]',
    '{+2023:5}', '{2023:+5}', '{{}}', '{}{}', '{2023:0x10}', 'null', '{"2023":5}']) AS lit;

-- Inconsistent literals: 22P02 naming the years and totals.
SELECT lit, pg_temp.try(format('SELECT %L::hdh_roadmap.year_counts', lit)) AS result
  FROM unnest(ARRAY['{2023:5,2023:6}', '{2024:5,2023:6}', '{2023:-1}', '{2022:1,2023:-9223372036854775808}']) AS lit;

-- Out of range years and totals: 22003 naming the value.
SELECT lit, pg_temp.try(format('SELECT %L::hdh_roadmap.year_counts', lit)) AS result
  FROM unnest(ARRAY['{0:5}', '{10000:5}', '{-44:1}', '{99999999999999999999999:1}',
                    '{2023:9223372036854775808}', '{2023:99999999999999999999999}']) AS lit;

-- Errors keep their details (psql shows them).
\set VERBOSITY default
SELECT '{2023:5;2024:6}'::year_counts;
SELECT '{10000:5}'::year_counts;
SELECT '{2024:5,2023:6}'::year_counts;

-- Text round trip of random values (setseed): out -> in -> out is exact,
-- and value_in reads back every total that went in.
SELECT setseed(0.25);
CREATE TEMP TABLE pairs AS
  SELECT v, 1 + floor(random() * 9999)::int AS year,
         CASE WHEN random() < 0.1 THEN 9223372036854775807 - floor(random() * 100)::bigint
              ELSE floor(random() * 1000000)::bigint END AS total
    FROM generate_series(1, 300) AS v, generate_series(1, 12) AS k;
CREATE TEMP TABLE lits AS
  SELECT v, '{' || string_agg(year || ':' || total, ',' ORDER BY year) || '}' AS lit
    FROM (SELECT DISTINCT ON (v, year) v, year, total FROM pairs ORDER BY v, year) AS p
   GROUP BY v;
SELECT count(*) AS values,
       bool_and(lit::year_counts::text = lit) AS canonical_round_trip,
       bool_and(lit::year_counts::text::year_counts::text = lit) AS twice
  FROM lits;
SELECT bool_and(value_in(l.lit::year_counts, p.year) = p.total) AS every_total_reads_back
  FROM lits AS l
  JOIN (SELECT DISTINCT ON (v, year) v, year, total FROM pairs ORDER BY v, year) AS p USING (v);

-- Binary send of a hand-worked value: version 1, flags 0, 2 pairs, then
-- (2022, 5) and (2025, 12), all big-endian.
SELECT year_counts_send('{2022:5,2025:12}') =
       '\x0100000000020000 07e6 0000000000000005 000007e9 000000000000000c'::bytea AS send_bytes,
       year_counts_send('{}') = '\x0100 00000000'::bytea AS send_empty;

-- + merges year by year; the empty value is neutral; overflow is 22003.
SELECT '{2022:5,2023:1}'::year_counts + '{2023:2,2030:4}' AS merged,
       '{}'::year_counts + '{2022:5}' AS with_empty,
       '{}'::year_counts + '{}' AS both_empty,
       ('{2022:5}'::year_counts + '{2030:4}')::text = ('{2030:4}'::year_counts + '{2022:5}')::text AS commutes;
SELECT pg_temp.try($$SELECT '{2023:9223372036854775807}'::hdh_roadmap.year_counts OPERATOR(hdh_roadmap.+) '{2023:1}'$$) AS overflow;

-- Stored in a table and read back, including through TOAST-sized values.
CREATE TEMP TABLE stored (yc year_counts);
INSERT INTO stored VALUES ('{2022:5}'), ('{}'), (NULL),
  ((SELECT '{' || string_agg(y || ':' || y, ',' ORDER BY y) || '}' FROM generate_series(1, 9999) AS y)::year_counts);
SELECT count(*) AS rows, count(yc) AS non_null,
       max(cumulative(yc, 1, 9999)) AS largest_sum,
       9999 * 10000 / 2 AS expected_largest_sum,
       max(pg_column_size(yc)) AS largest_bytes
  FROM stored;
