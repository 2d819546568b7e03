/*
 * test/fuzz/delay_wire.c
 *	  libFuzzer harness of hdh_delay_wire_read (delay_summary_recv).
 *
 * The binary form is canonical (fixed width, every field checked), so an
 * accepted input must be exactly what hdh_delay_wire_write gives for the
 * summary it decodes to, besides the invariants and round trips.
 */
#include "fuzz_delay.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Read the input as wire bytes; an accepted one is written back identically. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t    *copy = FuzzCopy(data, size);
	HdhDelaySummary s;
	HdhError	err;
	HdhStatus	st = hdh_delay_wire_read(copy, size, &fuzz_delay_mem, &s, &err);

	if (st == HDH_OK)
	{
		size_t		len;
		uint8_t    *again;

		FuzzDelayAccepted(&s);
		FUZZ_CHECK(size == HDH_DELAY_WIRE_HEADER + (size_t) s.n * HDH_DELAY_WIRE_ENTRY);
		again = FuzzDelayEncode(&s, FUZZ_DELAY_WIRE, &len);
		FUZZ_CHECK(len == size);
		FUZZ_CHECK(memcmp(again, copy, size) == 0);
		free(again);
		free((void *) s.entries);
	}
	else
		FuzzCheckFailure(st, &err, HDH_ERR_BINARY, HDH_ERR_RANGE, HDH_ERR_LIMIT);
	free(copy);
	return 0;
}
