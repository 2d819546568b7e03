-- pgTAP: the seeded rows (the four 2023-2025 targets, the 2020-2022 baseline),
-- the origin triggers that keep user edits through dump/restore, the
-- pg_extension_config_dump registrations, and the comments.
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS hdh_roadmap;
SET search_path = hdh_roadmap, public;
SELECT plan(54);

-- ---- the four targets of DESIGN.md ----
SELECT results_eq(
  $$SELECT id, axis::integer, kind::text, value, baseline_year, start_year, deadline, recurring, active, origin::text
      FROM target ORDER BY axis, id$$,
  $$VALUES ('linkage_access_delay',    1, 'at_most',     7::float8,   2022, 2023, date '2025-12-31', false, true, 'seed'),
           ('platform_projects',       1, 'at_least',    200::float8, 2022, 2024, date '2025-12-31', true,  true, 'seed'),
           ('new_partnerships',        3, 'more_than',   40::float8,  2022, 2023, date '2025-12-31', false, true, 'seed'),
           ('civil_society_exchanges', 4, 'multiply_by', 3::float8,   2022, 2023, date '2025-12-31', false, true, 'seed')$$,
  'the four seeded targets: kind, value, years, deadline');
SELECT is_empty($$SELECT id FROM target WHERE measure::text <> id$$,
  'each seeded target is measured by the built-in indicator of the same name');
SELECT is((SELECT count(DISTINCT roadmap)::integer FROM target), 1, 'the seeded targets belong to one roadmap');
SELECT ok((SELECT bool_and(source_quote LIKE 'Ainsi, pour 2025, le Health Data Hub se donne pour objectif :%') FROM target),
  'each target quotes the press release''s objectives sentence');
SELECT ok((SELECT source_quote LIKE '%200 projets utilisant la plateforme par an (à partir de 2024)%' FROM target WHERE id = 'platform_projects'),
  'platform_projects quotes "200 projets ... (à partir de 2024)"');
SELECT ok((SELECT source_quote LIKE '%réduire à 7 mois le délai moyen d''accès aux données%appariement%' FROM target WHERE id = 'linkage_access_delay'),
  'linkage_access_delay quotes "réduire à 7 mois ... appariement"');
SELECT ok((SELECT source_quote LIKE '%plus de 40 nouveaux partenariats%' FROM target WHERE id = 'new_partnerships'),
  'new_partnerships quotes "plus de 40 nouveaux partenariats"');
SELECT ok((SELECT source_quote LIKE '%multiplier par trois ses échanges avec la société civile%' FROM target WHERE id = 'civil_society_exchanges'),
  'civil_society_exchanges quotes "multiplier par trois"');
SELECT is((SELECT unit FROM target WHERE id = 'linkage_access_delay'), 'months', 'the delay target is in months');

-- ---- the 2020-2022 baseline ----
SELECT results_eq(
  $$SELECT id, qualifier::text, value, unit FROM baseline_fact ORDER BY display_order$$,
  $$VALUES ('calls_for_projects', 'exactly', 2::numeric, 'calls for projects'),
           ('call_respondents', 'more_than', 350::numeric, 'respondents'),
           ('certified_platform', 'exactly', 1::numeric, 'platform'),
           ('accompanied_projects', 'exactly', 66::numeric, 'projects'),
           ('accompanied_projects_with_establishments', 'about', 33::numeric, 'projects'),
           ('catalogue_databases', 'exactly', 10::numeric, 'databases'),
           ('european_consortium_partners', 'exactly', 15::numeric, 'European partners'),
           ('partners', 'about', 100::numeric, 'partners'),
           ('consultation_contributions', 'almost', 5700::numeric, 'contributions')$$,
  'the nine seeded baseline facts: qualifier, value, unit, in the press release''s order');
SELECT ok((SELECT bool_and(first_year = 2020 AND last_year = 2022 AND reported_on = '2022-06-28' AND origin = 'seed')
             FROM baseline_fact),
  'every baseline fact covers 2020-2022, reported on 2022-06-28, origin seed');
-- The figure appears in its quote (half of 66 is written "la moitié", about
-- 100 "une centaine").
SELECT ok((SELECT bool_and(CASE id WHEN 'accompanied_projects_with_establishments' THEN source_quote LIKE '%dont la moitié%'
                                   WHEN 'partners' THEN source_quote LIKE '%une centaine%'
                                   ELSE source_quote ~ ('(^|\D)' || value::text || '(\D|$)') END)
             FROM baseline_fact),
  'every baseline fact''s quote contains its figure');
SELECT ok((SELECT source_quote LIKE '%presque de 5700 contributions%' FROM baseline_fact WHERE id = 'consultation_contributions'),
  '"presque" is the qualifier almost');
SELECT ok((SELECT source_quote LIKE 'près d''une centaine de partenaires%' FROM baseline_fact WHERE id = 'partners'),
  '"près d''une centaine" is the qualifier about');
SELECT ok((SELECT source_quote LIKE '%plus de 350 répondants%' FROM baseline_fact WHERE id = 'call_respondents'),
  '"plus de 350" is the qualifier more_than');

-- ---- origin triggers ----
SELECT has_trigger('hdh_roadmap', 'target', 'target_origin_on_insert', 'target has its insert trigger');
SELECT has_trigger('hdh_roadmap', 'target', 'target_origin_on_update', 'target has its update trigger');
SELECT has_trigger('hdh_roadmap', 'baseline_fact', 'baseline_fact_origin_on_insert', 'baseline_fact has its insert trigger');
SELECT has_trigger('hdh_roadmap', 'baseline_fact', 'baseline_fact_origin_on_update', 'baseline_fact has its update trigger');

UPDATE target SET value = value, title = title WHERE id = 'new_partnerships';
SELECT is((SELECT origin::text FROM target WHERE id = 'new_partnerships'), 'seed',
  'an update that changes nothing leaves a seed row pristine');
UPDATE target SET origin = 'user' WHERE id = 'new_partnerships';
SELECT is((SELECT origin::text FROM target WHERE id = 'new_partnerships'), 'seed',
  'origin cannot be set by an update');
UPDATE target SET value = 180 WHERE id = 'platform_projects';
SELECT is((SELECT origin::text FROM target WHERE id = 'platform_projects'), 'edited',
  'changing a seed target marks it edited');
UPDATE target SET value = 200 WHERE id = 'platform_projects';
SELECT is((SELECT origin::text FROM target WHERE id = 'platform_projects'), 'edited',
  'an edited row stays edited, even when edited back');
UPDATE target SET origin = 'seed' WHERE id = 'platform_projects';
SELECT is((SELECT origin::text FROM target WHERE id = 'platform_projects'), 'edited',
  'an edited row cannot be made to look like a pristine seed (it would not be dumped)');
UPDATE baseline_fact SET value = 67 WHERE id = 'accompanied_projects';
SELECT is((SELECT origin::text FROM baseline_fact WHERE id = 'accompanied_projects'), 'edited',
  'changing a seed fact marks it edited');

INSERT INTO target (id, roadmap, axis, title, indicator, measure, kind, value, baseline_year, start_year, deadline, unit)
VALUES ('eu_projects', 'HDH 2026-2028', 3, 'European projects', 'projects with a European partner', 'platform_projects', 'at_least', 10,
        2025, 2026, '2028-12-31', 'projects');
SELECT is((SELECT origin::text FROM target WHERE id = 'eu_projects'), 'user', 'a new target is origin user');
INSERT INTO target (id, roadmap, axis, title, indicator, measure, kind, value, start_year, deadline, unit, origin)
VALUES ('claims_seed', 'r', 1, 't', 'i', 'platform_projects', 'at_least', 1, 2026, '2026-12-31', 'u', 'seed');
SELECT is((SELECT origin::text FROM target WHERE id = 'claims_seed'), 'user',
  'an inserted row claiming origin seed is origin user (so that it is dumped)');
UPDATE target SET origin = 'seed' WHERE id = 'eu_projects';
SELECT is((SELECT origin::text FROM target WHERE id = 'eu_projects'), 'user', 'a user row cannot be made a seed row');

-- What pg_restore does: the dumped edited row arrives while CREATE EXTENSION
-- has put the pristine seed back; the incoming row takes its place.
INSERT INTO target (id, roadmap, axis, title, indicator, measure, kind, value, baseline_year, start_year, deadline,
                    recurring, unit, origin)
SELECT id, roadmap, axis, title, indicator, measure, kind, 45, baseline_year, start_year, deadline, recurring, unit, 'edited'
  FROM target WHERE id = 'new_partnerships';
SELECT results_eq($$SELECT value, origin::text, source_quote IS NULL FROM target WHERE id = 'new_partnerships'$$,
  $$VALUES (45::float8, 'edited', true)$$,
  'an incoming row with a pristine seed''s id replaces the seed row, keeping origin edited');
INSERT INTO baseline_fact (id, first_year, last_year, reported_on, label, qualifier, value, unit)
VALUES ('partners', 2020, 2022, '2022-06-28', 'Partners (corrected count)', 'exactly', 97, 'partners');
SELECT results_eq($$SELECT value, qualifier::text, origin::text FROM baseline_fact WHERE id = 'partners'$$,
  $$VALUES (97::numeric, 'exactly', 'user')$$,
  'a user row with a pristine seed fact''s id replaces it, origin user');
SELECT is((SELECT count(*)::integer FROM baseline_fact), 9, 'replacing a seed fact does not add a row');
SELECT throws_ok($$INSERT INTO target (id, roadmap, axis, title, indicator, measure, kind, value, start_year, deadline, unit)
                   VALUES ('platform_projects', 'r', 1, 't', 'i', 'platform_projects', 'at_least', 1, 2026, '2026-12-31', 'u')$$,
  '23505', 'duplicate key value violates unique constraint "target_pkey"',
  'a row with the id of an edited target is a duplicate: only pristine seeds are replaced');
SELECT throws_ok($$INSERT INTO target (id, roadmap, axis, title, indicator, measure, kind, value, start_year, deadline, unit)
                   VALUES ('eu_projects', 'r', 1, 't', 'i', 'platform_projects', 'at_least', 1, 2026, '2026-12-31', 'u')$$,
  '23505', 'duplicate key value violates unique constraint "target_pkey"',
  'a row with the id of a user target is a duplicate');
SELECT results_eq(
  $$SELECT id, origin::text FROM target ORDER BY id$$,
  $$VALUES ('civil_society_exchanges', 'seed'), ('claims_seed', 'user'), ('eu_projects', 'user'),
           ('linkage_access_delay', 'seed'), ('new_partnerships', 'edited'), ('platform_projects', 'edited')$$,
  'origins after the edits');
-- The rows pg_dump writes are exactly the non-pristine ones.
SELECT results_eq(
  format('SELECT id FROM hdh_roadmap.target %s ORDER BY id',
         (SELECT extcondition[array_position(extconfig, 'hdh_roadmap.target'::regclass::oid)]
            FROM pg_extension WHERE extname = 'hdh_roadmap')),
  $$VALUES ('claims_seed'), ('eu_projects'), ('new_partnerships'), ('platform_projects')$$,
  'the dump condition selects the edited and user targets, not the pristine seeds');

-- ---- the seeded deadline (doc/monitoring.md) ----
SELECT results_eq(
  $$SELECT id, from_milestone::text, to_milestone::text, days, extension_days, active, origin::text FROM deadline$$,
  $$VALUES ('ehds_decision', 'file_complete', 'authorised', 90, 90, true, 'seed')$$,
  'the seeded deadline: the EHDS decision, 90 days from file complete to authorised, extendable once by 90');
UPDATE deadline SET title = title WHERE id = 'ehds_decision';
SELECT is((SELECT origin::text FROM deadline WHERE id = 'ehds_decision'), 'seed',
  'an update that changes nothing leaves the seed deadline pristine');
INSERT INTO deadline (id, title, from_milestone, to_milestone, days, extension_days, origin)
SELECT id, title, from_milestone, to_milestone, 60, 60, 'edited' FROM deadline WHERE id = 'ehds_decision';
SELECT results_eq($$SELECT days, origin::text FROM deadline$$, $$VALUES (60, 'edited')$$,
  'a restored edited deadline replaces the pristine seed row');
SELECT results_eq(
  format('SELECT id FROM hdh_roadmap.deadline %s',
         (SELECT extcondition[array_position(extconfig, 'hdh_roadmap.deadline'::regclass::oid)]
            FROM pg_extension WHERE extname = 'hdh_roadmap')),
  $$VALUES ('ehds_decision')$$,
  'the dump condition selects the edited deadline');

-- ---- pg_extension_config_dump ----
SELECT set_eq(
  $$SELECT c.relname::text FROM pg_extension e, unnest(e.extconfig) AS cfg(oid) JOIN pg_class c ON c.oid = cfg.oid
     WHERE e.extname = 'hdh_roadmap' AND c.relkind = 'r'$$,
  $$SELECT relname::text FROM pg_class WHERE relnamespace = 'hdh_roadmap'::regnamespace AND relkind IN ('r', 'p')
      AND relname <> 'refresh_log'$$,
  'every table of the schema but refresh_log is registered with pg_extension_config_dump');
-- refresh_log is not dumped on purpose: a restored database's materialized
-- views are not refreshed yet, and an empty log says so (doc/refresh.md).
SELECT ok(NOT EXISTS (SELECT FROM pg_extension e, unnest(e.extconfig) AS cfg(oid)
                       WHERE e.extname = 'hdh_roadmap' AND cfg.oid = 'hdh_roadmap.refresh_log'::regclass),
  'refresh_log is not registered with pg_extension_config_dump');
SELECT set_eq(
  $$SELECT c.relname::text FROM pg_extension e, unnest(e.extconfig) AS cfg(oid) JOIN pg_class c ON c.oid = cfg.oid
     WHERE e.extname = 'hdh_roadmap' AND c.relkind = 'S'$$,
  $$SELECT s.relname::text FROM pg_class s JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = s.oid
     WHERE s.relkind = 'S' AND s.relnamespace = 'hdh_roadmap'::regnamespace
       AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')$$,
  'every identity or serial sequence is registered, so that its position is dumped');
SELECT results_eq(
  $$SELECT c.relname::text COLLATE "default", cond COLLATE "default" FROM pg_extension e, unnest(e.extconfig, e.extcondition) AS x(oid, cond)
      JOIN pg_class c ON c.oid = x.oid WHERE e.extname = 'hdh_roadmap' AND cond <> '' ORDER BY 1$$,
  $$VALUES ('baseline_fact', 'WHERE origin <> ''seed'''), ('deadline', 'WHERE origin <> ''seed'''),
            ('measure', 'WHERE NOT built_in'), ('target', 'WHERE origin <> ''seed''')$$,
  'only the seeded tables filter their dump: on origin, and the measures on built_in');
SELECT is((SELECT count(*)::integer FROM pg_class c, pg_attribute a
            WHERE c.relnamespace = 'hdh_roadmap'::regnamespace AND c.relkind = 'r' AND a.attrelid = c.oid
              AND a.attname = 'origin'
              AND (c.relname NOT IN ('target', 'baseline_fact', 'deadline'))), 0,
  'only the seeded tables carry an origin column');

-- ---- comments ----
SELECT is_empty(
  $$SELECT c.relname || '.' || a.attname FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
     WHERE c.relnamespace = 'hdh_roadmap'::regnamespace AND c.relkind IN ('r', 'p', 'f')
       AND a.attnum > 0 AND NOT a.attisdropped AND col_description(c.oid, a.attnum) IS NULL$$,
  'every column of the schema''s tables has a comment');
SELECT is_empty(
  $$SELECT c.relname || '.' || a.attname FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
     WHERE c.relnamespace = 'hdh_roadmap'::regnamespace AND c.relkind IN ('v', 'm')
       AND a.attnum > 0 AND NOT a.attisdropped AND col_description(c.oid, a.attnum) IS NULL$$,
  'every column of the schema''s views has a comment');
SELECT is_empty(
  $$SELECT relname::text FROM pg_class WHERE relnamespace = 'hdh_roadmap'::regnamespace
       AND relkind IN ('r', 'p', 'f', 'v', 'm', 'S', 'i') AND obj_description(oid, 'pg_class') IS NULL
       AND NOT EXISTS (SELECT FROM pg_constraint WHERE conindid = pg_class.oid)$$,
  'every table, view, sequence and index (but a constraint''s own) of the schema has a comment');
SELECT is_empty(
  $$SELECT conname::text FROM pg_constraint WHERE connamespace = 'hdh_roadmap'::regnamespace AND conrelid <> 0
       AND obj_description(oid, 'pg_constraint') IS NULL AND contype <> 'p'$$,
  'every constraint but the primary keys says in a comment which rule it enforces');
SELECT is_empty(
  $$SELECT typname::text FROM pg_type WHERE typnamespace = 'hdh_roadmap'::regnamespace AND typtype = 'e'
       AND obj_description(oid, 'pg_type') IS NULL$$,
  'every enum of the schema has a comment');
SELECT is_empty(
  $$SELECT t.tgname::text FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
     WHERE c.relnamespace = 'hdh_roadmap'::regnamespace AND NOT t.tgisinternal
       AND obj_description(t.oid, 'pg_trigger') IS NULL$$,
  'every trigger of the schema has a comment');
SELECT isnt(obj_description('hdh_roadmap.seeded_row_before_insert()'::regprocedure, 'pg_proc'), NULL,
  'seeded_row_before_insert has a comment');
SELECT isnt(obj_description('hdh_roadmap.seeded_row_before_update()'::regprocedure, 'pg_proc'), NULL,
  'seeded_row_before_update has a comment');

-- ---- a deleted seed row ----
DELETE FROM target WHERE id = 'linkage_access_delay';
SELECT is((SELECT count(*)::integer FROM target WHERE id = 'linkage_access_delay'), 0,
  'a seed target can be deleted (it comes back on dump/restore: see doc/tables.md)');
UPDATE target SET active = false WHERE id = 'civil_society_exchanges';
SELECT results_eq($$SELECT active, origin::text FROM target WHERE id = 'civil_society_exchanges'$$,
  $$VALUES (false, 'edited')$$, 'retiring a seed target (active = false) is an edit, kept through dump/restore');

SELECT * FROM finish();
ROLLBACK;
