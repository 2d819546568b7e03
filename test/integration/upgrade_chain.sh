#!/usr/bin/env bash
# test/integration/upgrade_chain.sh — every frozen release upgrades to the
# current version and ends up with the catalog of a fresh install.
#
# For each release X frozen in src/sql/releases/ (oldest first): a fresh
# database gets CREATE EXTENSION hdh_roadmap VERSION 'X', a little data (the
# record tables, an edited seed row, a user table holding stored
# delay_summary and year_counts values), then ALTER EXTENSION hdh_roadmap
# UPDATE. Its catalog is then compared with a fresh install of the current
# version, one line per object and attribute (functions, aggregates, types,
# enums, operators, operator families and classes, casts, relations, columns,
# constraints, indexes, views, triggers, sequences, rules, policies, comments,
# initial privileges, the extension's member list): any difference fails and
# is printed. The user's records must be unchanged by the update (the seeded
# tables, whose pristine seeds an update may correct, must equal a fresh
# install's), and the *_at
# functions must give what the fresh install gives on the same data. The
# oldest release is also updated one version at a time through every later
# one. Nothing here knows what a release contains: the releases are read
# from src/sql/releases/ and the current version from hdh_roadmap.control.
# Prints TAP. Needs $PG_BIN and the cluster's PGHOST/PGPORT/PGUSER (test/run).
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1
: "${PG_BIN:?PG_BIN must point at the server binaries}"
export PGDATABASE=postgres

. test/lib/tap.sh
q() { local db=$1; shift; psql -X -q -A -t -v ON_ERROR_STOP=1 -d "$db" "$@"; }

LATEST=$(sed -n "s/^default_version *= *'\([^']*\)'.*/\1/p" hdh_roadmap.control)
mapfile -t RELEASES < <(for f in src/sql/releases/hdh_roadmap--*.sql; do
	[ -e "$f" ] || continue; f=${f##*--}; echo "${f%.sql}"; done | sort -V)
# Every version, oldest first: the releases and the current one.
mapfile -t VERSIONS < <(printf '%s\n' "${RELEASES[@]}" "$LATEST" | sort -V -u)

TMP=$(mktemp -d "${WORK:-${TMPDIR:-/tmp}}/upgrade_chain.XXXXXX") || exit 1
DBS=(hdh_up_fresh hdh_up_steps)
for i in "${!RELEASES[@]}"; do DBS+=("hdh_up_$i"); done
drop_all() {
	local db
	for db in "${DBS[@]}"; do psql -X -q -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1; done
}
trap 'drop_all; rm -rf "$TMP"' EXIT
drop_all

# catalog DB: the extension's catalog as sorted text lines "kind identity
# attribute = value", with every OID turned into a name, so that two
# databases compare line by line. Names are printed schema-qualified.
catalog() {
	q "$1" <<'SQL' >"$TMP/catalog.out" || return 1
SET search_path = pg_catalog;
CREATE FUNCTION pg_temp.lines(kind text, ident text, j jsonb) RETURNS SETOF text
  LANGUAGE sql AS $$ SELECT kind || ' ' || ident || ' ' || e.key || ' = ' || e.value::text
                       FROM pg_catalog.jsonb_each(j) AS e $$;
CREATE FUNCTION pg_temp.types(oid[]) RETURNS text
  LANGUAGE sql AS $$ SELECT pg_catalog.string_agg(pg_catalog.format_type(t, NULL), ',' ORDER BY o)
                       FROM pg_catalog.unnest($1) WITH ORDINALITY AS u(t, o) $$;
CREATE TEMP VIEW ext AS SELECT oid FROM pg_extension WHERE extname = 'hdh_roadmap';
CREATE TEMP VIEW ns AS SELECT extnamespace AS oid FROM pg_extension WHERE extname = 'hdh_roadmap';
CREATE TEMP VIEW rels AS SELECT c.oid FROM pg_class c WHERE c.relnamespace = (SELECT oid FROM ns);

-- the extension itself
SELECT pg_temp.lines('extension', e.extname, jsonb_build_object(
         'extversion', e.extversion, 'extrelocatable', e.extrelocatable,
         'extnamespace', e.extnamespace::regnamespace::text,
         -- each dumped table with its condition, by name: the order of
         -- registration (parts of a fresh install, sections of an upgrade)
         -- means nothing to pg_dump
         'extconfig', (SELECT string_agg(c::regclass::text || ' ' || quote_literal(w), ', '
                                         ORDER BY c::regclass::text)
                         FROM unnest(e.extconfig, e.extcondition) AS u(c, w))))
  FROM pg_extension e WHERE e.extname = 'hdh_roadmap';

-- the member list
SELECT 'member ' || pg_describe_object(d.classid, d.objid, d.objsubid)
  FROM pg_depend d WHERE d.refclassid = 'pg_extension'::regclass AND d.refobjid = (SELECT oid FROM ext)
   AND d.deptype = 'e';

-- functions, procedures and aggregates: every pg_proc column
SELECT pg_temp.lines('function', p.oid::regprocedure::text,
         to_jsonb(p) - 'oid' - 'pronamespace' - 'proowner' - 'proargdefaults' - 'prosqlbody'
         || jsonb_build_object(
              'proowner', pg_get_userbyid(p.proowner),
              'prolang', (SELECT lanname FROM pg_language WHERE oid = p.prolang),
              'provariadic', format_type(p.provariadic, NULL),
              'prorettype', format_type(p.prorettype, NULL),
              'proargtypes', pg_temp.types(p.proargtypes::oid[]),
              'proallargtypes', pg_temp.types(p.proallargtypes),
              'protrftypes', pg_temp.types(p.protrftypes),
              'arguments', pg_get_function_arguments(p.oid),
              'result', pg_get_function_result(p.oid),
              'sqlbody', CASE WHEN p.prosqlbody IS NOT NULL THEN pg_get_function_sqlbody(p.oid) END))
  FROM pg_proc p WHERE p.pronamespace = (SELECT oid FROM ns);

-- aggregates: every pg_aggregate column
SELECT pg_temp.lines('aggregate', a.aggfnoid::regprocedure::text,
         to_jsonb(a) - 'aggfnoid'
         || jsonb_build_object(
              'aggsortop', a.aggsortop::regoperator::text,
              'aggtranstype', format_type(a.aggtranstype, NULL),
              'aggmtranstype', format_type(a.aggmtranstype, NULL)))
  FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid WHERE p.pronamespace = (SELECT oid FROM ns);

-- types: every pg_type column; enums: their labels in order
SELECT pg_temp.lines('type', format_type(t.oid, NULL),
         to_jsonb(t) - 'oid' - 'typnamespace' - 'typowner' - 'typdefaultbin'
         || jsonb_build_object(
              'typowner', pg_get_userbyid(t.typowner),
              'typrelid', CASE WHEN t.typrelid <> 0 THEN t.typrelid::regclass::text END,
              'typelem', format_type(t.typelem, NULL),
              'typarray', format_type(t.typarray, NULL),
              'typbasetype', format_type(t.typbasetype, NULL),
              'typcollation', CASE WHEN t.typcollation <> 0 THEN t.typcollation::regcollation::text END))
  FROM pg_type t WHERE t.typnamespace = (SELECT oid FROM ns);
SELECT 'enum ' || format_type(e.enumtypid, NULL) || ' labels = '
       || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)
  FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid WHERE t.typnamespace = (SELECT oid FROM ns)
 GROUP BY e.enumtypid;

-- operators: every pg_operator column
SELECT pg_temp.lines('operator', o.oid::regoperator::text,
         to_jsonb(o) - 'oid' - 'oprnamespace' - 'oprowner'
         || jsonb_build_object(
              'oprowner', pg_get_userbyid(o.oprowner),
              'oprleft', format_type(o.oprleft, NULL),
              'oprright', format_type(o.oprright, NULL),
              'oprresult', format_type(o.oprresult, NULL),
              'oprcom', o.oprcom::regoperator::text,
              'oprnegate', o.oprnegate::regoperator::text))
  FROM pg_operator o WHERE o.oprnamespace = (SELECT oid FROM ns);

-- operator families and classes, their operators and support functions
SELECT pg_temp.lines('opfamily', pg_describe_object('pg_opfamily'::regclass, f.oid, 0),
         jsonb_build_object('owner', pg_get_userbyid(f.opfowner)))
  FROM pg_opfamily f WHERE f.opfnamespace = (SELECT oid FROM ns);
SELECT pg_temp.lines('opclass', pg_describe_object('pg_opclass'::regclass, c.oid, 0),
         jsonb_build_object('family', pg_describe_object('pg_opfamily'::regclass, c.opcfamily, 0),
                            'intype', format_type(c.opcintype, NULL), 'default', c.opcdefault,
                            'keytype', format_type(c.opckeytype, NULL),
                            'owner', pg_get_userbyid(c.opcowner)))
  FROM pg_opclass c WHERE c.opcnamespace = (SELECT oid FROM ns);
SELECT pg_temp.lines('amop', pg_describe_object('pg_amop'::regclass, a.oid, 0),
         jsonb_build_object('purpose', a.amoppurpose,
                            'sortfamily', CASE WHEN a.amopsortfamily <> 0
                                               THEN pg_describe_object('pg_opfamily'::regclass, a.amopsortfamily, 0) END,
                            'depends', (SELECT string_agg(pg_describe_object(d.refclassid, d.refobjid, 0) || ':' || d.deptype::text, ','
                                                          ORDER BY pg_describe_object(d.refclassid, d.refobjid, 0) || ':' || d.deptype::text)
                                          FROM pg_depend d WHERE d.classid = 'pg_amop'::regclass AND d.objid = a.oid)))
  FROM pg_amop a JOIN pg_opfamily f ON f.oid = a.amopfamily WHERE f.opfnamespace = (SELECT oid FROM ns);
SELECT pg_temp.lines('amproc', pg_describe_object('pg_amproc'::regclass, a.oid, 0),
         jsonb_build_object('depends', (SELECT string_agg(pg_describe_object(d.refclassid, d.refobjid, 0) || ':' || d.deptype::text, ','
                                                          ORDER BY pg_describe_object(d.refclassid, d.refobjid, 0) || ':' || d.deptype::text)
                                          FROM pg_depend d WHERE d.classid = 'pg_amproc'::regclass AND d.objid = a.oid)))
  FROM pg_amproc a JOIN pg_opfamily f ON f.oid = a.amprocfamily WHERE f.opfnamespace = (SELECT oid FROM ns);

-- casts from, to or through the extension's types and functions
SELECT pg_temp.lines('cast', pg_describe_object('pg_cast'::regclass, c.oid, 0),
         jsonb_build_object('function', CASE WHEN c.castfunc <> 0 THEN c.castfunc::regprocedure::text END,
                            'context', c.castcontext, 'method', c.castmethod))
  FROM pg_cast c
 WHERE (SELECT typnamespace FROM pg_type WHERE oid = c.castsource) = (SELECT oid FROM ns)
    OR (SELECT typnamespace FROM pg_type WHERE oid = c.casttarget) = (SELECT oid FROM ns)
    OR (SELECT pronamespace FROM pg_proc WHERE oid = c.castfunc) = (SELECT oid FROM ns);

-- relations (tables, views, materialized views, indexes, sequences)
SELECT pg_temp.lines('relation', c.oid::regclass::text,
         jsonb_build_object('relkind', c.relkind, 'relpersistence', c.relpersistence,
                            'am', (SELECT amname FROM pg_am WHERE oid = c.relam),
                            'owner', pg_get_userbyid(c.relowner),
                            'reloftype', format_type(c.reloftype, NULL),
                            'relnatts', c.relnatts, 'relchecks', c.relchecks,
                            'relhasrules', c.relhasrules, 'relhastriggers', c.relhastriggers,
                            'relrowsecurity', c.relrowsecurity, 'relforcerowsecurity', c.relforcerowsecurity,
                            'relispopulated', c.relispopulated, 'relreplident', c.relreplident,
                            'relispartition', c.relispartition, 'relacl', c.relacl::text,
                            'reloptions', c.reloptions::text,
                            'has_toast', c.reltoastrelid <> 0))
  FROM pg_class c WHERE c.oid IN (SELECT oid FROM rels);

-- columns, in order (dropped columns left out, their position is the rank)
SELECT pg_temp.lines('column', a.attrelid::regclass::text || '.' || quote_ident(a.attname),
         jsonb_build_object('position', rank() OVER (PARTITION BY a.attrelid ORDER BY a.attnum),
                            'type', format_type(a.atttypid, a.atttypmod),
                            'notnull', a.attnotnull, 'hasdef', a.atthasdef,
                            'default', pg_get_expr(d.adbin, d.adrelid),
                            'identity', a.attidentity, 'generated', a.attgenerated,
                            'collation', CASE WHEN a.attcollation <> 0 THEN a.attcollation::regcollation::text END,
                            'storage', a.attstorage, 'compression', a.attcompression,
                            'statistics', a.attstattarget,
                            -- less the attribute version that PostgreSQL 15.20+ keeps there
                            'options', (SELECT array_agg(o ORDER BY o) FROM unnest(a.attoptions) AS o
                                         WHERE o NOT LIKE 'pg\_attver=%')::text,
                            'acl', a.attacl::text, 'ndims', a.attndims))
  FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
 WHERE a.attrelid IN (SELECT oid FROM rels) AND a.attnum > 0 AND NOT a.attisdropped;

-- constraints of the tables and of the domains
SELECT pg_temp.lines('constraint', pg_describe_object('pg_constraint'::regclass, c.oid, 0),
         jsonb_build_object('definition', pg_get_constraintdef(c.oid, true), 'type', c.contype,
                            'deferrable', c.condeferrable, 'deferred', c.condeferred,
                            'validated', c.convalidated, 'local', c.conislocal, 'noinherit', c.connoinherit,
                            'index', CASE WHEN c.conindid <> 0 THEN c.conindid::regclass::text END))
  FROM pg_constraint c
 WHERE c.conrelid IN (SELECT oid FROM rels)
    OR (SELECT typnamespace FROM pg_type WHERE oid = c.contypid) = (SELECT oid FROM ns);

-- indexes
SELECT pg_temp.lines('index', i.indexrelid::regclass::text,
         jsonb_build_object('definition', pg_get_indexdef(i.indexrelid), 'unique', i.indisunique,
                            'primary', i.indisprimary, 'exclusion', i.indisexclusion,
                            'immediate', i.indimmediate, 'clustered', i.indisclustered,
                            'valid', i.indisvalid, 'replident', i.indisreplident))
  FROM pg_index i WHERE i.indrelid IN (SELECT oid FROM rels);

-- views and materialized views
SELECT pg_temp.lines('view', c.oid::regclass::text,
         jsonb_build_object('definition', pg_get_viewdef(c.oid, true)))
  FROM pg_class c WHERE c.oid IN (SELECT oid FROM rels) AND c.relkind IN ('v', 'm');

-- triggers (not the internal ones of foreign keys, whose names hold OIDs)
SELECT pg_temp.lines('trigger', t.tgname || ' on ' || t.tgrelid::regclass::text,
         jsonb_build_object('definition', pg_get_triggerdef(t.oid, true), 'enabled', t.tgenabled))
  FROM pg_trigger t WHERE t.tgrelid IN (SELECT oid FROM rels) AND NOT t.tgisinternal;

-- sequences: parameters and owner column (not their positions: data)
SELECT pg_temp.lines('sequence', s.seqrelid::regclass::text,
         jsonb_build_object('type', format_type(s.seqtypid, NULL), 'start', s.seqstart,
                            'increment', s.seqincrement, 'max', s.seqmax, 'min', s.seqmin,
                            'cache', s.seqcache, 'cycle', s.seqcycle,
                            'owned_by', (SELECT string_agg(pg_describe_object(d.refclassid, d.refobjid, d.refobjsubid)
                                                           || ':' || d.deptype::text, ',')
                                           FROM pg_depend d
                                          WHERE d.classid = 'pg_class'::regclass AND d.objid = s.seqrelid
                                            AND d.refclassid = 'pg_class'::regclass)))
  FROM pg_sequence s WHERE s.seqrelid IN (SELECT oid FROM rels);

-- rules other than the views' own, and row-level security policies
SELECT pg_temp.lines('rule', r.rulename || ' on ' || r.ev_class::regclass::text,
         jsonb_build_object('definition', pg_get_ruledef(r.oid, true)))
  FROM pg_rewrite r WHERE r.ev_class IN (SELECT oid FROM rels) AND r.rulename <> '_RETURN';
SELECT pg_temp.lines('policy', p.polname || ' on ' || p.polrelid::regclass::text,
         jsonb_build_object('cmd', p.polcmd, 'permissive', p.polpermissive,
                            'roles', (SELECT string_agg(r::regrole::text, ',' ORDER BY r::regrole::text) FROM unnest(p.polroles) r),
                            'using', pg_get_expr(p.polqual, p.polrelid),
                            'check', pg_get_expr(p.polwithcheck, p.polrelid)))
  FROM pg_policy p WHERE p.polrelid IN (SELECT oid FROM rels);

-- comments: every object created after initdb (the extension's; the tests
-- put no comment on their own objects)
SELECT 'comment ' || i.type || ' ' || i.identity || ' = ' || d.description
  FROM pg_description d, pg_identify_object(d.classoid, d.objoid, d.objsubid) AS i
 WHERE d.objoid >= 16384;

-- initial privileges of the members (what pg_dump compares ACLs against)
SELECT 'init_privs ' || pg_describe_object(p.classoid, p.objoid, p.objsubid) || ' ' || p.privtype::text
       || ' = ' || p.initprivs::text
  FROM pg_init_privs p
 WHERE (p.classoid, p.objoid) IN (SELECT d.classid, d.objid FROM pg_depend d
                                   WHERE d.refclassid = 'pg_extension'::regclass
                                     AND d.refobjid = (SELECT oid FROM ext) AND d.deptype = 'e');
SQL
	LC_ALL=C sort "$TMP/catalog.out"
}

# A little data, written against the tables every release has had since
# 0.1.0, and a user table of stored summaries (big, empty and NULL ones too).
DATA_SQL=$(cat <<'SQL'
SET search_path = hdh_roadmap, public;
INSERT INTO call_for_projects (theme, launched_on, closed_on, respondents)
VALUES ('upgrade test call', '2023-01-10', '2023-03-10', 40);
INSERT INTO catalogue_database (name, added_on) VALUES ('upgrade test database', '2021-05-01');
INSERT INTO project (reference, title, submitted_on, authorised_on, data_available_on, linkage, call_id)
SELECT 'UP-' || i, 'upgrade test project ' || i, date '2021-01-01' + i * 13,
       date '2021-01-01' + i * 13 + 30 + (i * 37) % 60,
       CASE WHEN i % 5 <> 0 THEN date '2021-01-01' + i * 13 + 90 + (i * 53) % 400 END,
       (ARRAY['none', 'direct', 'indirect', 'probabilistic'])[1 + i % 4]::linkage_type,
       CASE WHEN i % 3 = 0 THEN (SELECT call_id FROM call_for_projects WHERE theme = 'upgrade test call') END
  FROM generate_series(1, 120) AS i;
INSERT INTO project_source (project_id, source_name, database_id)
SELECT project_id, 'source ' || s, CASE WHEN s = 1 THEN (SELECT database_id FROM catalogue_database) END
  FROM project, generate_series(1, 2) AS s WHERE reference LIKE 'UP-%';
INSERT INTO platform_usage (project_id, period)
SELECT project_id, daterange(data_available_on, CASE WHEN project_id % 2 = 0 THEN data_available_on + 300 END)
  FROM project WHERE data_available_on IS NOT NULL;
INSERT INTO partnership (partner, infrastructure, level, signed_on)
SELECT 'partner ' || i, (ARRAY['local', 'mutualised'])[1 + i % 2]::infrastructure_kind,
       (ARRAY['regional', 'national', 'european'])[1 + i % 3]::partnership_level, date '2021-03-01' + i * 29
  FROM generate_series(1, 50) AS i;
INSERT INTO civil_society_exchange (held_on, kind, counterpart, participants)
SELECT date '2021-02-01' + i * 11, 'meeting', 'counterpart ' || i, i FROM generate_series(1, 120) AS i;
UPDATE target SET value = 190 WHERE id = 'platform_projects';
INSERT INTO target (id, roadmap, axis, title, indicator, measure, kind, value, baseline_year, start_year, deadline, unit)
VALUES ('upgrade_exchanges', 'upgrade test', 4, 'Exchanges doubled', 'exchanges per year', 'civil_society_exchanges',
        'multiply_by', 2, 2022, 2023, '2025-12-31', 'exchanges per year');

CREATE SCHEMA app;
CREATE TABLE app.stored (id integer PRIMARY KEY, s hdh_roadmap.delay_summary, yc hdh_roadmap.year_counts);
INSERT INTO app.stored
SELECT g, delay_agg(submitted_on, data_available_on, date '2024-01-01'), year_counts_agg(submitted_on)
  FROM (SELECT project_id % 7 AS g, submitted_on, data_available_on FROM project) AS p GROUP BY g;
INSERT INTO app.stored VALUES
  (100, (SELECT delay_agg(d, d % 3 = 0) FROM generate_series(0, 30000) AS d),
        (SELECT year_counts_agg(make_date(y, 1, 1), y::bigint * 1000003) FROM generate_series(1, 9999) AS y)),
  (101, 'completed {} pending {}', '{}'),
  (102, NULL, NULL),
  (103, 'completed {0:1, 3:12} pending {5:2}', '{2022:5,2023:12}');
SQL
)

# data DB: the user's data and what the *_at functions make of it, as text.
data() {
	q "$1" <<'SQL'
SET search_path = pg_catalog;
-- Empty tables are left out: an update may add tables (empty until used).
SELECT format('SELECT %L || '' '' || count(*) || '' '' || md5(coalesce(string_agg(r::text, E''\n'' ORDER BY r::text), '''')) FROM hdh_roadmap.%I r HAVING count(*) > 0',
              relname, relname)
  FROM pg_class WHERE relnamespace = 'hdh_roadmap'::regnamespace AND relkind = 'r'
   AND relname <> 'refresh_log' ORDER BY relname
\gexec
SELECT 'app.stored ' || count(*) || ' ' || md5(string_agg(r::text, E'\n' ORDER BY r.id)) FROM app.stored r;
SELECT 'indicator_series_at ' || md5(string_agg(r::text, E'\n')) FROM hdh_roadmap.indicator_series_at('2025-06-30') r;
SELECT 'access_delay_at ' || md5(string_agg(r::text, E'\n')) FROM hdh_roadmap.access_delay_at('2025-06-30') r;
-- the columns every version has (0.3.0 added deadline_passed, measured_on, years_short)
SELECT 'scorecard_at ' || md5(string_agg((to_jsonb(r) - 'deadline_passed' - 'measured_on' - 'years_short')::text, E'\n'))
  FROM hdh_roadmap.scorecard_at('2025-06-30') r;
SQL
}

# A measure of the user's own (0.3.0, doc/measures.md), added after the
# update: an upgraded database scores it as a fresh install does.
MEASURE_SQL=$(cat <<'SQL'
SET search_path = hdh_roadmap, public;
SELECT register_measure('upgrade_publications', 'yearly', 'publications');
INSERT INTO reported_value (measure, year, value, reported_on)
VALUES ('upgrade_publications', 2025, 38, '2026-01-20'), ('upgrade_publications', 2026, 45, '2027-01-15');
INSERT INTO target (id, roadmap, axis, title, indicator, measure, kind, value, baseline_year, start_year, deadline, unit)
VALUES ('upgrade_publications', 'upgrade test', 1, '50 publications a year', 'publications', 'upgrade_publications',
        'at_least', 50, 2025, 2026, '2028-12-31', 'publications per year');
SQL
)
MEASURE_CARD="SELECT string_agg(to_jsonb(r)::text, E'\n' ORDER BY r.target_id) FROM hdh_roadmap.scorecard_at('2027-03-31') r"


echo "1..$((7 + 12 * ${#RELEASES[@]} + 3))"

is "$([ ${#RELEASES[@]} -gt 0 ] && echo yes)" "yes" "src/sql/releases/ holds at least one frozen release (${RELEASES[*]:-none})"
is "$(printf '%s\n' "${VERSIONS[@]}" | tail -1)" "$LATEST" \
   "the current version $LATEST is the newest (versions: ${VERSIONS[*]})"

# ---- the reference: a fresh install of the current version ----
psql -X -q -c "CREATE DATABASE hdh_up_fresh" >/dev/null
run "CREATE EXTENSION hdh_roadmap (version $LATEST) in a fresh database" q hdh_up_fresh -c "CREATE EXTENSION hdh_roadmap"
run "the data loads into the fresh install" q hdh_up_fresh -c "$DATA_SQL"
run "the catalog and the data of the fresh install are read" \
    eval 'catalog hdh_up_fresh >"$TMP/fresh.catalog" && data hdh_up_fresh >"$TMP/fresh.data"'
run "a measure of the user's own in the fresh database" q hdh_up_fresh -c "$MEASURE_SQL"
is "$(grep -c '^member ' "$TMP/fresh.catalog") members, $(grep -c '' "$TMP/fresh.catalog") lines" \
   "$(q hdh_up_fresh -c "SELECT count(*) FROM pg_depend WHERE refclassid = 'pg_extension'::regclass AND deptype = 'e' AND refobjid = (SELECT oid FROM pg_extension WHERE extname = 'hdh_roadmap')") members, $(grep -c '' "$TMP/fresh.catalog") lines" \
   "the catalog of the fresh install lists every member ($(grep -c '' "$TMP/fresh.catalog") lines)"

# compare_catalog DB LABEL: the catalog of DB equals the fresh install's.
compare_catalog() {
	local out
	if ! out=$(catalog "$1" 2>&1 >"$TMP/$1.catalog"); then
		not_ok "$2: the catalog equals a fresh install of $LATEST"
		echo "#   reading the catalog failed:"; sed 's/^/#   /' <<<"$out"
	elif out=$(diff -u "$TMP/fresh.catalog" "$TMP/$1.catalog"); then
		ok "$2: the catalog equals a fresh install of $LATEST ($(grep -c '' "$TMP/$1.catalog") lines)"
	else
		not_ok "$2: the catalog equals a fresh install of $LATEST"
		echo "#   diff (- fresh install, + updated):"
		sed 's/^/#   /' <<<"$out" | head -200
	fi
}

# ---- every release, updated to the current version ----
for i in "${!RELEASES[@]}"; do
	X=${RELEASES[$i]}
	db=hdh_up_$i
	psql -X -q -c "CREATE DATABASE $db" >/dev/null
	run "$X: CREATE EXTENSION hdh_roadmap VERSION '$X'" q "$db" -c "CREATE EXTENSION hdh_roadmap VERSION '$X'"
	is "$(q "$db" -c "SELECT extversion FROM pg_extension WHERE extname = 'hdh_roadmap'")" "$X" "$X: installed at version $X"
	run "$X: the data loads" q "$db" -c "$DATA_SQL"
	run "$X: the data and the *_at results are read" eval 'data "$db" >"$TMP/$db.before"'
	path=$(q "$db" -c "SELECT path FROM pg_extension_update_paths('hdh_roadmap') WHERE source = '$X' AND target = '$LATEST'")
	is "$([ -n "$path" ] && echo found)" "found" "$X: an update path to $LATEST exists (${path:-none})"
	run "$X: ALTER EXTENSION hdh_roadmap UPDATE" q "$db" -c "ALTER EXTENSION hdh_roadmap UPDATE"
	is "$(q "$db" -c "SELECT extversion FROM pg_extension WHERE extname = 'hdh_roadmap'")" "$LATEST" "$X: now at version $LATEST"
	compare_catalog "$db" "$X updated"
	# The user's records are untouched; the seeded tables may have had their
	# pristine seeds corrected by the update, so they must equal a fresh
	# install's, loaded with the same data.
	# A table the update creates is empty: data() leaves empty tables out.
	is "$(data "$db" 2>&1 | grep -vE '^(target|baseline_fact|measure|reported_value|deadline) ')" \
	   "$(grep -vE '^(target|baseline_fact|measure|reported_value|deadline) ' "$TMP/$db.before")" \
	   "$X updated: the records (tables but the seeded ones, stored summaries, *_at results) are unchanged"
	is "$(data "$db" | grep -E '^(target|baseline_fact|measure|reported_value|deadline) ')" \
	   "$(grep -E '^(target|baseline_fact|measure|reported_value|deadline) ' "$TMP/fresh.data")" \
	   "$X updated: target, baseline_fact, the measure registry and deadline equal a fresh install's"
	is "$(data "$db" | grep '_at ')" "$(grep '_at ' "$TMP/fresh.data")" \
	   "$X updated: the *_at functions give what the fresh install gives on the same data"
	is "$(q "$db" -c "$MEASURE_SQL" >/dev/null 2>&1; q "$db" -c "$MEASURE_CARD" 2>&1)" "$(q hdh_up_fresh -c "$MEASURE_CARD")" \
	   "$X updated: a measure of the user's own is scored as in a fresh install"
done

# ---- the oldest release, one version at a time ----
psql -X -q -c "CREATE DATABASE hdh_up_steps" >/dev/null
steps=()
if q hdh_up_steps -c "CREATE EXTENSION hdh_roadmap VERSION '${VERSIONS[0]}'" >"$TMP/steps.log" 2>&1 &&
   q hdh_up_steps -c "$DATA_SQL" >>"$TMP/steps.log" 2>&1; then
	status=0
	for v in "${VERSIONS[@]:1}"; do
		steps+=("$v")
		q hdh_up_steps -c "ALTER EXTENSION hdh_roadmap UPDATE TO '$v'" >>"$TMP/steps.log" 2>&1 || { status=1; break; }
	done
else status=1; fi
if [ "$status" -eq 0 ]; then ok "${VERSIONS[0]} updated one version at a time: ${VERSIONS[*]}"
else not_ok "${VERSIONS[0]} updated one version at a time: ${VERSIONS[0]} ${steps[*]}"; sed 's/^/#   /' "$TMP/steps.log"; fi
compare_catalog hdh_up_steps "${VERSIONS[0]} updated step by step"
is "$(q hdh_up_steps -c "SELECT count(*) FROM hdh_roadmap.refresh()")" "4" "refresh() runs after the update"

[ "$fails" -eq 0 ]
