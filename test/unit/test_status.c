/*
 * test/unit/test_status.c
 *	  hdh_fail: fills message and detail, truncates long text safely, and
 *	  accepts a NULL HdhError; translates format and detail through the hook
 *	  before formatting.
 */
#include <string.h>

#include "core/status.h"
#include "unit.h"

/* Whether every byte of buf past its terminator up to len is still fill. */
static int
TailUntouched(const char *buf, size_t len, char fill)
{
	size_t		i;

	for (i = strlen(buf) + 1; i < len; i++)
		if (buf[i] != fill)
			return 0;
	return 1;
}

/* A test catalog of two entries, and what it was asked for. */
static int	lookups;

static const char *
TestTranslate(const char *msgid)
{
	lookups++;
	if (strcmp(msgid, "value %d out of %s") == 0)
		return "Wert %d ausserhalb von %s";
	if (strcmp(msgid, "A detail sentence.") == 0)
		return "Ein Satz.";
	return msgid;
}

int
main(void)
{
	HdhError	err;
	char		longtext[3 * HDH_ERROR_TEXT];

	/* Message formatted, detail copied, status recorded and returned. */
	memset(&err, 'x', sizeof(err));
	CHECK(hdh_fail(&err, HDH_ERR_VALUE, "A detail sentence.",
				   "value %d out of %s", 42, "range") == HDH_ERR_VALUE);
	CHECK(err.status == HDH_ERR_VALUE);
	CHECK(strcmp(err.message, "value 42 out of range") == 0);
	CHECK(strcmp(err.detail, "A detail sentence.") == 0);

	/* No detail: an empty string, not stale text from an earlier failure. */
	CHECK(hdh_fail(&err, HDH_ERR_DATA, NULL, "plain") == HDH_ERR_DATA);
	CHECK(err.status == HDH_ERR_DATA);
	CHECK(strcmp(err.message, "plain") == 0);
	CHECK(err.detail[0] == '\0');

	/* Every status comes back unchanged. */
	CHECK(hdh_fail(&err, HDH_ERR_SYNTAX, NULL, "s") == HDH_ERR_SYNTAX);
	CHECK(hdh_fail(&err, HDH_ERR_BINARY, NULL, "s") == HDH_ERR_BINARY);
	CHECK(hdh_fail(&err, HDH_ERR_RANGE, NULL, "s") == HDH_ERR_RANGE);
	CHECK(hdh_fail(&err, HDH_ERR_LIMIT, NULL, "s") == HDH_ERR_LIMIT);
	CHECK(err.status == HDH_ERR_LIMIT);

	/* Long message and detail: cut to HDH_ERROR_TEXT - 1 bytes, terminated, no overrun. */
	memset(longtext, 'a', sizeof(longtext) - 1);
	longtext[sizeof(longtext) - 1] = '\0';
	memset(&err, 'x', sizeof(err));
	CHECK(hdh_fail(&err, HDH_ERR_LIMIT, longtext, "%s!", longtext) == HDH_ERR_LIMIT);
	CHECK(strlen(err.message) == HDH_ERROR_TEXT - 1);
	CHECK(strlen(err.detail) == HDH_ERROR_TEXT - 1);
	CHECK(err.message[HDH_ERROR_TEXT - 1] == '\0');
	CHECK(err.detail[HDH_ERROR_TEXT - 1] == '\0');
	CHECK(strspn(err.message, "a") == HDH_ERROR_TEXT - 1);
	CHECK(err.status == HDH_ERR_LIMIT);

	/* A message of exactly HDH_ERROR_TEXT - 1 bytes fits whole. */
	longtext[HDH_ERROR_TEXT - 1] = '\0';
	CHECK(hdh_fail(&err, HDH_ERR_VALUE, "", "%s", longtext) == HDH_ERR_VALUE);
	CHECK(strcmp(err.message, longtext) == 0);
	CHECK(err.detail[0] == '\0');

	/* Short text leaves the rest of the buffers alone (no writes past the terminator). */
	memset(&err, 'x', sizeof(err));
	hdh_fail(&err, HDH_ERR_DATA, "d", "m");
	CHECK(strcmp(err.message, "m") == 0 && strcmp(err.detail, "d") == 0);
	CHECK(TailUntouched(err.message, sizeof(err.message), 'x'));
	CHECK(TailUntouched(err.detail, sizeof(err.detail), 'x'));

	/* A NULL err is allowed: only the status comes back. */
	CHECK(hdh_fail(NULL, HDH_ERR_RANGE, "detail", "message %d", 1) == HDH_ERR_RANGE);
	CHECK(hdh_fail(NULL, HDH_ERR_VALUE, NULL, "%s", longtext) == HDH_ERR_VALUE);

	/* No hook: a message is its own translation. */
	CHECK(strcmp(hdh_gettext("value %d out of %s"), "value %d out of %s") == 0);
	CHECK(hdh_gettext(NULL) == NULL);

	/* With a hook: the format is translated before it is formatted. */
	hdh_set_translate(TestTranslate);
	lookups = 0;
	CHECK(hdh_fail(&err, HDH_ERR_VALUE, "A detail sentence.",
				   "value %d out of %s", 42, "range") == HDH_ERR_VALUE);
	CHECK(strcmp(err.message, "Wert 42 ausserhalb von range") == 0);
	CHECK(strcmp(err.detail, "Ein Satz.") == 0);
	CHECK(lookups == 2);

	/* Unknown text stays as it is; "" and NULL never reach the catalog. */
	lookups = 0;
	CHECK(hdh_fail(&err, HDH_ERR_DATA, NULL, "plain %d", 7) == HDH_ERR_DATA);
	CHECK(strcmp(err.message, "plain 7") == 0 && err.detail[0] == '\0');
	CHECK(lookups == 1);
	CHECK(hdh_fail(&err, HDH_ERR_DATA, "", "plain") == HDH_ERR_DATA);
	CHECK(lookups == 2 && err.detail[0] == '\0');
	CHECK(strcmp(hdh_gettext(""), "") == 0 && lookups == 2);

	/* NULL restores the identity. */
	hdh_set_translate(NULL);
	lookups = 0;
	hdh_fail(&err, HDH_ERR_VALUE, "A detail sentence.", "value %d out of %s", 1, "x");
	CHECK(strcmp(err.message, "value 1 out of x") == 0 && lookups == 0);

	return unit_done();
}
