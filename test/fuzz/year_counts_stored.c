/*
 * test/fuzz/year_counts_stored.c
 *	  libFuzzer harness of hdh_year_counts_load (every reader of a stored
 *	  year_counts value and of the aggregates' serialized state).
 *
 * The input is the stored form after its varlena header, in the machine's
 * byte order; it is read from a block of exactly its size behind a 4-byte
 * header, as the server holds it. It is read as a stored value (22000) and
 * as a serialized state (22P03): the two reads must agree. An accepted input
 * must be trimmed and in range and round-trip through text and binary, and
 * storing it again must give back the input byte for byte (a value has one
 * stored form, which = and hashing rely on).
 */
#include <stddef.h>

#include "fuzz_year_counts.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t		header = offsetof(HdhYearCountsStored, version);
	size_t		total = header + size;
	HdhYearCountsStored *stored = malloc(total);
	HdhYearCounts yc,
				again;
	HdhError	err,
				err2;
	HdhStatus	st,
				st2;

	FUZZ_CHECK(stored != NULL);
	stored->vl_len_ = 0;
	if (size > 0)
		memcpy((uint8_t *) stored + header, data, size);
	st = hdh_year_counts_load(stored, total, HDH_ERR_DATA, &yc, &err);
	st2 = hdh_year_counts_load(stored, total, HDH_ERR_BINARY, &again, &err2);
	if (st == HDH_OK)
	{
		HdhYearCountsStored *copy;

		FUZZ_CHECK(st2 == HDH_OK && TestSameYearCounts(&yc, &again));
		FuzzYearAccepted(&yc);
		FUZZ_CHECK(hdh_year_counts_stored_size(&yc) == total);
		copy = malloc(total);
		FUZZ_CHECK(copy != NULL);
		hdh_year_counts_store(&yc, copy);
		FUZZ_CHECK(memcmp((uint8_t *) copy + header, data, size) == 0);
		free(copy);
	}
	else
	{
		FuzzCheckFailure(st, &err, HDH_ERR_DATA, HDH_ERR_DATA, HDH_ERR_DATA);
		FuzzCheckFailure(st2, &err2, HDH_ERR_BINARY, HDH_ERR_BINARY, HDH_ERR_BINARY);
		FUZZ_CHECK(strcmp(err.message, err2.message) == 0);
	}
	free(stored);
	return 0;
}
