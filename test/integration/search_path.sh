#!/usr/bin/env bash
# test/integration/search_path.sh — the extension is safe against a hostile
# search_path (doc/security.md).
#
# Static checks, from the catalog: no member is SECURITY DEFINER; every SQL
# and PL/pgSQL function pins search_path (pg_catalog first, pg_temp listed
# last, nothing a user can create in); every other function is C (aggregates:
# internal, with C support functions); doc/security.md lists each SQL and
# PL/pgSQL function with the rule it follows.
#
# Dynamic checks: schema evil gets a look-alike that raises 'hijacked' for
# every function, aggregate and operator name that the extension's SQL and
# PL/pgSQL bodies and its view definitions use (found by scanning
# pg_proc.prosrc and pg_get_viewdef, every pg_catalog and hdh_roadmap
# overload copied with its exact signature), plus the usual suspects (avg,
# count, coalesce, least, greatest, nullif, percentile_cont, date_trunc,
# lower, upper, range_agg, now, ...) and domains named like the types they
# use (float8, date, text, ...). A session then also creates temporary
# look-alikes (a view named like each of the extension's tables and views,
# domains named like the types, which pg_temp would serve first), sets
# search_path = evil, hdh_roadmap, public, pg_catalog and runs every view,
# every function of the extension (each *_at function, refresh(), the
# accessors, the aggregates), and the triggers of target and baseline_fact
# (insert, update, a seed replaced). No 'hijacked' may surface and every
# result must equal the one of a session with a normal search_path. A
# self-test then unpins decimal_year's search_path and checks the harness
# notices. Prints TAP. Needs $PG_BIN and the cluster's PGHOST/PGPORT/PGUSER.
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1
: "${PG_BIN:?PG_BIN must point at the server binaries}"
export PGDATABASE=postgres

. test/lib/tap.sh
q() { local db=$1; shift; psql -X -q -A -t -v ON_ERROR_STOP=1 -d "$db" "$@"; }

DB=hdh_search_path
TMP=$(mktemp -d "${WORK:-${TMPDIR:-/tmp}}/search_path.XXXXXX") || exit 1
trap 'psql -X -q -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1; rm -rf "$TMP"' EXIT
psql -X -q -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB" >/dev/null 2>&1

echo "1..15"

if q "$DB" -c "CREATE EXTENSION hdh_roadmap" >"$TMP/load.log" 2>&1 &&
   q "$DB" -v seed=5 -v scale=0.3 -f sample/load.sql >>"$TMP/load.log" 2>&1; then
	ok "the database has the extension and the sample"
else not_ok "the database has the extension and the sample"; sed 's/^/#   /' "$TMP/load.log"; fi

MEMBERS="SELECT p.* FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_depend d
           ON d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND d.objid = p.oid AND d.deptype = 'e'
          AND d.refobjid = (SELECT oid FROM pg_catalog.pg_extension WHERE extname = 'hdh_roadmap')"

# ---- static checks ----------------------------------------------------------------
is "$(q "$DB" -c "SELECT count(*) FILTER (WHERE prosecdef) || ' of ' || count(*) FROM ($MEMBERS) p")" \
   "0 of $(q "$DB" -c "SELECT count(*) FROM ($MEMBERS) p")" "no function of the extension is SECURITY DEFINER"

# Every SQL / PL/pgSQL member, with its search_path and whether it is safe:
# pg_catalog first, pg_temp listed (hence not searched first), only
# pg_catalog, the extension's schema and pg_temp in it.
q "$DB" >"$TMP/sql_functions" <<SQL
SELECT p.oid::pg_catalog.regprocedure::pg_catalog.text || ' ' || l.lanname || ' '
       || coalesce(pg_catalog.array_to_string(p.proconfig, ';'), 'no-config') || ' '
       || CASE WHEN cfg.path IS NULL THEN 'UNSAFE(no search_path)'
               WHEN cfg.path[1] <> 'pg_catalog' THEN 'UNSAFE(pg_catalog not first)'
               WHEN cfg.path[pg_catalog.array_length(cfg.path, 1)] <> 'pg_temp' THEN 'UNSAFE(pg_temp not last)'
               WHEN NOT cfg.path <@ ARRAY['pg_catalog', 'hdh_roadmap', 'pg_temp'] THEN 'UNSAFE(other schema)'
               ELSE 'safe' END
  FROM ($MEMBERS) p JOIN pg_catalog.pg_language l ON l.oid = p.prolang
  LEFT JOIN LATERAL (SELECT pg_catalog.regexp_split_to_array(pg_catalog.substr(c, 13), ',\s*') AS path
                       FROM pg_catalog.unnest(p.proconfig) AS c WHERE c LIKE 'search_path=%') AS cfg ON true
 WHERE l.lanname NOT IN ('c', 'internal')
 ORDER BY 1;
SQL
n_sql=$(grep -c '' "$TMP/sql_functions")
is "$(grep -c ' safe$' "$TMP/sql_functions") safe; unsafe: $(grep -v ' safe$' "$TMP/sql_functions" | paste -sd, -)" \
   "$(q "$DB" -c "SELECT count(*) FROM ($MEMBERS) p WHERE p.prolang IN (SELECT oid FROM pg_catalog.pg_language WHERE lanname NOT IN ('c', 'internal'))") safe; unsafe: " \
   "each of the $n_sql SQL and PL/pgSQL functions pins search_path to pg_catalog first, pg_temp last"
is "$(q "$DB" -c "SELECT coalesce(pg_catalog.string_agg(p.oid::pg_catalog.regprocedure::text || ':' || l.lanname || ':' || p.prokind::text, ', '), 'none')
                    FROM ($MEMBERS) p JOIN pg_catalog.pg_language l ON l.oid = p.prolang
                   WHERE NOT (l.lanname IN ('sql', 'plpgsql') OR l.lanname = 'c' AND p.prokind = 'f'
                              OR l.lanname = 'internal' AND p.prokind = 'a')")" "none" \
   "every other function is C ($(q "$DB" -c "SELECT count(*) FROM ($MEMBERS) p WHERE p.prolang = (SELECT oid FROM pg_catalog.pg_language WHERE lanname = 'c')") of them) or an aggregate ($(q "$DB" -c "SELECT count(*) FROM ($MEMBERS) p WHERE p.prokind = 'a'") of them)"
is "$(q "$DB" -c "SELECT count(*) FROM pg_catalog.pg_aggregate a JOIN ($MEMBERS) p ON p.oid = a.aggfnoid
                  CROSS JOIN LATERAL pg_catalog.unnest(ARRAY[a.aggtransfn, a.aggfinalfn, a.aggcombinefn, a.aggserialfn,
                                                            a.aggdeserialfn, a.aggmtransfn, a.aggminvtransfn, a.aggmfinalfn]) AS f(fn)
                  JOIN pg_catalog.pg_proc s ON s.oid = f.fn
                 WHERE s.prolang <> (SELECT oid FROM pg_catalog.pg_language WHERE lanname = 'c')")" "0" \
   "the aggregates' support functions are all C"
# doc/security.md names each SQL / PL/pgSQL function in its table.
documented=$(sed -n 's/^| `\([a-z_]*\)(.*`.*|.*|$/\1/p' doc/security.md | sort -u)
in_catalog=$(sed 's/^hdh_roadmap\.\([a-z_]*\)(.*/\1/' "$TMP/sql_functions" | sort -u)
is "$documented" "$in_catalog" "doc/security.md lists every SQL and PL/pgSQL function (and no other)"

# ---- the evil schema --------------------------------------------------------------
if q "$DB" >"$TMP/evil.log" 2>&1 <<'SQL'
SET search_path = pg_catalog;   -- format_type() then qualifies the extension's types
SET client_min_messages = warning;
CREATE SCHEMA evil;
CREATE FUNCTION evil.boom() RETURNS boolean LANGUAGE plpgsql AS $$BEGIN RAISE EXCEPTION 'hijacked'; END$$;
CREATE TABLE evil.made (kind text, name text, signature text, created boolean, reason text);

-- The names the extension's code calls: identifiers before "(" and operator
-- symbols in its SQL / PL/pgSQL bodies and in its view definitions.
CREATE TEMP VIEW ext_texts AS
SELECT p.prosrc AS t
  FROM pg_proc p JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
 WHERE d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'hdh_roadmap')
   AND p.prolang IN (SELECT oid FROM pg_language WHERE lanname IN ('sql', 'plpgsql'))
UNION ALL
SELECT pg_get_viewdef(c.oid) FROM pg_class c
 WHERE c.relnamespace = 'hdh_roadmap'::regnamespace AND c.relkind IN ('v', 'm');
CREATE TABLE evil.called_names AS
SELECT DISTINCT lower(m[1]) AS name FROM ext_texts, regexp_matches(t, '([A-Za-z_][A-Za-z0-9_]*)\s*\(', 'g') AS m
 WHERE EXISTS (SELECT FROM pg_proc p WHERE p.proname = lower(m[1])
                  AND p.pronamespace IN ('pg_catalog'::regnamespace, 'hdh_roadmap'::regnamespace))
UNION
SELECT unnest(ARRAY['avg', 'count', 'sum', 'min', 'max', 'percentile_cont', 'percentile_disc', 'date_trunc',
                    'lower', 'upper', 'range_agg', 'now', 'extract', 'date_part', 'make_date', 'format',
                    'generate_series', 'unnest', 'string_agg', 'array_agg', 'bool_and', 'power', 'round',
                    'abs', 'greatest', 'least', 'coalesce', 'nullif']);
CREATE TABLE evil.called_ops AS
SELECT DISTINCT m[1] AS name FROM ext_texts, regexp_matches(t, '([-+*/<>=~!@#%^&|`?]+)', 'g') AS m
 WHERE EXISTS (SELECT FROM pg_operator o WHERE o.oprname = m[1])
UNION
SELECT unnest(ARRAY['=', '<>', '<', '<=', '>', '>=', '+', '-', '*', '/', '||', '&&', '@>', '<@']);

-- A look-alike, raising 'hijacked', for every overload of those names in
-- pg_catalog and hdh_roadmap: same name, same argument types, same result.
DO $make$
DECLARE
  r record;
  n integer := 0;
  sig text;
  types text[];
  direct text[];
  ordered text[];
  ret text;
  body constant text := $b$ LANGUAGE plpgsql AS $f$BEGIN RAISE EXCEPTION 'hijacked'; END$f$$b$;
BEGIN
  FOR r IN SELECT p.oid, p.proname, p.prokind, p.pronargs, p.proargtypes, p.prorettype, a.aggkind, a.aggnumdirectargs
             FROM pg_proc p LEFT JOIN pg_aggregate a ON a.aggfnoid = p.oid
            WHERE p.proname IN (SELECT name FROM evil.called_names)
              AND p.pronamespace IN ('pg_catalog'::regnamespace, 'hdh_roadmap'::regnamespace)
            ORDER BY p.oid LOOP
    n := n + 1;
    sig := r.proname || '(' || pg_get_function_identity_arguments(r.oid) || ')';
    BEGIN
      IF r.prokind = 'f' AND EXISTS (SELECT FROM pg_proc x WHERE x.oid = r.oid AND 't' = ANY (x.proargmodes)) THEN
        -- RETURNS TABLE: the input arguments without their names, which may
        -- be a column's too (scorecard_at's as_of)
        EXECUTE format('CREATE FUNCTION evil.%I(%s) RETURNS %s', r.proname,
                       (SELECT string_agg(format_type(t, NULL), ', ' ORDER BY o)
                          FROM unnest(r.proargtypes::oid[]) WITH ORDINALITY AS u(t, o)),
                       pg_get_function_result(r.oid)) || body;
      ELSIF r.prokind = 'f' THEN
        -- PL/pgSQL takes no "any": anyelement (VARIADIC anyarray) stands in
        EXECUTE format('CREATE FUNCTION evil.%I(%s) RETURNS %s', r.proname,
                       replace(replace(pg_get_function_arguments(r.oid), 'VARIADIC "any"', 'VARIADIC anyarray'),
                               '"any"', 'anyelement'),
                       pg_get_function_result(r.oid)) || body;
      ELSIF r.prokind = 'a' THEN
        SELECT coalesce(array_agg(replace(format_type(t, NULL), '"any"', 'anyelement') ORDER BY o), '{}') INTO types
          FROM unnest(r.proargtypes::oid[]) WITH ORDINALITY AS u(t, o);
        direct := types[1:r.aggnumdirectargs];
        ordered := types[r.aggnumdirectargs + 1:];
        ret := format_type(r.prorettype, NULL);
        IF r.aggkind NOT IN ('n', 'o') THEN
          RAISE EXCEPTION 'a hypothetical-set aggregate';
        END IF;
        EXECUTE format('CREATE FUNCTION evil.%I(%s) RETURNS text', 'sfunc_' || n,
                       array_to_string('{text}' || ordered, ', ')) || body;
        EXECUTE format('CREATE FUNCTION evil.%I(%s) RETURNS %s', 'ffunc_' || n,
                       array_to_string('{text}' || direct || ordered, ', '), ret) || body;
        EXECUTE format('CREATE AGGREGATE evil.%I(%s) (SFUNC = evil.%I, STYPE = text, FINALFUNC = evil.%I, FINALFUNC_EXTRA)',
                       r.proname,
                       CASE WHEN r.aggkind = 'o' THEN array_to_string(direct, ', ') || ' ORDER BY ' || array_to_string(ordered, ', ')
                            WHEN r.pronargs = 0 THEN '*'
                            ELSE array_to_string(types, ', ') END,
                       'sfunc_' || n, 'ffunc_' || n);
      ELSE
        RAISE EXCEPTION 'a window function or a procedure';
      END IF;
      INSERT INTO evil.made VALUES ('function', r.proname, sig, true, NULL);
    EXCEPTION WHEN OTHERS THEN
      INSERT INTO evil.made VALUES ('function', r.proname, sig, false, SQLERRM);
    END;
  END LOOP;

  -- The grammar's own constructs (COALESCE, GREATEST, LEAST, NULLIF) are not
  -- functions: functions of those names can exist but are never called.
  FOR r IN SELECT name, t FROM unnest(ARRAY['coalesce', 'greatest', 'least', 'nullif']) AS name,
                               unnest(ARRAY['integer', 'bigint', 'double precision', 'date', 'text']) AS t LOOP
    EXECUTE format('CREATE FUNCTION evil.%I(%s, %s) RETURNS %s', r.name, r.t, r.t, r.t) || body;
    INSERT INTO evil.made VALUES ('construct', r.name, r.name || '(' || r.t || ', ' || r.t || ')', true, NULL);
  END LOOP;

  -- Every operator of those names.
  FOR r IN SELECT o.oid, o.oprname, o.oprleft, o.oprright, o.oprresult
             FROM pg_operator o
            WHERE o.oprname IN (SELECT name FROM evil.called_ops) AND o.oprcode <> 0
              AND o.oprnamespace IN ('pg_catalog'::regnamespace, 'hdh_roadmap'::regnamespace)
            ORDER BY o.oid LOOP
    sig := r.oid::regoperator::text;
    BEGIN
      EXECUTE format('CREATE FUNCTION evil.%I(%s) RETURNS %s', 'op_' || r.oid,
                     concat_ws(', ', CASE WHEN r.oprleft <> 0 THEN format_type(r.oprleft, NULL) END,
                               format_type(r.oprright, NULL)),
                     format_type(r.oprresult, NULL)) || body;
      EXECUTE format('CREATE OPERATOR evil.%s (%s FUNCTION = evil.%I)', r.oprname,
                     concat_ws(', ', 'LEFTARG = ' || CASE WHEN r.oprleft <> 0 THEN format_type(r.oprleft, NULL) END,
                               'RIGHTARG = ' || format_type(r.oprright, NULL), ''),
                     'op_' || r.oid);
      INSERT INTO evil.made VALUES ('operator', r.oprname, sig, true, NULL);
    EXCEPTION WHEN OTHERS THEN
      INSERT INTO evil.made VALUES ('operator', r.oprname, sig, false, SQLERRM);
    END;
  END LOOP;

  -- Domains named like the types, whose check raises.
  FOR r IN SELECT DISTINCT t FROM unnest(ARRAY['float8', 'date', 'text', 'int4', 'int8', 'numeric', 'bool',
                                               'daterange', 'datemultirange', 'timestamptz', 'regclass']) AS t
           UNION SELECT typname FROM pg_type
                  WHERE typnamespace = 'hdh_roadmap'::regnamespace AND typtype IN ('b', 'e') LOOP
    BEGIN
      EXECUTE format('CREATE DOMAIN evil.%I AS %s CHECK (evil.boom())', r.t,
                     (SELECT format_type(oid, NULL) FROM pg_type
                       WHERE typname = r.t AND typnamespace IN ('pg_catalog'::regnamespace, 'hdh_roadmap'::regnamespace)));
      INSERT INTO evil.made VALUES ('type', r.t, r.t, true, NULL);
    EXCEPTION WHEN OTHERS THEN
      INSERT INTO evil.made VALUES ('type', r.t, r.t, false, SQLERRM);
    END;
  END LOOP;
END
$make$;
SQL
then ok "schema evil is built: $(q "$DB" -c "SELECT string_agg(kind || 's ' || n, ', ' ORDER BY kind) FROM (SELECT kind, count(*) AS n FROM evil.made WHERE created GROUP BY kind) x") look-alikes"
else not_ok "schema evil is built"; sed 's/^/#   /' "$TMP/evil.log"; fi
# Skipped overloads: those with argument types PL/pgSQL cannot take, window functions.
q "$DB" -c "SELECT '#   not copied: ' || string_agg(DISTINCT signature || ' (' || split_part(reason, ':', 1) || ')', '; ')
              FROM evil.made WHERE NOT created HAVING count(*) > 0" | fold -w 200
is "$(q "$DB" -c "SELECT coalesce(string_agg(name, ' ' ORDER BY name), 'none') FROM (SELECT name FROM evil.called_names
                    EXCEPT SELECT name FROM evil.made WHERE created) x")" "none" \
   "every function name the extension calls has at least one look-alike in evil ($(q "$DB" -c "SELECT count(*) FROM evil.called_names") names)"
is "$(q "$DB" -c "SELECT coalesce(string_agg(name, ' ' ORDER BY name), 'none') FROM (SELECT name FROM evil.called_ops
                    EXCEPT SELECT name FROM evil.made WHERE created AND kind = 'operator') x")" "none" \
   "every operator the extension uses has look-alikes in evil: $(q "$DB" -c "SELECT string_agg(name, ' ' ORDER BY name) FROM evil.called_ops")"

# ---- the checks, the same in both sessions ---------------------------------------
# One line per check: "label md5". Written with pg_catalog-qualified names and
# no operators, so that they mean the same under both search_paths.
q "$DB" >"$TMP/checks.sql" <<'SQL'
SET search_path = pg_catalog;
-- the sample value of each argument type
CREATE TEMP TABLE sample (t regtype PRIMARY KEY, v text);
INSERT INTO sample VALUES
  ('date', '2025-06-30'), ('integer', '30'), ('bigint', '7'), ('double precision', '0.5'), ('boolean', 'true'),
  ('text', 'scorecard_at'), ('daterange', '[2023-01-01,2024-03-01)'),
  ('datemultirange', '{[2023-01-01,2023-02-01),[2024-01-01,)}'),
  ('hdh_roadmap.delay_summary', 'completed {0:1, 3:12, 7:1} pending {5:2}'),
  ('hdh_roadmap.year_counts', '{2022:5,2023:12,2025:40}'),
  ('hdh_roadmap.target_kind', 'multiply_by');
CREATE TEMP VIEW members AS
SELECT p.* FROM pg_proc p JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
 WHERE d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'hdh_roadmap');

-- every view and materialized view (hub_summaries, which has a row set per
-- day from 1990 to 2099, on one day)
SELECT format('SELECT pg_catalog.concat_ws('' '', %L, pg_catalog.md5(pg_catalog.string_agg(r::pg_catalog.text, E''\n'' ORDER BY r::pg_catalog.text))) FROM %s AS r%s;',
              'view ' || c.oid::regclass, c.oid::regclass,
              CASE WHEN c.relname = 'hub_summaries' THEN ' WHERE r.as_of OPERATOR(pg_catalog.=) ''2025-06-30''::pg_catalog.date' ELSE '' END)
  FROM pg_class c WHERE c.relnamespace = 'hdh_roadmap'::regnamespace AND c.relkind IN ('v', 'm') ORDER BY 1;
-- every function of the extension that SQL can call with sample arguments
-- (not the type I/O, the aggregates' support functions, the triggers, refresh(),
-- nor the functions that take a registered measure's name, detach_hub() and
-- network_summaries(): below, with arguments of their own)
SELECT format('SELECT pg_catalog.concat_ws('' '', %L, pg_catalog.md5(pg_catalog.string_agg(r::pg_catalog.text, E''\n'' ORDER BY r::pg_catalog.text))) FROM %s(%s) AS r;',
              'function ' || p.oid::regprocedure, p.oid::regproc,
              (SELECT string_agg(quote_literal(s.v) || '::' || format('%I.%I', n.nspname, ty.typname), ', ' ORDER BY a.o)
                 FROM unnest(p.proargtypes::oid[]) WITH ORDINALITY AS a(t, o)
                 JOIN sample s ON s.t = a.t JOIN pg_type ty ON ty.oid = a.t JOIN pg_namespace n ON n.oid = ty.typnamespace))
  FROM members p
 WHERE p.prokind = 'f' AND p.pronargs > 0 AND p.prorettype NOT IN ('internal'::regtype, 'cstring'::regtype, 'trigger'::regtype)
   AND NOT EXISTS (SELECT FROM unnest(p.proargtypes::oid[]) AS a(t) WHERE a.t NOT IN (SELECT t FROM sample))
   AND p.proname NOT IN ('unregister_measure', 'measure_source_values', 'detach_hub', 'network_summaries')
 ORDER BY 1;
-- every aggregate, over two rows of sample arguments
SELECT format('SELECT pg_catalog.concat_ws('' '', %L, pg_catalog.md5(%s(%s)::pg_catalog.text)) FROM (VALUES (%s), (%s)) AS v(%s);',
              'aggregate ' || p.oid::regprocedure, p.oid::regproc,
              (SELECT string_agg('v.a' || o, ', ' ORDER BY o) FROM generate_series(1, p.pronargs) AS o),
              args, args,
              (SELECT string_agg('a' || o, ', ' ORDER BY o) FROM generate_series(1, p.pronargs) AS o))
  FROM members p
  CROSS JOIN LATERAL (SELECT string_agg(quote_literal(s.v) || '::' || format('%I.%I', n.nspname, ty.typname), ', ' ORDER BY a.o) AS args
                        FROM unnest(p.proargtypes::oid[]) WITH ORDINALITY AS a(t, o)
                        JOIN sample s ON s.t = a.t JOIN pg_type ty ON ty.oid = a.t
                        JOIN pg_namespace n ON n.oid = ty.typnamespace) AS x
 WHERE p.prokind = 'a'
 ORDER BY 1;
SQL
cat >>"$TMP/checks.sql" <<'SQL'
SELECT pg_catalog.concat_ws(' ', 'network_summaries()', pg_catalog.count(*)) FROM hdh_roadmap.network_summaries('2025-06-30', 'series', true);
BEGIN;   -- rolled back: the import and the detach leave nothing behind
CREATE TEMP TABLE incoming AS SELECT * FROM hdh_roadmap.export_summaries('2025-06-30');
SELECT pg_catalog.concat_ws(' ', 'import_summaries()', hdh_roadmap.import_summaries('offline', 'incoming'));
SELECT pg_catalog.concat_ws(' ', 'network_access_delay_at() of an imported hub', pg_catalog.md5(pg_catalog.string_agg(r::pg_catalog.text, E'\n' ORDER BY r::pg_catalog.text))) FROM hdh_roadmap.network_access_delay_at('2025-06-30') AS r;
SELECT pg_catalog.concat_ws(' ', 'network_indicator_series_at() of an imported hub', pg_catalog.md5(pg_catalog.string_agg(r::pg_catalog.text, E'\n' ORDER BY r::pg_catalog.text))) FROM hdh_roadmap.network_indicator_series_at('2025-06-30') AS r;
SELECT pg_catalog.concat_ws(' ', 'detach_hub()', hdh_roadmap.detach_hub('offline'), pg_catalog.count(*)) FROM hdh_roadmap.hub;
ROLLBACK;
BEGIN;   -- rolled back: the next session must find refresh_log as this one did
SELECT pg_catalog.concat_ws(' ', 'refresh()', pg_catalog.string_agg(pg_catalog.concat_ws(':', view_name, row_count), ',' ORDER BY view_name)) FROM hdh_roadmap.refresh();
SELECT pg_catalog.concat_ws(' ', 'after refresh() indicator_series_mv', pg_catalog.md5(pg_catalog.string_agg(r::pg_catalog.text, E'\n' ORDER BY r::pg_catalog.text))) FROM hdh_roadmap.indicator_series_mv AS r;
SELECT pg_catalog.concat_ws(' ', 'after refresh() access_delay_mv', pg_catalog.md5(pg_catalog.string_agg(r::pg_catalog.text, E'\n' ORDER BY r::pg_catalog.text))) FROM hdh_roadmap.access_delay_mv AS r;
SELECT pg_catalog.concat_ws(' ', 'after refresh() scorecard_mv', pg_catalog.md5(pg_catalog.string_agg(r::pg_catalog.text, E'\n' ORDER BY r::pg_catalog.text))) FROM hdh_roadmap.scorecard_mv AS r;
SELECT pg_catalog.concat_ws(' ', 'after refresh() last_refresh', pg_catalog.string_agg(pg_catalog.concat_ws(':', view_name, as_of, row_count, refreshed_concurrently), ',' ORDER BY view_name)) FROM hdh_roadmap.last_refresh;
ROLLBACK;
-- the triggers of target and baseline_fact, and the constraints of the record tables
BEGIN;
INSERT INTO hdh_roadmap.target (id, roadmap, axis, title, indicator, measure, kind, value, baseline_year, start_year, deadline, unit)
VALUES ('hostile_path', 'search_path test', 2, 'A user target', 'projects per year', 'platform_projects', 'at_least', 10, 2022, 2023, '2025-12-31', 'projects');
INSERT INTO hdh_roadmap.target (id, roadmap, axis, title, indicator, measure, kind, value, baseline_year, start_year, deadline, unit, origin)
VALUES ('linkage_access_delay', 'HDH 2023-2025', 1, 'Replaced seed', 'months', 'linkage_access_delay', 'at_most', 6, 2022, 2023, '2025-12-31', 'months', 'seed');
UPDATE hdh_roadmap.target SET value = 250 WHERE id OPERATOR(pg_catalog.=) 'platform_projects';
UPDATE hdh_roadmap.target SET origin = 'user' WHERE id OPERATOR(pg_catalog.=) 'new_partnerships';
INSERT INTO hdh_roadmap.baseline_fact (id, first_year, last_year, reported_on, label, qualifier, value, unit)
VALUES ('partners', 2020, 2022, '2022-06-28', 'Partners (recount)', 'exactly', 97, 'partners');
UPDATE hdh_roadmap.baseline_fact SET value = 67 WHERE id OPERATOR(pg_catalog.=) 'accompanied_projects';
INSERT INTO hdh_roadmap.project (reference, title, submitted_on, authorised_on, data_available_on, linkage)
VALUES ('HOSTILE-1', 'hostile path project', '2024-01-10', '2024-03-01', '2024-05-02', 'direct');
INSERT INTO hdh_roadmap.platform_usage (project_id, period)
SELECT project_id, pg_catalog.daterange('2024-05-02', '2024-09-01') FROM hdh_roadmap.project WHERE reference OPERATOR(pg_catalog.=) 'HOSTILE-1';
SELECT pg_catalog.concat_ws(' ', 'triggers target', pg_catalog.string_agg(pg_catalog.concat_ws(':', id, origin, value), ',' ORDER BY id)) FROM hdh_roadmap.target;
SELECT pg_catalog.concat_ws(' ', 'triggers baseline_fact', pg_catalog.string_agg(pg_catalog.concat_ws(':', id, origin, value), ',' ORDER BY id)) FROM hdh_roadmap.baseline_fact;
SELECT pg_catalog.concat_ws(' ', 'scorecard with the new rows', pg_catalog.md5(pg_catalog.string_agg(r::pg_catalog.text, E'\n' ORDER BY r::pg_catalog.text))) FROM hdh_roadmap.scorecard_at('2025-06-30') AS r;
-- the measure registry: a computed and a hand-reported measure, a target on each, unregistered again
CREATE FUNCTION public.hostile_source(as_of pg_catalog.date)
  RETURNS TABLE (year pg_catalog.int4, value pg_catalog.float8)
  LANGUAGE sql STABLE AS $$ SELECT 2024, pg_catalog.float8in('12.5') $$;
SELECT pg_catalog.concat_ws(' ', 'registered',
         hdh_roadmap.register_measure('hostile_computed', 'cumulative', 'things',
                                      'public.hostile_source(pg_catalog.date)'::pg_catalog.regprocedure, NULL)::pg_catalog.text,
         hdh_roadmap.register_measure('hostile_reported', 'yearly', 'things', NULL, 'reported')::pg_catalog.text);
INSERT INTO hdh_roadmap.reported_value (measure, year, value, reported_on)
VALUES ('hostile_reported', 2022, 4, '2023-01-10'), ('hostile_reported', 2024, 6, '2025-01-10'),
       ('hostile_reported', 2024, 7, '2025-02-10');
INSERT INTO hdh_roadmap.target (id, roadmap, axis, title, indicator, measure, kind, value, baseline_year, start_year, deadline, unit)
VALUES ('hostile_computed', 'search_path test', 2, 'computed', 'things', 'hostile_computed', 'at_least', 20, 2022, 2023, '2025-12-31', 'things'),
       ('hostile_reported', 'search_path test', 2, 'reported', 'things', 'hostile_reported', 'at_least', 10, 2022, 2023, '2025-12-31', 'things');
SELECT pg_catalog.concat_ws(' ', 'measures', pg_catalog.string_agg(pg_catalog.concat_ws(':', name, shape, source, built_in), ',' ORDER BY name)) FROM hdh_roadmap.measures;
SELECT pg_catalog.concat_ws(' ', 'registered measures in the series', pg_catalog.string_agg(pg_catalog.concat_ws(':', measure, year, value), ',' ORDER BY measure, year)) FROM hdh_roadmap.indicator_series_at('2025-06-30') WHERE measure OPERATOR(pg_catalog.=) ANY (ARRAY['hostile_computed', 'hostile_reported']);
SELECT pg_catalog.concat_ws(' ', 'registered measures scored', pg_catalog.string_agg(pg_catalog.concat_ws(':', target_id, current_value, status), ',' ORDER BY target_id)) FROM hdh_roadmap.scorecard_at('2026-11-30') WHERE roadmap OPERATOR(pg_catalog.=) 'search_path test';
DELETE FROM hdh_roadmap.target WHERE roadmap OPERATOR(pg_catalog.=) 'search_path test';
SET LOCAL client_min_messages = warning;
SELECT pg_catalog.concat_ws(' ', 'unregistered', hdh_roadmap.unregister_measure('hostile_computed')::pg_catalog.text, hdh_roadmap.unregister_measure('hostile_reported')::pg_catalog.text, (SELECT pg_catalog.count(*) FROM hdh_roadmap.measures));
ROLLBACK;
SQL
n_checks=$(grep -c '^SELECT pg_catalog.concat_ws' "$TMP/checks.sql")

# The temporary look-alikes, made in the hostile session itself: a view named
# like each relation of the extension (same columns, raising when read) and
# domains named like the types.
PREAMBLE=$(cat <<'SQL'
SET search_path = pg_catalog;
SET client_min_messages = warning;
DO $temp$
DECLARE r record;
BEGIN
  FOR r IN SELECT c.relname, string_agg(format('NULL::%s AS %I', format_type(a.atttypid, a.atttypmod), a.attname), ', '
                                        ORDER BY a.attnum) AS cols
             FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
            WHERE c.relnamespace = 'hdh_roadmap'::regnamespace AND c.relkind IN ('r', 'v', 'm')
            GROUP BY c.relname LOOP
    EXECUTE format('CREATE TEMP VIEW %I AS SELECT %s WHERE evil.boom()', r.relname, r.cols);
  END LOOP;
  FOR r IN SELECT t, format_type(t::regtype, NULL) AS real
             FROM unnest(ARRAY['float8', 'date', 'text', 'int4', 'int8', 'numeric', 'bool', 'timestamptz']) AS t LOOP
    EXECUTE format('CREATE DOMAIN pg_temp.%I AS %s CHECK (evil.boom())', r.t, r.real);
  END LOOP;
END
$temp$;
SET search_path = evil, hdh_roadmap, public, pg_catalog;
SQL
)

# The materialized views as of today, so that both sessions read the same.
q "$DB" -c "SELECT hdh_roadmap.refresh()" >/dev/null

# run_checks DB SESSION_PREAMBLE: the checks' output, errors included.
run_checks() {
	{ echo "$2"; cat "$TMP/checks.sql"; } | psql -X -q -A -t -d "$1" 2>&1
}
run_checks "$DB" "SET search_path = hdh_roadmap, public;" >"$TMP/normal.out"
run_checks "$DB" "$PREAMBLE" >"$TMP/hostile.out"

is "$(grep -c '' "$TMP/normal.out") lines, $(grep -ciE 'error|hijacked' "$TMP/normal.out") errors" "$n_checks lines, 0 errors" \
   "the $n_checks checks run under a normal search_path ($(grep -c '^view ' "$TMP/normal.out") views, $(grep -c '^function ' "$TMP/normal.out") functions, $(grep -c '^aggregate ' "$TMP/normal.out") aggregates, refresh(), triggers)"
is "$(grep -i 'hijacked' "$TMP/hostile.out" | head -5)" "" "no 'hijacked' surfaces under search_path = evil, hdh_roadmap, public, pg_catalog"
is "$(grep -i 'error' "$TMP/hostile.out" | head -5)" "" "no error at all under the hostile search_path"
out=$(diff "$TMP/normal.out" "$TMP/hostile.out")
if [ -z "$out" ]; then ok "all $n_checks results under the hostile search_path equal those under a normal one"
else not_ok "all $n_checks results under the hostile search_path equal those under a normal one"; sed 's/^/#   /' <<<"$out" | head -30; fi

# ---- self-test: an unpinned function is caught -------------------------------------
# decimal_year as 0.1.0 had it (search_path = pg_catalog: pg_temp searched
# first for types), then with no search_path at all (inlined into the views
# and parsed under the caller's path).
q "$DB" -c "ALTER FUNCTION hdh_roadmap.decimal_year(date) SET search_path = pg_catalog" >/dev/null
is "$(run_checks "$DB" "$PREAMBLE" | grep -c 'hijacked' | awk '{ print ($1 > 0) ? "caught" : "missed" }')" "caught" \
   "self-test: with decimal_year's search_path = pg_catalog (0.1.0), a temporary float8 hijacks it and the checks say so"
q "$DB" -c "ALTER FUNCTION hdh_roadmap.decimal_year(date) RESET search_path" >/dev/null
is "$(run_checks "$DB" "$PREAMBLE" | grep -c 'hijacked' | awk '{ print ($1 > 0) ? "caught" : "missed" }')" "caught" \
   "self-test: with no search_path on decimal_year, the evil look-alikes hijack it and the checks say so"

[ "$fails" -eq 0 ]
