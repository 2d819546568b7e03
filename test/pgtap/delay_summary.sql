-- pgTAP: the delay_summary objects in the catalog: names and signatures of
-- the contract, volatility, strictness and parallel safety, aggregate
-- support functions, comments.
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS hdh_roadmap;
SET LOCAL search_path = public, hdh_roadmap;
SELECT plan(31);

SELECT has_type('hdh_roadmap', 'delay_summary', 'type delay_summary exists');
SELECT isnt(obj_description('hdh_roadmap.delay_summary'::regtype, 'pg_type'), NULL, 'delay_summary has a comment');

-- Accessors of the contract, with their result types.
SELECT function_returns('hdh_roadmap', f, args, ret, format('%s(%s) returns %s', f, array_to_string(args, ', '), ret))
  FROM (VALUES ('completed', ARRAY['delay_summary'], 'bigint'),
               ('pending', ARRAY['delay_summary'], 'bigint'),
               ('mean_days', ARRAY['delay_summary'], 'double precision'),
               ('mean_months', ARRAY['delay_summary'], 'double precision'),
               ('stddev_days', ARRAY['delay_summary'], 'double precision'),
               ('min_days', ARRAY['delay_summary'], 'integer'),
               ('max_days', ARRAY['delay_summary'], 'integer'),
               ('percentile_days', ARRAY['delay_summary', 'double precision'], 'double precision'),
               ('percentile_disc_days', ARRAY['delay_summary', 'double precision'], 'integer'),
               ('median_days', ARRAY['delay_summary'], 'double precision'),
               ('share_within', ARRAY['delay_summary', 'integer'], 'double precision'),
               ('km_survival', ARRAY['delay_summary', 'integer'], 'double precision'),
               ('km_median_days', ARRAY['delay_summary'], 'double precision'),
               ('rmst_days', ARRAY['delay_summary', 'integer'], 'double precision')) v(f, args, ret);

-- Aggregates of the contract.
SELECT has_function('hdh_roadmap', 'delay_agg', ARRAY['date', 'date'], 'delay_agg(date, date)');
SELECT has_function('hdh_roadmap', 'delay_agg', ARRAY['date', 'date', 'date'], 'delay_agg(date, date, date)');
SELECT has_function('hdh_roadmap', 'delay_agg', ARRAY['integer'], 'delay_agg(integer)');
SELECT has_function('hdh_roadmap', 'delay_agg', ARRAY['integer', 'boolean'], 'delay_agg(integer, boolean)');
SELECT has_function('hdh_roadmap', 'rollup', ARRAY['delay_summary'], 'rollup(delay_summary)');

-- Every aggregate: internal state with combine, serialize, deserialize,
-- a read-only final function, parallel safe, a state size estimate.
SELECT is(count(*), 5::bigint, 'five delay_summary aggregates, all parallel-ready, window-safe and with an inverse for sliding frames')
  FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
 WHERE p.pronamespace = 'hdh_roadmap'::regnamespace
   AND p.proname IN ('delay_agg', 'rollup')
   AND p.prorettype = 'hdh_roadmap.delay_summary'::regtype
   AND a.aggtranstype = 'internal'::regtype
   AND a.aggcombinefn <> 0 AND a.aggserialfn <> 0 AND a.aggdeserialfn <> 0
   AND a.aggfinalmodify = 'r' AND p.proparallel = 's' AND a.aggtransspace > 0
   AND a.aggminvtransfn <> 0 AND a.aggmfinalmodify = 'r' AND a.aggmtransspace > 0;

-- Transition functions see NULLs (non-strict); the others are strict.
SELECT is(count(*), 0::bigint, 'transition and combine functions are not strict')
  FROM pg_proc WHERE pronamespace = 'hdh_roadmap'::regnamespace
   AND proname IN ('delay_agg_trans_dates', 'delay_agg_trans_as_of', 'delay_agg_trans_days',
                   'delay_agg_trans_days_pending', 'delay_summary_rollup_trans', 'delay_agg_combine',
                   'delay_agg_moving_trans', 'delay_agg_moving_inv',
                   'delay_summary_rollup_moving_trans', 'delay_summary_rollup_moving_inv')
   AND proisstrict;

-- Every plain function on delay_summary is IMMUTABLE STRICT PARALLEL SAFE.
SELECT is(array_agg(proname::text ORDER BY proname), NULL, 'accessors and I/O are immutable strict parallel safe')
  FROM pg_proc WHERE pronamespace = 'hdh_roadmap'::regnamespace AND prokind = 'f'
   AND ('hdh_roadmap.delay_summary'::regtype = ANY (proargtypes::oid[]) OR prorettype = 'hdh_roadmap.delay_summary'::regtype)
   AND proname NOT IN ('delay_summary_rollup_trans', 'delay_summary_rollup_moving_trans',
                       'delay_summary_rollup_moving_inv')
   AND NOT (provolatile = 'i' AND proisstrict AND proparallel = 's');

-- Every function and aggregate of the concern has a comment.
SELECT is(array_agg(p.oid::regprocedure::text ORDER BY 1), NULL, 'every delay_summary function has a comment')
  FROM pg_proc p
 WHERE p.pronamespace = 'hdh_roadmap'::regnamespace
   AND (p.proname LIKE 'delay\_%' OR p.proname IN ('rollup', 'completed', 'pending', 'mean_days', 'mean_months',
          'stddev_days', 'min_days', 'max_days', 'percentile_days', 'percentile_disc_days', 'median_days',
          'share_within', 'km_survival', 'km_median_days', 'rmst_days'))
   AND obj_description(p.oid, 'pg_proc') IS NULL;

SELECT has_operator('delay_summary', 'hdh_roadmap', '+', 'delay_summary', 'delay_summary',
                    'operator delay_summary + delay_summary');
SELECT isnt(obj_description(o.oid, 'pg_operator'), NULL, 'the + operator has a comment')
  FROM pg_operator o
 WHERE o.oprname = '+' AND o.oprleft = 'hdh_roadmap.delay_summary'::regtype;

-- Behaviour seen through pgTAP too: errors with their SQLSTATE.
SELECT throws_ok($$SELECT hdh_roadmap.delay_agg(date '2024-03-10', date '2024-03-01')$$, '22000',
                 'finished 2024-03-01 is before started 2024-03-10', 'finished before started: 22000');
SELECT throws_ok($$SELECT 'completed {1:1}'::hdh_roadmap.delay_summary$$, '22P02', NULL, 'a malformed literal: 22P02');
SELECT throws_ok($$SELECT hdh_roadmap.median_days('completed {1:1} pending {}') + hdh_roadmap.percentile_days('completed {1:1} pending {}', 2)$$,
                 '22003', 'percentile value 2 is not between 0 and 1', 'p outside [0, 1]: 22003');
SELECT is(hdh_roadmap.mean_months('completed {30:1, 61:1} pending {}'), 45.5::float8 / 30.436875::float8,
          'mean_months is mean_days / 30.436875');

SELECT * FROM finish();
ROLLBACK;
