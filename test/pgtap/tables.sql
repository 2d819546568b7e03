-- pgTAP: the reference tables — structure, enums, keys, and one failing row
-- per constraint, each checked by SQLSTATE and by the constraint's name in
-- the message. The last test checks that no constraint went untested.
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS hdh_roadmap;
SET search_path = hdh_roadmap, public;
SELECT plan(154);

-- rejects(constraint, sql): the statement fails with the SQLSTATE and message
-- PostgreSQL gives for that constraint, and the constraint is marked tested.
CREATE TEMP TABLE tested (conname text);
CREATE FUNCTION pg_temp.rejects(p_con text, p_sql text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  c record;
  state text;
  msg text;
BEGIN
  SELECT con.contype, rel.relname INTO c
    FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid
   WHERE con.connamespace = 'hdh_roadmap'::regnamespace AND con.conname = p_con;
  IF NOT FOUND THEN
    RETURN fail('there is no constraint ' || p_con);
  END IF;
  state := CASE c.contype WHEN 'c' THEN '23514' WHEN 'x' THEN '23P01' WHEN 'f' THEN '23503' ELSE '23505' END;
  msg := CASE c.contype
    WHEN 'c' THEN format('new row for relation "%s" violates check constraint "%s"', c.relname, p_con)
    WHEN 'x' THEN format('conflicting key value violates exclusion constraint "%s"', p_con)
    WHEN 'f' THEN format('insert or update on table "%s" violates foreign key constraint "%s"', c.relname, p_con)
    ELSE format('duplicate key value violates unique constraint "%s"', p_con) END;
  INSERT INTO tested VALUES (p_con);
  RETURN throws_ok(p_sql, state, msg, p_con || ': ' || regexp_replace(p_sql, '\s+', ' ', 'g'));
END
$$;

-- ---- structure ----
SELECT tables_are('hdh_roadmap',
  ARRAY['call_for_projects', 'catalogue_database', 'project', 'project_source', 'platform_usage',
        'partnership', 'civil_society_exchange', 'target', 'baseline_fact', 'measure', 'reported_value',
        'refresh_log', 'import_batch', 'import_reject', 'network_hub', 'network_imported_summary', 'deadline'],
  'the reference tables, the measure registry and its reported values, refresh_log (the log of refresh(), doc/refresh.md), the import log (doc/import.md), the network''s hubs (doc/network.md) and deadline (doc/monitoring.md)');
SELECT columns_are('hdh_roadmap', 'project',
  ARRAY['project_id', 'reference', 'title', 'submitted_on', 'file_complete_on', 'committee_opinion_on',
        'authorised_on', 'data_available_on', 'with_health_establishment', 'call_id', 'linkage'],
  'project columns');
SELECT columns_are('hdh_roadmap', 'target',
  ARRAY['id', 'roadmap', 'axis', 'title', 'indicator', 'measure', 'kind', 'value', 'baseline_year', 'start_year',
        'deadline', 'recurring', 'unit', 'source_quote', 'active', 'origin'],
  'target columns');
SELECT columns_are('hdh_roadmap', 'baseline_fact',
  ARRAY['id', 'first_year', 'last_year', 'reported_on', 'axis', 'display_order', 'label', 'qualifier',
        'value', 'unit', 'source_quote', 'origin'],
  'baseline_fact columns');
SELECT col_type_is('hdh_roadmap', 'project', 'linkage', 'hdh_roadmap', 'linkage_type', 'project.linkage is a linkage_type');
SELECT col_type_is('hdh_roadmap', 'target', 'kind', 'hdh_roadmap', 'target_kind', 'target.kind is the shared target_kind');
SELECT col_type_is('hdh_roadmap', 'target', 'measure', 'text', 'target.measure is the text name of a registered measure');
SELECT fk_ok('hdh_roadmap', 'target', 'measure', 'hdh_roadmap', 'measure', 'name');
SELECT col_not_null('hdh_roadmap', 'target', 'measure', 'a target says which computation measures it');
SELECT col_type_is('hdh_roadmap', 'target', 'value', 'double precision', 'target.value is float8');
SELECT col_type_is('hdh_roadmap', 'platform_usage', 'period', 'daterange', 'platform_usage.period is a daterange');
SELECT col_type_is('hdh_roadmap', 'baseline_fact', 'qualifier', 'hdh_roadmap', 'fact_qualifier', 'baseline_fact.qualifier is a fact_qualifier');
SELECT col_not_null('hdh_roadmap', 'project', 'submitted_on', 'a project has a submission date');
SELECT col_not_null('hdh_roadmap', 'platform_usage', 'period', 'a usage row has a period');
SELECT col_is_pk('hdh_roadmap', 'target', 'id', 'target is keyed by id');
SELECT col_is_pk('hdh_roadmap', 'baseline_fact', 'id', 'baseline_fact is keyed by id');
SELECT col_is_pk('hdh_roadmap', 'project_source', ARRAY['project_id', 'source_name'], 'a project lists a source once');

SELECT enum_has_labels('hdh_roadmap', 'linkage_type', ARRAY['none', 'direct', 'indirect', 'probabilistic'], 'linkage_type labels (DESIGN.md)');
SELECT enum_has_labels('hdh_roadmap', 'infrastructure_kind', ARRAY['local', 'mutualised'], 'infrastructure_kind labels');
SELECT enum_has_labels('hdh_roadmap', 'partnership_level', ARRAY['regional', 'national', 'european'], 'partnership_level labels');
SELECT enum_has_labels('hdh_roadmap', 'exchange_kind',
  ARRAY['consultation', 'meeting', 'event', 'committee', 'workshop', 'survey', 'other'], 'exchange_kind labels');
SELECT enum_has_labels('hdh_roadmap', 'fact_qualifier', ARRAY['exactly', 'more_than', 'about', 'almost'], 'fact_qualifier labels');
SELECT results_eq($$SELECT name FROM measure WHERE built_in ORDER BY name$$,
  ARRAY['civil_society_exchanges', 'linkage_access_delay', 'new_partnerships', 'platform_projects'],
  'the four built-in measures are registered rows');
SELECT enum_has_labels('hdh_roadmap', 'row_origin', ARRAY['seed', 'edited', 'user'], 'row_origin labels');
SELECT is((SELECT count(*)::integer FROM pg_type WHERE typname = 'target_kind'), 1, 'target_kind is not redefined');

SELECT fk_ok('hdh_roadmap', 'project', 'call_id', 'hdh_roadmap', 'call_for_projects', 'call_id');
SELECT fk_ok('hdh_roadmap', 'project_source', 'project_id', 'hdh_roadmap', 'project', 'project_id');
SELECT fk_ok('hdh_roadmap', 'project_source', 'database_id', 'hdh_roadmap', 'catalogue_database', 'database_id');
SELECT fk_ok('hdh_roadmap', 'platform_usage', 'project_id', 'hdh_roadmap', 'project', 'project_id');

-- ---- fixtures ----
INSERT INTO call_for_projects (call_id, theme, launched_on, closed_on, respondents)
VALUES (101, 'AI and health', '2020-01-20', '2020-04-04', 190);
INSERT INTO catalogue_database (database_id, name, added_on) VALUES (101, 'main database', '2020-06-01');
INSERT INTO project (project_id, reference, title, submitted_on, file_complete_on, committee_opinion_on,
                     authorised_on, data_available_on, with_health_establishment, call_id, linkage)
VALUES (101, 'P-1', 'linked study', '2021-01-10', '2021-02-20', '2021-03-30', '2021-05-04', '2021-12-01', true, 101, 'direct'),
       (102, 'P-2', 'single source study', '2022-03-01', NULL, NULL, NULL, NULL, false, NULL, 'none');
INSERT INTO project_source (project_id, source_name, database_id)
VALUES (101, 'main database', 101), (101, 'hospital data warehouse', NULL);
INSERT INTO platform_usage (usage_id, project_id, period) VALUES (101, 101, '[2022-01-01,2022-07-01)');

-- ---- defaults and accepted rows ----
SELECT is((SELECT linkage FROM project WHERE project_id = 102), 'none'::linkage_type, 'linkage is ''none'' by default');
SELECT lives_ok($$INSERT INTO project (reference, title, submitted_on, file_complete_on, authorised_on, data_available_on)
                  VALUES ('P-skip', 'no committee step', '2022-01-01', '2022-02-01', '2022-03-01', '2022-06-01')$$,
  'a skipped milestone (NULL committee opinion) is accepted');
SELECT lives_ok($$INSERT INTO project (reference, title, submitted_on, file_complete_on, committee_opinion_on,
                                       authorised_on, data_available_on)
                  VALUES ('P-same-day', 'all on one day', '2022-01-01', '2022-01-01', '2022-01-01', '2022-01-01', '2022-01-01')$$,
  'milestones on the same day are in order');
SELECT lives_ok($$INSERT INTO platform_usage (project_id, period) VALUES (101, '[2022-07-01,2023-01-01)')$$,
  'an adjacent period of the same project is accepted');
SELECT lives_ok($$INSERT INTO platform_usage (project_id, period) VALUES (102, '[2022-03-01,)')$$,
  'an overlapping period of another project, open-ended, is accepted');
SELECT lives_ok($$INSERT INTO platform_usage (project_id, period) VALUES (101, '[2023-03-01,2023-03-01]')$$,
  'a one-day period is accepted');
SELECT lives_ok($$INSERT INTO call_for_projects (theme, launched_on, closed_on, respondents)
                  VALUES ('same day', '2021-01-01', '2021-01-01', 0)$$,
  'a call closing the day it opens, with no respondent, is accepted');
SELECT lives_ok($$INSERT INTO civil_society_exchange (held_on, kind, counterpart, participants, contributions)
                  VALUES ('2023-05-01', 'committee', 'users'' committee', 12, 0)$$,
  'an exchange with zero contributions is accepted');
SELECT lives_ok($$INSERT INTO partnership (partner, infrastructure, level, signed_on)
                  VALUES ('regional hub', 'mutualised', 'regional', '2023-04-01')$$,
  'a partnership is accepted');

-- ---- call_for_projects ----
SELECT pg_temp.rejects('call_for_projects_pkey',
  $$INSERT INTO call_for_projects (call_id, theme, launched_on) VALUES (101, 'again', '2021-01-01')$$);
SELECT pg_temp.rejects('call_for_projects_theme_not_blank',
  $$INSERT INTO call_for_projects (theme, launched_on) VALUES ('  ', '2021-01-01')$$);
SELECT pg_temp.rejects('call_for_projects_respondents_not_negative',
  $$INSERT INTO call_for_projects (theme, launched_on, respondents) VALUES ('x', '2021-01-01', -1)$$);
SELECT pg_temp.rejects('call_for_projects_closes_after_launch',
  $$INSERT INTO call_for_projects (theme, launched_on, closed_on) VALUES ('x', '2021-01-01', '2020-12-31')$$);

-- ---- catalogue_database ----
SELECT pg_temp.rejects('catalogue_database_pkey',
  $$INSERT INTO catalogue_database (database_id, name, added_on) VALUES (101, 'other', '2021-01-01')$$);
SELECT pg_temp.rejects('catalogue_database_name_not_blank',
  $$INSERT INTO catalogue_database (name, added_on) VALUES ('', '2021-01-01')$$);
SELECT pg_temp.rejects('catalogue_database_name_unique',
  $$INSERT INTO catalogue_database (name, added_on) VALUES ('main database', '2021-01-01')$$);

-- ---- project ----
SELECT pg_temp.rejects('project_pkey',
  $$INSERT INTO project (project_id, reference, title, submitted_on) VALUES (101, 'P-new', 't', '2021-01-01')$$);
SELECT pg_temp.rejects('project_reference_not_blank',
  $$INSERT INTO project (reference, title, submitted_on) VALUES (' ', 't', '2021-01-01')$$);
SELECT pg_temp.rejects('project_title_not_blank',
  $$INSERT INTO project (reference, title, submitted_on) VALUES ('P-x', '', '2021-01-01')$$);
SELECT pg_temp.rejects('project_reference_unique',
  $$INSERT INTO project (reference, title, submitted_on) VALUES ('P-1', 'duplicate', '2021-01-01')$$);
SELECT pg_temp.rejects('project_call_fk',
  $$INSERT INTO project (reference, title, submitted_on, call_id) VALUES ('P-x', 't', '2021-01-01', 99)$$);
SELECT pg_temp.rejects('project_milestones_in_order',
  $$INSERT INTO project (reference, title, submitted_on, file_complete_on) VALUES ('P-x', 't', '2021-01-10', '2021-01-09')$$);
SELECT pg_temp.rejects('project_milestones_in_order',
  $$INSERT INTO project (reference, title, submitted_on, committee_opinion_on, authorised_on)
    VALUES ('P-x', 't', '2021-01-10', '2021-03-01', '2021-02-28')$$);
SELECT pg_temp.rejects('project_milestones_in_order',
  $$INSERT INTO project (reference, title, submitted_on, file_complete_on, authorised_on, data_available_on)
    VALUES ('P-x', 't', '2021-01-10', '2021-02-01', '2021-04-01', '2021-03-31')$$);
SELECT pg_temp.rejects('project_milestones_in_order',
  $$INSERT INTO project (reference, title, submitted_on, file_complete_on, data_available_on)
    VALUES ('P-x', 't', '2021-01-10', '2021-05-01', '2021-04-01')$$);
SELECT pg_temp.rejects('project_milestones_in_order',
  $$INSERT INTO project (reference, title, submitted_on, data_available_on) VALUES ('P-x', 't', '2021-01-10', '2021-01-01')$$);
SELECT pg_temp.rejects('project_milestones_in_order',
  $$UPDATE project SET submitted_on = '2021-12-31' WHERE project_id = 101$$);
SELECT throws_ok($$INSERT INTO project (reference, title, submitted_on) VALUES ('P-x', 't', NULL)$$,
  '23502', NULL, 'a project without a submission date is rejected');
SELECT throws_ok($$INSERT INTO project (reference, title, submitted_on, linkage) VALUES ('P-x', 't', '2021-01-01', 'fuzzy')$$,
  '22P02', NULL, 'an unknown linkage type is rejected');
SELECT throws_ok($$DELETE FROM call_for_projects WHERE call_id = 101$$,
  '23503', 'update or delete on table "call_for_projects" violates foreign key constraint "project_call_fk" on table "project"',
  'a call that a project answered cannot be deleted');

-- ---- project_source ----
SELECT pg_temp.rejects('project_source_pkey',
  $$INSERT INTO project_source (project_id, source_name) VALUES (101, 'main database')$$);
SELECT pg_temp.rejects('project_source_project_fk',
  $$INSERT INTO project_source (project_id, source_name) VALUES (99, 'x')$$);
SELECT pg_temp.rejects('project_source_name_not_blank',
  $$INSERT INTO project_source (project_id, source_name) VALUES (101, ' ')$$);
SELECT pg_temp.rejects('project_source_database_fk',
  $$INSERT INTO project_source (project_id, source_name, database_id) VALUES (101, 'x', 99)$$);
SELECT throws_ok($$DELETE FROM catalogue_database WHERE database_id = 101$$,
  '23503', 'update or delete on table "catalogue_database" violates foreign key constraint "project_source_database_fk" on table "project_source"',
  'a catalogue database a project uses cannot be deleted');

-- ---- platform_usage ----
SELECT pg_temp.rejects('platform_usage_pkey',
  $$INSERT INTO platform_usage (usage_id, project_id, period) VALUES (101, 102, '[2024-01-01,2024-02-01)')$$);
SELECT pg_temp.rejects('platform_usage_project_fk',
  $$INSERT INTO platform_usage (project_id, period) VALUES (99, '[2024-01-01,2024-02-01)')$$);
SELECT pg_temp.rejects('platform_usage_period_not_empty',
  $$INSERT INTO platform_usage (project_id, period) VALUES (101, '[2024-01-01,2024-01-01)')$$);
SELECT pg_temp.rejects('platform_usage_period_not_empty',
  $$INSERT INTO platform_usage (project_id, period) VALUES (101, 'empty')$$);
SELECT pg_temp.rejects('platform_usage_period_bounded_below',
  $$INSERT INTO platform_usage (project_id, period) VALUES (101, '(,2019-01-01)')$$);
SELECT pg_temp.rejects('platform_usage_periods_do_not_overlap',
  $$INSERT INTO platform_usage (project_id, period) VALUES (101, '[2022-06-30,2022-08-01)')$$);
SELECT pg_temp.rejects('platform_usage_periods_do_not_overlap',
  $$INSERT INTO platform_usage (project_id, period) VALUES (102, '[2030-01-01,)')$$);
SELECT pg_temp.rejects('platform_usage_periods_do_not_overlap',
  $$UPDATE platform_usage SET period = '[2021-12-01,2022-01-02)' WHERE period = '[2022-07-01,2023-01-01)'$$);
SELECT throws_ok($$INSERT INTO platform_usage (project_id, period) VALUES (101, daterange('2024-02-01', '2024-01-01'))$$,
  '22000', 'range lower bound must be less than or equal to range upper bound',
  'an inverted period is rejected by the daterange type');
SELECT throws_ok($$INSERT INTO platform_usage (project_id, period) VALUES (101, NULL)$$,
  '23502', NULL, 'a usage row without a period is rejected');

-- ---- partnership ----
SELECT pg_temp.rejects('partnership_pkey',
  $$INSERT INTO partnership (partnership_id, partner, infrastructure, level, signed_on)
    SELECT partnership_id, 'again', 'local', 'national', '2023-01-01' FROM partnership LIMIT 1$$);
SELECT pg_temp.rejects('partnership_partner_not_blank',
  $$INSERT INTO partnership (partner, infrastructure, level, signed_on) VALUES ('', 'local', 'national', '2023-01-01')$$);
SELECT throws_ok($$INSERT INTO partnership (partner, infrastructure, level, signed_on) VALUES ('p', 'shared', 'national', '2023-01-01')$$,
  '22P02', NULL, 'an unknown infrastructure kind is rejected');
SELECT throws_ok($$INSERT INTO partnership (partner, infrastructure, level, signed_on) VALUES ('p', 'local', 'global', '2023-01-01')$$,
  '22P02', NULL, 'an unknown partnership level is rejected');
SELECT throws_ok($$INSERT INTO partnership (partner, infrastructure, level) VALUES ('p', 'local', 'national')$$,
  '23502', NULL, 'a partnership without a signing date is rejected');

-- ---- civil_society_exchange ----
SELECT pg_temp.rejects('civil_society_exchange_pkey',
  $$INSERT INTO civil_society_exchange (exchange_id, held_on, kind, counterpart)
    SELECT exchange_id, '2023-01-01', 'event', 'again' FROM civil_society_exchange LIMIT 1$$);
SELECT pg_temp.rejects('civil_society_exchange_counterpart_not_blank',
  $$INSERT INTO civil_society_exchange (held_on, kind, counterpart) VALUES ('2023-01-01', 'event', ' ')$$);
SELECT pg_temp.rejects('civil_society_exchange_participants_not_negative',
  $$INSERT INTO civil_society_exchange (held_on, kind, counterpart, participants) VALUES ('2023-01-01', 'event', 'x', -5)$$);
SELECT pg_temp.rejects('civil_society_exchange_contributions_not_negative',
  $$INSERT INTO civil_society_exchange (held_on, kind, counterpart, contributions) VALUES ('2023-01-01', 'consultation', 'x', -1)$$);
SELECT throws_ok($$INSERT INTO civil_society_exchange (held_on, kind, counterpart) VALUES ('2023-01-01', 'party', 'x')$$,
  '22P02', NULL, 'an unknown exchange kind is rejected');

-- ---- target ----
-- A valid row to vary: t(...) changes one column of it.
CREATE TEMP VIEW target_ok AS
SELECT 'next_target'::text AS id, 'next roadmap'::text AS roadmap, 1::smallint AS axis, 'title'::text AS title,
       'indicator'::text AS indicator, 'platform_projects'::text AS measure, 'at_least'::target_kind AS kind, 10::float8 AS value,
       2025 AS baseline_year, 2026 AS start_year, date '2028-12-31' AS deadline, false AS recurring,
       'units'::text AS unit;
SELECT lives_ok($$INSERT INTO target (id, roadmap, axis, title, indicator, measure, kind, value, baseline_year, start_year, deadline, recurring, unit)
                  SELECT * FROM target_ok$$, 'a valid target is accepted');
SELECT pg_temp.rejects('target_pkey',
  $$INSERT INTO target (id, roadmap, axis, title, indicator, measure, kind, value, baseline_year, start_year, deadline, recurring, unit)
    SELECT * FROM target_ok$$);
SELECT pg_temp.rejects('target_id_format',
  $$INSERT INTO target (id, roadmap, axis, title, indicator, measure, kind, value, start_year, deadline, unit)
    VALUES ('Next Target', 'r', 1, 't', 'i', 'platform_projects', 'at_least', 1, 2026, '2028-12-31', 'u')$$);
SELECT pg_temp.rejects('target_roadmap_not_blank',
  $$INSERT INTO target (id, roadmap, axis, title, indicator, measure, kind, value, start_year, deadline, unit)
    VALUES ('t2', '', 1, 't', 'i', 'platform_projects', 'at_least', 1, 2026, '2028-12-31', 'u')$$);
SELECT pg_temp.rejects('target_axis_positive',
  $$INSERT INTO target (id, roadmap, axis, title, indicator, measure, kind, value, start_year, deadline, unit)
    VALUES ('t2', 'r', 0, 't', 'i', 'platform_projects', 'at_least', 1, 2026, '2028-12-31', 'u')$$);
SELECT pg_temp.rejects('target_title_not_blank',
  $$INSERT INTO target (id, roadmap, axis, title, indicator, measure, kind, value, start_year, deadline, unit)
    VALUES ('t2', 'r', 1, ' ', 'i', 'platform_projects', 'at_least', 1, 2026, '2028-12-31', 'u')$$);
SELECT pg_temp.rejects('target_indicator_not_blank',
  $$INSERT INTO target (id, roadmap, axis, title, indicator, measure, kind, value, start_year, deadline, unit)
    VALUES ('t2', 'r', 1, 't', '', 'platform_projects', 'at_least', 1, 2026, '2028-12-31', 'u')$$);
SELECT pg_temp.rejects('target_value_finite',
  $$INSERT INTO target (id, roadmap, axis, title, indicator, measure, kind, value, start_year, deadline, unit)
    VALUES ('t2', 'r', 1, 't', 'i', 'platform_projects', 'at_least', 'NaN', 2026, '2028-12-31', 'u')$$);
SELECT pg_temp.rejects('target_value_finite',
  $$INSERT INTO target (id, roadmap, axis, title, indicator, measure, kind, value, start_year, deadline, unit)
    VALUES ('t2', 'r', 1, 't', 'i', 'platform_projects', 'at_most', '-Infinity', 2026, '2028-12-31', 'u')$$);
SELECT pg_temp.rejects('target_unit_not_blank',
  $$INSERT INTO target (id, roadmap, axis, title, indicator, measure, kind, value, start_year, deadline, unit)
    VALUES ('t2', 'r', 1, 't', 'i', 'platform_projects', 'at_least', 1, 2026, '2028-12-31', '')$$);
SELECT pg_temp.rejects('target_years_plausible',
  $$INSERT INTO target (id, roadmap, axis, title, indicator, measure, kind, value, start_year, deadline, unit)
    VALUES ('t2', 'r', 1, 't', 'i', 'platform_projects', 'at_least', 1, 226, '2028-12-31', 'u')$$);
SELECT pg_temp.rejects('target_deadline_not_before_start_year',
  $$INSERT INTO target (id, roadmap, axis, title, indicator, measure, kind, value, start_year, deadline, unit)
    VALUES ('t2', 'r', 1, 't', 'i', 'platform_projects', 'at_least', 1, 2026, '2025-12-31', 'u')$$);
SELECT pg_temp.rejects('target_deadline_finite',
  $$INSERT INTO target (id, roadmap, axis, title, indicator, measure, kind, value, start_year, deadline, unit)
    VALUES ('t2', 'r', 1, 't', 'i', 'platform_projects', 'at_least', 1, 2026, 'infinity', 'u')$$);
SELECT pg_temp.rejects('target_baseline_not_after_start_year',
  $$INSERT INTO target (id, roadmap, axis, title, indicator, measure, kind, value, baseline_year, start_year, deadline, unit)
    VALUES ('t2', 'r', 1, 't', 'i', 'platform_projects', 'at_least', 1, 2027, 2026, '2028-12-31', 'u')$$);
SELECT pg_temp.rejects('target_deadline_after_baseline_year',
  $$INSERT INTO target (id, roadmap, axis, title, indicator, measure, kind, value, baseline_year, start_year, deadline, unit)
    VALUES ('t2', 'r', 1, 't', 'i', 'platform_projects', 'at_least', 1, 2026, 2026, '2026-12-31', 'u')$$);
SELECT pg_temp.rejects('target_multiply_by_needs_baseline_year',
  $$INSERT INTO target (id, roadmap, axis, title, indicator, measure, kind, value, start_year, deadline, unit)
    VALUES ('t2', 'r', 1, 't', 'i', 'platform_projects', 'multiply_by', 2, 2026, '2028-12-31', 'u')$$);
SELECT pg_temp.rejects('target_factor_above_one',
  $$INSERT INTO target (id, roadmap, axis, title, indicator, measure, kind, value, baseline_year, start_year, deadline, unit)
    VALUES ('t2', 'r', 1, 't', 'i', 'platform_projects', 'multiply_by', 0.5, 2025, 2026, '2028-12-31', 'u')$$);
SELECT pg_temp.rejects('target_deadline_not_before_start_year',
  $$UPDATE target SET deadline = '2023-12-31' WHERE id = 'platform_projects'$$);
SELECT throws_ok($$INSERT INTO target (id, roadmap, axis, title, indicator, measure, kind, value, start_year, deadline, unit)
                   VALUES ('t2', 'r', 1, 't', 'i', 'platform_projects', 'roughly', 1, 2026, '2028-12-31', 'u')$$,
  '22P02', NULL, 'an unknown target kind is rejected');
SELECT throws_ok($$INSERT INTO target (id, roadmap, axis, title, indicator, measure, kind, start_year, deadline, unit)
                   VALUES ('t2', 'r', 1, 't', 'i', 'platform_projects', 'at_least', 2026, '2028-12-31', 'u')$$,
  '23502', NULL, 'a target without a value is rejected');
SELECT throws_ok($$INSERT INTO target (id, roadmap, axis, title, indicator, kind, value, start_year, deadline, unit)
                   VALUES ('t2', 'r', 1, 't', 'i', 'at_least', 1, 2026, '2028-12-31', 'u')$$,
  '23502', 'null value in column "measure" of relation "target" violates not-null constraint',
  'a target without a measure is rejected');
SELECT throws_ok($$INSERT INTO target (id, roadmap, axis, title, indicator, measure, kind, value, start_year, deadline, unit)
                   VALUES ('t2', 'r', 1, 't', 'i', 'happiness', 'at_least', 1, 2026, '2028-12-31', 'u')$$,
  '23503', NULL, 'an unknown measure is rejected (target_measure_fk: not a registered measure)');
SELECT lives_ok($$INSERT INTO target (id, roadmap, axis, title, indicator, measure, kind, value, start_year, deadline, unit)
                  VALUES ('no_baseline', 'r', 1, 't', 'i', 'platform_projects', 'less_than', 0, 2026, '2026-12-31', 'u')$$,
  'a target without a baseline year, deadline in its start year, is accepted');

-- ---- baseline_fact ----
SELECT lives_ok($$INSERT INTO baseline_fact (id, first_year, last_year, reported_on, label, qualifier, value, unit)
                  VALUES ('new_fact', 2023, 2025, '2026-01-15', 'l', 'exactly', 0, 'u')$$, 'a valid fact is accepted');
SELECT pg_temp.rejects('baseline_fact_pkey',
  $$INSERT INTO baseline_fact (id, first_year, last_year, reported_on, label, qualifier, value, unit)
    VALUES ('new_fact', 2023, 2025, '2026-01-15', 'l', 'exactly', 1, 'u')$$);
SELECT pg_temp.rejects('baseline_fact_id_format',
  $$INSERT INTO baseline_fact (id, first_year, last_year, reported_on, label, qualifier, value, unit)
    VALUES ('2fact', 2023, 2025, '2026-01-15', 'l', 'exactly', 1, 'u')$$);
SELECT pg_temp.rejects('baseline_fact_axis_positive',
  $$INSERT INTO baseline_fact (id, first_year, last_year, reported_on, axis, label, qualifier, value, unit)
    VALUES ('f2', 2023, 2025, '2026-01-15', -1, 'l', 'exactly', 1, 'u')$$);
SELECT pg_temp.rejects('baseline_fact_label_not_blank',
  $$INSERT INTO baseline_fact (id, first_year, last_year, reported_on, label, qualifier, value, unit)
    VALUES ('f2', 2023, 2025, '2026-01-15', ' ', 'exactly', 1, 'u')$$);
SELECT pg_temp.rejects('baseline_fact_value_not_negative',
  $$INSERT INTO baseline_fact (id, first_year, last_year, reported_on, label, qualifier, value, unit)
    VALUES ('f2', 2023, 2025, '2026-01-15', 'l', 'about', -3, 'u')$$);
SELECT pg_temp.rejects('baseline_fact_value_not_negative',
  $$INSERT INTO baseline_fact (id, first_year, last_year, reported_on, label, qualifier, value, unit)
    VALUES ('f2', 2023, 2025, '2026-01-15', 'l', 'about', 'NaN', 'u')$$);
SELECT pg_temp.rejects('baseline_fact_unit_not_blank',
  $$INSERT INTO baseline_fact (id, first_year, last_year, reported_on, label, qualifier, value, unit)
    VALUES ('f2', 2023, 2025, '2026-01-15', 'l', 'exactly', 1, '')$$);
SELECT pg_temp.rejects('baseline_fact_years_in_order',
  $$INSERT INTO baseline_fact (id, first_year, last_year, reported_on, label, qualifier, value, unit)
    VALUES ('f2', 2025, 2023, '2026-01-15', 'l', 'exactly', 1, 'u')$$);
SELECT pg_temp.rejects('baseline_fact_reported_after_period_start',
  $$INSERT INTO baseline_fact (id, first_year, last_year, reported_on, label, qualifier, value, unit)
    VALUES ('f2', 2023, 2025, '2022-12-31', 'l', 'exactly', 1, 'u')$$);
SELECT throws_ok($$INSERT INTO baseline_fact (id, first_year, last_year, reported_on, label, qualifier, value, unit)
                   VALUES ('f2', 2023, 2025, '2026-01-15', 'l', 'nearly', 1, 'u')$$,
  '22P02', NULL, 'an unknown qualifier is rejected');

SELECT pg_temp.rejects('target_measure_fk',
  $$INSERT INTO target (id, roadmap, axis, title, indicator, measure, kind, value, start_year, deadline, unit)
    VALUES ('t2', 'r', 1, 't', 'i', 'people_trained', 'at_least', 1, 2026, '2028-12-31', 'u')$$);

-- ---- measures and reported values ----
INSERT INTO measure (name, shape, unit) VALUES ('publications', 'yearly', 'publications');
INSERT INTO reported_value (measure, year, value, reported_on) VALUES ('publications', 2026, 12, '2027-01-15');
SELECT pg_temp.rejects('measure_pkey', $$INSERT INTO measure (name, shape, unit) VALUES ('publications', 'yearly', 'u')$$);
SELECT pg_temp.rejects('measure_name_format', $$INSERT INTO measure (name, shape, unit) VALUES ('Publications', 'yearly', 'u')$$);
SELECT pg_temp.rejects('measure_shape_known', $$INSERT INTO measure (name, shape, unit) VALUES ('m2', 'monthly', 'u')$$);
SELECT pg_temp.rejects('measure_unit_not_blank', $$INSERT INTO measure (name, shape, unit) VALUES ('m2', 'yearly', ' ')$$);
SELECT pg_temp.rejects('reported_value_pkey',
  $$INSERT INTO reported_value (measure, year, value, reported_on) VALUES ('publications', 2026, 13, '2027-01-15')$$);
SELECT pg_temp.rejects('reported_value_measure_fk',
  $$INSERT INTO reported_value (measure, year, value, reported_on) VALUES ('people_trained', 2026, 13, '2027-01-15')$$);
SELECT pg_temp.rejects('reported_value_year_plausible',
  $$INSERT INTO reported_value (measure, year, value, reported_on) VALUES ('publications', 26, 13, '2027-01-15')$$);
SELECT pg_temp.rejects('reported_value_value_finite',
  $$INSERT INTO reported_value (measure, year, value, reported_on) VALUES ('publications', 2027, 'NaN', '2028-01-15')$$);
SELECT pg_temp.rejects('reported_value_reported_on_finite',
  $$INSERT INTO reported_value (measure, year, value, reported_on) VALUES ('publications', 2027, 1, 'infinity')$$);

-- ---- natural keys and the import log (doc/import.md) ----
SELECT pg_temp.rejects('call_for_projects_theme_launched_on_unique',
  $$INSERT INTO call_for_projects (theme, launched_on) VALUES ('AI and health', '2020-01-20')$$);
SELECT lives_ok($$INSERT INTO call_for_projects (theme, launched_on) VALUES ('AI and health', '2021-01-20')$$,
  'a call on the same theme launched another day is accepted');
SELECT pg_temp.rejects('partnership_partner_signed_on_unique',
  $$INSERT INTO partnership (partner, infrastructure, level, signed_on) VALUES ('regional hub', 'local', 'national', '2023-04-01')$$);
SELECT pg_temp.rejects('civil_society_exchange_held_on_kind_counterpart_unique',
  $$INSERT INTO civil_society_exchange (held_on, kind, counterpart) VALUES ('2023-05-01', 'committee', 'users'' committee')$$);
-- (the exclusion constraint already keeps two periods of a project from
-- starting the same day; the index is the arbiter import() names)
SELECT lives_ok($$INSERT INTO platform_usage (project_id, period) VALUES (101, '[2022-01-01,2022-03-01)')
                  ON CONFLICT (project_id, pg_catalog.lower(period)) DO UPDATE SET period = EXCLUDED.period$$,
  'platform_usage_project_start_key is an ON CONFLICT arbiter: project and first day');
SELECT is((SELECT period FROM platform_usage WHERE usage_id = 101), '[2022-01-01,2022-03-01)'::daterange,
  'the period starting that day was updated');
INSERT INTO import_batch (batch_id, target, source, started_at, imported_by) VALUES (101, 'project', 'pg_temp.s', now(), 'me');
SELECT pg_temp.rejects('import_batch_pkey',
  $$INSERT INTO import_batch (batch_id, target, source, started_at, imported_by) VALUES (101, 'project', 's', now(), 'me')$$);
SELECT pg_temp.rejects('import_batch_counts_add_up',
  $$UPDATE import_batch SET source_rows = 3, inserted = 1, updated = 0, unchanged = 0, rejected = 1 WHERE batch_id = 101$$);
INSERT INTO import_reject VALUES (101, 1, '{}', '22007', NULL, 'bad date');
SELECT pg_temp.rejects('import_reject_pkey', $$INSERT INTO import_reject VALUES (101, 1, '{}', '22007', NULL, 'again')$$);
SELECT pg_temp.rejects('import_reject_batch_fk', $$INSERT INTO import_reject VALUES (102, 1, '{}', '22007', NULL, 'no batch')$$);

-- ---- cascades ----
DELETE FROM project WHERE project_id = 101;
SELECT is((SELECT count(*)::integer FROM project_source WHERE project_id = 101), 0,
  'deleting a project deletes its sources');
SELECT is((SELECT count(*)::integer FROM platform_usage WHERE project_id = 101), 0,
  'deleting a project deletes its usage periods');

-- ---- refresh_log (written by refresh(), doc/refresh.md) ----
INSERT INTO refresh_log VALUES ('scorecard_mv', '2025-06-30', '2025-06-30 03:17:00+00', '2025-06-30 03:17:01+00', 1000, 4, true);
SELECT pg_temp.rejects('refresh_log_pkey',
  $$INSERT INTO refresh_log VALUES ('scorecard_mv', '2025-06-30', '2025-06-30 03:17:00+00', '2025-06-30 03:17:02+00', 2000, 4, true)$$);

-- ---- network_hub, network_imported_summary (doc/network.md) ----
INSERT INTO network_hub (hub, extension_version) VALUES ('offline', '0.3.0');
SELECT pg_temp.rejects('network_hub_pkey',
  $$INSERT INTO network_hub (hub, extension_version) VALUES ('offline', '0.3.0')$$);
SELECT pg_temp.rejects('network_hub_name_valid',
  $$INSERT INTO network_hub (hub, extension_version) VALUES ('Off Line', '0.3.0')$$);
SELECT pg_temp.rejects('network_imported_summary_hub_fk',
  $$INSERT INTO network_imported_summary (hub, as_of, part, label) VALUES ('elsewhere', '2025-06-30', 'series', 'platform_projects')$$);

-- ---- deadlines (doc/monitoring.md) ----
SELECT columns_are('hdh_roadmap', 'deadline',
  ARRAY['id', 'title', 'from_milestone', 'to_milestone', 'days', 'extension_days', 'source_quote', 'active', 'origin'],
  'deadline columns');
INSERT INTO deadline (id, title, from_milestone, to_milestone, days) VALUES ('mine', 't', 'submitted', 'file_complete', 1);
SELECT pg_temp.rejects('deadline_pkey',
  $$INSERT INTO deadline (id, title, from_milestone, to_milestone, days) VALUES ('mine', 't', 'submitted', 'file_complete', 1)$$);
SELECT pg_temp.rejects('deadline_id_format',
  $$INSERT INTO deadline (id, title, from_milestone, to_milestone, days) VALUES ('1st', 't', 'submitted', 'file_complete', 1)$$);
SELECT pg_temp.rejects('deadline_title_not_blank',
  $$INSERT INTO deadline (id, title, from_milestone, to_milestone, days) VALUES ('d', '  ', 'submitted', 'file_complete', 1)$$);
SELECT pg_temp.rejects('deadline_days_positive',
  $$INSERT INTO deadline (id, title, from_milestone, to_milestone, days) VALUES ('d', 't', 'submitted', 'file_complete', 0)$$);
SELECT pg_temp.rejects('deadline_extension_days_not_negative',
  $$INSERT INTO deadline (id, title, from_milestone, to_milestone, days, extension_days) VALUES ('d', 't', 'submitted', 'file_complete', 1, -5)$$);
SELECT pg_temp.rejects('deadline_span_forward',
  $$INSERT INTO deadline (id, title, from_milestone, to_milestone, days) VALUES ('d', 't', 'file_complete', 'file_complete', 1)$$);
SELECT pg_temp.rejects('deadline_total_in_range',
  $$INSERT INTO deadline (id, title, from_milestone, to_milestone, days, extension_days) VALUES ('d', 't', 'submitted', 'file_complete', 2147483647, 1)$$);
SELECT throws_ok($$INSERT INTO deadline (id, title, from_milestone, to_milestone, days) VALUES ('d', 't', 'submitted', 'signed', 1)$$,
  '22P02', NULL, 'a deadline ends on a milestone of the procedure (enum milestone)');

-- ---- every constraint of the schema was tested above ----
SELECT set_eq(
  $$SELECT DISTINCT conname::text FROM tested$$,
  $$SELECT conname::text FROM pg_constraint
     WHERE connamespace = 'hdh_roadmap'::regnamespace AND conrelid <> 0$$,
  'every constraint of the schema has a failing row above');

SELECT * FROM finish();
ROLLBACK;
