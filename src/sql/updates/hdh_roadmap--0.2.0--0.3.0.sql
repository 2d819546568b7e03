-- hdh_roadmap upgrade script 0.2.0 -> 0.3.0 (ALTER EXTENSION hdh_roadmap UPDATE).
-- See CHANGELOG.md. After it, the catalog equals a fresh install of 0.3.0:
-- test/integration/upgrade_chain.sh compares the two, object by object.
-- Plain DDL, one section per change, in the order of the install-script parts.

\echo Use "ALTER EXTENSION hdh_roadmap UPDATE TO '0.3.0'" to load this file. \quit

-- ---- imports of a hub's exports (issue 14) --------------------------------------



-- ---- measures as data and verdicts after the deadline (issues 18, 19) -----------



-- ---- monitoring (issue 15) ------------------------------------------------------



-- ---- end ---------------------------------------------------------------------------
