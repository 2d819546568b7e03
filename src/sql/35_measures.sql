-- Measures as data: what a target's indicator reads. See doc/measures.md.
--
--   measure                  the registry (built-in rows + the user's)
--   measures                 the registry as a plain view
--   reported_value           yearly values reported by hand
--   register_measure(...)    / unregister_measure(name)
--   measure_source_values(measure, source, as_of)   what a source function returns
--
-- A measure has a shape: yearly (a target reads the value of one calendar
-- year) or cumulative (a target reads the sum of the yearly values from its
-- start year). Its yearly values come from one of three places: the
-- extension's own queries over the record tables (the four built-in
-- measures), the reported_value table (source NULL), or a function
-- (as_of date) RETURNS TABLE (year integer, value double precision) that the
-- user names as its source. A source function runs with the rights of the
-- role that reads the scorecard (no SECURITY DEFINER) under the pinned
-- search_path of measure_source_values.
--
-- The source is kept as text (its regprocedure spelling, schema-qualified),
-- not as a regprocedure column: pg_upgrade refuses user tables with reg*
-- columns, and the text survives pg_dump whatever the restore order.

CREATE TABLE measure (
  name         text
               CONSTRAINT measure_pkey PRIMARY KEY
               CONSTRAINT measure_name_format CHECK (name ~ '^[a-z][a-z0-9_]*$'),
  shape        text NOT NULL
               CONSTRAINT measure_shape_known CHECK (shape IN ('yearly', 'cumulative')),
  unit         text NOT NULL
               CONSTRAINT measure_unit_not_blank CHECK (pg_catalog.btrim(unit) <> ''),
  source       text,
  description  text,
  built_in     boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE measure IS
  'The registry of measures a target can name (target.measure): the four built-in ones and those registered with register_measure; read it through the view measures';
COMMENT ON COLUMN measure.name IS 'Name of the measure, lower-case snake_case; target.measure refers to it';
COMMENT ON COLUMN measure.shape IS 'yearly (a target reads the value of one calendar year) or cumulative (a target reads the sum of the yearly values from its start year)';
COMMENT ON COLUMN measure.unit IS 'Unit of the yearly values, e.g. ''databases''';
COMMENT ON COLUMN measure.source IS 'The function (as_of date) RETURNS TABLE (year integer, value double precision) computing the values, as its regprocedure text; NULL for a built-in measure (computed by the extension) or one reported by hand into reported_value';
COMMENT ON COLUMN measure.description IS 'What the measure counts, free text';
COMMENT ON COLUMN measure.built_in IS 'Whether the extension computes the measure itself from the record tables; built-in rows cannot be changed or removed';
COMMENT ON CONSTRAINT measure_name_format ON measure IS 'A measure name is lower-case snake_case: a letter, then letters, digits or underscores';
COMMENT ON CONSTRAINT measure_shape_known ON measure IS 'A measure is yearly or cumulative';
COMMENT ON CONSTRAINT measure_unit_not_blank ON measure IS 'A measure has a unit';

-- Inserted before the trigger exists: the only built-in rows there are.
INSERT INTO measure (name, shape, unit, description, built_in) VALUES
('platform_projects', 'yearly', 'projects',
 'Distinct projects whose platform usage overlaps the calendar year', true),
('linkage_access_delay', 'yearly', 'months',
 'Mean months from submission to data made available, projects whose linkage is not none, by year of availability', true),
('new_partnerships', 'cumulative', 'partnerships',
 'Partnerships signed in the calendar year; a target sums them from its start year', true),
('civil_society_exchanges', 'yearly', 'exchanges',
 'Exchanges with civil society held in the calendar year', true);

CREATE TABLE reported_value (
  measure      text NOT NULL
               CONSTRAINT reported_value_measure_fk REFERENCES measure (name) ON DELETE CASCADE,
  year         integer NOT NULL
               CONSTRAINT reported_value_year_plausible CHECK (year BETWEEN 1900 AND 2999),
  value        float8 NOT NULL
               CONSTRAINT reported_value_value_finite CHECK (value > '-Infinity'::float8 AND value < 'Infinity'::float8),
  reported_on  date NOT NULL DEFAULT CURRENT_DATE
               CONSTRAINT reported_value_reported_on_finite CHECK (reported_on > '-infinity'::date AND reported_on < 'infinity'::date),
  note         text,
  CONSTRAINT reported_value_pkey PRIMARY KEY (measure, year, reported_on)
);
COMMENT ON TABLE reported_value IS
  'Yearly values of the measures reported by hand (source NULL): a value counts on as_of only if reported_on <= as_of, and the latest report of a year wins, so a correction is a new row';
COMMENT ON COLUMN reported_value.measure IS 'The measure (measure.name); its reports go when it is unregistered';
COMMENT ON COLUMN reported_value.year IS 'Calendar year the value is for';
COMMENT ON COLUMN reported_value.value IS 'The value for the year, a finite number in the measure''s unit';
COMMENT ON COLUMN reported_value.reported_on IS 'Date the value was reported: it counts from that date on';
COMMENT ON COLUMN reported_value.note IS 'Where the value comes from, or why it was corrected';
COMMENT ON CONSTRAINT reported_value_measure_fk ON reported_value IS 'A value is reported for a registered measure';
COMMENT ON CONSTRAINT reported_value_year_plausible ON reported_value IS 'The year is a four-digit year (1900 to 2999)';
COMMENT ON CONSTRAINT reported_value_value_finite ON reported_value IS 'A reported value is a finite number (not NaN or infinite)';
COMMENT ON CONSTRAINT reported_value_reported_on_finite ON reported_value IS 'A report is dated with a real date, not infinity';
COMMENT ON CONSTRAINT reported_value_pkey ON reported_value IS 'One report of a measure''s year a day; a later report corrects an earlier one';

-- Why one function: the trigger checks a source when it is registered and
-- measure_source_values again before each call (a function dropped and
-- re-created under the same name may return something else).
CREATE FUNCTION measure_source_problem(fn regprocedure) RETURNS text
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
  SELECT CASE WHEN p.prokind = 'f' AND p.pronargs = 1 AND p.proargtypes[0] = 'date'::regtype AND p.proretset
                   AND (SELECT array_agg(a.t ORDER BY a.i)
                          FROM unnest(p.proallargtypes, p.proargmodes) WITH ORDINALITY AS a(t, m, i)
                         WHERE a.m IN ('o', 't'))
                       IS NOT DISTINCT FROM ARRAY['integer'::regtype, 'double precision'::regtype]::oid[]
              THEN NULL
              ELSE format('It is %s(%s) RETURNS %s.', p.oid::regproc, pg_get_function_arguments(p.oid),
                          coalesce(pg_get_function_result(p.oid), 'nothing'))
         END
    FROM pg_proc p
   WHERE p.oid = fn
$fn$;
COMMENT ON FUNCTION measure_source_problem(regprocedure) IS
  'NULL when fn can be a measure''s source, a function (as_of date) RETURNS TABLE (year integer, value double precision); else a sentence saying what it is';

-- Why a trigger and not only register_measure: a row inserted or restored
-- directly gets the same checks, so a source function of the wrong
-- signature never reaches the scorecard.
CREATE FUNCTION measure_before_write() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $fn$
DECLARE
  fn regprocedure;
  problem text;
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.built_in THEN
      RAISE EXCEPTION 'measure "%" is built in and cannot be removed', OLD.name
        USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    RETURN OLD;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.built_in THEN
    RAISE EXCEPTION 'measure "%" is built in and cannot be changed', OLD.name
      USING ERRCODE = 'object_not_in_prerequisite_state';
  END IF;
  IF NEW.built_in THEN
    RAISE EXCEPTION 'measure "%" cannot be registered as built in', NEW.name
      USING ERRCODE = 'object_not_in_prerequisite_state',
            DETAIL = 'Only the extension defines built-in measures; register a measure with a source function or reported values.';
  END IF;
  IF NEW.source IS NOT NULL THEN
    BEGIN
      fn := NEW.source::regprocedure;
    EXCEPTION WHEN undefined_function OR invalid_text_representation OR invalid_name
                   OR undefined_object OR invalid_schema_name OR syntax_error THEN
      RAISE EXCEPTION 'source function "%" of measure "%" does not exist', NEW.source, NEW.name
        USING ERRCODE = 'undefined_function',
              HINT = 'Name it with its argument types, schema-qualified, e.g. public.my_measure(date).';
    END;
    problem := @extschema@.measure_source_problem(fn);
    IF problem IS NOT NULL THEN
      RAISE EXCEPTION 'source function % of measure "%" has the wrong signature', fn, NEW.name
        USING ERRCODE = 'invalid_function_definition', DETAIL = problem,
              HINT = 'A source function is (as_of date) RETURNS TABLE (year integer, value double precision).';
    END IF;
    NEW.source := fn::text;
    IF EXISTS (SELECT FROM @extschema@.reported_value r WHERE r.measure = NEW.name) THEN
      RAISE EXCEPTION 'measure "%" has reported values and cannot take a source function', NEW.name
        USING ERRCODE = 'object_not_in_prerequisite_state',
              DETAIL = 'A measure is either reported by hand or computed by its source function.';
    END IF;
  END IF;
  RETURN NEW;
END
$fn$;
COMMENT ON FUNCTION measure_before_write() IS
  'Trigger of measure: built-in rows cannot be added, changed or removed; a source must be a function (as_of date) RETURNS TABLE (year integer, value double precision), stored schema-qualified; a measure with reported values takes no source';
CREATE TRIGGER measure_check BEFORE INSERT OR UPDATE OR DELETE ON measure
  FOR EACH ROW EXECUTE FUNCTION measure_before_write();
COMMENT ON TRIGGER measure_check ON measure IS 'Checks a measure''s source function and protects the built-in measures';

-- Why: a value reported for a measure the extension or a function computes
-- would be silently ignored by the scorecard. (An unknown measure is left to
-- the foreign key, whose message names it.)
CREATE FUNCTION reported_value_before_write() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $fn$
DECLARE
  m record;
BEGIN
  SELECT x.built_in, x.source INTO m FROM @extschema@.measure x WHERE x.name = NEW.measure;
  IF m.built_in OR m.source IS NOT NULL THEN
    RAISE EXCEPTION 'measure "%" is not reported by hand', NEW.measure
      USING ERRCODE = 'object_not_in_prerequisite_state',
            DETAIL = CASE WHEN m.built_in THEN 'It is built in: the extension computes it from the record tables.'
                          ELSE format('Its source function %s computes it.', m.source) END;
  END IF;
  RETURN NEW;
END
$fn$;
COMMENT ON FUNCTION reported_value_before_write() IS
  'Trigger of reported_value: values are reported only for measures with no source function that are not built in';
CREATE TRIGGER reported_value_check BEFORE INSERT OR UPDATE ON reported_value
  FOR EACH ROW EXECUTE FUNCTION reported_value_before_write();
COMMENT ON TRIGGER reported_value_check ON reported_value IS 'Refuses values for built-in and function-computed measures';

CREATE VIEW measures AS
SELECT m.name, m.shape, m.unit, m.source, m.description, m.built_in
  FROM measure m
 ORDER BY m.built_in DESC, m.name;
COMMENT ON VIEW measures IS
  'Every measure a target can name: the four built-in ones, then the registered ones by name';
COMMENT ON COLUMN measures.name IS 'Name of the measure (what target.measure names)';
COMMENT ON COLUMN measures.shape IS 'yearly or cumulative';
COMMENT ON COLUMN measures.unit IS 'Unit of the yearly values';
COMMENT ON COLUMN measures.source IS 'The source function, e.g. public.catalogue_databases(date); NULL for a built-in measure or one reported by hand';
COMMENT ON COLUMN measures.description IS 'What the measure counts';
COMMENT ON COLUMN measures.built_in IS 'Whether the extension computes it from the record tables';

-- Why a function: one call with messages that name the measure, and the
-- source function checked before anything is stored.
CREATE FUNCTION register_measure(name text, shape text, unit text, source regprocedure DEFAULT NULL,
                                 description text DEFAULT NULL)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
  IF name IS NULL OR btrim(name) = '' THEN
    RAISE EXCEPTION 'a measure name must not be blank'
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF name !~ '^[a-z][a-z0-9_]*$' THEN
    RAISE EXCEPTION 'invalid measure name "%"', name
      USING ERRCODE = 'invalid_parameter_value',
            DETAIL = 'A measure name is lower-case snake_case: a letter, then letters, digits or underscores.';
  END IF;
  IF shape IS NULL OR shape NOT IN ('yearly', 'cumulative') THEN
    RAISE EXCEPTION 'unknown measure shape "%"', shape
      USING ERRCODE = 'invalid_parameter_value',
            DETAIL = 'A measure is yearly (a target reads one year''s value) or cumulative (a target sums the years from its start year).';
  END IF;
  IF unit IS NULL OR btrim(unit) = '' THEN
    RAISE EXCEPTION 'the unit of measure "%" must not be blank', name
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF EXISTS (SELECT FROM @extschema@.measure m WHERE m.name = register_measure.name) THEN
    RAISE EXCEPTION 'measure "%" is already registered', name
      USING ERRCODE = 'unique_violation',
            HINT = 'Pick another name, or unregister_measure() the old one first.';
  END IF;
  INSERT INTO @extschema@.measure (name, shape, unit, source, description)
  VALUES (register_measure.name, register_measure.shape, register_measure.unit, register_measure.source::text,
          register_measure.description);
END
$fn$;
COMMENT ON FUNCTION register_measure(text, text, text, regprocedure, text) IS
  'Registers a measure a target can name: shape yearly or cumulative, its unit, and either a source function (as_of date) RETURNS TABLE (year integer, value double precision) or NULL for values reported by hand into reported_value; a blank or taken name, an unknown shape or a source of the wrong signature is an error and registers nothing';

CREATE FUNCTION unregister_measure(name text)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
  users text;
  reports bigint;
BEGIN
  IF NOT EXISTS (SELECT FROM @extschema@.measure m WHERE m.name = unregister_measure.name) THEN
    RAISE EXCEPTION 'measure "%" is not registered', name
      USING ERRCODE = 'undefined_object';
  END IF;
  IF (SELECT m.built_in FROM @extschema@.measure m WHERE m.name = unregister_measure.name) THEN
    RAISE EXCEPTION 'measure "%" is built in and cannot be unregistered', name
      USING ERRCODE = 'object_not_in_prerequisite_state';
  END IF;
  SELECT string_agg(t.id, ', ' ORDER BY t.id) INTO users
    FROM @extschema@.target t WHERE t.measure = unregister_measure.name;
  IF users IS NOT NULL THEN
    RAISE EXCEPTION 'measure "%" is used by targets: %', name, users
      USING ERRCODE = 'dependent_objects_still_exist',
            HINT = 'Point those targets at another measure, or delete them, first.';
  END IF;
  SELECT count(*) INTO reports FROM @extschema@.reported_value r WHERE r.measure = unregister_measure.name;
  DELETE FROM @extschema@.measure m WHERE m.name = unregister_measure.name;
  IF reports > 0 THEN
    RAISE NOTICE 'unregistered measure "%" and its % reported values', name, reports;
  END IF;
END
$fn$;
COMMENT ON FUNCTION unregister_measure(text) IS
  'Removes a registered measure and its reported values; refuses a built-in measure and one that a target uses (2BP01, naming the targets)';

-- Why plpgsql: a source function is named by data, so it is called with
-- EXECUTE; each value is checked so that a faulty function fails loudly,
-- naming itself, rather than skewing a scorecard. The registry is read by
-- the caller (the indicator query, which a view runs with its owner's
-- rights), so a role that may read the views needs no right on measure.
CREATE FUNCTION measure_source_values(measure text, source text, as_of date)
RETURNS TABLE (year integer, value float8)
LANGUAGE plpgsql STABLE STRICT PARALLEL RESTRICTED
SET search_path = pg_catalog, @extschema@, pg_temp
AS $fn$
#variable_conflict use_column
DECLARE
  fn regprocedure;
  problem text;
  r record;
  seen integer[] := '{}';
BEGIN
  BEGIN
    fn := to_regprocedure(source);
  EXCEPTION WHEN invalid_text_representation OR invalid_name OR syntax_error THEN
    fn := NULL;   -- not a function signature at all
  END;
  IF fn IS NULL THEN
    RAISE EXCEPTION 'source function % of measure "%" does not exist', source, measure
      USING ERRCODE = 'undefined_function',
            HINT = 'Re-create it, or unregister_measure() the measure.';
  END IF;
  problem := @extschema@.measure_source_problem(fn);
  IF problem IS NOT NULL THEN
    RAISE EXCEPTION 'source function % of measure "%" has the wrong signature', fn, measure
      USING ERRCODE = 'invalid_function_definition', DETAIL = problem;
  END IF;
  FOR r IN EXECUTE format('SELECT s.year, s.value FROM %I.%I($1) AS s(year, value)',
                          (SELECT n.nspname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                            WHERE p.oid = fn),
                          (SELECT p.proname FROM pg_proc p WHERE p.oid = fn))
           USING as_of LOOP
    IF r.year IS NULL OR r.year NOT BETWEEN 1900 AND 2999 THEN
      RAISE EXCEPTION 'source function % of measure "%" returned year %', fn, measure, coalesce(r.year::text, 'NULL')
        USING ERRCODE = 'data_exception', DETAIL = 'Years are four-digit calendar years (1900 to 2999).';
    END IF;
    IF r.value = 'NaN'::float8 OR r.value IN ('Infinity'::float8, '-Infinity'::float8) THEN
      RAISE EXCEPTION 'source function % of measure "%" returned % for year %', fn, measure, r.value, r.year
        USING ERRCODE = 'data_exception', DETAIL = 'Values are finite numbers.';
    END IF;
    IF r.year = ANY (seen) THEN
      RAISE EXCEPTION 'source function % of measure "%" returned year % twice', fn, measure, r.year
        USING ERRCODE = 'data_exception', DETAIL = 'A source function returns one row a year.';
    END IF;
    seen := seen || r.year;
    year := r.year;
    value := r.value;
    RETURN NEXT;
  END LOOP;
END
$fn$;
COMMENT ON FUNCTION measure_source_values(text, text, date) IS
  'The yearly values that the source function of a measure (its regprocedure text) gives for as_of, run with the caller''s rights under search_path pg_catalog, the extension''s schema, pg_temp; a missing function or one of the wrong signature, a NULL or implausible year, a repeated year or a NaN or infinite value is an error naming the function and the measure';

SELECT pg_catalog.pg_extension_config_dump('measure', 'WHERE NOT built_in');
SELECT pg_catalog.pg_extension_config_dump('reported_value', '');
