/*
 * src/core/status.c
 *	  Filling an HdhError (see status.h).
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/status.h"

HdhStatus
hdh_fail(HdhError *err, HdhStatus status, const char *detail, const char *format,...)
{
	va_list		args;

	if (err == NULL)
		return status;
	err->status = status;
	va_start(args, format);
	vsnprintf(err->message, sizeof(err->message), format, args);
	va_end(args);
	snprintf(err->detail, sizeof(err->detail), "%s", detail ? detail : "");
	return status;
}
