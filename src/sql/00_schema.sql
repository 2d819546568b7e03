-- hdh_roadmap: schema-wide settings. Objects live in schema hdh_roadmap
-- (created by CREATE EXTENSION from the control file).

\echo Use "CREATE EXTENSION hdh_roadmap" to load this file. \quit

COMMENT ON SCHEMA hdh_roadmap IS
  'hdh_roadmap: a health data hub''s roadmap indicators, targets and progress scoring';
