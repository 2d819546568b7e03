/*
 * src/core/status.c
 *	  Filling an HdhError (see status.h), in the session's language.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "core/status.h"

/* The translation hook; NULL: every message is its own translation. */
static HdhTranslate translate_hook = NULL;

void
hdh_set_translate(HdhTranslate translate)
{
	translate_hook = translate;
}

/* "" stays "": a catalog maps the empty msgid to its header. */
const char *
hdh_gettext(const char *msgid)
{
	if (translate_hook == NULL || msgid == NULL || msgid[0] == '\0')
		return msgid;
	return translate_hook(msgid);
}

HdhStatus
hdh_fail(HdhError *err, HdhStatus status, const char *detail, const char *format,...)
{
	va_list		args;

	if (err == NULL)
		return status;
	err->status = status;
	va_start(args, format);
	vsnprintf(err->message, sizeof(err->message), hdh_gettext(format), args);
	va_end(args);
	snprintf(err->detail, sizeof(err->detail), "%s", detail ? hdh_gettext(detail) : "");
	return status;
}
