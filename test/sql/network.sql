-- The network of hubs within one database (doc/network.md): hub_summaries
-- on a hand-worked example; a database's own export, imported back as a hub,
-- gives the network functions exactly access_delay_at / indicator_series_at;
-- refused imports change nothing; the argument errors. (Across databases,
-- over postgres_fdw: test/integration/network.sh.) The tables are emptied at
-- the end.
SET search_path = hdh_roadmap, public;
SET extra_float_digits = 0;

-- Three projects, worked by hand as known on 2024-12-31:
--   A direct, submitted 2024-01-10, data 2024-03-10: 60 days
--   B direct, submitted 2024-06-01, pending: censored at 2024-12-31, 213 days
--   C none,   submitted 2023-12-01, data 2024-01-31: 61 days
-- Cohort 2023 (cutoff 2023-12-31): C only, still pending then, 30 days.
-- Cohort 2024 (cutoff 2024-12-31): A and B (direct), C (none).
-- Series: first year 2023; linkage_access_delay 2024: A only (C has none).
INSERT INTO project (reference, title, submitted_on, data_available_on, linkage) VALUES
  ('A', 'project A', '2024-01-10', '2024-03-10', 'direct'),
  ('B', 'project B', '2024-06-01', NULL, 'direct'),
  ('C', 'project C', '2023-12-01', '2024-01-31', 'none');
SELECT part, year, label, delays, counts, first_year
  FROM hub_summaries WHERE as_of = '2024-12-31'
 ORDER BY part, year NULLS FIRST, label;
-- The day before C was submitted: nothing but three empty yearly counts.
SELECT part, year, label, delays, counts, first_year
  FROM hub_summaries WHERE as_of = '2023-11-30'
 ORDER BY part, year NULLS FIRST, label;
TRUNCATE project CASCADE;

-- Random records; the database's own export, imported back as hub "self".
SELECT setseed(0.42);
INSERT INTO project (project_id, reference, title, submitted_on, data_available_on, linkage)
SELECT i, 'R-' || i, 'random project ' || i, s,
       CASE WHEN random() < 0.8 THEN s + (20 + floor(random() * 500))::integer END,
       (ARRAY['none', 'direct', 'indirect', 'probabilistic'])[1 + floor(random() * 4)::integer]::linkage_type
  FROM (SELECT i, date '2020-01-01' + floor(random() * 2000)::integer AS s
          FROM generate_series(1, 400) AS i) AS g;
INSERT INTO platform_usage (project_id, period)
SELECT project_id, daterange(submitted_on + 10,
                             CASE WHEN random() < 0.7 THEN submitted_on + 10 + (30 + floor(random() * 700))::integer END)
  FROM project WHERE random() < 0.5;
INSERT INTO partnership (partner, infrastructure, level, signed_on)
SELECT 'partner ' || i, 'local', 'regional', date '2021-01-01' + floor(random() * 1500)::integer
  FROM generate_series(1, 40) AS i;
INSERT INTO civil_society_exchange (held_on, kind, counterpart)
SELECT date '2022-01-01' + floor(random() * 1200)::integer, 'meeting', 'association ' || i
  FROM generate_series(1, 60) AS i;

CREATE TEMP TABLE incoming AS SELECT * FROM export_summaries('2025-06-30');
SELECT import_summaries('self', 'incoming') = (SELECT count(*) FROM incoming) AS imported_every_row;
SELECT hub, server, extension_version = (SELECT extversion FROM pg_extension WHERE extname = 'hdh_roadmap') AS same_version,
       transport, imported_as_of, last_status, last_contact_at, last_detail
  FROM hub;

-- The network (one imported hub): its rows and the hub IS NULL rows both
-- equal the database's own answers, value for value.
SELECT count(*) > 0 AS has_rows,
       count(*) FILTER (WHERE hub = 'self') = count(*) FILTER (WHERE hub IS NULL) AS as_many_network_rows
  FROM network_access_delay_at('2025-06-30');
(SELECT year, linkage, completed, pending, mean_months, median_months, p90_months, km_median_months, share_within_7_months
   FROM network_access_delay_at('2025-06-30') WHERE hub IS NULL
 EXCEPT ALL
 SELECT * FROM access_delay_at('2025-06-30'))
UNION ALL
(SELECT * FROM access_delay_at('2025-06-30')
 EXCEPT ALL
 SELECT year, linkage, completed, pending, mean_months, median_months, p90_months, km_median_months, share_within_7_months
   FROM network_access_delay_at('2025-06-30') WHERE hub = 'self');
(SELECT measure, year, value, records, complete FROM network_indicator_series_at('2025-06-30') WHERE hub IS NULL
 EXCEPT ALL
 SELECT * FROM indicator_series_at('2025-06-30'))
UNION ALL
(SELECT * FROM indicator_series_at('2025-06-30')
 EXCEPT ALL
 SELECT measure, year, value, records, complete FROM network_indicator_series_at('2025-06-30') WHERE hub = 'self');
-- network_delay_summaries rolled up over linkage types other than none:
-- the all_linked row of access_delay_at.
SELECT bool_and(a.completed = completed(n.s) AND a.pending = pending(n.s)
                AND a.mean_months IS NOT DISTINCT FROM mean_months(n.s)) AS all_linked_equal, count(*) AS years
  FROM (SELECT year, rollup(summary) AS s FROM network_delay_summaries('2025-06-30')
         WHERE linkage <> 'none' GROUP BY year) AS n
  JOIN access_delay_at('2025-06-30') AS a ON a.year = n.year AND a.linkage = 'all_linked';

-- Another day: the imported hub has no summaries of it.
SELECT count(*) FROM network_access_delay_at('2025-07-01');
SELECT count(*) AS rows_without_self FROM network_access_delay_at('2025-07-01', skip_unreachable => true);
-- The hub view says how each hub answered this session's last network call:
-- 'missing' now, 'ok' after a day it has; the failed call above (an ERROR)
-- recorded nothing, its transaction rolled back.
SELECT hub, last_status, last_contact_at > now() - interval '1 hour' AS recent, last_detail FROM hub;
SELECT count(*) > 0 AS answered FROM network_indicator_series_at('2025-06-30');
SELECT hub, last_status, last_detail FROM hub;
-- The status is kept in the session setting hdh_roadmap.hub_status.
SELECT current_setting('hdh_roadmap.hub_status')::jsonb -> 'self' ->> 'status' AS setting;
SELECT * FROM probe_hubs();

-- Refused imports change nothing.
CREATE TEMP TABLE snapshot AS SELECT * FROM network_imported_summary;
UPDATE incoming SET export_rows = export_rows + 1 WHERE part = 'series' AND label = 'platform_projects';
SELECT import_summaries('other', 'incoming');
UPDATE incoming SET export_rows = export_rows - 1 WHERE part = 'series' AND label = 'platform_projects';
UPDATE incoming SET first_year = first_year - 1 WHERE first_year IS NOT NULL;
SELECT import_summaries('other', 'incoming');
UPDATE incoming SET first_year = first_year + 1 WHERE first_year IS NOT NULL;
UPDATE incoming SET extension_version = '0.2.0';
SELECT import_summaries('other', 'incoming');
SELECT import_summaries('other', 'pg_class');
SELECT (SELECT count(*) FROM network_hub) AS hubs,
       (SELECT count(*) FROM (SELECT * FROM network_imported_summary EXCEPT ALL SELECT * FROM snapshot) AS d) AS changed;

-- Arguments.
SELECT attach_hub('Hub One', 'x');
SELECT attach_hub('hub1', NULL);
SELECT detach_hub('nowhere');
SELECT * FROM export_summaries('1989-12-31');
SELECT * FROM network_access_delay_at(NULL);
SELECT * FROM network_summaries('2025-06-30', 'rows');

SELECT detach_hub('self');
SELECT count(*) AS hubs, (SELECT count(*) FROM network_imported_summary) AS summaries FROM hub;
TRUNCATE project, partnership, civil_society_exchange CASCADE;
