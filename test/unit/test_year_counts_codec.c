/*
 * test/unit/test_year_counts_codec.c
 *	  Text, binary and stored forms of year_counts: accepted and refused inputs,
 *	  exact round trips of random values, and random or mutated bytes that
 *	  must be refused cleanly or decode to a consistent value.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/year_counts_codec.h"
#include "core_test.h"
#include "unit.h"

static uint64_t rng = 0x9E3779B97F4A7C15ULL;

/* Parse text in its two passes; totals is malloc'd (free it), NULL when empty. */
static HdhStatus
Parse(const char *text, HdhYearCounts *out, HdhError *err)
{
	HdhStatus	st;

	out->totals = NULL;
	st = hdh_year_counts_parse(text, &out->first, &out->count, NULL, err);
	if (st != HDH_OK)
		return st;
	out->totals = calloc((size_t) out->count + 1, sizeof(int64_t));
	return hdh_year_counts_parse(text, &out->first, &out->count, out->totals, err);
}

static HdhStatus
Decode(const unsigned char *buf, size_t len, HdhYearCounts *out, HdhError *err)
{
	HdhStatus	st;

	out->totals = NULL;
	st = hdh_year_counts_decode(buf, len, &out->first, &out->count, NULL, err);
	if (st != HDH_OK)
		return st;
	out->totals = calloc((size_t) out->count + 1, sizeof(int64_t));
	return hdh_year_counts_decode(buf, len, &out->first, &out->count, out->totals, err);
}

/* Parse then format: the canonical text, or NULL on failure. */
static char *
Canonical(const char *text)
{
	static char buf[4096];
	HdhYearCounts yc;
	HdhError	err;

	if (Parse(text, &yc, &err) != HDH_OK)
		return NULL;
	hdh_year_counts_format(&yc, buf);
	free(yc.totals);
	return buf;
}

static HdhStatus
ParseStatus(const char *text, HdhError *err)
{
	HdhYearCounts yc;
	HdhStatus	st = Parse(text, &yc, err);

	free(yc.totals);
	return st;
}

static void
TestText(void)
{
	HdhError	err;
	char	   *s;
	static const char *const syntax[] = {
		"", " ", "2023:5", "{", "}", "{2023}", "{2023:}", "{:5}", "{2023:5",
		"{2023:5,}", "{,2023:5}", "{2023:5;2024:6}", "{2023:5}x", "{2023:5}}",
		"{2023 5}", "{2023::5}", "{2023:5 2024:6}", "{a:5}", "{2023:b}",
		"{2023.0:5}", "{2023:5.0}", "{2023:1e3}", "{-:5}", "{2023:-}", "[2023:5]",
		"{2023:5,2023:6}", "{2024:5,2023:6}", "{2023:-1}", "{+2023:5}", "{2023:+5}",
		"{ 2023 : 5 , }", "{{}}", "{}{}", "{2023:0x10}",
	};
	static const char *const range[] = {
		"{0:5}", "{10000:5}", "{-44:1}", "{99999999999999999999999:1}",
		"{2023:9223372036854775808}", "{2023:99999999999999999999999}",
	};
	size_t		i;
	int			bad = 0;

	/* Accepted forms and their canonical text. */
	CHECK((s = Canonical("{}")) != NULL && strcmp(s, "{}") == 0);
	CHECK((s = Canonical("  {  }  ")) != NULL && strcmp(s, "{}") == 0);
	CHECK((s = Canonical("{2022:5,2023:12}")) != NULL && strcmp(s, "{2022:5,2023:12}") == 0);
	CHECK((s = Canonical(" { 2022 : 5 ,\n\t2023:12 } ")) != NULL && strcmp(s, "{2022:5,2023:12}") == 0);
	CHECK((s = Canonical("{2020:1,2025:2}")) != NULL && strcmp(s, "{2020:1,2025:2}") == 0);
	CHECK((s = Canonical("{02023:007}")) != NULL && strcmp(s, "{2023:7}") == 0);
	/* A total of 0 means the year is absent. */
	CHECK((s = Canonical("{2021:0,2022:5,2023:0,2024:1,2025:0}")) != NULL &&
		  strcmp(s, "{2022:5,2024:1}") == 0);
	CHECK((s = Canonical("{2021:0}")) != NULL && strcmp(s, "{}") == 0);
	CHECK((s = Canonical("{1:1,9999:9223372036854775807}")) != NULL &&
		  strcmp(s, "{1:1,9999:9223372036854775807}") == 0);

	/* Refused: syntax (the message repeats the input). */
	for (i = 0; i < sizeof(syntax) / sizeof(syntax[0]); i++)
		if (ParseStatus(syntax[i], &err) != HDH_ERR_SYNTAX)
		{
			printf("# not a syntax error: %s\n", syntax[i]);
			bad++;
		}
	CHECK(bad == 0);
	CHECK(ParseStatus("{2023:5;2024:6}", &err) == HDH_ERR_SYNTAX);
	CHECK(strcmp(err.message, "invalid input syntax for type year_counts: \"{2023:5;2024:6}\"") == 0);
	CHECK(strstr(err.detail, "character 8") != NULL);
	CHECK(ParseStatus("{2023:5,2023:6}", &err) == HDH_ERR_SYNTAX);
	CHECK(strstr(err.message, "year 2023 twice") != NULL);
	CHECK(ParseStatus("{2024:5,2023:6}", &err) == HDH_ERR_SYNTAX);
	CHECK(strstr(err.message, "year 2023 after year 2024") != NULL);
	CHECK(ParseStatus("{2023:-1}", &err) == HDH_ERR_SYNTAX);
	CHECK(strstr(err.message, "-1") != NULL);

	/* Refused: out of range years and totals (22003), naming the value. */
	bad = 0;
	for (i = 0; i < sizeof(range) / sizeof(range[0]); i++)
		if (ParseStatus(range[i], &err) != HDH_ERR_RANGE)
		{
			printf("# not a range error: %s\n", range[i]);
			bad++;
		}
	CHECK(bad == 0);
	CHECK(ParseStatus("{10000:5}", &err) == HDH_ERR_RANGE);
	CHECK(strcmp(err.message, "year 10000 is out of range for year_counts") == 0);
	CHECK(ParseStatus("{2023:9223372036854775808}", &err) == HDH_ERR_RANGE);
	CHECK(strstr(err.message, "9223372036854775808") != NULL);

	/* A long bad input is shortened in the message. */
	{
		char		longtext[400];

		memset(longtext, '9', sizeof(longtext) - 1);
		longtext[0] = '{';
		longtext[sizeof(longtext) - 1] = '\0';
		CHECK(ParseStatus(longtext, &err) == HDH_ERR_RANGE);
		CHECK(strlen(err.message) < 120);
	}
}

static void
PutU32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char) (v >> 24);
	p[1] = (unsigned char) (v >> 16);
	p[2] = (unsigned char) (v >> 8);
	p[3] = (unsigned char) v;
}

/* Binary of n pairs, with a chosen header. */
static size_t
Binary(unsigned char *buf, int version, int flags, uint32_t n, const int32_t *years,
	   const int64_t *totals, int pairs)
{
	int			i;

	buf[0] = (unsigned char) version;
	buf[1] = (unsigned char) flags;
	PutU32(buf + 2, n);
	for (i = 0; i < pairs; i++)
	{
		PutU32(buf + 6 + 12 * i, (uint32_t) years[i]);
		PutU32(buf + 10 + 12 * i, (uint32_t) ((uint64_t) totals[i] >> 32));
		PutU32(buf + 14 + 12 * i, (uint32_t) totals[i]);
	}
	return 6 + 12 * (size_t) pairs;
}

static HdhStatus
DecodeStatus(const unsigned char *buf, size_t len, HdhError *err)
{
	HdhYearCounts yc;
	HdhStatus	st = Decode(buf, len, &yc, err);

	free(yc.totals);
	return st;
}

static void
TestBinary(void)
{
	unsigned char buf[256];
	HdhError	err;
	HdhYearCounts yc;
	int32_t		years[3] = {2022, 2023, 2025};
	int64_t		totals[3] = {5, 12, 1};
	size_t		len;

	len = Binary(buf, 1, 0, 3, years, totals, 3);
	CHECK(Decode(buf, len, &yc, &err) == HDH_OK);
	CHECK(yc.first == 2022 && yc.count == 4 && yc.totals[0] == 5 && yc.totals[1] == 12 &&
		  yc.totals[2] == 0 && yc.totals[3] == 1);
	{
		unsigned char again[256];

		CHECK(hdh_year_counts_encoded_size(&yc) == len);
		hdh_year_counts_encode(&yc, again);
		CHECK(memcmp(buf, again, len) == 0);
	}
	free(yc.totals);

	/* Empty. */
	len = Binary(buf, 1, 0, 0, NULL, NULL, 0);
	CHECK(Decode(buf, len, &yc, &err) == HDH_OK && yc.count == 0 && yc.first == 0);
	free(yc.totals);

	/* Header problems. */
	CHECK(DecodeStatus(buf, 0, &err) == HDH_ERR_BINARY);
	CHECK(DecodeStatus(buf, 5, &err) == HDH_ERR_BINARY);
	CHECK(strstr(err.message, "truncated") != NULL);
	len = Binary(buf, 2, 0, 0, NULL, NULL, 0);
	CHECK(DecodeStatus(buf, len, &err) == HDH_ERR_BINARY);
	CHECK(strstr(err.message, "version 2") != NULL);
	len = Binary(buf, 1, 4, 0, NULL, NULL, 0);
	CHECK(DecodeStatus(buf, len, &err) == HDH_ERR_BINARY);
	CHECK(strstr(err.message, "flags 4") != NULL);

	/* Lengths: a count past the end, bytes past the end, absurd counts. */
	len = Binary(buf, 1, 0, 3, years, totals, 2);
	CHECK(DecodeStatus(buf, len, &err) == HDH_ERR_BINARY);
	CHECK(strstr(err.message, "claims 3 years") != NULL);
	len = Binary(buf, 1, 0, 3, years, totals, 3);
	CHECK(DecodeStatus(buf, len - 1, &err) == HDH_ERR_BINARY);
	len = Binary(buf, 1, 0, 2, years, totals, 3);
	CHECK(DecodeStatus(buf, len, &err) == HDH_ERR_BINARY);
	CHECK(strstr(err.message, "12 bytes past its end") != NULL);
	len = Binary(buf, 1, 0, 0xFFFFFFFFu, years, totals, 1);
	CHECK(DecodeStatus(buf, len, &err) == HDH_ERR_BINARY);
	CHECK(strstr(err.message, "-1 years") != NULL);
	len = Binary(buf, 1, 0, 0x7FFFFFFFu, years, totals, 1);
	CHECK(DecodeStatus(buf, len, &err) == HDH_ERR_BINARY);
	len = Binary(buf, 1, 0, 10000, years, totals, 1);
	CHECK(DecodeStatus(buf, len, &err) == HDH_ERR_BINARY);

	/* Entries: unsorted, duplicate, negative, out of range. */
	{
		int32_t		unsorted[2] = {2023, 2022};
		int32_t		dup[2] = {2023, 2023};
		int32_t		far[2] = {2023, 10000};
		int32_t		neg_year[1] = {-1};
		int64_t		t2[2] = {1, 2};
		int64_t		negative[2] = {1, -7};
		int64_t		huge[1] = {INT64_MIN};

		len = Binary(buf, 1, 0, 2, unsorted, t2, 2);
		CHECK(DecodeStatus(buf, len, &err) == HDH_ERR_BINARY);
		CHECK(strstr(err.message, "year 2022 after year 2023") != NULL);
		len = Binary(buf, 1, 0, 2, dup, t2, 2);
		CHECK(DecodeStatus(buf, len, &err) == HDH_ERR_BINARY);
		CHECK(strstr(err.message, "year 2023 twice") != NULL);
		len = Binary(buf, 1, 0, 2, years, negative, 2);
		CHECK(DecodeStatus(buf, len, &err) == HDH_ERR_BINARY);
		CHECK(strstr(err.message, "-7") != NULL);
		len = Binary(buf, 1, 0, 1, years, huge, 1);
		CHECK(DecodeStatus(buf, len, &err) == HDH_ERR_BINARY);
		len = Binary(buf, 1, 0, 2, far, t2, 2);
		CHECK(DecodeStatus(buf, len, &err) == HDH_ERR_RANGE);
		CHECK(strstr(err.message, "10000") != NULL);
		len = Binary(buf, 1, 0, 1, neg_year, t2, 1);
		CHECK(DecodeStatus(buf, len, &err) == HDH_ERR_RANGE);
	}
}

/* A random value: a few scattered years, or a dense run, with varied totals. */
static void
RandomCounts(HdhYearCounts *yc, int64_t *totals)
{
	int32_t		i;
	int32_t		n = (int32_t) (TestRand(&rng) % 40);

	yc->first = 1 + (int32_t) (TestRand(&rng) % 9950);
	yc->count = n;
	yc->totals = totals;
	for (i = 0; i < n; i++)
	{
		uint64_t	r = TestRand(&rng);

		totals[i] = r % 3 == 0 ? 0 : r % 5 == 0 ? INT64_MAX - (int64_t) (r % 100) : (int64_t) (r % 100000);
	}
}

static void
TestRoundTrips(void)
{
	int64_t		totals[64];
	int			bad = 0;
	int			i;

	for (i = 0; i < 5000; i++)
	{
		HdhYearCounts yc;
		HdhYearCounts want;
		HdhYearCounts got;
		HdhError	err;
		char		text[64 * 25 + 3];
		unsigned char bin[6 + 64 * 12];
		size_t		len;

		RandomCounts(&yc, totals);
		want = hdh_year_counts_trimmed(&yc);
		if (hdh_year_counts_format_size(&yc) > sizeof(text))
			bad++;
		hdh_year_counts_format(&yc, text);
		if (Parse(text, &got, &err) != HDH_OK || !TestSameYearCounts(&got, &want))
			bad++;
		free(got.totals);
		len = hdh_year_counts_encoded_size(&yc);
		hdh_year_counts_encode(&yc, bin);
		if (Decode(bin, len, &got, &err) != HDH_OK || !TestSameYearCounts(&got, &want))
			bad++;
		free(got.totals);
	}
	CHECK(bad == 0);
}

/*
 * Mutated and random inputs: each is either refused with a message or
 * decodes to a value that passes the stored-value checks; never a crash.
 */
static void
TestMutations(void)
{
	int64_t		totals[64];
	int			bad = 0;
	int			accepted = 0;
	int			i;

	for (i = 0; i < 20000; i++)
	{
		HdhYearCounts yc;
		HdhYearCounts got;
		HdhError	err;
		char		text[64 * 25 + 3];
		unsigned char bin[6 + 64 * 12];
		size_t		len;
		int			k;

		RandomCounts(&yc, totals);
		hdh_year_counts_format(&yc, text);
		len = hdh_year_counts_encoded_size(&yc);
		hdh_year_counts_encode(&yc, bin);
		for (k = 0; k < 3; k++)
		{
			size_t		tl = strlen(text);

			if (tl > 0)
				text[TestRand(&rng) % tl] = "{}:,-0123456789 x"[TestRand(&rng) % 17];
			bin[TestRand(&rng) % len] ^= (unsigned char) (1u << (TestRand(&rng) % 8));
		}
		if (TestRand(&rng) % 4 == 0)
			len = (size_t) (TestRand(&rng) % (len + 1));
		err.message[0] = '\0';
		if (Parse(text, &got, &err) == HDH_OK)
		{
			accepted++;
			if (hdh_year_counts_check_trimmed(&got, HDH_ERR_DATA, &err) != HDH_OK)
				bad++;
		}
		else if (err.message[0] == '\0')
			bad++;
		free(got.totals);
		err.message[0] = '\0';
		if (Decode(bin, len, &got, &err) == HDH_OK)
		{
			accepted++;
			if (hdh_year_counts_check_trimmed(&got, HDH_ERR_DATA, &err) != HDH_OK)
				bad++;
		}
		else if (err.message[0] == '\0')
			bad++;
		free(got.totals);
	}
	CHECK(bad == 0);
	CHECK(accepted > 0);
}

/* A stored value of n years from first, with the given totals, in a fresh block. */
static HdhYearCountsStored *
Stored(int32_t first, int32_t n, const int64_t *totals)
{
	HdhYearCountsStored *data = calloc(1, HDH_YEAR_COUNTS_STORED_SIZE(n));

	data->version = 1;
	data->first_year = first;
	data->nyears = n;
	if (totals != NULL)
		memcpy(data->totals, totals, sizeof(int64_t) * (size_t) n);
	return data;
}

/* Whether loading data of size bytes fails with status, naming `words`. */
static int
Refused(const HdhYearCountsStored *data, size_t size, const char *words)
{
	HdhYearCounts yc;
	HdhError	err;

	if (hdh_year_counts_load(data, size, HDH_ERR_DATA, &yc, &err) != HDH_ERR_DATA)
		return 0;
	if (strstr(err.message, words) == NULL)
	{
		printf("# refused with: %s\n", err.message);
		return 0;
	}
	return hdh_year_counts_load(data, size, HDH_ERR_BINARY, &yc, &err) == HDH_ERR_BINARY;
}

/* Whether the stored value of n years from first with these totals is refused. */
static int
RefusedStored(int32_t first, int32_t n, const int64_t *totals, const char *words)
{
	HdhYearCountsStored *data = Stored(first, n, totals);
	int			refused = Refused(data, HDH_YEAR_COUNTS_STORED_SIZE(n), words);

	free(data);
	return refused;
}

/* The stored form: the layout written by hand, trimming, and every check of a read. */
static void
TestStored(void)
{
	int64_t		padded[] = {0, 0, 5, 12, 0, 0};
	HdhYearCounts yc = {2020, 6, padded};
	HdhYearCounts back;
	HdhYearCounts empty = HDH_YEAR_COUNTS_EMPTY;
	HdhYearCountsStored *data;
	HdhError	err;
	size_t		size;
	const int64_t one[] = {1};
	const int64_t ends_zero[] = {5, 0};
	const int64_t starts_zero[] = {0, 5};
	const int64_t negative[] = {5, -1, 5};
	const int64_t two[] = {1, 1};

	/* {2022:5, 2023:12}: 16 header bytes (4 of them the varlena's), 2 totals. */
	size = hdh_year_counts_stored_size(&yc);
	CHECK(size == 16 + 2 * 8);
	CHECK(HDH_YEAR_COUNTS_STORED_SIZE(2) == size);
	data = malloc(size);
	memset(data, 0xAA, size);
	hdh_year_counts_store(&yc, data);
	CHECK(data->version == 1 && data->flags == 0 && data->reserved == 0);
	CHECK(data->first_year == 2022 && data->nyears == 2);
	CHECK(data->totals[0] == 5 && data->totals[1] == 12);
	CHECK(hdh_year_counts_load(data, size, HDH_ERR_DATA, &back, &err) == HDH_OK);
	CHECK(back.first == 2022 && back.count == 2 && back.totals == data->totals);
	CHECK(!Refused(data, size, ""));
	CHECK(Refused(data, size + 1, "of 33 bytes claims 2 years"));
	CHECK(Refused(data, size - 8, "of 24 bytes claims 2 years"));
	CHECK(Refused(data, 15, "truncated: 15 bytes"));
	data->version = 2;
	CHECK(Refused(data, size, "version 2 and flags 0"));
	data->version = 1;
	data->flags = 1;
	CHECK(Refused(data, size, "version 1 and flags 1"));
	data->flags = 0;
	data->reserved = 1;
	CHECK(Refused(data, size, "version 1 and flags 0"));
	data->reserved = 0;
	data->nyears = -1;
	CHECK(Refused(data, size, "claims -1 years"));
	free(data);

	/* The empty value: a header and nothing else, first year 0. */
	size = hdh_year_counts_stored_size(&empty);
	CHECK(size == 16);
	data = malloc(size);
	hdh_year_counts_store(&empty, data);
	CHECK(data->first_year == 0 && data->nyears == 0);
	CHECK(hdh_year_counts_load(data, size, HDH_ERR_DATA, &back, &err) == HDH_OK && back.count == 0);
	data->first_year = 2022;
	CHECK(Refused(data, size, "first year 2022 instead of 0"));
	free(data);

	/* Invariants of the totals: trimmed, in range, none negative. */
	CHECK(RefusedStored(2022, 2, ends_zero, "2022 to 2023 is not trimmed"));
	CHECK(RefusedStored(2022, 2, starts_zero, "2022 to 2023 is not trimmed"));
	CHECK(RefusedStored(2022, 3, negative, "total -1 of year 2023 is negative"));
	CHECK(RefusedStored(0, 1, one, "1 years from year 0 is out of range"));
	CHECK(RefusedStored(9999, 2, two, "2 years from year 9999 is out of range"));
	CHECK(!RefusedStored(9999, 1, one, ""));
	data = Stored(1, 10000, NULL);
	CHECK(Refused(data, 16, "claims 10000 years"));
	free(data);
}

int
main(void)
{
	TestStored();
	TestText();
	TestBinary();
	TestRoundTrips();
	TestMutations();
	return unit_done();
}
