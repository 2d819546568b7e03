-- The examples of doc/delay_summary.md, run as written (the page shows
-- their output), so the documentation stays true.
SET search_path = hdh_roadmap, public;

CREATE TABLE project_access (
  project   text PRIMARY KEY,
  linkage   text NOT NULL,
  submitted date NOT NULL,
  available date            -- NULL while the project still waits
);
INSERT INTO project_access VALUES
  ('p1', 'none',   '2023-01-10', '2023-04-10'),
  ('p2', 'none',   '2023-02-01', '2023-03-15'),
  ('p3', 'snds',   '2023-01-15', '2023-09-01'),
  ('p4', 'snds',   '2023-03-01', NULL),
  ('p5', 'snds',   '2023-05-20', '2024-01-31'),
  ('p6', 'cohort', '2023-06-01', '2024-02-15'),
  ('p7', 'cohort', '2024-01-05', NULL);

-- Completed delays only.
SELECT delay_agg(submitted, available) FROM project_access;

-- The situation known on 2024-01-01: p7 had not started, p5 and p6 were
-- still waiting, and so was p4.
SELECT delay_agg(submitted, available, date '2024-01-01') FROM project_access;

-- Accessors.
SELECT completed(s), pending(s), round(mean_days(s)::numeric, 2) AS mean_days,
       round(mean_months(s)::numeric, 2) AS mean_months, median_days(s),
       percentile_days(s, 0.9) AS p90_days, share_within(s, 7 * 30) AS share_within_7m
  FROM (SELECT delay_agg(submitted, available) AS s FROM project_access) t;

-- Kaplan–Meier, counting the projects still waiting.
SELECT round(km_survival(s, 200)::numeric, 4) AS still_waiting_after_200_days,
       km_median_days(s), round(rmst_days(s, 365)::numeric, 1) AS rmst_1_year
  FROM (SELECT delay_agg(submitted, available, date '2024-06-30') AS s FROM project_access) t;

-- Store one summary per linkage type, merge them later.
CREATE TABLE access_by_linkage AS
  SELECT linkage, delay_agg(submitted, available, date '2024-06-30') AS delays
    FROM project_access GROUP BY linkage;
SELECT linkage, delays FROM access_by_linkage ORDER BY linkage;
SELECT rollup(delays) FROM access_by_linkage;
SELECT rollup(delays) FILTER (WHERE linkage <> 'none') AS linked FROM access_by_linkage;
SELECT a.delays + b.delays AS snds_and_cohort
  FROM access_by_linkage a, access_by_linkage b WHERE a.linkage = 'snds' AND b.linkage = 'cohort';

-- Delays given in days, with a pending flag.
SELECT delay_agg(days, still_running)
  FROM (VALUES (12, false), (30, false), (45, true)) v(days, still_running);

-- A literal, and a window: the summary as projects arrive.
SELECT 'completed {42:1, 90:1} pending {300:1}'::delay_summary;
SELECT project, delay_agg(submitted, available) OVER (ORDER BY submitted) AS so_far
  FROM project_access ORDER BY submitted;

-- Rolling windows: the last three submissions, as known on 2024-06-30.
SELECT project,
       delay_agg(submitted, available, date '2024-06-30')
         OVER (ORDER BY submitted ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS last_three
  FROM project_access ORDER BY submitted;

DROP TABLE project_access, access_by_linkage;
