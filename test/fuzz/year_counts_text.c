/*
 * test/fuzz/year_counts_text.c
 *	  libFuzzer harness of hdh_year_counts_parse (year_counts_in).
 *
 * An accepted literal must decode (both passes) to a trimmed value that
 * round-trips through text and binary, and a second, deliberately simple
 * reader of the same input (white space dropped, then "{", year:total pairs
 * separated by ",", "}") must find the pairs that the canonical text lists,
 * zero totals left out.
 */
#include <inttypes.h>

#include "fuzz_year_counts.h"

/* An optionally signed decimal at *pp; aborts if it is missing or too big. */
static int64_t
ReferenceNumber(const char **pp)
{
	const char *p = *pp;
	int			negative = 0;
	uint64_t	v = 0;

	if (*p == '-')
	{
		negative = 1;
		p++;
	}
	FUZZ_CHECK(*p >= '0' && *p <= '9');
	while (*p >= '0' && *p <= '9')
	{
		FUZZ_CHECK(v <= (UINT64_MAX - 9) / 10);
		v = v * 10 + (uint64_t) (*p - '0');
		p++;
	}
	FUZZ_CHECK(v <= (uint64_t) INT64_MAX);
	*pp = p;
	return negative ? -(int64_t) v : (int64_t) v;
}

/* The canonical text of an accepted input, as a second reader sees it. */
static char *
ReferenceCanonical(const char *text)
{
	size_t		n = strlen(text);
	char	   *squeezed = malloc(n + 1);
	char	   *out = malloc(n + 3);
	char	   *q = squeezed;
	char	   *o = out;
	const char *p;
	int			any = 0;

	FUZZ_CHECK(squeezed != NULL && out != NULL);
	for (p = text; *p; p++)
		if (!(*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f' || *p == '\v'))
			*q++ = *p;
	*q = '\0';
	p = squeezed;
	FUZZ_CHECK(*p == '{');
	p++;
	*o++ = '{';
	if (*p != '}')
	{
		for (;;)
		{
			int64_t		year = ReferenceNumber(&p);
			int64_t		total;

			FUZZ_CHECK(*p == ':');
			p++;
			total = ReferenceNumber(&p);
			FUZZ_CHECK(year >= HDH_YEAR_MIN && year <= HDH_YEAR_MAX && total >= 0);
			if (total > 0)
			{
				o += sprintf(o, "%s%" PRId64 ":%" PRId64, any ? "," : "", year, total);
				any = 1;
			}
			if (*p != ',')
				break;
			p++;
		}
	}
	FUZZ_CHECK(*p == '}' && p[1] == '\0');
	*o++ = '}';
	*o = '\0';
	free(squeezed);
	return out;
}

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Parse the input as text; check a success deeply and a failure's error. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	   *text = FuzzCString(data, size);
	HdhYearCounts yc;
	HdhError	err;
	HdhStatus	st = FuzzYearDecode((const uint8_t *) text, size, FUZZ_YEAR_TEXT, &yc, &err);

	if (st == HDH_OK)
	{
		size_t		len;
		char	   *canonical;
		char	   *reference;

		FuzzYearAccepted(&yc);
		canonical = (char *) FuzzYearEncode(&yc, FUZZ_YEAR_TEXT, &len);
		reference = ReferenceCanonical(text);
		if (strcmp(canonical, reference) != 0)
			fprintf(stderr, "input \"%s\" reads as \"%s\", expected \"%s\"\n",
					text, canonical, reference);
		FUZZ_CHECK(strcmp(canonical, reference) == 0);
		free(reference);
		free(canonical);
		free(yc.totals);
	}
	else
		FuzzCheckFailure(st, &err, HDH_ERR_SYNTAX, HDH_ERR_RANGE, HDH_ERR_SYNTAX);
	free(text);
	return 0;
}
