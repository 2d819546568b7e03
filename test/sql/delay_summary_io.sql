-- delay_summary text and binary forms: the canonical text, round trips of
-- random summaries, the documented binary layout, the stored size.
SET search_path = hdh_roadmap, public;

-- Canonical output: days ascending, ", " between pairs, empty lists kept.
SELECT lit::delay_summary AS canonical
  FROM (VALUES ('completed {} pending {}'), ('completed{0:1}pending{}'),
               (E'completed { 7 : 1 , 30:12 }\n pending {7:2,400:1}')) v(lit);

-- Text out -> in -> out is the identity, over 500 random summaries of
-- different shapes (few or many days, with and without pending delays).
SELECT setseed(0.1618);
CREATE TABLE io_sum AS
  SELECT g, delay_agg((random() * (g * 37 % 5000))::int, random() < (g % 4) / 4.0) AS s
    FROM generate_series(1, 500) g, generate_series(1, 1 + g % 150) i
   GROUP BY g;
SELECT count(*) AS summaries,
       bool_and(s::text::delay_summary::text = s::text) AS text_round_trip,
       bool_and(completed(s::text::delay_summary) = completed(s)
                AND pending(s::text::delay_summary) = pending(s)) AS counts_kept,
       max(length(s::text)) > 1000 AS some_long
  FROM io_sum;

-- The binary form (delay_summary_send), as documented: version 1, flags 0,
-- int32 entries, int64 completed and pending totals, then per entry int32
-- day, int64 completed, int64 pending, all big-endian.
--   'completed {3:1} pending {3:2, 10:1}' has entries (3, 1, 2) and (10, 0, 1):
--   01 00 | 00000002 | 0000000000000001 | 0000000000000003 |
--   00000003 0000000000000001 0000000000000002 | 0000000a 0000000000000000 0000000000000001
SELECT delay_summary_send('completed {3:1} pending {3:2, 10:1}') AS wire;
SELECT delay_summary_send('completed {} pending {}') AS wire_empty;

-- Stored form: a 24-byte header and a few bytes per day (day gap, counts as
-- varints), so a year of daily counts takes about 1 kB, not 24 bytes per day.
SELECT pg_column_size('completed {} pending {}'::delay_summary) AS empty_bytes,
       pg_column_size('completed {5:1} pending {}'::delay_summary) AS one_day_bytes,
       pg_column_size(delay_agg(d)) AS year_of_days_bytes
  FROM generate_series(0, 364) d;

-- Values survive a table, a cast to text and back, and comparison of text.
CREATE TABLE io_store (s delay_summary);
INSERT INTO io_store SELECT s FROM io_sum;
SELECT (SELECT string_agg(s::text, ';' ORDER BY s::text) FROM io_store)
     = (SELECT string_agg(s::text, ';' ORDER BY s::text) FROM io_sum) AS stored_eq;

DROP TABLE io_sum, io_store;
