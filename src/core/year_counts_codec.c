/*
 * src/core/year_counts_codec.c
 *	  Text and binary forms of a year_counts value (see year_counts_codec.h).
 */
#include <stdio.h>
#include <string.h>

#include "core/year_counts_codec.h"
#include "core/invariant.h"

/* Longest text of one pair: "9999:" + 19 digits + ",". */
#define ENTRY_TEXT_MAX 25
/* How much of a bad input an error message repeats. */
#define QUOTE_MAX 60

/* Where an entry check reports its failures: text and binary differ. */
typedef struct EntryCheck
{
	HdhStatus	status;			/* HDH_ERR_SYNTAX or HDH_ERR_BINARY */
	bool		have_prev;
	int64_t		prev_year;
	int64_t		lo;				/* extent of the years with a total */
	int64_t		hi;
} EntryCheck;

/*
 * The rules shared by both decoders: range, order, sign; what is a catalog
 * phrase, translated only when a rule fails (this runs for every entry).
 */
static HdhStatus
CheckEntry(EntryCheck *c, int64_t year, int64_t total, HdhError *err,
		   const char *what)
{
	HdhStatus	st = hdh_year_counts_check_year(year, err);

	if (st != HDH_OK)
		return st;
	if (c->have_prev && year == c->prev_year)
		return hdh_fail(err, c->status, NULL, "%s lists year %lld twice",
						hdh_gettext(what), (long long) year);
	if (c->have_prev && year < c->prev_year)
		return hdh_fail(err, c->status, gettext_noop("Years must be in ascending order."),
						"%s lists year %lld after year %lld",
						hdh_gettext(what), (long long) year, (long long) c->prev_year);
	if (total < 0)
		return hdh_fail(err, c->status, gettext_noop("Totals are counts and cannot be negative."),
						"%s gives year %lld the negative total %lld",
						hdh_gettext(what), (long long) year, (long long) total);
	c->have_prev = true;
	c->prev_year = year;
	if (total > 0)
	{
		if (c->lo == 0)
			c->lo = year;
		c->hi = year;
	}
	return HDH_OK;
}

/* Extent of the years with a total, as the decoders return it. */
static void
ExtentOf(const EntryCheck *c, int32_t *first, int32_t *count)
{
	*first = (int32_t) c->lo;
	*count = c->lo == 0 ? 0 : (int32_t) (c->hi - c->lo + 1);
}

static int
IsSpace(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' || ch == '\v';
}

static const char *
SkipSpace(const char *p)
{
	while (IsSpace(*p))
		p++;
	return p;
}

/*
 * Syntax errors repeat the (shortened) input and say what was expected where;
 * expected is a phrase of the catalog (an nls.mk trigger), translated here.
 */
static HdhStatus
YearCountsSyntaxError(HdhError *err, const char *text, const char *at, const char *expected)
{
	char		detail[HDH_ERROR_TEXT];
	size_t		len = strlen(text);

	if (*at == '\0')
		snprintf(detail, sizeof(detail), hdh_gettext("Expected %s at the end of the input."),
				 hdh_gettext(expected));
	else
		snprintf(detail, sizeof(detail), hdh_gettext("Expected %s at character %d."),
				 hdh_gettext(expected), (int) (at - text) + 1);
	return hdh_fail(err, HDH_ERR_SYNTAX, detail,
					"invalid input syntax for type year_counts: \"%.*s%s\"",
					QUOTE_MAX, text, len > QUOTE_MAX ? "..." : "");
}

/*
 * An optionally signed decimal integer. *overflow is set when it does not
 * fit an int64 (the value is then meaningless); *end is past the digits.
 */
static int
ReadInteger(const char *p, const char **end, int64_t *value, int *overflow)
{
	int			negative = 0;
	uint64_t	magnitude = 0;
	const char *start;

	*overflow = 0;
	if (*p == '-')
	{
		negative = 1;
		p++;
	}
	start = p;
	while (*p >= '0' && *p <= '9')
	{
		unsigned	digit = (unsigned) (*p - '0');

		if (magnitude > (UINT64_MAX - digit) / 10)
			*overflow = 1;
		else
			magnitude = magnitude * 10 + digit;
		p++;
	}
	if (p == start)
		return 0;
	if (magnitude > (uint64_t) INT64_MAX + (negative ? 1u : 0u))
		*overflow = 1;
	*end = p;
	if (!*overflow)
		*value = negative ? (int64_t) (0 - magnitude) : (int64_t) magnitude;
	return 1;
}

/* One pass over the text: validate, learn the extent, and fill totals when given. */
HdhStatus
hdh_year_counts_parse(const char *text, int32_t *first, int32_t *count, int64_t *totals,
					  HdhError *err)
{
	EntryCheck	check = {HDH_ERR_SYNTAX, false, 0, 0, 0};
	const char *p = SkipSpace(text);
	HdhStatus	st;

	if (*p != '{')
		return YearCountsSyntaxError(err, text, p, "\"{\"");
	p = SkipSpace(p + 1);
	if (*p == '}')
		p++;
	else
	{
		for (;;)
		{
			const char *tok = p;
			const char *end;
			int64_t		year = 0;
			int64_t		total = 0;
			int			overflow;

			if (!ReadInteger(p, &end, &year, &overflow))
				return YearCountsSyntaxError(err, text, p, "a year");
			if (overflow)
				return hdh_fail(err, HDH_ERR_RANGE, gettext_noop("A year_counts holds the years 1 to 9999."),
								"year %.*s is out of range for year_counts",
								(int) (end - tok > 30 ? 30 : end - tok), tok);
			p = SkipSpace(end);
			if (*p != ':')
				return YearCountsSyntaxError(err, text, p, "\":\" after a year");
			p = SkipSpace(p + 1);
			tok = p;
			if (!ReadInteger(p, &end, &total, &overflow))
				return YearCountsSyntaxError(err, text, p, "a total after \":\"");
			if (overflow)
				return hdh_fail(err, HDH_ERR_RANGE, NULL,
								"total %.*s of year %lld is out of range for bigint",
								(int) (end - tok > 30 ? 30 : end - tok), tok, (long long) year);
			if ((st = CheckEntry(&check, year, total, err, gettext_noop("year_counts input"))) != HDH_OK)
				return st;
			if (totals != NULL && total > 0)
				totals[year - *first] = total;
			p = SkipSpace(end);
			if (*p == ',')
			{
				p = SkipSpace(p + 1);
				continue;
			}
			if (*p == '}')
			{
				p++;
				break;
			}
			return YearCountsSyntaxError(err, text, p, "\",\" or \"}\" after a total");
		}
	}
	p = SkipSpace(p);
	if (*p != '\0')
		return YearCountsSyntaxError(err, text, p, "nothing after \"}\"");
	if (totals == NULL)
		ExtentOf(&check, first, count);
	return HDH_OK;
}

/* Each present year takes at most ENTRY_TEXT_MAX characters. */
size_t
hdh_year_counts_format_size(const HdhYearCounts *yc)
{
	return 3 + (size_t) hdh_year_counts_present(yc) * ENTRY_TEXT_MAX;
}

/* Canonical text: no spaces, only years with a total. */
size_t
hdh_year_counts_format(const HdhYearCounts *yc, char *buf)
{
	char	   *p = buf;
	int32_t		i;
	int			any = 0;

	*p++ = '{';
	for (i = 0; i < yc->count; i++)
	{
		if (yc->totals[i] == 0)
			continue;
		p += sprintf(p, "%s%d:%lld", any ? "," : "", (int) (yc->first + i),
					 (long long) yc->totals[i]);
		any = 1;
	}
	*p++ = '}';
	*p = '\0';
	HDH_ASSERT((size_t) (p - buf) < hdh_year_counts_format_size(yc));
	return (size_t) (p - buf);
}

static uint32_t
ReadU32(const unsigned char *p)
{
	return ((uint32_t) p[0] << 24) | ((uint32_t) p[1] << 16) | ((uint32_t) p[2] << 8) | p[3];
}

static void
WriteU32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char) (v >> 24);
	p[1] = (unsigned char) (v >> 16);
	p[2] = (unsigned char) (v >> 8);
	p[3] = (unsigned char) v;
}

/* Every length is checked against len before anything is read. */
HdhStatus
hdh_year_counts_decode(const unsigned char *buf, size_t len, int32_t *first, int32_t *count,
					   int64_t *totals, HdhError *err)
{
	EntryCheck	check = {HDH_ERR_BINARY, false, 0, 0, 0};
	int32_t		n;
	size_t		need;
	int32_t		i;
	HdhStatus	st;

	if (len < HDH_YEAR_COUNTS_BINARY_HEADER)
		return hdh_fail(err, HDH_ERR_BINARY, gettext_noop("The header takes 6 bytes."),
						"binary year_counts is truncated: %zu bytes", len);
	if (buf[0] != HDH_YEAR_COUNTS_BINARY_VERSION)
		return hdh_fail(err, HDH_ERR_BINARY, gettext_noop("This version of hdh_roadmap reads version 1."),
						"binary year_counts has unsupported version %d", (int) buf[0]);
	if (buf[1] != 0)
		return hdh_fail(err, HDH_ERR_BINARY, gettext_noop("The flags byte is reserved and must be 0."),
						"binary year_counts has flags %d", (int) buf[1]);
	n = (int32_t) ReadU32(buf + 2);
	if (n < 0 || n > HDH_YEAR_MAX - HDH_YEAR_MIN + 1)
		return hdh_fail(err, HDH_ERR_BINARY, gettext_noop("A year_counts holds at most 9999 years."),
						"binary year_counts claims %d years", (int) n);
	need = HDH_YEAR_COUNTS_BINARY_HEADER + (size_t) n * HDH_YEAR_COUNTS_BINARY_ENTRY;
	if (len < need)
		return hdh_fail(err, HDH_ERR_BINARY, NULL,
						"binary year_counts claims %d years (%zu bytes) but has only %zu bytes",
						(int) n, need, len);
	if (len > need)
		return hdh_fail(err, HDH_ERR_BINARY, NULL,
						"binary year_counts of %d years has %zu bytes past its end",
						(int) n, len - need);
	for (i = 0; i < n; i++)
	{
		const unsigned char *e = buf + HDH_YEAR_COUNTS_BINARY_HEADER + (size_t) i * HDH_YEAR_COUNTS_BINARY_ENTRY;
		int64_t		year = (int32_t) ReadU32(e);
		int64_t		total = (int64_t) (((uint64_t) ReadU32(e + 4) << 32) | ReadU32(e + 8));

		if ((st = CheckEntry(&check, year, total, err, gettext_noop("binary year_counts"))) != HDH_OK)
			return st;
		if (totals != NULL && total > 0)
			totals[year - *first] = total;
	}
	if (totals == NULL)
		ExtentOf(&check, first, count);
	return HDH_OK;
}

size_t
hdh_year_counts_encoded_size(const HdhYearCounts *yc)
{
	return HDH_YEAR_COUNTS_BINARY_HEADER
		+ (size_t) hdh_year_counts_present(yc) * HDH_YEAR_COUNTS_BINARY_ENTRY;
}

/* Big-endian, like PostgreSQL's own send functions. */
void
hdh_year_counts_encode(const HdhYearCounts *yc, unsigned char *buf)
{
	unsigned char *p = buf + HDH_YEAR_COUNTS_BINARY_HEADER;
	int32_t		i;

	buf[0] = HDH_YEAR_COUNTS_BINARY_VERSION;
	buf[1] = 0;
	WriteU32(buf + 2, (uint32_t) hdh_year_counts_present(yc));
	for (i = 0; i < yc->count; i++)
	{
		uint64_t	total = (uint64_t) yc->totals[i];

		if (yc->totals[i] == 0)
			continue;
		WriteU32(p, (uint32_t) (yc->first + i));
		WriteU32(p + 4, (uint32_t) (total >> 32));
		WriteU32(p + 8, (uint32_t) total);
		p += HDH_YEAR_COUNTS_BINARY_ENTRY;
	}
	HDH_ASSERT((size_t) (p - buf) == hdh_year_counts_encoded_size(yc));
}

/* ---- stored form ---------------------------------------------------------- */

size_t
hdh_year_counts_stored_size(const HdhYearCounts *yc)
{
	return HDH_YEAR_COUNTS_STORED_SIZE(hdh_year_counts_trimmed(yc).count);
}

void
hdh_year_counts_store_header(HdhYearCountsStored *out, int32_t first, int32_t count)
{
	out->version = HDH_YEAR_COUNTS_STORED_VERSION;
	out->flags = 0;
	out->reserved = 0;
	out->first_year = first;
	out->nyears = count;
}

/* Stored values are always trimmed, so that equal values have equal bytes. */
void
hdh_year_counts_store(const HdhYearCounts *yc, HdhYearCountsStored *out)
{
	HdhYearCounts part = hdh_year_counts_trimmed(yc);

	hdh_year_counts_store_header(out, part.first, part.count);
	if (part.count > 0)
		memcpy(out->totals, part.totals, sizeof(int64_t) * (size_t) part.count);
}

/* Never trust a length: check the header and invariants before reading totals. */
HdhStatus
hdh_year_counts_load(const HdhYearCountsStored *data, size_t size, HdhStatus status,
					 HdhYearCounts *out, HdhError *err)
{
	HdhYearCounts yc = HDH_YEAR_COUNTS_EMPTY;

	*out = yc;
	if (size < HDH_YEAR_COUNTS_STORED_SIZE(0))
		return hdh_fail(err, status, NULL, "year_counts value is truncated: %zu bytes", size);
	if (data->version != HDH_YEAR_COUNTS_STORED_VERSION || data->flags != 0 || data->reserved != 0)
		return hdh_fail(err, status, gettext_noop("This version of hdh_roadmap reads version 1 with flags 0."),
						"year_counts value has version %d and flags %d",
						(int) data->version, (int) data->flags);
	if (data->nyears < 0 || data->nyears > HDH_YEAR_MAX - HDH_YEAR_MIN + 1 ||
		size != HDH_YEAR_COUNTS_STORED_SIZE(data->nyears))
		return hdh_fail(err, status, NULL, "year_counts value of %zu bytes claims %d years",
						size, (int) data->nyears);
	yc.first = data->first_year;
	yc.count = data->nyears;
	yc.totals = (int64_t *) data->totals;
	if (hdh_year_counts_check_trimmed(&yc, status, err) != HDH_OK)
		return err->status;
	*out = yc;
	return HDH_OK;
}
