-- Every bad input is a clear ERROR with a class-22 SQLSTATE (or 54000 for
-- sizes) whose message names the offending value: malformed literals, bad
-- rows given to delay_agg, bad accessor arguments.
SET search_path = hdh_roadmap, public;

-- Run a statement; return its SQLSTATE, message and detail (or 'ok').
CREATE FUNCTION pg_temp.try(stmt text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  msg text;
  detail text;
BEGIN
  EXECUTE stmt;
  RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
  GET STACKED DIAGNOSTICS msg = MESSAGE_TEXT, detail = PG_EXCEPTION_DETAIL;
  RETURN SQLSTATE || ': ' || msg || CASE WHEN detail <> '' THEN ' | ' || detail ELSE '' END;
END $$;

-- Malformed literals: 22P02 (syntax) or 22003 (a number out of range).
SELECT lit, pg_temp.try(format('SELECT %L::hdh_roadmap.delay_summary', lit)) AS result
  FROM (VALUES (''), ('   '), ('completed {}'), ('pending {} completed {}'), ('completed {} pending {'),
               ('completed {1:2 pending {}'), ('completed {1:2} pending {} extra'),
               ('completed {1:2,} pending {}'), ('completed {,} pending {}'), ('completed {1:2 3:4} pending {}'),
               ('completed {1} pending {}'), ('completed {1:} pending {}'), ('completed {:1} pending {}'),
               ('completed {-1:5} pending {}'), ('completed {1:-5} pending {}'), ('completed {1.5:2} pending {}'),
               ('completed {1:2.5} pending {}'), ('completed {1e3:2} pending {}'), ('completed {0x1:2} pending {}'),
               ('completed {1:0} pending {}'), ('completed {} pending {4:0}'),
               ('completed {3:1, 2:1} pending {}'), ('completed {3:1, 3:1} pending {}'),
               ('completed {} pending {9:1, 4:1}'),
               ('completed {2147483648:1} pending {}'), ('completed {1:9223372036854775808} pending {}'),
               ('completed {99999999999999999999999:1} pending {}'),
               ('completed {1:9223372036854775807, 2:1} pending {}'),
               ('COMPLETED {} PENDING {}'), ('completed [] pending []'), ('{}'), ('completed {1:1}} pending {}'),
               ('completed {{1:1} pending {}'), ('completed {1:1} pending {} pending {}'),
               (repeat('x', 100))) v(lit);

-- Good literals, for contrast: free whitespace, leading zeros, the extremes.
SELECT lit::delay_summary
  FROM (VALUES ('completed{}pending{}'), (E' completed {\n 3 : 1 ,07:2 }\tpending { 0:1 } '),
               ('completed {2147483647:9223372036854775807} pending {0:9223372036854775807}')) v(lit);

-- Bad rows for delay_agg: finished before started, negative days, NULL as_of,
-- NULL pending, infinite dates.
SELECT stmt, pg_temp.try(stmt) AS result
  FROM (VALUES
    ($$SELECT hdh_roadmap.delay_agg(date '2024-03-10', date '2024-03-01')$$),
    ($$SELECT hdh_roadmap.delay_agg(date '2024-03-10', date '2024-03-01', date '2024-12-31')$$),
    ($$SELECT hdh_roadmap.delay_agg(date '2024-03-10', date '2024-03-01', date '2020-01-01')$$),
    ($$SELECT hdh_roadmap.delay_agg(date '2024-03-10', NULL::date, NULL::date)$$),
    ($$SELECT hdh_roadmap.delay_agg(NULL::date, NULL::date, NULL::date)$$),
    ($$SELECT hdh_roadmap.delay_agg(-3)$$),
    ($$SELECT hdh_roadmap.delay_agg(-2147483648, false)$$),
    ($$SELECT hdh_roadmap.delay_agg(12, NULL::boolean)$$),
    ($$SELECT hdh_roadmap.delay_agg(date '2024-01-01', date 'infinity')$$),
    ($$SELECT hdh_roadmap.delay_agg(date '-infinity', date '2024-01-01')$$),
    ($$SELECT hdh_roadmap.delay_agg(date '2024-01-01', NULL::date, date 'infinity')$$),
    ($$SELECT hdh_roadmap.delay_agg(date '4713-01-01 BC', date '5874897-12-31')$$)
  ) v(stmt);

-- The error is raised whatever the other rows: a bad row in the middle of a
-- table is never dropped silently.
SELECT pg_temp.try($$SELECT hdh_roadmap.delay_agg(d) FROM (VALUES (1), (2), (-7), (4)) v(d)$$) AS bad_row_in_table;

-- Accessor arguments: p outside [0, 1] or NaN (22003, naming p, checked
-- even without completed delays, like percentile_cont), negative tau.
SELECT stmt, pg_temp.try(stmt) AS result
  FROM (VALUES
    ($$SELECT hdh_roadmap.percentile_days('completed {1:1} pending {}', 1.5)$$),
    ($$SELECT hdh_roadmap.percentile_days('completed {1:1} pending {}', -0.01)$$),
    ($$SELECT hdh_roadmap.percentile_days('completed {1:1} pending {}', 'NaN')$$),
    ($$SELECT hdh_roadmap.percentile_disc_days('completed {1:1} pending {}', 2)$$),
    ($$SELECT hdh_roadmap.percentile_disc_days('completed {} pending {}', -1)$$),
    ($$SELECT hdh_roadmap.percentile_days('completed {1:1} pending {}', 'Infinity')$$),
    ($$SELECT hdh_roadmap.rmst_days('completed {1:1} pending {}', -1)$$),
    ($$SELECT hdh_roadmap.percentile_days('completed {1:1} pending {}', 1)$$),
    ($$SELECT hdh_roadmap.percentile_days('completed {1:1} pending {}', 0)$$)
  ) v(stmt);
-- PostgreSQL's own message for the same p, for comparison.
SELECT pg_temp.try($$SELECT percentile_cont(1.5) WITHIN GROUP (ORDER BY x) FROM (VALUES (1)) v(x)$$) AS postgres;

-- Counts past bigint when merging: 22003, naming the counts.
SELECT pg_temp.try($$SELECT 'completed {1:9223372036854775807} pending {}'::hdh_roadmap.delay_summary
                          + 'completed {2:1} pending {}'$$) AS plus_overflow;
SELECT pg_temp.try($$SELECT hdh_roadmap.rollup(s) FROM (VALUES ('completed {} pending {1:9223372036854775807}'::hdh_roadmap.delay_summary),
                          ('completed {} pending {1:1}')) v(s)$$) AS rollup_overflow;
