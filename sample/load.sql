-- sample/load.sql — a SYNTHETIC, deterministic history (2019-2025) of a health
-- data hub for hdh_roadmap: calls for projects, catalogue databases, projects
-- with their milestones, sources and platform usage, partnerships and
-- exchanges with civil society. Not real data: every project title, partner,
-- counterpart, theme and database name starts with "[synthetic]".
--
--   psql -v seed=42 -v scale=1 -f sample/load.sql
--
-- seed (integer, default 42) picks the pseudo-random draws (setseed); the
-- same seed and scale always give the same rows. scale (> 0, default 1)
-- multiplies every yearly volume (projects, partnerships, exchanges,
-- respondents); the intended scorecard mix holds at scale 1. The script
-- empties the hub's record tables first (TRUNCATE ... RESTART IDENTITY) and
-- leaves target and baseline_fact (seeded and user rows) untouched. Nothing in
-- the history happens after 2025-12-31. See sample/README.md.

\set ON_ERROR_STOP on
\if :{?seed}
\else
\set seed 42
\endif
\if :{?scale}
\else
\set scale 1
\endif
\echo == hdh_roadmap sample: loading a SYNTHETIC history (seed :seed, scale :scale), not real data
\set syn_quiet_was :QUIET
\set QUIET on

BEGIN;
SET LOCAL search_path = hdh_roadmap, pg_catalog;
-- random() must be drawn in one order, by one process.
SET LOCAL max_parallel_workers_per_gather = 0;
SET LOCAL client_min_messages = warning;

CREATE TEMP TABLE syn_param ON COMMIT DROP AS
SELECT (:'seed')::bigint AS seed, (:'scale')::numeric AS scale, date '2025-12-31' AS cutoff;

DO $check$
DECLARE p record;
BEGIN
  SELECT * INTO p FROM syn_param;
  IF p.scale IS NULL OR p.scale <= 0 OR p.scale > 1000 THEN
    RAISE EXCEPTION 'sample scale must be greater than 0 and at most 1000, not %', p.scale;
  END IF;
END
$check$;

TRUNCATE project_source, platform_usage, project, call_for_projects, catalogue_database,
         partnership, civil_society_exchange RESTART IDENTITY;

SELECT setseed(((seed % 2000000) - 1000000) / 1000000.0) FROM syn_param \g /dev/null

-- Yearly volumes at scale 1 (2025 is the full year; half of it by mid-year).
CREATE TEMP TABLE syn_volume (year integer PRIMARY KEY, projects integer, partnerships integer,
                              exchanges integer) ON COMMIT DROP;
INSERT INTO syn_volume VALUES
  (2019,  40,  3,  4),
  (2020, 140, 10, 12),
  (2021, 190, 12, 16),
  (2022, 230, 14, 20),
  (2023, 260, 13, 36),
  (2024, 290, 15, 62),
  (2025, 310, 14, 70);

-- ---- calls for projects (the first two are the 2020-2022 review's AI calls) ----
INSERT INTO call_for_projects (theme, launched_on, closed_on, respondents)
SELECT c.theme, c.launched_on, c.launched_on + c.open_days,
       round((c.respondents + floor(random() * 21) - 10) * p.scale)::integer
  FROM (VALUES (1, '[synthetic] artificial intelligence and health (first call)', date '2020-01-20', 75, 185),
               (2, '[synthetic] artificial intelligence and health (second call)', date '2021-02-15', 75, 175),
               (3, '[synthetic] enriching the main database with clinical data', date '2023-02-06', 90, 120),
               (4, '[synthetic] hospital data warehouses and federated analyses', date '2024-01-22', 90, 140),
               (5, '[synthetic] European cross-border use cases', date '2025-02-10', 90, 110))
       AS c(ord, theme, launched_on, open_days, respondents),
       syn_param p
 ORDER BY c.ord;

-- ---- catalogue databases: 10 by mid-2022, as the review reports, then more ----
INSERT INTO catalogue_database (name, added_on)
SELECT c.name, c.added_on
  FROM (VALUES (1, '[synthetic] main database (claims and hospital stays)', date '2020-06-01'),
               (2, '[synthetic] causes of death', date '2020-06-01'),
               (3, '[synthetic] general population cohort', date '2020-06-01'),
               (4, '[synthetic] emergency room visits', date '2020-06-01'),
               (5, '[synthetic] cancer registry', date '2020-06-01'),
               (6, '[synthetic] perinatal cohort', date '2021-03-15'),
               (7, '[synthetic] primary care sample', date '2021-03-15'),
               (8, '[synthetic] medical imaging collection', date '2021-03-15'),
               (9, '[synthetic] rare diseases registry', date '2022-04-01'),
               (10, '[synthetic] occupational health cohort', date '2022-04-01'),
               (11, '[synthetic] hospital clinical data (pilot)', date '2023-05-15'),
               (12, '[synthetic] laboratory results', date '2023-11-02'),
               (13, '[synthetic] medico-social care', date '2024-03-18'),
               (14, '[synthetic] dental care cohort', date '2024-06-10'),
               (15, '[synthetic] COVID-19 vaccination', date '2024-10-07'),
               (16, '[synthetic] environmental exposure', date '2025-03-03'),
               (17, '[synthetic] genomics pilot', date '2025-09-15'))
       AS c(ord, name, added_on)
 ORDER BY c.ord;

-- Sources a project may use: the catalogue, from the day a database joined
-- it, and sources outside the catalogue.
CREATE TEMP TABLE syn_source ON COMMIT DROP AS
SELECT name AS source_name, database_id, added_on AS available_from FROM catalogue_database
UNION ALL
SELECT s, NULL::integer, date '2019-01-01'
  FROM unnest(ARRAY['[synthetic] hospital data warehouse A', '[synthetic] hospital data warehouse B',
                    '[synthetic] hospital data warehouse C', '[synthetic] regional cohort',
                    '[synthetic] clinical trial data', '[synthetic] mutual insurer claims',
                    '[synthetic] disease registry (outside the catalogue)', '[synthetic] patient-reported outcomes']) s;

-- ---- projects: every draw made here, in one ordered pass ----
-- Whether a project works on the platform follows a golden-ratio sequence
-- (from a random start) rather than independent draws, so that the yearly
-- share of platform users varies little from one seed to another.
CREATE TEMP TABLE syn_start ON COMMIT DROP AS SELECT random() AS plat0;
CREATE TEMP TABLE syn_project ON COMMIT DROP AS
SELECT o.*,
       random() AS u_day, random() AS u_link, random() AS u_est, random() AS u_call,
       random() AS u_fc, random() AS u_skip, random() AS u_co, random() AS u_au, random() AS u_fail,
       random() AS u_prov, random() AS u_tail, random() AS u_tail_len,
       ((o.k * 0.618033988749895 + (SELECT plat0 FROM syn_start)::numeric) % 1.0)::float8 AS u_plat,
       random() AS u_lag, random() AS u_dur, random() AS u_open, random() AS u_second,
       random() AS u_gap, random() AS u_dur2, random() AS u_src1, random() AS u_src2,
       random() AS u_src3, random() AS u_nsrc, random() AS u_theme
  FROM (SELECT v.year, g.i, count(*) OVER (PARTITION BY v.year) AS n,
               row_number() OVER (ORDER BY v.year, g.i) AS k
          FROM syn_volume v, syn_param p,
               LATERAL generate_series(1, greatest(1, round(v.projects * p.scale))::integer) g(i)
         ORDER BY v.year, g.i) o
 ORDER BY o.year, o.i;

-- Milestones: statutory steps of one to two months; data provision takes
-- months, longer when sources are linked, and shortens over the years.
CREATE TEMP TABLE syn_dates ON COMMIT DROP AS
WITH s AS (
  SELECT sp.*,
         make_date(sp.year, 1, 1)
           + floor((sp.i - 1 + sp.u_day) / sp.n * (make_date(sp.year + 1, 1, 1) - make_date(sp.year, 1, 1)))::integer
           AS submitted_on,
         CASE WHEN sp.u_link < 0.40 THEN 'none' WHEN sp.u_link < 0.70 THEN 'direct'
              WHEN sp.u_link < 0.90 THEN 'indirect' ELSE 'probabilistic' END::linkage_type AS linkage
    FROM syn_project sp
), m AS (
  SELECT s.*,
         s.submitted_on + 30 + floor(s.u_fc * 31)::integer AS fc,
         (s.u_skip >= 0.15) AS has_committee
    FROM s
), m2 AS (
  SELECT m.*,
         CASE WHEN m.has_committee THEN m.fc + 30 + floor(m.u_co * 31)::integer END AS co
    FROM m
), m3 AS (
  SELECT m2.*,
         CASE WHEN m2.u_fail >= 0.05 THEN coalesce(m2.co, m2.fc) + 30 + floor(m2.u_au * 31)::integer END AS au,
         -- provision factor: 1.12 for a project submitted in spring 2021, 0.18 less a year after
         greatest(0.5, least(1.6, 1.12 - 0.18 * (m2.year + (m2.submitted_on - make_date(m2.year, 1, 1)) / 365.0 - 2021.3)))
           AS factor
    FROM m2
), m4 AS (
  SELECT m3.*,
         m3.au + round(
           CASE m3.linkage WHEN 'none' THEN 60 + m3.u_prov * 60
                           WHEN 'direct' THEN 150 + m3.u_prov * 90
                           WHEN 'indirect' THEN 200 + m3.u_prov * 100
                           ELSE 230 + m3.u_prov * 100 END * m3.factor
           + CASE WHEN m3.u_tail < 0.08 THEN 90 + m3.u_tail_len * 150 ELSE 0 END)::integer AS da
    FROM m3
)
SELECT m4.k, m4.year, m4.i, m4.submitted_on, m4.linkage,
       CASE WHEN m4.fc <= p.cutoff THEN m4.fc END AS file_complete_on,
       CASE WHEN m4.co <= p.cutoff THEN m4.co END AS committee_opinion_on,
       CASE WHEN m4.au <= p.cutoff THEN m4.au END AS authorised_on,
       CASE WHEN m4.da <= p.cutoff THEN m4.da END AS data_available_on,
       m4.u_est, m4.u_call, m4.u_plat, m4.u_lag, m4.u_dur, m4.u_open, m4.u_second, m4.u_gap, m4.u_dur2,
       m4.u_src1, m4.u_src2, m4.u_src3, m4.u_nsrc, m4.u_theme
  FROM m4, syn_param p;

INSERT INTO project (project_id, reference, title, submitted_on, file_complete_on, committee_opinion_on,
                     authorised_on, data_available_on, with_health_establishment, call_id, linkage)
SELECT d.k,
       format('SYN-%s-%s', d.year, lpad(d.i::text, 4, '0')),
       format('[synthetic] %s (%s-%s)',
              (ARRAY['cardiovascular outcomes after myocardial infarction', 'antibiotic prescriptions in primary care',
                     'diabetes care pathways', 'cancer survival and treatment sequences', 'COVID-19 long-term effects',
                     'mental health and hospital readmissions', 'rare disease diagnosis delays',
                     'AI-assisted imaging triage', 'drug safety signal detection', 'maternal and perinatal health',
                     'ageing and dependency trajectories', 'emergency department crowding'])[1 + floor(d.u_theme * 12)::integer],
              d.year, lpad(d.i::text, 4, '0')),
       d.submitted_on, d.file_complete_on, d.committee_opinion_on, d.authorised_on, d.data_available_on,
       d.u_est < 0.5,
       CASE WHEN d.u_call < 0.15 THEN
         (SELECT c.call_id FROM call_for_projects c
           WHERE c.launched_on <= d.submitted_on AND d.submitted_on <= c.launched_on + 365
           ORDER BY c.launched_on DESC LIMIT 1) END,
       d.linkage
  FROM syn_dates d
 ORDER BY d.k;
SELECT setval('project_project_id_seq', (SELECT max(project_id) FROM project)) \g /dev/null

-- Sources: one for a single-source project, two or three for a linked one,
-- distinct, among those available on the submission date.
INSERT INTO project_source (project_id, source_name, database_id)
SELECT d.k, src.source_name, src.database_id
  FROM syn_dates d
 CROSS JOIN LATERAL (
   SELECT count(*)::integer AS n FROM syn_source WHERE available_from <= d.submitted_on) avail
 CROSS JOIN LATERAL (
   SELECT floor(d.u_src1 * avail.n)::integer AS i1,
          CASE WHEN d.linkage = 'none' THEN 1 WHEN d.linkage = 'indirect' AND d.u_nsrc < 0.4 THEN 3 ELSE 2 END AS nsrc,
          (avail.n - 1) / 2 AS half) pick
 CROSS JOIN LATERAL (
   SELECT x.source_name, x.database_id
     FROM (SELECT ss.source_name, ss.database_id, row_number() OVER (ORDER BY ss.source_name) - 1 AS pos
             FROM syn_source ss WHERE ss.available_from <= d.submitted_on) x
    WHERE x.pos = pick.i1
       OR (pick.nsrc >= 2 AND x.pos = (pick.i1 + 1 + floor(d.u_src2 * pick.half)::integer) % avail.n)
       OR (pick.nsrc >= 3 AND x.pos = (pick.i1 + 1 + pick.half + floor(d.u_src3 * (avail.n - 1 - pick.half))::integer) % avail.n)) src
 ORDER BY d.k, src.source_name;

-- Platform usage: a share of the projects that got their data work on the
-- platform (open from mid-2020) for nine to thirty months, some with a second
-- period after a gap, a few open-ended.
CREATE TEMP TABLE syn_usage ON COMMIT DROP AS
SELECT * FROM (
  SELECT d.k,
         greatest(d.data_available_on + floor(d.u_lag * 15)::integer, date '2020-06-01') AS start1,
         (9 + floor(d.u_dur * 22))::integer AS months1,
         d.u_open < 0.08 AS open_ended,
         d.u_second < 0.12 AS has_second,
         (30 + floor(d.u_gap * 150))::integer AS gap_days,
         (4 + floor(d.u_dur2 * 9))::integer AS months2,
         d.data_available_on, d.u_plat
    FROM syn_dates d) d
 WHERE d.start1 <= (SELECT cutoff FROM syn_param)
   AND d.data_available_on IS NOT NULL
   -- the platform was the main route at first; other routes grew later
   AND d.u_plat < CASE WHEN d.data_available_on < date '2022-01-01' THEN 0.38
                       WHEN d.data_available_on < date '2023-01-01' THEN 0.27
                       ELSE 0.22 END;

INSERT INTO platform_usage (project_id, period)
SELECT k, period FROM (
  SELECT u.k, 1 AS nth,
         CASE WHEN u.open_ended AND NOT u.has_second THEN daterange(u.start1, NULL)
              ELSE daterange(u.start1, (u.start1 + make_interval(months => u.months1))::date) END AS period
    FROM syn_usage u
  UNION ALL
  SELECT u.k, 2,
         CASE WHEN u.open_ended THEN daterange(second_start, NULL)
              ELSE daterange(second_start, (second_start + make_interval(months => u.months2))::date) END
    FROM syn_usage u
   CROSS JOIN LATERAL (SELECT (u.start1 + make_interval(months => u.months1))::date + u.gap_days AS second_start) s
   WHERE u.has_second AND second_start <= (SELECT cutoff FROM syn_param)
) p
 ORDER BY k, nth;

-- ---- partnerships: signing dates spread over each year ----
INSERT INTO partnership (partner, infrastructure, level, signed_on)
SELECT format('[synthetic] %s %s', CASE o.level WHEN 'regional' THEN 'regional' WHEN 'national' THEN 'national'
                                                ELSE 'European' END
                                   || CASE o.infrastructure WHEN 'local' THEN ' hospital data warehouse'
                                                            ELSE ' health data hub' END,
              lpad(o.k::text, 3, '0')),
       o.infrastructure, o.level, o.signed_on
  FROM (SELECT r.*,
               CASE WHEN r.u_inf < 0.55 THEN 'local' ELSE 'mutualised' END::infrastructure_kind AS infrastructure,
               CASE WHEN r.year < 2023 THEN
                      CASE WHEN r.u_lvl < 0.30 THEN 'regional' WHEN r.u_lvl < 0.90 THEN 'national' ELSE 'european' END
                    ELSE
                      CASE WHEN r.u_lvl < 0.40 THEN 'regional' WHEN r.u_lvl < 0.75 THEN 'national' ELSE 'european' END
               END::partnership_level AS level,
               make_date(r.year, 1, 1)
                 + floor((r.i - 1 + r.u_day) / r.n * (make_date(r.year + 1, 1, 1) - make_date(r.year, 1, 1)))::integer
                 AS signed_on
          FROM (SELECT q.*, random() AS u_day, random() AS u_inf, random() AS u_lvl
                  FROM (SELECT v.year, g.i, count(*) OVER (PARTITION BY v.year) AS n,
                               row_number() OVER (ORDER BY v.year, g.i) AS k
                          FROM syn_volume v, syn_param p,
                               LATERAL generate_series(1, round(v.partnerships * p.scale)::integer) g(i)
                         ORDER BY v.year, g.i) q
                 ORDER BY q.year, q.i) r) o
 ORDER BY o.k;

-- ---- exchanges with civil society: growing from 2023 ----
INSERT INTO civil_society_exchange (held_on, kind, counterpart, participants, contributions)
SELECT o.held_on, o.kind,
       (ARRAY['[synthetic] patients'' association', '[synthetic] citizens'' panel', '[synthetic] general public',
              '[synthetic] health system users'' representatives', '[synthetic] consumer association',
              '[synthetic] students and teachers', '[synthetic] journalists'])[1 + floor(o.u_cp * 7)::integer]
         || ' ' || lpad((1 + floor(o.u_num * 20))::text, 2, '0'),
       CASE o.kind WHEN 'consultation' THEN NULL
                   WHEN 'event' THEN 50 + floor(o.u_size * 350)::integer
                   WHEN 'survey' THEN NULL
                   WHEN 'committee' THEN 8 + floor(o.u_size * 13)::integer
                   ELSE 5 + floor(o.u_size * 36)::integer END,
       CASE o.kind WHEN 'consultation' THEN 100 + floor(o.u_size * 2900)::integer
                   WHEN 'survey' THEN 200 + floor(o.u_size * 1800)::integer
                   WHEN 'workshop' THEN 10 + floor(o.u_size * 60)::integer END
  FROM (SELECT r.*,
               make_date(r.year, 1, 1)
                 + floor((r.i - 1 + r.u_day) / r.n * (make_date(r.year + 1, 1, 1) - make_date(r.year, 1, 1)))::integer
                 AS held_on,
               CASE WHEN r.u_kind < 0.05 THEN 'consultation' WHEN r.u_kind < 0.40 THEN 'meeting'
                    WHEN r.u_kind < 0.60 THEN 'event' WHEN r.u_kind < 0.80 THEN 'committee'
                    WHEN r.u_kind < 0.95 THEN 'workshop' ELSE 'survey' END::exchange_kind AS kind
          FROM (SELECT q.*, random() AS u_day, random() AS u_kind, random() AS u_cp, random() AS u_num,
                       random() AS u_size
                  FROM (SELECT v.year, g.i, count(*) OVER (PARTITION BY v.year) AS n,
                               row_number() OVER (ORDER BY v.year, g.i) AS k
                          FROM syn_volume v, syn_param p,
                               LATERAL generate_series(1, round(v.exchanges * p.scale)::integer) g(i)
                         ORDER BY v.year, g.i) q
                 ORDER BY q.year, q.i) r) o
 ORDER BY o.k;

COMMIT;

DO $notice$
BEGIN
  RAISE NOTICE 'hdh_roadmap sample loaded: SYNTHETIC data (every name starts with "[synthetic]"), not real Health Data Hub records';
END
$notice$;
SELECT 'project' AS "table (synthetic)", count(*) AS rows FROM hdh_roadmap.project
UNION ALL SELECT 'project_source', count(*) FROM hdh_roadmap.project_source
UNION ALL SELECT 'platform_usage', count(*) FROM hdh_roadmap.platform_usage
UNION ALL SELECT 'call_for_projects', count(*) FROM hdh_roadmap.call_for_projects
UNION ALL SELECT 'catalogue_database', count(*) FROM hdh_roadmap.catalogue_database
UNION ALL SELECT 'partnership', count(*) FROM hdh_roadmap.partnership
UNION ALL SELECT 'civil_society_exchange', count(*) FROM hdh_roadmap.civil_society_exchange;
\set QUIET :syn_quiet_was
