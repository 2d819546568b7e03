/*
 * src/core/delay_codec.c
 *	  Text, binary and packed encodings of a delay summary (see delay_codec.h).
 *
 * Writers assume a canonical summary; readers trust nothing: every length is
 * checked before it is used, every number against its range, days for order
 * and the header totals against the entries.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "core/delay_codec.h"
#include "core/invariant.h"

#define QUOTE_MAX 80			/* characters of a literal quoted in a message */
#define TOKEN_MAX 24			/* characters of the offending spot quoted */

/* ---- text ---------------------------------------------------------------- */

/* An upper bound, so the caller allocates once. */
size_t
hdh_delay_text_size(const HdhDelaySummary *sum)
{
	/* "day:count, " is at most 10 + 1 + 19 + 2 characters, twice per entry. */
	return sizeof("completed {} pending {}") + (size_t) sum->n * 2 * 32;
}

/* Append one list ("completed {...}" or "pending {...}"); returns the end. */
static char *
FormatList(const HdhDelaySummary *sum, bool pending, char *p)
{
	bool		first = true;
	int32_t		i;

	p += sprintf(p, "%s {", pending ? "pending" : "completed");
	for (i = 0; i < sum->n; i++)
	{
		const HdhDelayEntry *e = &sum->entries[i];
		int64_t		count = pending ? e->pending : e->completed;

		if (count == 0)
			continue;
		p += sprintf(p, "%s%" PRId32 ":%" PRId64, first ? "" : ", ", e->day, count);
		first = false;
	}
	*p++ = '}';
	*p = '\0';
	return p;
}

/* The canonical text: both lists, days ascending, ", " between pairs. */
size_t
hdh_delay_format(const HdhDelaySummary *sum, char *out)
{
	char	   *p = FormatList(sum, false, out);

	*p++ = ' ';
	p = FormatList(sum, true, p);
	HDH_ASSERT((size_t) (p - out) <= hdh_delay_text_size(sum));
	return (size_t) (p - out);
}

/*
 * Fail with 22P02, quoting the literal (shortened) and explaining in detail;
 * format is translated before it is formatted (an nls.mk trigger).
 */
static HdhStatus
DelaySyntaxError(const char *text, HdhError *err, const char *format,...)
#if defined(__GNUC__)
			__attribute__((format(printf, 3, 4)))
#endif
			;

static HdhStatus
DelaySyntaxError(const char *text, HdhError *err, const char *format,...)
{
	char		detail[HDH_ERROR_TEXT];
	va_list		args;
	size_t		len = strlen(text);

	va_start(args, format);
	vsnprintf(detail, sizeof(detail), hdh_gettext(format), args);
	va_end(args);
	return hdh_fail(err, HDH_ERR_SYNTAX, detail,
					"invalid input syntax for type delay_summary: \"%.*s%s\"",
					(int) (len > QUOTE_MAX ? QUOTE_MAX : len), text,
					len > QUOTE_MAX ? "..." : "");
}

/* Up to TOKEN_MAX characters of text at p, for "at ..." in a detail. */
static int
SpotLength(const char *p, const char *end)
{
	size_t		n = (size_t) (end - p);

	return (int) (n > TOKEN_MAX ? TOKEN_MAX : n);
}

/* The C locale white space, independent of the server locale. */
static bool
IsSpace(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Move past white space, never beyond end. */
static const char *
SkipSpace(const char *p, const char *end)
{
	while (p < end && IsSpace(*p))
		p++;
	return p;
}

/* One list of "day:count" pairs between braces, read pair by pair. */
typedef struct ListCursor
{
	const char *text;			/* the whole literal, for messages */
	const char *p;
	const char *end;			/* the closing brace */
	const char *name;			/* "completed" or "pending" */
	int64_t		last_day;		/* -1 before the first pair */
	bool		need_pair;		/* a comma was just read */
} ListCursor;

/*
 * Read an unsigned decimal number of at most max; *p moves past it. A
 * missing number is a syntax failure, a number past max a range failure;
 * what ("day" or "count") is a catalog word, translated for the detail.
 */
static HdhStatus
ReadNumber(ListCursor *c, uint64_t max, const char *what, int32_t day,
		   uint64_t *out, HdhError *err)
{
	const char *start = c->p;
	uint64_t	v = 0;
	bool		too_big = false;

	while (c->p < c->end && *c->p >= '0' && *c->p <= '9')
	{
		unsigned	digit = (unsigned) (*c->p - '0');

		if (v > (max - digit) / 10)
			too_big = true;
		else
			v = v * 10 + digit;
		c->p++;
	}
	if (c->p == start)
		return DelaySyntaxError(c->text, err, "Expected a %s in the %s list at \"%.*s\".",
								hdh_gettext(what), c->name, SpotLength(c->p, c->end), c->p);
	if (too_big)
	{
		int			len = (int) (c->p - start);

		if (day < 0)
			return hdh_fail(err, HDH_ERR_RANGE,
							gettext_noop("A day is a whole number from 0 to 2147483647."),
							"day %.*s%s in the %s list is out of range for type delay_summary",
							len > 40 ? 40 : len, start, len > 40 ? "..." : "", c->name);
		return hdh_fail(err, HDH_ERR_RANGE,
						gettext_noop("A count is a whole number from 1 to 9223372036854775807."),
						"count %.*s%s for day %" PRId32 " in the %s list is out of range for type delay_summary",
						len > 40 ? 40 : len, start, len > 40 ? "..." : "", day, c->name);
	}
	*out = v;
	return HDH_OK;
}

/* The next pair of a list; *has is false at its end. */
static HdhStatus
NextPair(ListCursor *c, bool *has, int32_t *day, int64_t *count, HdhError *err)
{
	uint64_t	d,
				n;

	c->p = SkipSpace(c->p, c->end);
	if (c->p == c->end)
	{
		if (c->need_pair)
			return DelaySyntaxError(c->text, err, "The %s list ends with a comma.", c->name);
		*has = false;
		return HDH_OK;
	}
	if (ReadNumber(c, INT32_MAX, gettext_noop("day"), -1, &d, err) != HDH_OK)
		return err->status;
	c->p = SkipSpace(c->p, c->end);
	if (c->p == c->end || *c->p != ':')
		return DelaySyntaxError(c->text, err, "Expected \":\" after day %" PRIu64 " in the %s list at \"%.*s\".",
						   d, c->name, SpotLength(c->p, c->end), c->p);
	c->p = SkipSpace(c->p + 1, c->end);
	if (ReadNumber(c, INT64_MAX, gettext_noop("count"), (int32_t) d, &n, err) != HDH_OK)
		return err->status;
	if (n == 0)
		return DelaySyntaxError(c->text, err,
						   "Day %" PRIu64 " has count 0 in the %s list; counts are positive (leave the day out instead).",
						   d, c->name);
	if ((int64_t) d <= c->last_day)
		return DelaySyntaxError(c->text, err,
						   "Day %" PRIu64 " follows day %" PRId64 " in the %s list; days must be ascending, each listed once.",
						   d, c->last_day, c->name);
	c->last_day = (int64_t) d;
	c->p = SkipSpace(c->p, c->end);
	c->need_pair = false;
	if (c->p < c->end)
	{
		if (*c->p != ',')
			return DelaySyntaxError(c->text, err, "Expected \",\" or \"}\" after %" PRIu64 ":%" PRIu64 " in the %s list at \"%.*s\".",
							   d, n, c->name, SpotLength(c->p, c->end), c->p);
		c->p++;
		c->need_pair = true;
	}
	*has = true;
	*day = (int32_t) d;
	*count = (int64_t) n;
	return HDH_OK;
}

/* Expect `name {` at p; set the cursor on the list's body. */
static HdhStatus
OpenList(const char *text, const char **pp, const char *name, ListCursor *c, HdhError *err)
{
	const char *end = text + strlen(text);
	const char *p = SkipSpace(*pp, end);
	size_t		len = strlen(name);
	const char *close;

	if ((size_t) (end - p) < len || memcmp(p, name, len) != 0)
		return DelaySyntaxError(text, err, "Expected \"%s {\" at \"%.*s\".", name, SpotLength(p, end), p);
	p = SkipSpace(p + len, end);
	if (p == end || *p != '{')
		return DelaySyntaxError(text, err, "Expected \"{\" after \"%s\" at \"%.*s\".", name, SpotLength(p, end), p);
	p++;
	close = memchr(p, '}', (size_t) (end - p));
	if (close == NULL)
		return DelaySyntaxError(text, err, "The %s list has no closing \"}\".", name);
	memset(c, 0, sizeof(*c));
	c->text = text;
	c->p = p;
	c->end = close;
	c->name = name;
	c->last_day = -1;
	*pp = close + 1;
	return HDH_OK;
}

/* Number of ':' between two pointers: a bound on the pairs of a list. */
static size_t
CountColons(const char *p, const char *end)
{
	size_t		n = 0;

	for (; p < end; p++)
		if (*p == ':')
			n++;
	return n;
}

/*
 * Check the frame, bound the entries by the colons, then merge the two
 * lists by day.
 */
HdhStatus
hdh_delay_parse(const char *text, const HdhAlloc *mem, HdhDelaySummary *out,
				HdhError *err)
{
	const char *p = text;
	const char *end = text + strlen(text);
	ListCursor	cl,
				pl;
	size_t		cap;
	HdhDelayEntry *entries;
	int64_t		completed = 0,
				pending = 0;
	int32_t		n = 0;
	bool		has_c,
				has_p;
	int32_t		cday = 0,
				pday = 0;
	int64_t		ccount = 0,
				pcount = 0;

	if (OpenList(text, &p, "completed", &cl, err) != HDH_OK ||
		OpenList(text, &p, "pending", &pl, err) != HDH_OK)
		return err->status;
	p = SkipSpace(p, end);
	if (p != end)
		return DelaySyntaxError(text, err, "Unexpected text after the pending list at \"%.*s\".",
						   SpotLength(p, end), p);

	cap = CountColons(cl.p, cl.end) + CountColons(pl.p, pl.end);
	if (cap > INT32_MAX)
		return hdh_fail(err, HDH_ERR_LIMIT, NULL, "delay_summary literal has too many entries (%zu)", cap);
	entries = mem->alloc(mem->ctx, (cap ? cap : 1) * sizeof(HdhDelayEntry));
	if (entries == NULL)
		return hdh_fail(err, HDH_ERR_LIMIT, NULL, "out of memory reading a delay_summary of %zu entries", cap);

	/* Merge the two lists by day; each cursor checks its own order. */
	if (NextPair(&cl, &has_c, &cday, &ccount, err) != HDH_OK ||
		NextPair(&pl, &has_p, &pday, &pcount, err) != HDH_OK)
		goto fail;
	while (has_c || has_p)
	{
		HdhDelayEntry *e;

		if ((size_t) n >= cap)
		{
			hdh_fail(err, HDH_ERR_SYNTAX, NULL, "delay_summary parser overran its %zu entries", cap);
			goto fail;
		}
		e = &entries[n];
		e->completed = 0;
		e->pending = 0;
		if (has_c && (!has_p || cday <= pday))
		{
			e->day = cday;
			e->completed = ccount;
		}
		if (has_p && (!has_c || pday <= cday))
		{
			e->day = pday;
			e->pending = pcount;
		}
		if (e->completed > INT64_MAX - completed || e->pending > INT64_MAX - pending)
		{
			hdh_fail(err, HDH_ERR_RANGE, gettext_noop("The total of each list is at most 9223372036854775807."),
					 "delay_summary counts add up past the range of bigint at day %" PRId32, e->day);
			goto fail;
		}
		completed += e->completed;
		pending += e->pending;
		n++;
		if (e->completed > 0 && NextPair(&cl, &has_c, &cday, &ccount, err) != HDH_OK)
			goto fail;
		if (e->pending > 0 && NextPair(&pl, &has_p, &pday, &pcount, err) != HDH_OK)
			goto fail;
	}
	out->entries = entries;
	out->n = n;
	out->completed = completed;
	out->pending = pending;
	return HDH_OK;

fail:
	if (mem->release)
		mem->release(mem->ctx, entries);
	return err->status;
}

/* ---- fixed-width and varint helpers ------------------------------------ */

/* Write v big-endian in `bytes` bytes (alignment-free). */
static void
PutBE(uint8_t *p, uint64_t v, int bytes)
{
	int			i;

	for (i = bytes - 1; i >= 0; i--)
	{
		p[i] = (uint8_t) (v & 0xff);
		v >>= 8;
	}
}

/* Read a big-endian unsigned number of `bytes` bytes. */
static uint64_t
GetBE(const uint8_t *p, int bytes)
{
	uint64_t	v = 0;
	int			i;

	for (i = 0; i < bytes; i++)
		v = (v << 8) | p[i];
	return v;
}

/* Write v little-endian in `bytes` bytes (alignment-free). */
static void
PutLE(uint8_t *p, uint64_t v, int bytes)
{
	int			i;

	for (i = 0; i < bytes; i++)
	{
		p[i] = (uint8_t) (v & 0xff);
		v >>= 8;
	}
}

/* Read a little-endian unsigned number of `bytes` bytes. */
static uint64_t
GetLE(const uint8_t *p, int bytes)
{
	uint64_t	v = 0;
	int			i;

	for (i = bytes - 1; i >= 0; i--)
		v = (v << 8) | p[i];
	return v;
}

/*
 * Varints. Nearly every gap and count of a real summary is below 128, one
 * byte: the packed writers and reader test for an entry of three one-byte
 * varints first, and GetVarint reads a one-byte varint inline. (A summary is
 * packed by every final function and read by every accessor call, so this
 * is on the path of every grouped query.)
 */

/* Bytes of v as an unsigned LEB128 varint. */
static size_t
VarintSize(uint64_t v)
{
	size_t		n = 1;

	while (v >= 0x80)
	{
		v >>= 7;
		n++;
	}
	return n;
}

/* Write v as an unsigned LEB128 varint; returns the end. */
static uint8_t *
PutVarint(uint8_t *p, uint64_t v)
{
	while (v >= 0x80)
	{
		*p++ = (uint8_t) (v | 0x80);
		v >>= 7;
	}
	*p++ = (uint8_t) v;
	return p;
}

/*
 * Read a varint of two or more bytes: false when it runs past end, exceeds
 * 64 bits or is not in its shortest form (so each value has exactly one
 * encoding).
 */
static bool
GetLongVarint(const uint8_t **pp, const uint8_t *end, uint64_t *out)
{
	const uint8_t *p = *pp;
	uint64_t	v = 0;
	int			i;

	for (i = 0; i < 10; i++)
	{
		uint8_t		b;

		if (p >= end)
			return false;
		b = *p++;
		if (i == 9 && b > 1)
			return false;
		v |= (uint64_t) (b & 0x7f) << (7 * i);
		if ((b & 0x80) == 0)
		{
			if (b == 0 && i > 0)
				return false;
			*pp = p;
			*out = v;
			return true;
		}
	}
	return false;
}

/* Read a varint, one byte inline; the rules of GetLongVarint. */
static inline bool
GetVarint(const uint8_t **pp, const uint8_t *end, uint64_t *out)
{
	const uint8_t *p = *pp;

	if (p < end && *p < 0x80)
	{
		*out = *p;
		*pp = p + 1;
		return true;
	}
	return GetLongVarint(pp, end, out);
}

/* ---- binary (send / receive) ------------------------------------------- */

/* Fixed width: the header and 20 bytes per day. */
size_t
hdh_delay_wire_size(const HdhDelaySummary *sum)
{
	return HDH_DELAY_WIRE_HEADER + (size_t) sum->n * HDH_DELAY_WIRE_ENTRY;
}

/* The binary form, for send. */
void
hdh_delay_wire_write(const HdhDelaySummary *sum, uint8_t *out)
{
	const uint8_t *start = out;
	int32_t		i;

	out[0] = HDH_DELAY_FORMAT_VERSION;
	out[1] = 0;
	PutBE(out + 2, (uint32_t) sum->n, 4);
	PutBE(out + 6, (uint64_t) sum->completed, 8);
	PutBE(out + 14, (uint64_t) sum->pending, 8);
	out += HDH_DELAY_WIRE_HEADER;
	for (i = 0; i < sum->n; i++, out += HDH_DELAY_WIRE_ENTRY)
	{
		PutBE(out, (uint32_t) sum->entries[i].day, 4);
		PutBE(out + 4, (uint64_t) sum->entries[i].completed, 8);
		PutBE(out + 12, (uint64_t) sum->entries[i].pending, 8);
	}
	HDH_ASSERT((size_t) (out - start) == hdh_delay_wire_size(sum));
}

/* The binary form, for receive: lengths first, then the canonical checks. */
HdhStatus
hdh_delay_wire_read(const uint8_t *data, size_t len, const HdhAlloc *mem,
					HdhDelaySummary *out, HdhError *err)
{
	int32_t		n,
				i;
	HdhDelayEntry *entries;
	HdhStatus	status;

	if (len < HDH_DELAY_WIRE_HEADER)
		return hdh_fail(err, HDH_ERR_BINARY, NULL,
						"binary delay_summary value is truncated: %zu bytes, the header alone has %d",
						len, HDH_DELAY_WIRE_HEADER);
	if (data[0] != HDH_DELAY_FORMAT_VERSION)
		return hdh_fail(err, HDH_ERR_BINARY, gettext_noop("This version reads binary format version 1."),
						"unsupported binary delay_summary format version %u", data[0]);
	if (data[1] != 0)
		return hdh_fail(err, HDH_ERR_BINARY, gettext_noop("The flags byte is reserved and must be 0."),
						"binary delay_summary has flags %u", data[1]);
	n = (int32_t) (uint32_t) GetBE(data + 2, 4);
	if (n < 0 || (size_t) n != (len - HDH_DELAY_WIRE_HEADER) / HDH_DELAY_WIRE_ENTRY ||
		(len - HDH_DELAY_WIRE_HEADER) % HDH_DELAY_WIRE_ENTRY != 0)
		return hdh_fail(err, HDH_ERR_BINARY, gettext_noop("Each entry takes 20 bytes after a 22-byte header."),
						"binary delay_summary claims %" PRId32 " entries but has %zu bytes of entries",
						n, len - HDH_DELAY_WIRE_HEADER);
	entries = mem->alloc(mem->ctx, (n ? (size_t) n : 1) * sizeof(HdhDelayEntry));
	if (entries == NULL)
		return hdh_fail(err, HDH_ERR_LIMIT, NULL, "out of memory reading a delay_summary of %d entries", n);
	for (i = 0; i < n; i++)
	{
		const uint8_t *e = data + HDH_DELAY_WIRE_HEADER + (size_t) i * HDH_DELAY_WIRE_ENTRY;

		entries[i].day = (int32_t) (uint32_t) GetBE(e, 4);
		entries[i].completed = (int64_t) GetBE(e + 4, 8);
		entries[i].pending = (int64_t) GetBE(e + 12, 8);
	}
	out->entries = entries;
	out->n = n;
	out->completed = (int64_t) GetBE(data + 6, 8);
	out->pending = (int64_t) GetBE(data + 14, 8);
	status = hdh_delay_check(out, HDH_ERR_BINARY, err);
	if (status != HDH_OK && mem->release)
		mem->release(mem->ctx, entries);
	return status;
}

/* ---- packed (stored form) ---------------------------------------------- */

/* Days after the previous one (the first day itself: previous is -1). */
static inline uint32_t
DayGap(int32_t day, int64_t previous)
{
	return (uint32_t) (day - previous - 1);
}

/* An entry of three one-byte varints: the common case, written inline. */
static inline bool
ShortEntry(uint32_t gap, const HdhDelayEntry *e)
{
	return (gap | (uint64_t) e->completed | (uint64_t) e->pending) < 0x80;
}

/* Exact size of the packed form, so the caller allocates once. */
size_t
hdh_delay_packed_size(const HdhDelaySummary *sum)
{
	size_t		size = HDH_DELAY_PACKED_HEADER;
	int64_t		previous = -1;
	int32_t		i;

	for (i = 0; i < sum->n; i++)
	{
		const HdhDelayEntry *e = &sum->entries[i];
		uint32_t	gap = DayGap(e->day, previous);

		if (ShortEntry(gap, e))
			size += 3;
		else
			size += VarintSize(gap) + VarintSize((uint64_t) e->completed) +
				VarintSize((uint64_t) e->pending);
		previous = e->day;
	}
	return size;
}

/* The stored form: header, then gap and counts as varints per day. */
void
hdh_delay_pack(const HdhDelaySummary *sum, uint8_t *out)
{
	uint8_t    *p = out + HDH_DELAY_PACKED_HEADER;
	int64_t		previous = -1;
	int32_t		i;

	out[0] = HDH_DELAY_FORMAT_VERSION;
	out[1] = 0;
	PutLE(out + 2, 0, 2);
	PutLE(out + 4, (uint32_t) sum->n, 4);
	PutLE(out + 8, (uint64_t) sum->completed, 8);
	PutLE(out + 16, (uint64_t) sum->pending, 8);
	for (i = 0; i < sum->n; i++)
	{
		const HdhDelayEntry *e = &sum->entries[i];
		uint32_t	gap = DayGap(e->day, previous);

		if (ShortEntry(gap, e))
		{
			p[0] = (uint8_t) gap;
			p[1] = (uint8_t) e->completed;
			p[2] = (uint8_t) e->pending;
			p += 3;
		}
		else
		{
			p = PutVarint(p, gap);
			p = PutVarint(p, (uint64_t) e->completed);
			p = PutVarint(p, (uint64_t) e->pending);
		}
		previous = e->day;
	}
	HDH_ASSERT((size_t) (p - out) == hdh_delay_packed_size(sum));
}

/* The stored form back, every varint and length checked before use. */
HdhStatus
hdh_delay_unpack(const uint8_t *data, size_t len, const HdhAlloc *mem,
				 HdhStatus status, HdhDelaySummary *out, HdhError *err)
{
	const uint8_t *p,
			   *end = data + len;
	int32_t		n,
				i;
	int64_t		day = -1;
	HdhDelayEntry *entries;
	HdhStatus	result;

	if (len < HDH_DELAY_PACKED_HEADER)
		return hdh_fail(err, status, NULL,
						"delay_summary value is truncated: %zu bytes, the header alone has %d",
						len, HDH_DELAY_PACKED_HEADER);
	if (data[0] != HDH_DELAY_FORMAT_VERSION)
		return hdh_fail(err, status, gettext_noop("This version reads format version 1."),
						"unsupported delay_summary format version %u", data[0]);
	if (data[1] != 0 || GetLE(data + 2, 2) != 0)
		return hdh_fail(err, status, gettext_noop("The flags and reserved fields must be 0."),
						"delay_summary has flags %u and reserved field %u",
						data[1], (unsigned) GetLE(data + 2, 2));
	n = (int32_t) (uint32_t) GetLE(data + 4, 4);
	if (n < 0 || (size_t) n > (len - HDH_DELAY_PACKED_HEADER) / 3)
		return hdh_fail(err, status, gettext_noop("Each entry takes at least 3 bytes."),
						"delay_summary claims %" PRId32 " entries in %zu bytes",
						n, len - HDH_DELAY_PACKED_HEADER);
	entries = mem->alloc(mem->ctx, (n ? (size_t) n : 1) * sizeof(HdhDelayEntry));
	if (entries == NULL)
		return hdh_fail(err, HDH_ERR_LIMIT, NULL, "out of memory reading a delay_summary of %d entries", n);
	p = data + HDH_DELAY_PACKED_HEADER;
	for (i = 0; i < n; i++)
	{
		uint64_t	gap,
					completed,
					pending;

		if (end - p >= 3 && ((p[0] | p[1] | p[2]) & 0x80) == 0)
		{
			/* the common entry: three one-byte varints */
			gap = p[0];
			completed = p[1];
			pending = p[2];
			p += 3;
		}
		else if (!GetVarint(&p, end, &gap) || !GetVarint(&p, end, &completed) ||
				 !GetVarint(&p, end, &pending))
		{
			result = hdh_fail(err, status, NULL,
							  "delay_summary entry %" PRId32 " of %" PRId32 " is truncated or malformed",
							  i + 1, n);
			goto fail;
		}
		if (day >= HDH_DELAY_MAX_DAY || gap > (uint64_t) (HDH_DELAY_MAX_DAY - day - 1) ||
			completed > INT64_MAX || pending > INT64_MAX)
		{
			result = hdh_fail(err, status, NULL,
							  "delay_summary entry %" PRId32 " is out of range (day gap %" PRIu64 ", counts %" PRIu64 " and %" PRIu64 ")",
							  i + 1, gap, completed, pending);
			goto fail;
		}
		day = day + 1 + (int64_t) gap;
		entries[i].day = (int32_t) day;
		entries[i].completed = (int64_t) completed;
		entries[i].pending = (int64_t) pending;
	}
	if (p != end)
	{
		result = hdh_fail(err, status, NULL, "delay_summary has %zu bytes after its %" PRId32 " entries",
						  (size_t) (end - p), n);
		goto fail;
	}
	out->entries = entries;
	out->n = n;
	out->completed = (int64_t) GetLE(data + 8, 8);
	out->pending = (int64_t) GetLE(data + 16, 8);
	result = hdh_delay_check(out, status, err);
	if (result == HDH_OK)
		return HDH_OK;
fail:
	if (mem->release)
		mem->release(mem->ctx, entries);
	return result;
}
