/*
 * src/core/status.h
 *	  How src/core reports a failure without server headers.
 *
 * Core routines return an HdhStatus and, when it is not HDH_OK, fill an
 * HdhError with a message (lower case, no final period, naming the offending
 * value) and an optional detail sentence. The glue in src/ turns it into an
 * ereport with the SQLSTATE that matches the status (see src/hdh_error.c).
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

/* Record a failure; returns status so that callers can "return hdh_fail(...)". */
extern HdhStatus hdh_fail(HdhError *err, HdhStatus status, const char *detail,
						  const char *format,...)
#if defined(__GNUC__)
			__attribute__((format(printf, 4, 5)))
#endif
			;

#endif
