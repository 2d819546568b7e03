/*
 * src/core/status.h
 *	  How src/core reports a failure without server headers.
 *
 * Core routines return an HdhStatus and, when it is not HDH_OK, fill an
 * HdhError with a message (lower case, no final period, naming the offending
 * value) and an optional detail sentence. The glue in src/ turns it into an
 * ereport with the SQLSTATE that matches the status (see src/hdh_error.c).
 *
 * Messages are translatable the way the server's are: hdh_fail looks its
 * format and its detail up through hdh_gettext before formatting, and the
 * glue installs a hook that reads the module's message catalog (dgettext);
 * without a hook (unit tests, fuzzing) a message is its own translation.
 * xgettext finds the strings through the triggers of nls.mk: hdh_fail's
 * format, hdh_gettext, gettext_noop (hdh_fail's detail is marked with it
 * where it is written), and the syntax-error helpers of the codecs.
 * doc/developing.md, "Messages", tells the rules.
 */
#ifndef HDH_CORE_STATUS_H
#define HDH_CORE_STATUS_H

typedef enum HdhStatus
{
	HDH_OK = 0,
	HDH_ERR_SYNTAX,				/* malformed text input: 22P02 */
	HDH_ERR_BINARY,				/* malformed binary input: 22P03 */
	HDH_ERR_VALUE,				/* a value outside its domain: 22023 */
	HDH_ERR_DATA,				/* inconsistent data, e.g. end before start: 22000 */
	HDH_ERR_RANGE,				/* a number out of range or an overflow: 22003 */
	HDH_ERR_LIMIT				/* a size past what is supported: 54000 */
} HdhStatus;

#define HDH_ERROR_TEXT 256

typedef struct HdhError
{
	HdhStatus	status;
	char		message[HDH_ERROR_TEXT];
	char		detail[HDH_ERROR_TEXT];	/* empty when there is none */
} HdhError;

/* Translates a message (msgid) into the language of the session. */
typedef const char *(*HdhTranslate) (const char *msgid);

/* Installs the translation hook; NULL restores the identity. */
extern void hdh_set_translate(HdhTranslate translate);

/* msgid in the session's language: through the hook, "" and NULL as they are. */
extern const char *hdh_gettext(const char *msgid)
#if defined(__GNUC__)
			__attribute__((format_arg(1)))
#endif
			;

/*
 * Marks a string for the catalog where it is written, to be translated where
 * it is used (through hdh_gettext or hdh_fail). The glue has the server's own
 * (c.h), with the same meaning.
 */
#ifndef gettext_noop
#define gettext_noop(x) (x)
#endif

/*
 * Record a failure: format (printf-style) and detail (a sentence marked
 * gettext_noop("..."), or NULL) are translated first, then formatted. Returns status so that callers can
 * "return hdh_fail(...)".
 */
extern HdhStatus hdh_fail(HdhError *err, HdhStatus status, const char *detail,
						  const char *format,...)
#if defined(__GNUC__)
			__attribute__((format(printf, 4, 5)))
#endif
			;

#endif
