-- pgTAP: the extension's schema, version and comments.
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS hdh_roadmap;
SELECT plan(5);

SELECT has_extension('hdh_roadmap', 'the extension is installed');
SELECT has_schema('hdh_roadmap', 'schema hdh_roadmap exists');
SELECT is(
  (SELECT extversion FROM pg_extension WHERE extname = 'hdh_roadmap'),
  (SELECT default_version FROM pg_available_extensions WHERE name = 'hdh_roadmap'),
  'the installed version is the control file''s default version');
SELECT is(
  (SELECT extrelocatable FROM pg_extension WHERE extname = 'hdh_roadmap'),
  false, 'the extension is not relocatable');
SELECT isnt(obj_description('hdh_roadmap'::regnamespace, 'pg_namespace'), NULL,
  'the schema has a comment');

SELECT * FROM finish();
ROLLBACK;
