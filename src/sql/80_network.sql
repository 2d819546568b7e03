-- A network of hubs on postgres_fdw: exact indicators across databases,
-- only summaries crossing the wire. See doc/network.md.
--
-- Hub side (every database with the extension):
--   hub_summaries                       view: the hub's summaries as of any date
--   export_summaries(as_of)             the same rows, for an offline file
-- Coordinator side (a database with the extension and postgres_fdw):
--   attach_hub(hub, server) / detach_hub(hub)   register a hub (a foreign table
--                                       over its hub_summaries view)
--   import_summaries(hub, source)       register an offline hub from an export
--   hub                                 view: the registered hubs
--   network_summaries(as_of, part, skip_unreachable)   every hub's summaries
--   network_delay_summaries(as_of)      delay summaries by hub, year, linkage
--   network_access_delay_at(as_of, skip_unreachable)     access_delay_at per
--   network_indicator_series_at(as_of, skip_unreachable) hub and network-wide
--
-- postgres_fdw is not a dependency of the extension: attach_hub checks for it.
-- A view cannot take a parameter, so hub_summaries has an as_of column ranging
-- over every day from 1990-01-01 to 2099-12-31 and computes the summaries of
-- the requested day only: the coordinator sends "WHERE as_of = $1", and the
-- hub filters the 40,177 candidate days (10 to 15 ms) before computing
-- anything. It is a view, not a function, so that a role granted SELECT on it
-- reads the summaries with the view owner's rights and nothing row-level.

-- ---- hub side -------------------------------------------------------------------

-- Why: the coordinator reads a hub through one view; "as_of = date" picks the
-- day, "part = ..." one half (the other half's branch is pruned by the planner).
-- The access_delay half is the per-linkage cohort summary of access_delay_at;
-- the series half holds what indicator_series_at merges: the platform, the
-- partnership and the exchange year_counts, and the delays by year of
-- availability of projects with linkage.
CREATE VIEW hub_summaries AS
SELECT d.as_of, s.part, s.year, s.label, s.delays, s.counts, s.first_year
  FROM (SELECT date '1990-01-01' + i AS as_of
          FROM pg_catalog.generate_series(0, date '2099-12-31' - date '1990-01-01') AS i) AS d
 CROSS JOIN LATERAL (
  -- access delays: for year Y, the projects submitted by min(31 December Y,
  -- as_of) whose data were not available before Y, censored at that cutoff
  SELECT 'access_delay'::text AS part, y.year, p.linkage::text AS label,
         delay_agg(p.submitted_on, p.data_available_on, y.cutoff)::text AS delays,
         NULL::text AS counts, NULL::integer AS first_year
    FROM (SELECT g AS year, make_date(g, 1, 1) AS first_day, least(make_date(g, 12, 31), d.as_of) AS cutoff
            FROM generate_series((SELECT extract(year FROM min(submitted_on))::integer FROM project
                                   WHERE submitted_on <= d.as_of),
                                 extract(year FROM d.as_of)::integer) AS g
          OFFSET 0) AS y  -- computed once per year, not once per project and year
    JOIN project p ON p.submitted_on <= y.cutoff
                  AND (p.data_available_on IS NULL OR p.data_available_on >= y.first_day)
   GROUP BY y.year, p.linkage
  UNION ALL
  -- yearly counts, each with the first year of any record known on as_of
  SELECT 'series', NULL, c.measure, NULL, c.counts::text, f.first_year
    FROM (SELECT min(e.y)::integer AS first_year
            FROM (SELECT extract(year FROM min(submitted_on)) FROM project WHERE submitted_on <= d.as_of
                  UNION ALL
                  SELECT extract(year FROM min(lower(period))) FROM platform_usage WHERE lower(period) <= d.as_of
                  UNION ALL
                  SELECT extract(year FROM min(signed_on)) FROM partnership WHERE signed_on <= d.as_of
                  UNION ALL
                  SELECT extract(year FROM min(held_on)) FROM civil_society_exchange WHERE held_on <= d.as_of)
                 AS e(y)) AS f
   CROSS JOIN LATERAL (
     VALUES ('platform_projects'::text,
             (SELECT years_active_agg(u.spans, d.as_of)
                FROM (SELECT range_agg(period) AS spans FROM platform_usage
                       WHERE lower(period) <= d.as_of GROUP BY project_id) AS u)),
            ('new_partnerships', (SELECT year_counts_agg(signed_on) FROM partnership WHERE signed_on <= d.as_of)),
            ('civil_society_exchanges',
             (SELECT year_counts_agg(held_on) FROM civil_society_exchange WHERE held_on <= d.as_of)))
     AS c(measure, counts)
  UNION ALL
  -- completed delays of projects with linkage, by year of availability
  SELECT 'series', extract(year FROM data_available_on)::integer, 'linkage_access_delay',
         delay_agg(submitted_on, data_available_on)::text, NULL, NULL
    FROM project
   WHERE linkage <> 'none' AND data_available_on <= d.as_of
   GROUP BY 2) AS s;
COMMENT ON VIEW hub_summaries IS
  'The hub''s summaries as known on as_of (query it with WHERE as_of = a date from 1990-01-01 to 2099-12-31): what a coordinator reads through postgres_fdw and export_summaries() writes to a file; no row-level data';
COMMENT ON COLUMN hub_summaries.as_of IS 'The date the summaries are known on; always filter on it';
COMMENT ON COLUMN hub_summaries.part IS '''access_delay'' (the cohorts of access_delay_at) or ''series'' (what indicator_series_at counts)';
COMMENT ON COLUMN hub_summaries.year IS 'access_delay: the cohort''s year; series: the year of availability of linkage_access_delay, NULL for the yearly counts';
COMMENT ON COLUMN hub_summaries.label IS 'access_delay: the linkage type; series: the measure (platform_projects, linkage_access_delay, new_partnerships, civil_society_exchanges)';
COMMENT ON COLUMN hub_summaries.delays IS 'The delay_summary of the row in its text form (access_delay rows and linkage_access_delay rows), else NULL';
COMMENT ON COLUMN hub_summaries.counts IS 'The year_counts of the row in its text form (platform_projects, new_partnerships, civil_society_exchanges), else NULL';
COMMENT ON COLUMN hub_summaries.first_year IS 'On the three yearly-count rows: the first year of any record known on as_of (where indicator_series_at starts), else NULL';

-- Why: a DBA or analyst needs one clear message for an as_of the network
-- cannot serve, not an empty answer.
CREATE FUNCTION network_as_of(as_of date) RETURNS date
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
  PERFORM @extschema@.checked_as_of(as_of);
  IF as_of < date '1990-01-01' OR as_of > date '2099-12-31' THEN
    RAISE EXCEPTION 'as_of must be between 1990-01-01 and 2099-12-31, not %', as_of
      USING ERRCODE = 'datetime_field_overflow',
            DETAIL = 'Hubs serve their summaries through the view hub_summaries, whose as_of column covers those days.';
  END IF;
  RETURN as_of;
END
$fn$;
COMMENT ON FUNCTION network_as_of(date) IS
  'Returns as_of, or raises 22004 when it is NULL and 22008 when it is infinite or outside 1990-01-01..2099-12-31 (the days hub_summaries covers)';

-- ---- coordinator side: the registry ----------------------------------------------

CREATE TABLE network_hub (
  hub                text NOT NULL
                     CONSTRAINT network_hub_pkey PRIMARY KEY
                     CONSTRAINT network_hub_name_valid CHECK (hub ~ '^[a-z][a-z0-9_]{0,39}$'),
  server             name,
  attached_at        timestamptz NOT NULL DEFAULT pg_catalog.now(),
  extension_version  text NOT NULL
);
SELECT pg_catalog.pg_extension_config_dump('network_hub', '');
COMMENT ON TABLE network_hub IS
  'Hubs of the network: attached through a postgres_fdw server (attach_hub) or imported from files (import_summaries); read it through the view hub';
COMMENT ON COLUMN network_hub.hub IS 'Name of the hub: lower-case letters, digits and underscores, starting with a letter, at most 40 characters';
COMMENT ON COLUMN network_hub.server IS 'The postgres_fdw foreign server of the hub; NULL for a hub imported from files';
COMMENT ON COLUMN network_hub.attached_at IS 'When the hub was attached, or last imported';
COMMENT ON COLUMN network_hub.extension_version IS 'The hub''s hdh_roadmap version, when it was attached or exported';
COMMENT ON CONSTRAINT network_hub_name_valid ON network_hub IS
  'A hub name is lower-case letters, digits and underscores, starting with a letter, at most 40 characters (it names a foreign table)';

CREATE TABLE network_imported_summary (
  hub          text NOT NULL
               CONSTRAINT network_imported_summary_hub_fk REFERENCES network_hub (hub) ON DELETE CASCADE,
  as_of        date NOT NULL,
  part         text NOT NULL,
  year         integer,
  label        text NOT NULL,
  delays       delay_summary,
  counts       year_counts,
  first_year   integer
);
CREATE INDEX network_imported_summary_hub_idx ON network_imported_summary (hub, as_of);
SELECT pg_catalog.pg_extension_config_dump('network_imported_summary', '');
COMMENT ON TABLE network_imported_summary IS
  'Summaries of hubs imported from files (import_summaries), the rows of their hub_summaries as of the exported day';
COMMENT ON COLUMN network_imported_summary.hub IS 'The hub (references network_hub; its summaries go when it is detached)';
COMMENT ON COLUMN network_imported_summary.as_of IS 'The day the hub''s summaries are known on';
COMMENT ON COLUMN network_imported_summary.part IS 'As hub_summaries.part';
COMMENT ON COLUMN network_imported_summary.year IS 'As hub_summaries.year';
COMMENT ON COLUMN network_imported_summary.label IS 'As hub_summaries.label';
COMMENT ON COLUMN network_imported_summary.delays IS 'As hub_summaries.delays';
COMMENT ON COLUMN network_imported_summary.counts IS 'As hub_summaries.counts';
COMMENT ON COLUMN network_imported_summary.first_year IS 'As hub_summaries.first_year';
COMMENT ON INDEX network_imported_summary_hub_idx IS 'Finds a hub''s summaries as of a day';
COMMENT ON CONSTRAINT network_imported_summary_hub_fk ON network_imported_summary IS
  'Imported summaries belong to a registered hub';

-- Why: export_summaries() writes, and import_summaries() checks, one digest
-- of every row, so that a file altered in transit is refused even when each
-- value still parses.
CREATE FUNCTION network_export_digest(summaries network_imported_summary[]) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
  SELECT pg_catalog.md5(pg_catalog.string_agg(ROW(r.as_of, r.part, r.year, r.label, r.delays, r.counts, r.first_year)::text,
                                              E'\n' ORDER BY r.part, r.year NULLS FIRST, r.label))
    FROM pg_catalog.unnest(summaries) AS r
$fn$;
COMMENT ON FUNCTION network_export_digest(network_imported_summary[]) IS
  'The md5 of the summaries'' text (as_of, part, year, label, delays, counts, first_year), one line each in (part, year, label) order, ignoring the hub: the digest export_summaries() writes and import_summaries() checks';

-- Why: an access body that cannot open a connection across a border sends a
-- file instead: COPY (SELECT * FROM export_summaries(d)) TO ... carries the
-- summaries, with what import_summaries() needs to check the file is whole.
CREATE FUNCTION export_summaries(as_of date)
RETURNS TABLE (as_of date, part text, year integer, label text, delays delay_summary, counts year_counts,
               first_year integer, extension_version text, export_rows bigint, export_md5 text)
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
  SELECT s.as_of, s.part, s.year, s.label, s.delays::@extschema@.delay_summary, s.counts::@extschema@.year_counts,
         s.first_year,
         (SELECT e.extversion FROM pg_catalog.pg_extension e WHERE e.extname = 'hdh_roadmap'),
         count(*) OVER (),
         @extschema@.network_export_digest(array_agg(ROW(NULL, s.as_of, s.part, s.year, s.label, s.delays::@extschema@.delay_summary,
                                                      s.counts::@extschema@.year_counts, s.first_year)::@extschema@.network_imported_summary) OVER ())
    FROM @extschema@.hub_summaries s
   WHERE s.as_of = @extschema@.network_as_of($1)
   ORDER BY s.part, s.year NULLS FIRST, s.label
$fn$;
COMMENT ON FUNCTION export_summaries(date) IS
  'The hub''s summaries as known on as_of (the rows of hub_summaries), with the extension version, the number of rows and their digest, for COPY to a file that import_summaries() loads on a coordinator';

CREATE VIEW hub AS
SELECT h.hub, h.server::text AS server, h.attached_at, h.extension_version,
       CASE WHEN h.server IS NULL THEN 'import' ELSE 'postgres_fdw' END AS transport,
       (SELECT pg_catalog.max(i.as_of) FROM network_imported_summary i WHERE i.hub = h.hub) AS imported_as_of,
       st.s ->> 'status' AS last_status,
       (st.s ->> 'at')::timestamptz AS last_contact_at,
       st.s ->> 'detail' AS last_detail
  FROM network_hub h
  LEFT JOIN LATERAL (SELECT NULLIF(pg_catalog.current_setting('hdh_roadmap.hub_status', true), '')::jsonb -> h.hub) AS st(s)
    ON true;
COMMENT ON VIEW hub IS 'The hubs of the network, attached (postgres_fdw) or imported (files), with how each answered the last network call of this session';
COMMENT ON COLUMN hub.hub IS 'Name of the hub; network_* functions return it in their hub column';
COMMENT ON COLUMN hub.server IS 'The hub''s postgres_fdw foreign server; NULL for an imported hub';
COMMENT ON COLUMN hub.attached_at IS 'When the hub was attached, or last imported';
COMMENT ON COLUMN hub.extension_version IS 'The hub''s hdh_roadmap version, read when it was attached or exported';
COMMENT ON COLUMN hub.transport IS '''postgres_fdw'' (read live) or ''import'' (read from imported files)';
COMMENT ON COLUMN hub.imported_as_of IS 'For an imported hub, the latest day its imported summaries are known on (network_imported_summary has every day); NULL for an attached hub';
COMMENT ON COLUMN hub.last_status IS '''ok'', ''unreachable'' (an attached hub that did not answer) or ''missing'' (an imported hub without summaries of the day asked) at the last network_* call or probe_hubs() of this session; NULL when this session has not read the hub (the status lives in the session setting hdh_roadmap.hub_status: the network functions write no table)';
COMMENT ON COLUMN hub.last_contact_at IS 'When this session last read (or tried to read) the hub; NULL when it has not';
COMMENT ON COLUMN hub.last_detail IS 'Why the hub was left out at that time (the error message), else NULL';

-- Why: attach_hub() and import_summaries() accept the same hub versions.
CREATE FUNCTION network_version_ok(version text) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
  SELECT CASE WHEN version ~ '^\d+\.\d+\.\d+$'
              THEN pg_catalog.string_to_array(version, '.')::integer[] >= ARRAY[0, 3, 0]
                   AND pg_catalog.split_part(version, '.', 1) = '0'
              ELSE false END
$fn$;
COMMENT ON FUNCTION network_version_ok(text) IS
  'Whether a hub''s hdh_roadmap version can join the network: 0.3.0 or a later 0.x release (hub_summaries appeared in 0.3.0)';

-- Why: one place checks a hub name, for its message and SQLSTATE.
CREATE FUNCTION network_checked_hub(hub text) RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
  IF hub IS NULL OR hub !~ '^[a-z][a-z0-9_]{0,39}$' THEN
    RAISE EXCEPTION 'invalid hub name: %', coalesce(pg_catalog.quote_literal(hub), 'NULL')
      USING ERRCODE = 'invalid_parameter_value',
            DETAIL = 'A hub name is lower-case letters, digits and underscores, starting with a letter, at most 40 characters.';
  END IF;
  RETURN hub;
END
$fn$;
COMMENT ON FUNCTION network_checked_hub(text) IS
  'Returns the hub name, or raises 22023 naming it when it is not lower-case letters, digits and underscores starting with a letter (at most 40)';

-- ---- coordinator side: attach and detach ----------------------------------------

CREATE FUNCTION attach_hub(hub text, server name) RETURNS text
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
  fdw name;
  opts text[];
  ext_list text;
  probe text;
  ft text;
  version text;
  answered boolean;
  msg text;
  state text;
BEGIN
  PERFORM @extschema@.network_checked_hub(hub);
  probe := pg_catalog.format('%I.%I', '@extschema@', 'hub_extension_' || hub);
  ft := pg_catalog.format('%I.%I', '@extschema@', 'hub_summaries_' || hub);
  IF server IS NULL THEN
    RAISE EXCEPTION 'server must not be NULL (hub "%")', hub USING ERRCODE = 'null_value_not_allowed';
  END IF;
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_extension e WHERE e.extname = 'postgres_fdw') THEN
    RAISE EXCEPTION 'cannot attach hub "%": postgres_fdw is not installed in this database', hub
      USING ERRCODE = 'object_not_in_prerequisite_state',
            HINT = 'CREATE EXTENSION postgres_fdw; then CREATE SERVER and CREATE USER MAPPING for the hub.';
  END IF;
  SELECT w.fdwname, s.srvoptions INTO fdw, opts
    FROM pg_catalog.pg_foreign_server s JOIN pg_catalog.pg_foreign_data_wrapper w ON w.oid = s.srvfdw
   WHERE s.srvname = attach_hub.server;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'cannot attach hub "%": server "%" does not exist', hub, server
      USING ERRCODE = 'undefined_object';
  END IF;
  IF fdw <> 'postgres_fdw' THEN
    RAISE EXCEPTION 'cannot attach hub "%": server "%" uses foreign-data wrapper %, not postgres_fdw', hub, server, fdw
      USING ERRCODE = 'wrong_object_type';
  END IF;
  IF EXISTS (SELECT FROM @extschema@.network_hub h WHERE h.hub = attach_hub.hub) THEN
    RAISE EXCEPTION 'hub "%" is already in the network', hub
      USING ERRCODE = 'duplicate_object', HINT = 'Detach it first with detach_hub().';
  END IF;

  -- Our functions and aggregates are shippable to this server.
  SELECT pg_catalog.substr(o, 12) INTO ext_list FROM pg_catalog.unnest(opts) AS o WHERE o LIKE 'extensions=%';
  IF ext_list IS NULL THEN
    EXECUTE pg_catalog.format('ALTER SERVER %I OPTIONS (ADD extensions %L)', server, 'hdh_roadmap');
  ELSIF NOT 'hdh_roadmap' = ANY (pg_catalog.string_to_array(pg_catalog.replace(ext_list, ' ', ''), ',')) THEN
    EXECUTE pg_catalog.format('ALTER SERVER %I OPTIONS (SET extensions %L)', server, ext_list || ',hdh_roadmap');
  END IF;

  -- Does the hub answer, and with which hdh_roadmap?
  EXECUTE pg_catalog.format('CREATE FOREIGN TABLE %s (extname name, extversion text) SERVER %I
                               OPTIONS (schema_name %L, table_name %L)', probe, server, 'pg_catalog', 'pg_extension');
  BEGIN
    EXECUTE pg_catalog.format('SELECT true, max(extversion) FROM %s WHERE extname = %L', probe, 'hdh_roadmap')
      INTO answered, version;
  EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS msg = MESSAGE_TEXT, state = RETURNED_SQLSTATE;
    RAISE EXCEPTION 'cannot attach hub "%": server "%" does not answer', hub, server
      USING ERRCODE = state, DETAIL = msg;
  END;
  EXECUTE 'DROP FOREIGN TABLE ' || probe;
  IF version IS NULL THEN
    RAISE EXCEPTION 'cannot attach hub "%": its database (server "%") has no hdh_roadmap extension', hub, server
      USING ERRCODE = 'object_not_in_prerequisite_state',
            HINT = 'CREATE EXTENSION hdh_roadmap in the hub''s database, and load its records.';
  END IF;
  IF NOT @extschema@.network_version_ok(version) THEN
    RAISE EXCEPTION 'cannot attach hub "%": it runs hdh_roadmap %, the network needs 0.3.0 or a later 0.x release', hub, version
      USING ERRCODE = 'object_not_in_prerequisite_state',
            HINT = 'Upgrade the hub: ALTER EXTENSION hdh_roadmap UPDATE in its database.';
  END IF;

  -- The foreign table over the hub's summaries, scanned concurrently with the others.
  EXECUTE pg_catalog.format(
    'CREATE FOREIGN TABLE %s (as_of date, part text, year integer, label text, delays @extschema@.delay_summary,
                              counts @extschema@.year_counts, first_year integer)
       SERVER %I OPTIONS (schema_name %L, table_name %L, async_capable %L)',
    ft, server, 'hdh_roadmap', 'hub_summaries', 'true');
  EXECUTE pg_catalog.format('COMMENT ON FOREIGN TABLE %s IS %L', ft,
                            'The summaries of hub ' || hub || ' (its view hdh_roadmap.hub_summaries), made by attach_hub()');
  BEGIN
    EXECUTE pg_catalog.format('SELECT count(*) FROM %s WHERE as_of = %L', ft, '1989-12-31');
  EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS msg = MESSAGE_TEXT, state = RETURNED_SQLSTATE;
    RAISE EXCEPTION 'cannot attach hub "%": its view hdh_roadmap.hub_summaries cannot be read', hub
      USING ERRCODE = state, DETAIL = msg,
            HINT = 'GRANT USAGE ON SCHEMA hdh_roadmap and SELECT ON hdh_roadmap.hub_summaries to the role of the user mapping, on the hub.';
  END;
  INSERT INTO @extschema@.network_hub (hub, server, extension_version) VALUES (hub, server, version);
  RETURN version;
END
$fn$;
COMMENT ON FUNCTION attach_hub(text, name) IS
  'Adds a hub reached through the postgres_fdw server: checks it answers and runs hdh_roadmap 0.3.0 or later, adds hdh_roadmap to the server''s extensions option, creates the foreign table hub_summaries_<hub>; returns the hub''s version';

CREATE FUNCTION detach_hub(hub text) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
  srv name;
BEGIN
  PERFORM @extschema@.network_checked_hub(hub);
  DELETE FROM @extschema@.network_hub h WHERE h.hub = detach_hub.hub RETURNING h.server INTO srv;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'hub "%" is not in the network', hub USING ERRCODE = 'undefined_object';
  END IF;
  IF srv IS NOT NULL THEN
    EXECUTE pg_catalog.format('DROP FOREIGN TABLE IF EXISTS %I.%I', '@extschema@', 'hub_summaries_' || hub);
  END IF;
END
$fn$;
COMMENT ON FUNCTION detach_hub(text) IS
  'Removes a hub from the network: its foreign table, or its imported summaries; the foreign server and its options are left as they are';

-- ---- coordinator side: offline import --------------------------------------------

CREATE FUNCTION import_summaries(hub text, source regclass) RETURNS bigint
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
  got @extschema@.network_imported_summary[];
  n bigint;
  declared bigint[];
  digests text[];
  days date[];
  versions text[];
  problem text;
  msg text;
BEGIN
  PERFORM @extschema@.network_checked_hub(hub);
  IF source IS NULL THEN
    RAISE EXCEPTION 'source must not be NULL (hub "%")', hub USING ERRCODE = 'null_value_not_allowed';
  END IF;
  IF EXISTS (SELECT FROM @extschema@.network_hub h WHERE h.hub = import_summaries.hub AND h.server IS NOT NULL) THEN
    RAISE EXCEPTION 'hub "%" is attached through server "%"; an attached hub cannot also be imported', hub,
                    (SELECT h.server FROM @extschema@.network_hub h WHERE h.hub = import_summaries.hub)
      USING ERRCODE = 'duplicate_object', HINT = 'Import it under another name, or detach it first with detach_hub().';
  END IF;
  BEGIN
    EXECUTE pg_catalog.format(
      'SELECT pg_catalog.array_agg(ROW($1, s.as_of::date, s.part::text, s.year::integer, s.label::text,
                                       s.delays::text::@extschema@.delay_summary,
                                       s.counts::text::@extschema@.year_counts, s.first_year::integer)
                                   ::@extschema@.network_imported_summary),
              pg_catalog.count(*), pg_catalog.array_agg(DISTINCT s.export_rows::bigint),
              pg_catalog.array_agg(DISTINCT s.as_of::date), pg_catalog.array_agg(DISTINCT s.extension_version::text),
              pg_catalog.array_agg(DISTINCT s.export_md5::text)
         FROM %s AS s', source)
      INTO got, n, declared, days, versions, digests USING hub;
  EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS msg = MESSAGE_TEXT;
    RAISE EXCEPTION 'cannot import hub "%" from %: it is not a readable export (the columns export_summaries returns)', hub, source
      USING ERRCODE = 'data_exception', DETAIL = msg;
  END;
  problem := CASE
    WHEN n = 0 THEN 'it has no rows'
    WHEN declared <> ARRAY[n] THEN pg_catalog.format('it has %s rows, the export wrote %s: rows are missing or added',
                                                     n, pg_catalog.array_to_string(declared, ' or ', 'NULL'))
    WHEN pg_catalog.cardinality(days) <> 1 OR days[1] IS NULL THEN
      pg_catalog.format('it holds the days %s, an export holds one', pg_catalog.array_to_string(days, ', ', 'NULL'))
    WHEN pg_catalog.cardinality(versions) <> 1 OR NOT coalesce(@extschema@.network_version_ok(versions[1]), false) THEN
      pg_catalog.format('it was exported by hdh_roadmap %s, the network needs 0.3.0 or a later 0.x release',
                        pg_catalog.array_to_string(versions, ', ', 'NULL'))
    WHEN pg_catalog.cardinality(digests) <> 1 OR digests[1] IS DISTINCT FROM @extschema@.network_export_digest(got) THEN
      'its rows do not match the digest the export wrote (export_md5): the file was altered'
    END;
  IF problem IS NULL THEN
    SELECT pg_catalog.format('row (%s, %s, %s) is not a summary an export writes',
                             coalesce(r.part, 'NULL'), coalesce(r.year::text, 'NULL'), coalesce(r.label, 'NULL'))
      INTO problem
      FROM pg_catalog.unnest(got) AS r
     WHERE NOT CASE r.part
             WHEN 'access_delay' THEN r.year IS NOT NULL AND r.delays IS NOT NULL AND r.counts IS NULL
                                  AND r.first_year IS NULL
                                  AND r.label IN (SELECT e::text FROM pg_catalog.unnest(pg_catalog.enum_range(NULL::@extschema@.linkage_type)) AS e)
             WHEN 'series' THEN CASE r.label
               WHEN 'linkage_access_delay' THEN r.year IS NOT NULL AND r.delays IS NOT NULL AND r.counts IS NULL
                                            AND r.first_year IS NULL
               WHEN 'platform_projects' THEN r.year IS NULL AND r.delays IS NULL
               WHEN 'new_partnerships' THEN r.year IS NULL AND r.delays IS NULL
               WHEN 'civil_society_exchanges' THEN r.year IS NULL AND r.delays IS NULL
               ELSE false END
             ELSE false END IS TRUE
     LIMIT 1;
  END IF;
  IF problem IS NULL THEN
    SELECT pg_catalog.format('row (%s, %s, %s) appears %s times', r.part, coalesce(r.year::text, 'NULL'), r.label, pg_catalog.count(*))
      INTO problem
      FROM pg_catalog.unnest(got) AS r GROUP BY r.part, r.year, r.label HAVING pg_catalog.count(*) > 1 LIMIT 1;
  END IF;
  IF problem IS NULL
     AND (SELECT pg_catalog.count(*) FROM pg_catalog.unnest(got) AS r WHERE r.part = 'series' AND r.year IS NULL) <> 3 THEN
    problem := 'it lacks some of the yearly counts platform_projects, new_partnerships, civil_society_exchanges';
  END IF;
  IF problem IS NOT NULL THEN
    RAISE EXCEPTION 'cannot import hub "%" from %: %', hub, source, problem
      USING ERRCODE = 'data_exception', DETAIL = 'Nothing was imported.',
            HINT = 'Export again on the hub with export_summaries and COPY, and load the file unchanged.';
  END IF;

  INSERT INTO @extschema@.network_hub AS h (hub, server, extension_version) VALUES (hub, NULL, versions[1])
  ON CONFLICT ON CONSTRAINT network_hub_pkey
  DO UPDATE SET attached_at = pg_catalog.now(), extension_version = excluded.extension_version;
  DELETE FROM @extschema@.network_imported_summary i WHERE i.hub = import_summaries.hub AND i.as_of = days[1];
  INSERT INTO @extschema@.network_imported_summary SELECT * FROM pg_catalog.unnest(got);
  RETURN n;
END
$fn$;
COMMENT ON FUNCTION import_summaries(text, regclass) IS
  'Loads a hub''s summaries exported by export_summaries() (a table or view with its columns, e.g. filled by COPY) as hub <hub>, replacing its summaries of the same day; refuses, changing nothing, an incomplete or altered export; returns the rows imported';

-- ---- coordinator side: reading the network -----------------------------------------

-- Why: the hub view says how each hub last answered, but the network
-- functions are STABLE (they write no table, so that they run in read-only
-- transactions and on standbys): they record it in the session instead, in
-- the setting hdh_roadmap.hub_status (a jsonb object hub -> {status, at,
-- detail}). It is the calling session's; an aborted transaction rolls it back
-- like any SET.
CREATE FUNCTION network_record_status(status jsonb) RETURNS void
LANGUAGE sql
SET search_path = pg_catalog, pg_temp
AS $fn$
  SELECT pg_catalog.set_config('hdh_roadmap.hub_status',
           (coalesce(NULLIF(pg_catalog.current_setting('hdh_roadmap.hub_status', true), '')::jsonb, '{}')
            || $1)::text,
           false)
$fn$;
COMMENT ON FUNCTION network_record_status(jsonb) IS
  'Merges {hub: {status, at, detail}} into the session setting hdh_roadmap.hub_status, which the view hub reads (last_status, last_contact_at, last_detail)';

-- Why: one NOTICE per answer says which hubs it leaves out, whatever the cause.
CREATE FUNCTION network_missing_notice(missing text[], details text[], total integer) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
  IF pg_catalog.cardinality(missing) > 0 THEN
    RAISE NOTICE 'the network answer leaves out % of % hubs: %', pg_catalog.cardinality(missing), total,
                 pg_catalog.array_to_string(missing, ', ')
      USING DETAIL = pg_catalog.array_to_string(details, E'\n'),
            HINT = 'The view hdh_roadmap.hub shows each hub''s last_status in this session.';
  END IF;
END
$fn$;
COMMENT ON FUNCTION network_missing_notice(text[], text[], integer) IS
  'Raises the NOTICE naming the hubs a network answer leaves out (skip_unreachable), one DETAIL line each; nothing when none is missing';

-- Why: every network function reads the hubs the same way. The attached hubs
-- are read by one query, a UNION ALL of their foreign tables that postgres_fdw
-- runs concurrently (async Append), into an array first so that a failure
-- leaves no partial answer. When it fails, each hub is read alone to name the
-- hub that does not answer: an ERROR, or with skip_unreachable a NOTICE and
-- the answer of the others. An imported hub answers for the days it was
-- exported on only. statement_timeout (the caller's) cancels a hub that is too
-- slow; postgres_fdw cancels its remote query; the error (57014) names the
-- hubs that had sent no row yet (the Append returns each hub's rows as soon as
-- that hub has computed them; but a hub that blocks before its query starts,
-- e.g. on a lock, holds up the start of the hubs after it, which are then
-- named too). Each hub's status is recorded in the session
-- (network_record_status) for the view hub.
CREATE FUNCTION network_summaries(as_of date, part text, skip_unreachable boolean DEFAULT false)
RETURNS SETOF network_imported_summary
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
  got @extschema@.network_imported_summary[] := '{}';
  one @extschema@.network_imported_summary[];
  r @extschema@.network_imported_summary;
  live text;
  attached text[];
  seen text[] := '{}';
  slow text[];
  missing text[] := '{}';
  details text[] := '{}';
  status jsonb := '{}';
  total integer;
  h record;
  msg text;
  state text;
BEGIN
  PERFORM @extschema@.network_as_of(as_of);
  IF part IS NULL OR part NOT IN ('access_delay', 'series') THEN
    RAISE EXCEPTION 'part must be ''access_delay'' or ''series'', not %',
                    coalesce(pg_catalog.quote_literal(part), 'NULL')
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF skip_unreachable IS NULL THEN
    RAISE EXCEPTION 'skip_unreachable must not be NULL' USING ERRCODE = 'null_value_not_allowed';
  END IF;
  SELECT pg_catalog.string_agg(
           pg_catalog.format('SELECT %L::text AS hub, s.as_of, s.part, s.year, s.label, s.delays, s.counts, s.first_year
                                FROM %I.%I AS s WHERE s.as_of = $1 AND s.part = $2',
                             n.hub, '@extschema@', 'hub_summaries_' || n.hub),
           ' UNION ALL ' ORDER BY n.hub),
         pg_catalog.array_agg(n.hub ORDER BY n.hub)
    INTO live, attached FROM @extschema@.network_hub n WHERE n.server IS NOT NULL;
  SELECT pg_catalog.count(*) INTO total FROM @extschema@.network_hub;
  IF live IS NOT NULL THEN
    BEGIN
      FOR r IN EXECUTE live USING as_of, part LOOP
        got := got || r;
        IF NOT r.hub = ANY (seen) THEN
          seen := seen || r.hub;
        END IF;
      END LOOP;
      SELECT status || pg_catalog.jsonb_object_agg(a, pg_catalog.jsonb_build_object('status', 'ok', 'at', pg_catalog.clock_timestamp()))
        INTO status FROM pg_catalog.unnest(attached) AS a;
    EXCEPTION
      WHEN query_canceled THEN
        -- statement_timeout (or a cancel request): the hubs still computing are those that sent no row
        GET STACKED DIAGNOSTICS msg = MESSAGE_TEXT;
        SELECT pg_catalog.array_agg(pg_catalog.format('"%s" (server "%s")', n.hub, n.server) ORDER BY n.hub) INTO slow
          FROM @extschema@.network_hub n WHERE n.server IS NOT NULL AND NOT n.hub = ANY (seen);
        RAISE EXCEPTION '% % had sent no rows when the statement was canceled',
                        CASE WHEN pg_catalog.cardinality(slow) = 1 THEN 'hub' ELSE 'hubs' END,
                        pg_catalog.array_to_string(coalesce(slow, ARRAY['(none: every hub had sent rows)']), ', ')
          USING ERRCODE = 'query_canceled', DETAIL = msg,
                HINT = 'The slow hub is among them (a hub blocked before its query starts also holds up reading the others). '
                       'Its remote query was canceled too: raise statement_timeout, run probe_hubs(), or detach_hub() it.';
      WHEN OTHERS THEN
        got := '{}';
        FOR h IN SELECT n.hub, n.server FROM @extschema@.network_hub n WHERE n.server IS NOT NULL ORDER BY n.hub LOOP
          BEGIN
            EXECUTE pg_catalog.format(
              'SELECT coalesce(pg_catalog.array_agg(ROW(%L, s.as_of, s.part, s.year, s.label, s.delays, s.counts, s.first_year)
                                                    ::@extschema@.network_imported_summary), ''{}'')
                 FROM %I.%I AS s WHERE s.as_of = $1 AND s.part = $2', h.hub, '@extschema@', 'hub_summaries_' || h.hub)
              INTO one USING as_of, part;
            got := got || one;
            status := status || pg_catalog.jsonb_build_object(h.hub, pg_catalog.jsonb_build_object('status', 'ok', 'at', pg_catalog.clock_timestamp()));
          EXCEPTION
            WHEN query_canceled THEN
              GET STACKED DIAGNOSTICS msg = MESSAGE_TEXT;
              RAISE EXCEPTION 'hub "%" (server "%") had sent no rows when the statement was canceled', h.hub, h.server
                USING ERRCODE = 'query_canceled', DETAIL = msg,
                      HINT = 'A hub slower than statement_timeout is canceled, its remote query too: raise statement_timeout, or detach_hub() it.';
            WHEN OTHERS THEN
              GET STACKED DIAGNOSTICS msg = MESSAGE_TEXT, state = RETURNED_SQLSTATE;
              IF NOT skip_unreachable THEN
                RAISE EXCEPTION 'hub "%" (server "%") does not answer', h.hub, h.server
                  USING ERRCODE = state, DETAIL = msg,
                        HINT = 'Pass skip_unreachable => true to answer from the other hubs, or detach_hub() it.';
              END IF;
              missing := missing || h.hub;
              details := details || pg_catalog.format('hub "%s" (server "%s") does not answer: %s', h.hub, h.server, msg);
              status := status || pg_catalog.jsonb_build_object(h.hub, pg_catalog.jsonb_build_object(
                          'status', 'unreachable', 'at', pg_catalog.clock_timestamp(), 'detail', msg));
          END;
        END LOOP;
    END;
  END IF;
  FOR h IN SELECT n.hub FROM @extschema@.network_hub n WHERE n.server IS NULL ORDER BY n.hub LOOP
    SELECT coalesce(pg_catalog.array_agg(i), '{}') INTO one
      FROM @extschema@.network_imported_summary i
     WHERE i.hub = h.hub AND i.as_of = network_summaries.as_of AND i.part = network_summaries.part;
    IF pg_catalog.cardinality(one) = 0 THEN
      IF NOT skip_unreachable THEN
        RAISE EXCEPTION 'hub "%" has no imported summaries as of %', h.hub, as_of
          USING ERRCODE = 'no_data_found',
                HINT = 'Import its export_summaries of that day, or pass skip_unreachable => true.';
      END IF;
      missing := missing || h.hub;
      details := details || pg_catalog.format('hub "%s" has no imported summaries as of %s', h.hub, as_of);
      status := status || pg_catalog.jsonb_build_object(h.hub, pg_catalog.jsonb_build_object(
                  'status', 'missing', 'at', pg_catalog.clock_timestamp(),
                  'detail', pg_catalog.format('no imported summaries as of %s', as_of)));
    ELSE
      status := status || pg_catalog.jsonb_build_object(h.hub, pg_catalog.jsonb_build_object('status', 'ok', 'at', pg_catalog.clock_timestamp()));
    END IF;
    got := got || one;
  END LOOP;
  PERFORM @extschema@.network_record_status(status);
  PERFORM @extschema@.network_missing_notice(missing, details, total);
  RETURN QUERY SELECT * FROM pg_catalog.unnest(got);
END
$fn$;
COMMENT ON FUNCTION network_summaries(date, text, boolean) IS
  'Every hub''s hub_summaries rows of one part (''access_delay'' or ''series'') as known on as_of, attached hubs read concurrently through postgres_fdw, imported hubs from network_imported_summary; a hub that does not answer is an ERROR naming it, or with skip_unreachable a NOTICE naming the hubs left out; a statement canceled by statement_timeout keeps 57014 and names the hubs that had sent no rows; records each hub''s status in the session for the view hub';

-- Why: a DBA asks "which hubs answer now?" without computing an indicator:
-- each attached hub runs its hub_summaries for a day it has no summaries of
-- (1989-12-31: an empty answer, 10 to 15 ms on the hub), one after the other.
CREATE FUNCTION probe_hubs()
RETURNS TABLE (hub text, status text, detail text)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
  h record;
  msg text;
  st jsonb := '{}';
BEGIN
  FOR h IN SELECT n.hub, n.server FROM @extschema@.network_hub n ORDER BY n.hub LOOP
    hub := h.hub;
    status := 'ok';
    detail := NULL;
    IF h.server IS NOT NULL THEN
      BEGIN
        EXECUTE pg_catalog.format('SELECT count(*) FROM %I.%I WHERE as_of = %L',
                                  '@extschema@', 'hub_summaries_' || h.hub, '1989-12-31');
      EXCEPTION WHEN OTHERS THEN
        GET STACKED DIAGNOSTICS msg = MESSAGE_TEXT;
        status := 'unreachable';
        detail := msg;
      END;
    END IF;
    st := st || pg_catalog.jsonb_build_object(h.hub, pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
                  'status', status, 'at', pg_catalog.clock_timestamp(), 'detail', detail)));
    RETURN NEXT;
  END LOOP;
  PERFORM @extschema@.network_record_status(st);
END
$fn$;
COMMENT ON FUNCTION probe_hubs() IS
  'Contacts every attached hub now (an empty read of its hub_summaries, one hub after the other) and returns ''ok'' or ''unreachable'' with the error; imported hubs are ''ok''; records the statuses in the session for the view hub';

CREATE FUNCTION network_delay_summaries(as_of date)
RETURNS TABLE (hub text, year integer, linkage text, summary delay_summary)
LANGUAGE sql STABLE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
  SELECT s.hub, s.year, s.label, s.delays
    FROM @extschema@.network_summaries($1, 'access_delay', false) AS s
   ORDER BY s.hub, s.year, s.label
$fn$;
COMMENT ON FUNCTION network_delay_summaries(date) IS
  'The access-delay cohort summaries of every hub as known on as_of, by hub, year and linkage type (as access_delay_at groups them, before all_linked): roll them up further with rollup(summary)';

CREATE FUNCTION network_access_delay_at(as_of date, skip_unreachable boolean DEFAULT false)
RETURNS TABLE (hub text, year integer, linkage text, completed bigint, pending bigint, mean_months float8,
               median_months float8, p90_months float8, km_median_months float8, share_within_7_months float8)
LANGUAGE sql STABLE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
WITH
--@include src/sql/queries/linkage_groups.sql
parts AS (
  SELECT s.hub, s.year, s.label AS linkage, s.delays AS s
    FROM @extschema@.network_summaries($1, 'access_delay', $2) AS s),
scoped AS (
  -- each hub, and the whole network (hub NULL)
  SELECT p.hub, p.year, p.linkage, p.s FROM parts p
  UNION ALL
  SELECT NULL, p.year, p.linkage, p.s FROM parts p),
by_linkage AS (
  SELECT c.hub, c.year, c.linkage, rollup(c.s) AS s FROM scoped c GROUP BY c.hub, c.year, c.linkage),
summaries AS (
  SELECT b.hub, b.year, b.linkage, b.s FROM by_linkage b
  UNION ALL
  SELECT b.hub, b.year, 'all_linked', rollup(b.s) FROM by_linkage b WHERE b.linkage <> 'none' GROUP BY b.hub, b.year),
years AS (
  -- from the first cohort (the year of the first submission) to the year of as_of
  SELECT f.hub, y AS year
    FROM (SELECT b.hub, min(b.year) AS first_year FROM by_linkage b GROUP BY b.hub) AS f
   CROSS JOIN generate_series(f.first_year, extract(year FROM $1)::integer) AS y)
SELECT y.hub, y.year, g.linkage,
--@include src/sql/queries/delay_table_columns.sql
  FROM years y CROSS JOIN groups g
  LEFT JOIN summaries x ON x.hub IS NOT DISTINCT FROM y.hub AND x.year = y.year AND x.linkage = g.linkage
 ORDER BY y.hub NULLS LAST, y.year, g.ord
$fn$;
COMMENT ON FUNCTION network_access_delay_at(date, boolean) IS
  'access_delay_at(as_of) of every hub (hub = its name) and of the whole network (hub IS NULL), computed from the hubs'' summaries only: the network rows equal access_delay_at on one database holding every hub''s projects';

CREATE FUNCTION network_indicator_series_at(as_of date, skip_unreachable boolean DEFAULT false)
RETURNS TABLE (hub text, measure text, year integer, value float8, records bigint, complete boolean)
LANGUAGE sql STABLE
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
WITH parts AS (
  SELECT s.hub, s.label AS measure, s.year, s.delays, s.counts, s.first_year
    FROM @extschema@.network_summaries($1, 'series', $2) AS s),
scoped AS (
  -- each hub, and the whole network (hub NULL); projects are distinct per
  -- hub, so platform_projects adds up across hubs
  SELECT p.hub, p.measure, p.year, p.delays, p.counts, p.first_year FROM parts p
  UNION ALL
  SELECT NULL, p.measure, p.year, p.delays, p.counts, p.first_year FROM parts p),
merged AS (
  SELECT c.hub, c.measure, c.year, rollup(c.delays) AS delays, rollup(c.counts) AS counts,
         min(c.first_year) AS first_year
    FROM scoped c GROUP BY c.hub, c.measure, c.year),
years AS (
  SELECT f.hub, y AS year
    FROM (SELECT m.hub, min(m.first_year) AS first_year FROM merged m GROUP BY m.hub) AS f
   CROSS JOIN generate_series(f.first_year, extract(year FROM $1)::integer) AS y),
series AS (
  SELECT o.ord, y.hub, o.measure, y.year,
         CASE WHEN o.measure = 'linkage_access_delay' THEN mean_months(d.delays)
              ELSE value_in(c.counts, y.year)::float8 END AS value,
         CASE WHEN o.measure = 'linkage_access_delay' THEN coalesce(completed(d.delays), 0)
              ELSE value_in(c.counts, y.year) END AS records
    FROM years y
   CROSS JOIN (VALUES (1, 'platform_projects'), (2, 'linkage_access_delay'), (3, 'new_partnerships'),
                      (4, 'civil_society_exchanges')) AS o(ord, measure)
    LEFT JOIN merged c ON c.hub IS NOT DISTINCT FROM y.hub AND c.measure = o.measure AND c.year IS NULL
    LEFT JOIN merged d ON d.hub IS NOT DISTINCT FROM y.hub AND d.measure = o.measure AND d.year = y.year)
SELECT s.hub, s.measure, s.year, s.value, s.records, s.year < extract(year FROM $1 + 1) AS complete
  FROM series s
 ORDER BY s.hub NULLS LAST, s.ord, s.year
$fn$;
COMMENT ON FUNCTION network_indicator_series_at(date, boolean) IS
  'indicator_series_at(as_of) of every hub (hub = its name) and of the whole network (hub IS NULL), from the hubs'' summaries only: counts add up (projects are distinct per hub), linkage_access_delay is the mean of the merged delay summaries';
