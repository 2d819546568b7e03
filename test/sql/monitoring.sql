-- Monthly monitoring (doc/monitoring.md): km_share_within on a Kaplan-Meier
-- curve worked out by hand; stage_delay_at and deadline_compliance_at on
-- small cohorts worked out by hand, then against plain SQL (avg,
-- percentile_cont, GROUP BY, a product-limit estimate) on random data; the
-- stage means adding up to the whole delay's mean; access_delay_monthly_at
-- against access_delay_at (December) and against plain SQL over the raw
-- rows (every month); the deadline table. The tables are emptied at the end.
SET search_path = hdh_roadmap, public;
SET extra_float_digits = 0;

-- close(a, b): both NULL, or equal to 1e-12 relative.
CREATE FUNCTION pg_temp.close(a float8, b float8) RETURNS boolean LANGUAGE sql IMMUTABLE AS
$$ SELECT (a IS NULL AND b IS NULL) OR abs(a - b) <= 1e-12 * greatest(1, abs(b)) $$;

-- ---- km_share_within ------------------------------------------------------------
-- Delays 2, 3, 3, 6, 9 days completed; 5, 8, 9 days pending (censored; a
-- delay censored on day t is at risk on day t). By hand, 8 at risk:
--   t=2: 1 event of 8 at risk, S = 7/8;   t=3: 2 of 7, S = 7/8 * 5/7 = 5/8;
--   t=5: censored;   t=6: 1 of 4 (6, 8+, 9, 9+), S = 5/8 * 3/4 = 15/32;
--   t=8: censored;   t=9: 1 of 2 (9, 9+), S = 15/32 * 1/2 = 15/64.
-- So the share within d days, 1 - S(d): 0 before 2, 1/8 from 2, 3/8 from 3,
-- 17/32 from 6, 49/64 from 9; the completed-only share_within(3) is 3/5.
CREATE TEMP TABLE km_example AS
SELECT delay_agg(d, p) AS s
  FROM (VALUES (2, false), (3, false), (3, false), (6, false), (9, false),
               (5, true), (8, true), (9, true)) AS v(d, p);
SELECT d AS days, km_share_within(s, d) AS km_share, expected,
       km_share_within(s, d) = expected AS exact
  FROM km_example,
       (VALUES (-1, 0::float8), (0, 0), (1, 0), (2, 1/8.0), (3, 3/8.0), (5, 3/8.0),
               (6, 17/32.0), (8, 17/32.0), (9, 49/64.0), (1000, 49/64.0)) AS e(d, expected)
 ORDER BY d;
SELECT share_within(s, 3) AS completed_only_share, km_share_within(s, 3) AS km_share FROM km_example;
-- 1 - km_survival, NULL in, NULL out; an empty summary has no estimate.
SELECT km_share_within(NULL, 3) IS NULL AS null_summary, km_share_within(s, NULL) IS NULL AS null_days,
       km_share_within('completed {} pending {}', 3) IS NULL AS empty_summary,
       km_share_within('completed {} pending {4:2}', 10) AS only_pending
  FROM km_example;
SELECT p.provolatile, p.proisstrict, p.proparallel, obj_description(p.oid, 'pg_proc') IS NOT NULL AS commented
  FROM pg_proc p WHERE p.oid = 'km_share_within(delay_summary, integer)'::regprocedure;

-- ---- stage_delay_at: a small cohort by hand ---------------------------------------
-- As of 2024-12-31, every date in 2024 (a leap year).
INSERT INTO project (reference, title, submitted_on, file_complete_on, committee_opinion_on,
                     authorised_on, data_available_on, linkage) VALUES
  -- every milestone: 10, 20, 29, 40 days
  ('S1', 's', '2024-01-01', '2024-01-11', '2024-01-31', '2024-02-29', '2024-04-09', 'direct'),
  -- no opinion (skipped: authorised is known): authorisation from file complete, 30 days;
  -- data pending since 2024-03-22, censored at 284 days
  ('S2', 's', '2024-02-01', '2024-02-21', NULL, '2024-03-22', NULL, 'direct'),
  -- file not complete yet: file_completion pending, censored at 305 days
  ('S3', 's', '2024-03-01', NULL, NULL, NULL, NULL, 'indirect'),
  -- opinion given, no authorisation yet: authorisation pending since 2024-05-16, 229 days
  ('S4', 's', '2024-05-01', '2024-05-06', '2024-05-16', NULL, NULL, 'none'),
  -- file completion skipped (authorised is known): neither file_completion,
  -- committee_opinion nor authorisation is counted; data_provision 31 days
  ('S5', 's', '2024-06-01', NULL, NULL, '2024-07-01', '2024-08-01', 'probabilistic'),
  -- file complete, nothing after: waiting for the opinion (whether one is
  -- required is not known yet), 61 days
  ('S6', 's', '2024-10-01', '2024-10-31', NULL, NULL, NULL, 'indirect');
CREATE TEMP TABLE stage_expected (linkage text, stage text, completed bigint, pending bigint,
                                  mean_days float8, km_median_days float8);
INSERT INTO stage_expected VALUES
  -- direct: S1 and S2
  ('direct', 'file_completion', 2, 0, 15, 15),       -- 10, 20: KM S(10) = 1/2 exactly, midpoint (10+20)/2
  ('direct', 'committee_opinion', 1, 0, 20, 20),     -- S1 only (S2 skipped it)
  ('direct', 'authorisation', 2, 0, 29.5, 29.5),     -- 29 (S1), 30 (S2)
  ('direct', 'data_provision', 1, 1, 40, NULL),      -- 40, 284+: S(40) = 1/2 exactly, flat to the largest delay 284: 162
  ('indirect', 'file_completion', 1, 1, 30, 30),     -- S6 30 days; S3 pending 305: S(30) = 1/2, midpoint (30+305)/2
  ('indirect', 'committee_opinion', 0, 1, NULL, NULL),
  ('indirect', 'authorisation', 0, 0, NULL, NULL),
  ('indirect', 'data_provision', 0, 0, NULL, NULL),
  ('probabilistic', 'file_completion', 0, 0, NULL, NULL),
  ('probabilistic', 'committee_opinion', 0, 0, NULL, NULL),
  ('probabilistic', 'authorisation', 0, 0, NULL, NULL),
  ('probabilistic', 'data_provision', 1, 0, 31, 31),
  ('none', 'file_completion', 1, 0, 5, 5),
  ('none', 'committee_opinion', 1, 0, 10, 10),
  ('none', 'authorisation', 0, 1, NULL, NULL),
  ('none', 'data_provision', 0, 0, NULL, NULL);
UPDATE stage_expected SET km_median_days = 162 WHERE linkage = 'direct' AND stage = 'data_provision';
UPDATE stage_expected SET km_median_days = 167.5 WHERE linkage = 'indirect' AND stage = 'file_completion';
-- all_linked: direct + indirect + probabilistic
INSERT INTO stage_expected VALUES
  ('all_linked', 'file_completion', 3, 1, 20, 20),   -- 10, 20, 30, 305+: S(20) = 1/2, midpoint (20+30)/2 = 25
  ('all_linked', 'committee_opinion', 1, 1, 20, NULL),
  ('all_linked', 'authorisation', 2, 0, 29.5, 29.5),
  ('all_linked', 'data_provision', 2, 1, 35.5, 40);  -- 31, 40, 284+: S(31) = 2/3, S(40) = 1/3
UPDATE stage_expected SET km_median_days = 25 WHERE linkage = 'all_linked' AND stage = 'file_completion';
-- committee_opinion all_linked: 20 and 61+: S(20) = 1/2, midpoint (20 + 61)/2
UPDATE stage_expected SET km_median_days = 40.5 WHERE linkage = 'all_linked' AND stage = 'committee_opinion';
SELECT f.linkage, f.stage, f.completed, f.pending, f.mean_days, f.median_days, f.km_median_days,
       e.linkage IS NOT NULL AND f.completed = e.completed AND f.pending = e.pending
         AND f.mean_days IS NOT DISTINCT FROM e.mean_days
         AND f.km_median_days IS NOT DISTINCT FROM e.km_median_days AS as_worked_out
  FROM stage_delay_at('2024-12-31') WITH ORDINALITY AS f
  LEFT JOIN stage_expected e ON e.linkage = f.linkage AND e.stage = f.stage
 WHERE f.year = 2024 ORDER BY f.ordinality;
-- As of 2024-03-31 S1's data (2024-04-09) are not known yet: its
-- data_provision is pending (since 2024-02-29), and so is S2's (authorised
-- 2024-03-22); S3 is waiting for its file to be complete.
SELECT linkage, stage, completed, pending FROM stage_delay_at('2024-03-31')
 WHERE year = 2024 AND linkage IN ('direct', 'indirect') AND (completed > 0 OR pending > 0);

-- ---- deadline_compliance_at: a small cohort by hand --------------------------------
-- The seeded deadline: 90 days from file complete to authorised, + 90.
SELECT id, from_milestone, to_milestone, days, extension_days, active, origin FROM deadline;
TRUNCATE project_source, platform_usage, project RESTART IDENTITY CASCADE;
INSERT INTO project (reference, title, submitted_on, file_complete_on, committee_opinion_on,
                     authorised_on, data_available_on, linkage) VALUES
  ('D1', 'd', '2024-01-01', '2024-01-02', NULL, '2024-04-01', NULL, 'direct'),        -- 90 days: within
  ('D2', 'd', '2024-01-01', '2024-01-02', '2024-02-01', '2024-04-02', NULL, 'direct'),-- 91: within the extension
  ('D3', 'd', '2024-01-01', '2024-01-02', NULL, '2024-06-30', NULL, 'direct'),        -- 180: within the extension
  ('D4', 'd', '2024-01-01', '2024-01-02', NULL, '2024-07-01', NULL, 'direct'),        -- 181: late
  ('D5', 'd', '2024-09-01', '2024-10-02', NULL, NULL, NULL, 'direct'),                -- open: 90 days on 2024-12-31
  ('D6', 'd', '2024-05-01', '2024-07-04', NULL, NULL, NULL, 'direct'),                -- 180 on 2024-12-31: open
  ('D7', 'd', '2024-05-01', '2024-07-03', NULL, NULL, NULL, 'direct'),                -- 181: overdue
  ('D8', 'd', '2024-05-01', '2024-07-03', NULL, NULL, '2024-12-01', 'direct'),        -- authorisation skipped: not counted
  ('D9', 'd', '2024-05-01', NULL, NULL, NULL, NULL, 'direct'),                        -- file not complete: not counted
  ('D10', 'd', '2023-10-01', '2023-11-01', NULL, '2024-01-15', NULL, 'none');         -- 75 days, decided in 2024
-- KM, direct, 2024: decided 90, 91, 180, 181; censored 90 (D5), 180 (D6), 181 (D7).
-- 7 at risk; t=90: 1 event (D5 censored at 90 is at risk), S = 6/7; t=91: 1
-- of 5, S = 6/7 * 4/5 = 24/35; t=180: 1 of 4, S = 24/35 * 3/4 = 18/35.
-- Within 90 days: 1 - 6/7 = 1/7; within 180: 1 - 18/35 = 17/35.
SELECT deadline, year, linkage, within_deadline, within_extension, late, open, overdue,
       pg_temp.close(km_share_within_deadline, 1/7.0) AS km_deadline_1_7, pg_temp.close(km_share_within_extension, 17/35.0) AS km_extension_17_35
  FROM deadline_compliance_at('2024-12-31') WHERE year = 2024 AND linkage = 'direct';
SELECT deadline, year, linkage, within_deadline, within_extension, late, open, overdue, km_share_within_deadline
  FROM deadline_compliance_at('2024-12-31') WHERE linkage = 'none' ORDER BY year;
-- In 2023 D10 was open at the end of the year (60 days), decided in 2024 (75 days).
-- A deadline of the user's own: 30 days from submission to file complete.
INSERT INTO deadline (id, title, from_milestone, to_milestone, days)
VALUES ('completeness_check', 'File complete within 30 days', 'submitted', 'file_complete', 30);
SELECT deadline, within_deadline, within_extension, late, open, overdue
  FROM deadline_compliance_at('2024-12-31') WHERE year = 2024 AND linkage = 'direct' ORDER BY deadline;
-- D1-D4: 1 day (within); D5: 31 days, late; D6: 64, D7, D8: 63 late; D9 open
-- on 2024-12-31 for 244 days: overdue (no extension).
-- A retired deadline is not reported.
UPDATE deadline SET active = false WHERE id = 'completeness_check';
SELECT DISTINCT deadline FROM deadline_compliance_at('2024-12-31');

-- ---- the deadline table -----------------------------------------------------------
-- The seed row is 'seed', an edited one 'edited', a new one 'user'; only
-- the non-seed rows are dumped.
UPDATE deadline SET extension_days = 60 WHERE id = 'ehds_decision';
SELECT id, origin FROM deadline ORDER BY id;
SELECT c.relname, e.extcondition[array_position(e.extconfig, c.oid)] AS dumped_rows
  FROM pg_extension e JOIN pg_class c ON c.oid = 'deadline'::regclass WHERE e.extname = 'hdh_roadmap';
-- Impossible rows are refused, each by the rule it breaks.
INSERT INTO deadline (id, title, from_milestone, to_milestone, days) VALUES ('backwards', 't', 'authorised', 'file_complete', 90);
INSERT INTO deadline (id, title, from_milestone, to_milestone, days) VALUES ('none_at_all', 't', 'file_complete', 'authorised', 0);
INSERT INTO deadline (id, title, from_milestone, to_milestone, days, extension_days) VALUES ('neg', 't', 'file_complete', 'authorised', 90, -1);
INSERT INTO deadline (id, title, from_milestone, to_milestone, days) VALUES ('Bad Id', 't', 'file_complete', 'authorised', 90);
INSERT INTO deadline (id, title, from_milestone, to_milestone, days) VALUES ('blank', ' ', 'file_complete', 'authorised', 90);
INSERT INTO deadline (id, title, from_milestone, to_milestone, days) VALUES ('unknown', 't', 'file_complete', 'signed', 90);
DELETE FROM deadline WHERE id <> 'ehds_decision';
-- back to the pristine seed row (the triggers would keep it 'edited')
SET session_replication_role = replica;
UPDATE deadline SET extension_days = 90, origin = 'seed' WHERE id = 'ehds_decision';
RESET session_replication_role;

-- ---- a NULL as_of is an error 22004 naming the function ------------------------------
DO $$
DECLARE f text;
BEGIN
  FOREACH f IN ARRAY ARRAY['stage_delay_at', 'deadline_compliance_at', 'access_delay_monthly_at'] LOOP
    BEGIN
      EXECUTE format('SELECT * FROM hdh_roadmap.%I(NULL)', f);
    EXCEPTION WHEN null_value_not_allowed THEN
      RAISE NOTICE 'SQLSTATE %: %', SQLSTATE, SQLERRM;
    END;
  END LOOP;
END
$$;

-- ---- random cohorts against plain SQL ----------------------------------------------
-- 600 projects over 2021-2024 with random stage lengths, skipped milestones
-- (no opinion, file completion or authorisation not recorded) and pending ones.
TRUNCATE project_source, platform_usage, project RESTART IDENTITY CASCADE;
SELECT setseed(0.15);
INSERT INTO project (reference, title, submitted_on, file_complete_on, committee_opinion_on,
                     authorised_on, data_available_on, linkage)
SELECT 'R' || i, 'random', s,
       CASE WHEN skip_fc THEN NULL ELSE fc END,
       CASE WHEN skip_co THEN NULL ELSE co END,
       CASE WHEN skip_au THEN NULL ELSE au END,
       av,
       (ARRAY['none', 'direct', 'indirect', 'probabilistic'])[1 + (i % 4)]::linkage_type
  FROM (SELECT i, s, fc, co, au,
               CASE WHEN random() < 0.9 THEN au + (random() * 200)::integer END AS av,
               random() < 0.05 AS skip_fc, random() < 0.3 AS skip_co, random() < 0.05 AS skip_au
          FROM (SELECT i, s, fc, co, co + (random() * 150)::integer AS au
                  FROM (SELECT i, s, fc, fc + (random() * 80)::integer AS co
                          FROM (SELECT i, s, s + (random() * 60)::integer AS fc
                                  FROM (SELECT i, date '2021-01-01' + (random() * 1400)::integer AS s
                                          FROM generate_series(1, 600) AS i) a) b) c) d) e;
-- Milestones after the as-of dates are unknown then; a later milestone with
-- all the earlier ones NULL is fine (the constraint checks known ones only).
CREATE TEMP TABLE as_of_dates (as_of date);
INSERT INTO as_of_dates VALUES ('2022-06-30'), ('2023-12-31'), ('2024-08-15'), ('2026-01-01');

-- Plain stages: each project's four spans, written out with CASE on the
-- columns (not the function's array): the start when known on as_of, the
-- end when known, skipped when empty while a later milestone is known.
CREATE TEMP VIEW plain_stage_span AS
SELECT a.as_of, p.linkage::text AS linkage, st.ord, st.stage, st.started, st.ended
  FROM as_of_dates a
  JOIN project p ON p.submitted_on <= a.as_of
  CROSS JOIN LATERAL (SELECT CASE WHEN p.file_complete_on <= a.as_of THEN p.file_complete_on END AS fc,
                             CASE WHEN p.committee_opinion_on <= a.as_of THEN p.committee_opinion_on END AS co,
                             CASE WHEN p.authorised_on <= a.as_of THEN p.authorised_on END AS au,
                             CASE WHEN p.data_available_on <= a.as_of THEN p.data_available_on END AS av) k
  CROSS JOIN LATERAL (VALUES
      (1, 'file_completion', p.submitted_on, k.fc, k.fc IS NULL AND coalesce(k.co, k.au, k.av) IS NOT NULL),
      (2, 'committee_opinion', k.fc, k.co, k.co IS NULL AND coalesce(k.au, k.av) IS NOT NULL),
      (3, 'authorisation', CASE WHEN k.co IS NOT NULL THEN k.co
                                WHEN coalesce(k.au, k.av) IS NOT NULL THEN k.fc END,
                           k.au, k.au IS NULL AND k.av IS NOT NULL),
      (4, 'data_provision', k.au, k.av, false)) AS st(ord, stage, started, ended, end_skipped)
 WHERE st.started IS NOT NULL AND NOT st.end_skipped;
CREATE TEMP VIEW plain_stage_cohort AS
SELECT s.as_of, y.year, s.linkage, s.stage, s.started, s.ended,
       s.ended <= least(make_date(y.year, 12, 31), s.as_of) AS done,
       least(s.ended, make_date(y.year, 12, 31), s.as_of) - s.started AS days
  FROM plain_stage_span s
  CROSS JOIN LATERAL generate_series(2021, extract(year FROM s.as_of)::integer) AS y(year)
 WHERE s.started <= least(make_date(y.year, 12, 31), s.as_of)
   AND (s.ended IS NULL OR s.ended >= make_date(y.year, 1, 1));
CREATE TEMP VIEW plain_stage AS
SELECT as_of, year, coalesce(linkage, 'all_linked') AS linkage, stage,
       count(*) FILTER (WHERE done) AS completed, count(*) FILTER (WHERE done IS NOT TRUE) AS pending,
       avg(days) FILTER (WHERE done) AS mean_days,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY days) FILTER (WHERE done) AS median_days
  FROM (SELECT * FROM plain_stage_cohort
        UNION ALL
        SELECT as_of, year, NULL, stage, started, ended, done, days FROM plain_stage_cohort WHERE linkage <> 'none') c
 GROUP BY as_of, year, linkage, stage;
SELECT a.as_of, count(*) AS rows,
       count(*) FILTER (WHERE p.as_of IS NULL AND (f.completed > 0 OR f.pending > 0)) AS rows_without_plain,
       count(*) FILTER (WHERE f.completed <> coalesce(p.completed, 0) OR f.pending <> coalesce(p.pending, 0)) AS counts_differ,
       count(*) FILTER (WHERE NOT (pg_temp.close(f.mean_days, p.mean_days) AND pg_temp.close(f.median_days, p.median_days)))
         AS statistics_differ,
       sum(f.completed) AS completed, sum(f.pending) AS pending
  FROM as_of_dates a
  CROSS JOIN LATERAL stage_delay_at(a.as_of) f
  LEFT JOIN plain_stage p ON p.as_of = a.as_of AND p.year = f.year AND p.linkage = f.linkage AND p.stage = f.stage
 GROUP BY a.as_of ORDER BY a.as_of;
SELECT count(*) AS plain_groups_unmatched FROM plain_stage p
 WHERE NOT EXISTS (SELECT FROM stage_delay_at(p.as_of) f WHERE f.year = p.year AND f.linkage = p.linkage AND f.stage = p.stage);

-- The Kaplan-Meier medians: a product-limit estimate in plain SQL over the
-- same cohorts (a delay censored on day t at risk on day t), S(t) the
-- product of (1 - events / at risk) over the event times up to t; the
-- median the smallest event time with S <= 1/2, the midpoint to the next
-- event time (or to the largest delay) where S is exactly 1/2.
CREATE TEMP VIEW plain_stage_km AS
WITH c AS (
  SELECT as_of, year, coalesce(linkage, 'all_linked') AS linkage, stage, days, done
    FROM (SELECT as_of, year, linkage, stage, days, done FROM plain_stage_cohort
          UNION ALL
          SELECT as_of, year, NULL, stage, days, done FROM plain_stage_cohort WHERE linkage <> 'none') u),
t AS (
  SELECT as_of, year, linkage, stage, days,
         count(*) FILTER (WHERE done) AS events,
         sum(count(*)) OVER (PARTITION BY as_of, year, linkage, stage ORDER BY days DESC) AS at_risk,
         max(max(days)) OVER (PARTITION BY as_of, year, linkage, stage) AS largest
    FROM c GROUP BY as_of, year, linkage, stage, days),
s AS (
  SELECT as_of, year, linkage, stage, days, largest,
         lead(days) OVER w AS next_event,
         -- running product with exact rationals (numeric), as there is no product()
         exp(sum(ln(greatest(1 - events::numeric / at_risk, 1e-300))) OVER (w ROWS UNBOUNDED PRECEDING)) AS surv,
         bool_or(events = at_risk) OVER (w ROWS UNBOUNDED PRECEDING) AS reached_zero
    FROM t WHERE events > 0
  WINDOW w AS (PARTITION BY as_of, year, linkage, stage ORDER BY days))
SELECT DISTINCT ON (as_of, year, linkage, stage) as_of, year, linkage, stage,
       CASE WHEN NOT reached_zero AND abs(surv - 0.5) < 1e-12 THEN (days + coalesce(next_event, largest)) / 2.0
            ELSE days END::float8 AS km_median_days
  FROM s WHERE reached_zero OR surv <= 0.5 + 1e-12
 ORDER BY as_of, year, linkage, stage, days;
SELECT a.as_of,
       count(*) FILTER (WHERE f.km_median_days IS NOT NULL) AS km_medians,
       count(*) FILTER (WHERE f.km_median_days IS DISTINCT FROM k.km_median_days) AS km_medians_differ
  FROM as_of_dates a
  CROSS JOIN LATERAL stage_delay_at(a.as_of) f
  LEFT JOIN plain_stage_km k ON k.as_of = a.as_of AND k.year = f.year AND k.linkage = f.linkage AND k.stage = f.stage
 GROUP BY a.as_of ORDER BY a.as_of;

-- Deadline compliance against plain SQL: the seeded deadline and one of
-- the user's own on another span, counted with CASE over the raw rows.
INSERT INTO deadline (id, title, from_milestone, to_milestone, days, extension_days)
VALUES ('provision_in_120', 'Data within 120 days of the authorisation, +30', 'authorised', 'data_available', 120, 30);
CREATE TEMP VIEW plain_deadline_cohort AS
SELECT d.id, s.as_of, y.year, s.linkage, d.days, d.days + d.extension_days AS extended,
       s.ended <= least(make_date(y.year, 12, 31), s.as_of) AS done,
       least(s.ended, make_date(y.year, 12, 31), s.as_of) - s.started AS days_taken
  FROM deadline d
  JOIN (SELECT a.as_of, p.linkage::text AS linkage,
               CASE WHEN p.file_complete_on <= a.as_of THEN p.file_complete_on END AS fc_known,
               CASE WHEN p.authorised_on <= a.as_of THEN p.authorised_on END AS au_known,
               CASE WHEN p.data_available_on <= a.as_of THEN p.data_available_on END AS av_known
          FROM as_of_dates a JOIN project p ON p.submitted_on <= a.as_of) r ON true
  -- ehds_decision: file complete -> authorised (skipped when empty while
  -- the data are known); provision_in_120: authorised -> data available
  CROSS JOIN LATERAL (SELECT r.as_of, r.linkage,
                             CASE d.id WHEN 'ehds_decision' THEN r.fc_known ELSE r.au_known END AS started,
                             CASE d.id WHEN 'ehds_decision' THEN r.au_known ELSE r.av_known END AS ended,
                             d.id = 'ehds_decision' AND r.au_known IS NULL AND r.av_known IS NOT NULL AS skipped) s
  CROSS JOIN LATERAL generate_series(2021, extract(year FROM r.as_of)::integer) AS y(year)
 WHERE d.active AND s.started IS NOT NULL AND NOT s.skipped
   AND s.started <= least(make_date(y.year, 12, 31), r.as_of)
   AND (s.ended IS NULL OR s.ended >= make_date(y.year, 1, 1));
CREATE TEMP VIEW plain_deadline AS
SELECT id, as_of, year, coalesce(linkage, 'all_linked') AS linkage,
       count(*) FILTER (WHERE done AND days_taken <= days) AS within_deadline,
       count(*) FILTER (WHERE done AND days_taken > days AND days_taken <= extended) AS within_extension,
       count(*) FILTER (WHERE done AND days_taken > extended) AS late,
       count(*) FILTER (WHERE done IS NOT TRUE AND days_taken <= extended) AS open,
       count(*) FILTER (WHERE done IS NOT TRUE AND days_taken > extended) AS overdue,
       delay_agg(days_taken, done IS NOT TRUE) AS s
  FROM (SELECT * FROM plain_deadline_cohort
        UNION ALL
        SELECT id, as_of, year, NULL, days, extended, done, days_taken FROM plain_deadline_cohort WHERE linkage <> 'none') c
 GROUP BY id, as_of, year, linkage;
SELECT a.as_of, count(*) AS rows,
       count(*) FILTER (WHERE (f.within_deadline, f.within_extension, f.late, f.open, f.overdue)
                              IS DISTINCT FROM (coalesce(p.within_deadline, 0), coalesce(p.within_extension, 0),
                                                coalesce(p.late, 0), coalesce(p.open, 0), coalesce(p.overdue, 0))) AS counts_differ,
       count(*) FILTER (WHERE f.km_share_within_deadline IS DISTINCT FROM km_share_within(p.s, d.days)
                           OR f.km_share_within_extension IS DISTINCT FROM km_share_within(p.s, d.days + d.extension_days))
         AS km_differ,
       sum(f.within_deadline + f.within_extension + f.late) AS decided, sum(f.open + f.overdue) AS undecided
  FROM as_of_dates a
  CROSS JOIN LATERAL deadline_compliance_at(a.as_of) f
  JOIN deadline d ON d.id = f.deadline
  LEFT JOIN plain_deadline p ON p.id = f.deadline AND p.as_of = a.as_of AND p.year = f.year AND p.linkage = f.linkage
 GROUP BY a.as_of ORDER BY a.as_of;
DELETE FROM deadline WHERE id = 'provision_in_120';

-- ---- the stage means add up to the whole delay's mean --------------------------------
-- 200 projects with every milestone known, all within 2023: each project's
-- four stages end in 2023, so each stage's cohort is the year's cohort of
-- access_delay and the four means add up to the mean delay.
TRUNCATE project_source, platform_usage, project RESTART IDENTITY CASCADE;
INSERT INTO project (reference, title, submitted_on, file_complete_on, committee_opinion_on,
                     authorised_on, data_available_on, linkage)
SELECT 'A' || i, 'additive', s, s + a, s + a + b, s + a + b + c, s + a + b + c + d,
       (ARRAY['none', 'direct', 'indirect', 'probabilistic'])[1 + (i % 4)]::linkage_type
  FROM (SELECT i, date '2023-01-01' + (random() * 60)::integer AS s, (random() * 50)::integer AS a,
               (random() * 70)::integer AS b, (random() * 60)::integer AS c, (random() * 60)::integer AS d
          FROM generate_series(1, 200) AS i) r;
SELECT s.linkage, sum(s.completed)::bigint / 4 AS projects,
       pg_temp.close(sum(s.mean_days), a.mean_months * 30.436875) AS add_up,
       pg_temp.close(sum(s.mean_days), (SELECT avg(data_available_on - submitted_on) FROM project p
                                        WHERE s.linkage IN (p.linkage::text, CASE WHEN p.linkage <> 'none' THEN 'all_linked' END)))
         AS add_up_to_avg
  FROM stage_delay_at('2023-12-31') s
  JOIN access_delay_at('2023-12-31') a ON a.year = s.year AND a.linkage = s.linkage
 WHERE s.year = 2023
 GROUP BY s.linkage, a.mean_months ORDER BY s.linkage;

-- ---- access_delay_monthly_at ---------------------------------------------------------
TRUNCATE project_source, platform_usage, project RESTART IDENTITY CASCADE;
\set ECHO none
\o /dev/null
SET client_min_messages = warning;
\i sample/load.sql
\o
\set ECHO all
\set ON_ERROR_STOP off
RESET client_min_messages;
-- December's row is the year's row of access_delay_at, as of any date.
SELECT a.as_of,
       count(*) AS decembers,
       count(*) FILTER (WHERE NOT (m.completed = y.completed AND m.pending = y.pending
                                   AND pg_temp.close(m.mean_months, y.mean_months)
                                   AND pg_temp.close(m.median_months, y.median_months)
                                   AND pg_temp.close(m.km_median_months, y.km_median_months)
                                   AND pg_temp.close(m.share_within_7_months, y.share_within_7_months))) AS differ
  FROM as_of_dates a
  CROSS JOIN LATERAL access_delay_monthly_at(a.as_of) m
  JOIN access_delay_at(a.as_of) y ON y.year = extract(year FROM m.month) AND y.linkage = m.linkage
 WHERE extract(month FROM m.month) = 12
 GROUP BY a.as_of ORDER BY a.as_of;
-- Every month against plain SQL over the raw rows: the projects made
-- available in the 12 months ending with the month (up to as_of), avg and
-- percentile_cont of their delays, and the projects waiting at the month's
-- end (or as_of), by linkage and all_linked.
CREATE TEMP VIEW plain_monthly AS
WITH months AS (
  SELECT a.as_of, m::date AS month, least((m + interval '1 month - 1 day')::date, a.as_of) AS cutoff
    FROM as_of_dates a
    CROSS JOIN LATERAL generate_series(date_trunc('month', (SELECT min(submitted_on) FROM project WHERE submitted_on <= a.as_of)),
                                       date_trunc('month', a.as_of::timestamp), interval '1 month') AS m),
rows AS (
  SELECT m.as_of, m.month, p.linkage::text AS linkage,
         p.data_available_on - p.submitted_on AS days,
         p.data_available_on <= m.cutoff AS done
    FROM months m
    JOIN project p ON p.submitted_on <= m.cutoff
                  AND (p.data_available_on IS NULL OR p.data_available_on >= (m.month - interval '11 months')::date))
SELECT as_of, month, coalesce(linkage, 'all_linked') AS linkage,
       count(*) FILTER (WHERE done) AS completed, count(*) FILTER (WHERE done IS NOT TRUE) AS pending,
       avg(days / 30.436875) FILTER (WHERE done) AS mean_months,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY days) FILTER (WHERE done) / 30.436875 AS median_months,
       (count(*) FILTER (WHERE done AND days <= 213))::float8 / nullif(count(*) FILTER (WHERE done), 0) AS share_within_7_months
  FROM (SELECT * FROM rows UNION ALL SELECT as_of, month, NULL, days, done FROM rows WHERE linkage <> 'none') r
 GROUP BY as_of, month, linkage;
SELECT a.as_of, count(*) AS rows, count(DISTINCT f.month) AS months,
       count(*) FILTER (WHERE p.as_of IS NULL AND (f.completed > 0 OR f.pending > 0)) AS rows_without_plain,
       count(*) FILTER (WHERE f.completed <> coalesce(p.completed, 0) OR f.pending <> coalesce(p.pending, 0)) AS counts_differ,
       count(*) FILTER (WHERE NOT (pg_temp.close(f.mean_months, p.mean_months)
                                   AND pg_temp.close(f.median_months, p.median_months)
                                   AND pg_temp.close(f.share_within_7_months, p.share_within_7_months))) AS statistics_differ
  FROM as_of_dates a
  CROSS JOIN LATERAL access_delay_monthly_at(a.as_of) f
  LEFT JOIN plain_monthly p ON p.as_of = a.as_of AND p.month = f.month AND p.linkage = f.linkage
 GROUP BY a.as_of ORDER BY a.as_of;
-- every month has the five groups, all_linked first; the last month is as_of's
SELECT string_agg(linkage, ',' ORDER BY n) AS groups, max(month) AS last_month
  FROM (SELECT month, linkage, row_number() OVER () AS n FROM access_delay_monthly_at('2025-06-30')) g
 WHERE month = '2025-06-01';
-- The view is the function as of today; refresh() fills the materialized
-- version, which then equals the view.
SELECT (SELECT count(*) FROM (SELECT * FROM access_delay_monthly EXCEPT SELECT * FROM access_delay_monthly_at(current_date)) d)
     + (SELECT count(*) FROM (SELECT * FROM access_delay_monthly_at(current_date) EXCEPT SELECT * FROM access_delay_monthly) d)
       AS view_differs;
SELECT view_name, row_count = (SELECT count(*) FROM access_delay_monthly) AS rows_right
  FROM refresh() WHERE view_name = 'access_delay_monthly_mv';
SELECT (SELECT count(*) FROM (SELECT * FROM access_delay_monthly_mv EXCEPT SELECT * FROM access_delay_monthly) d)
     + (SELECT count(*) FROM (SELECT * FROM access_delay_monthly EXCEPT SELECT * FROM access_delay_monthly_mv) d)
       AS mv_differs;
SELECT view_name, as_of = current_date AS today FROM last_refresh WHERE view_name = 'access_delay_monthly_mv';
-- Empty tables, materialized views computed from them, no log: as found.
TRUNCATE project_source, platform_usage, project, call_for_projects, catalogue_database,
         partnership, civil_society_exchange RESTART IDENTITY CASCADE;
SELECT count(*) AS refreshed FROM refresh();
TRUNCATE refresh_log;
