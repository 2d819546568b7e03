-- The extension installs into its own schema, at the control file's version,
-- drops cleanly, and installs again.
SELECT extname, extnamespace::regnamespace AS schema, extrelocatable
  FROM pg_extension WHERE extname = 'hdh_roadmap';

-- Every object the extension owns lives in schema hdh_roadmap.
SELECT count(*) AS objects_outside_schema
  FROM pg_depend d
  JOIN pg_proc p ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid
 WHERE d.refclassid = 'pg_extension'::regclass
   AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'hdh_roadmap')
   AND p.pronamespace <> 'hdh_roadmap'::regnamespace;

-- DROP EXTENSION removes every member; the schema itself is not a member
-- (PostgreSQL creates it from the control file) and is left empty.
DROP EXTENSION hdh_roadmap;
SELECT (SELECT count(*) FROM pg_class WHERE relnamespace = 'hdh_roadmap'::regnamespace)
     + (SELECT count(*) FROM pg_proc WHERE pronamespace = 'hdh_roadmap'::regnamespace)
     + (SELECT count(*) FROM pg_type WHERE typnamespace = 'hdh_roadmap'::regnamespace)
       AS objects_left;
DROP SCHEMA hdh_roadmap;

-- Installing again recreates the schema.

CREATE EXTENSION hdh_roadmap;
SELECT extname, extnamespace::regnamespace AS schema
  FROM pg_extension WHERE extname = 'hdh_roadmap';

-- A second CREATE is refused, and IF NOT EXISTS is a no-op.
\set VERBOSITY terse
CREATE EXTENSION hdh_roadmap;
CREATE EXTENSION IF NOT EXISTS hdh_roadmap;
