/*
 * src/import.c
 *	  SQL glue of import_text, import_date, import_integer and import_boolean, the
 *	  non-throwing value readers that hdh_roadmap.import() uses to check a
 *	  whole source set-wise; the reading itself is src/core/import_value.c.
 *
 * Each returns NULL for a value it cannot read (never an error), so one bad
 * value rejects its row, with the column named, instead of the statement.
 */
#include "postgres.h"

#include "datatype/timestamp.h"
#include "fmgr.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"

#include "core/import_value.h"

PG_FUNCTION_INFO_V1(import_text);
PG_FUNCTION_INFO_V1(import_date);
PG_FUNCTION_INFO_V1(import_integer);
PG_FUNCTION_INFO_V1(import_boolean);

/* import_text(text): the value trimmed (UTF-8 no-break spaces too), NULL if blank. */
Datum
import_text(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	size_t		start;
	size_t		len = hdh_trim_value(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t),
									 GetDatabaseEncoding() == PG_UTF8, &start);

	if (len == 0)
		PG_RETURN_NULL();
	if (len == VARSIZE_ANY_EXHDR(t))
		PG_RETURN_TEXT_P(t);
	PG_RETURN_TEXT_P(cstring_to_text_with_len(VARDATA_ANY(t) + start, (int) len));
}

/* import_date(text): YYYY-MM-DD or DD/MM/YYYY as a date, else NULL. */
Datum
import_date(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	int32_t		y,
				m,
				d;

	if (!hdh_read_date(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &y, &m, &d))
		PG_RETURN_NULL();
	PG_RETURN_DATEADT((DateADT) (date2j(y, m, d) - POSTGRES_EPOCH_JDATE));
}

/* import_integer(text): a whole number in integer range, else NULL. */
Datum
import_integer(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	int32_t		v;

	if (!hdh_read_int32(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &v))
		PG_RETURN_NULL();
	PG_RETURN_INT32(v);
}

/* import_boolean(text): yes/no in English or French, else NULL. */
Datum
import_boolean(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	bool		v;

	if (!hdh_read_bool(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &v))
		PG_RETURN_NULL();
	PG_RETURN_BOOL(v);
}
