-- The check of an as-of date, shared by every *_at function (50, 57, 80,
-- 85). See doc/scorecard.md.

-- Why: every *_at function refuses a NULL or infinite as-of date up front,
-- with one message naming the argument, instead of returning nothing or
-- failing deep inside an aggregate. The message does not name the function:
-- the CONTEXT lines of the error do (PostgreSQL's message style).
CREATE FUNCTION checked_as_of(as_of date) RETURNS date
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
  IF as_of IS NULL THEN
    RAISE EXCEPTION 'as_of must not be NULL'
      USING ERRCODE = 'null_value_not_allowed',
            DETAIL = 'The indicators are computed as known on a date; pass one, e.g. current_date.';
  END IF;
  IF NOT isfinite(as_of) THEN
    RAISE EXCEPTION 'as_of must be a finite date, not %', as_of
      USING ERRCODE = 'datetime_field_overflow';
  END IF;
  RETURN as_of;
END
$fn$;
COMMENT ON FUNCTION checked_as_of(date) IS
  'Returns as_of, or raises 22004 when it is NULL (22008 when infinite): the argument check of the *_at functions';
