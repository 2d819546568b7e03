/*
 * test/fuzz/delay_text.c
 *	  libFuzzer harness of hdh_delay_parse (the delay_summary text input).
 *
 * An accepted literal must decode to a canonical summary that round-trips
 * through all three encodings, and must say what its canonical text says:
 * with white space removed and leading zeros dropped, the input and the
 * canonical text are the same string (so no number was misread, no pair
 * lost, moved or invented).
 */
#include "fuzz_delay.h"

/* The input without white space and without leading zeros in numbers. */
static char *
Normalize(const char *text)
{
	char	   *out = malloc(strlen(text) + 1);
	char	   *q = out;
	const char *p = text;

	FUZZ_CHECK(out != NULL);
	while (*p)
	{
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f' || *p == '\v')
			p++;
		else if (*p >= '0' && *p <= '9')
		{
			while (*p == '0' && p[1] >= '0' && p[1] <= '9')
				p++;
			while (*p >= '0' && *p <= '9')
				*q++ = *p++;
		}
		else
			*q++ = *p++;
	}
	*q = '\0';
	return out;
}

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Parse the input as text; check a success deeply and a failure's error. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	   *text = FuzzCString(data, size);
	HdhDelaySummary s;
	HdhError	err;
	HdhStatus	st = hdh_delay_parse(text, &fuzz_delay_mem, &s, &err);

	if (st == HDH_OK)
	{
		size_t		len;
		char	   *canonical;
		char	   *a,
				   *b;

		FuzzDelayAccepted(&s);
		canonical = (char *) FuzzDelayEncode(&s, FUZZ_DELAY_TEXT, &len);
		a = Normalize(text);
		b = Normalize(canonical);
		if (strcmp(a, b) != 0)
			fprintf(stderr, "input \"%s\" reads as \"%s\"\n", text, canonical);
		FUZZ_CHECK(strcmp(a, b) == 0);
		free(a);
		free(b);
		free(canonical);
		free((void *) s.entries);
	}
	else
		FuzzCheckFailure(st, &err, HDH_ERR_SYNTAX, HDH_ERR_RANGE, HDH_ERR_LIMIT);
	free(text);
	return 0;
}
