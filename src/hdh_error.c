/*
 * src/hdh_error.c
 *	  Raising a core HdhError as a PostgreSQL ERROR with the matching SQLSTATE.
 */
#include "postgres.h"

#include "hdh_error.h"

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
