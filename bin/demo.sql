-- What bin/demo prints once the extension is created.
\pset footer off
\echo
\echo == hdh_roadmap
SELECT extname AS extension, extversion AS version, extnamespace::regnamespace AS schema
  FROM pg_extension WHERE extname = 'hdh_roadmap';
