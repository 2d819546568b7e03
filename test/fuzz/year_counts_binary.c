/*
 * test/fuzz/year_counts_binary.c
 *	  libFuzzer harness of hdh_year_counts_decode (year_counts_recv).
 *
 * An accepted input must decode (both passes) to a trimmed value that
 * round-trips through binary and text, and encoding it must give back the
 * input itself with its zero-total pairs removed (and n lowered to match),
 * the only difference the format allows.
 */
#include "fuzz_year_counts.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Decode the input; an accepted one is encoded back to its non-zero pairs. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t    *copy = FuzzCopy(data, size);
	HdhYearCounts yc;
	HdhError	err;
	HdhStatus	st = FuzzYearDecode(copy, size, FUZZ_YEAR_BINARY, &yc, &err);

	if (st == HDH_OK)
	{
		size_t		len,
					off,
					kept = 0;
		uint8_t    *again;
		uint8_t    *expected = malloc(size);

		FuzzYearAccepted(&yc);
		/* The input with its zero-total pairs dropped. */
		FUZZ_CHECK(expected != NULL && size >= HDH_YEAR_COUNTS_BINARY_HEADER);
		FUZZ_CHECK((size - HDH_YEAR_COUNTS_BINARY_HEADER) % HDH_YEAR_COUNTS_BINARY_ENTRY == 0);
		memcpy(expected, copy, HDH_YEAR_COUNTS_BINARY_HEADER);
		len = HDH_YEAR_COUNTS_BINARY_HEADER;
		for (off = HDH_YEAR_COUNTS_BINARY_HEADER; off < size; off += HDH_YEAR_COUNTS_BINARY_ENTRY)
		{
			static const uint8_t zero[8] = {0};

			if (memcmp(copy + off + 4, zero, 8) == 0)
				continue;
			memcpy(expected + len, copy + off, HDH_YEAR_COUNTS_BINARY_ENTRY);
			len += HDH_YEAR_COUNTS_BINARY_ENTRY;
			kept++;
		}
		expected[2] = (uint8_t) (kept >> 24);
		expected[3] = (uint8_t) (kept >> 16);
		expected[4] = (uint8_t) (kept >> 8);
		expected[5] = (uint8_t) kept;
		again = FuzzYearEncode(&yc, FUZZ_YEAR_BINARY, &off);
		FUZZ_CHECK(off == len);
		FUZZ_CHECK(memcmp(again, expected, len) == 0);
		free(again);
		free(expected);
		free(yc.totals);
	}
	else
		FuzzCheckFailure(st, &err, HDH_ERR_BINARY, HDH_ERR_RANGE, HDH_ERR_BINARY);
	free(copy);
	return 0;
}
