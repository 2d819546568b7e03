/*
 * test/fuzz/delay_packed.c
 *	  libFuzzer harness of hdh_delay_unpack (the stored varlena body and the
 *	  aggregate's serialized state).
 *
 * The packed form has exactly one encoding per summary (shortest varints,
 * checked header), so an accepted input must be exactly what hdh_delay_pack
 * gives back. The failure class asked for must be the one reported: the
 * input is read twice, as a stored value (22000) and as a serialized state
 * (22P03), and both reads must agree.
 */
#include "fuzz_delay.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Unpack the input both ways; an accepted one is packed back identically. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t    *copy = FuzzCopy(data, size);
	HdhDelaySummary s,
				s2;
	HdhError	err,
				err2;
	HdhStatus	st = hdh_delay_unpack(copy, size, &fuzz_delay_mem, HDH_ERR_DATA, &s, &err);
	HdhStatus	st2 = hdh_delay_unpack(copy, size, &fuzz_delay_mem, HDH_ERR_BINARY, &s2, &err2);

	if (st == HDH_OK)
	{
		size_t		len;
		uint8_t    *again;

		FUZZ_CHECK(st2 == HDH_OK);
		FUZZ_CHECK(TestSameSummary(&s, &s2));
		FuzzDelayAccepted(&s);
		again = FuzzDelayEncode(&s, FUZZ_DELAY_PACKED, &len);
		FUZZ_CHECK(len == size);
		FUZZ_CHECK(memcmp(again, copy, size) == 0);
		free(again);
		free((void *) s.entries);
		free((void *) s2.entries);
	}
	else
	{
		FuzzCheckFailure(st, &err, HDH_ERR_DATA, HDH_ERR_RANGE, HDH_ERR_LIMIT);
		FuzzCheckFailure(st2, &err2, HDH_ERR_BINARY, HDH_ERR_RANGE, HDH_ERR_LIMIT);
		FUZZ_CHECK(st == HDH_ERR_DATA ? st2 == HDH_ERR_BINARY : st2 == st);
		FUZZ_CHECK(strcmp(err.message, err2.message) == 0);
	}
	free(copy);
	return 0;
}
