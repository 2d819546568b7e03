/*
 * src/hdh_error.c
 *	  Raising a core HdhError as a PostgreSQL ERROR with the matching SQLSTATE,
 *	  and the core's messages in the session's language.
 */
#include "postgres.h"

#include "miscadmin.h"

#include "hdh_error.h"

/*
 * The core's translation hook: the module's catalog in the language of
 * lc_messages (the identity when the server has no NLS, see c.h).
 */
static const char *
TranslateCoreMessage(const char *msgid)
{
	return dgettext(TEXTDOMAIN, msgid);
}

void
hdh_error_init(void)
{
	pg_bindtextdomain(TEXTDOMAIN);
	hdh_set_translate(TranslateCoreMessage);
}

static int
SqlStateOf(HdhStatus status)
{
	switch (status)
	{
		case HDH_ERR_SYNTAX:
			return ERRCODE_INVALID_TEXT_REPRESENTATION;
		case HDH_ERR_BINARY:
			return ERRCODE_INVALID_BINARY_REPRESENTATION;
		case HDH_ERR_VALUE:
			return ERRCODE_INVALID_PARAMETER_VALUE;
		case HDH_ERR_DATA:
			return ERRCODE_DATA_EXCEPTION;
		case HDH_ERR_RANGE:
			return ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE;
		case HDH_ERR_LIMIT:
			return ERRCODE_PROGRAM_LIMIT_EXCEEDED;
		case HDH_OK:
			break;
	}
	return ERRCODE_INTERNAL_ERROR;
}

/*
 * The message and detail were translated by hdh_fail before they were
 * formatted: they are raised as they are (errmsg_internal).
 */
void
hdh_raise(const HdhError *err)
{
	if (err->status == HDH_OK)
		elog(ERROR, "hdh_raise called without a failure");
	ereport(ERROR,
			(errcode(SqlStateOf(err->status)),
			 errmsg_internal("%s", err->message),
			 err->detail[0] ? errdetail_internal("%s", err->detail) : 0));
	pg_unreachable();
}

void
hdh_raise_internal(const HdhError *err)
{
	ereport(ERROR,
			(errcode(ERRCODE_INTERNAL_ERROR),
			 errmsg_internal("%s", err->message),
			 err->detail[0] ? errdetail_internal("%s", err->detail) : 0));
	pg_unreachable();
}
