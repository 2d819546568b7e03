/*
 * test/memory/selftest.c
 *	  A test-only module that misbehaves on demand, so that `test/run --asan`,
 *	  `--valgrind` and `--cassert` prove their checker works: each function
 *	  commits one memory or undefined-behaviour error that must be reported.
 *
 * It is compiled only by those modes, into its own library
 * (hdh_sanitizer_selftest.so) installed in the throwaway copy of PostgreSQL
 * and loaded in a scratch database; it is never part of hdh_roadmap.so nor
 * of `make install`.
 */
#include "postgres.h"

#include <stdlib.h>

#include "fmgr.h"
#include "utils/memutils.h"

PG_MODULE_MAGIC;

PG_FUNCTION_INFO_V1(hdh_selftest_heap_overflow);
PG_FUNCTION_INFO_V1(hdh_selftest_float_cast);
PG_FUNCTION_INFO_V1(hdh_selftest_palloc_overflow);

/*
 * hdh_selftest_heap_overflow(n int4): writes one byte past the end of an
 * n-byte malloc'd buffer: AddressSanitizer must stop the backend with a
 * heap-buffer-overflow report, valgrind must log an invalid write. malloc, not
 * palloc: both only see the edges of malloc'd blocks, and a small palloc'd
 * chunk lies inside one (see doc/testing.md).
 */
Datum
hdh_selftest_heap_overflow(PG_FUNCTION_ARGS)
{
	int32		n = PG_GETARG_INT32(0);
	volatile char *buf;
	int32		last;

	if (n < 1 || n > 1024)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("buffer size must be between 1 and 1024: %d", n)));
	buf = malloc(n);
	if (buf == NULL)
		ereport(ERROR, (errcode(ERRCODE_OUT_OF_MEMORY), errmsg("out of memory")));
	buf[n] = 'x';				/* the deliberate one-byte overflow */
	last = buf[n];
	free((void *) buf);
	PG_RETURN_INT32(last);
}

/*
 * hdh_selftest_float_cast(x float8): converts x to int4 without a range
 * check; for x outside the int4 range this is undefined behaviour that
 * UndefinedBehaviorSanitizer (float-cast-overflow) must report. Valgrind
 * cannot see it (the result is merely wrong), so only --asan calls it.
 */
Datum
hdh_selftest_float_cast(PG_FUNCTION_ARGS)
{
	volatile double x = PG_GETARG_FLOAT8(0);

	PG_RETURN_INT32((int32) x);
}

/*
 * hdh_selftest_palloc_overflow(n int4): writes one byte past the end of an
 * n-byte palloc'd chunk of a memory context of its own, "hdh_selftest", and
 * frees the chunk. On a server built with assertions (MEMORY_CONTEXT_CHECKING)
 * pfree must warn "detected write past chunk end in hdh_selftest"; with
 * USE_VALGRIND, valgrind must log the write itself. A power of two fills its
 * chunk and leaves no room for the sentinel: only valgrind sees that one.
 */
Datum
hdh_selftest_palloc_overflow(PG_FUNCTION_ARGS)
{
	int32		n = PG_GETARG_INT32(0);
	MemoryContext cxt;
	volatile char *buf;

	if (n < 1 || n > 1024)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("buffer size must be between 1 and 1024: %d", n)));
	cxt = AllocSetContextCreate(CurrentMemoryContext, "hdh_selftest", ALLOCSET_SMALL_SIZES);
	buf = MemoryContextAlloc(cxt, n);
	buf[n] = 'x';				/* the deliberate one-byte overflow */
	pfree((void *) buf);
	MemoryContextDelete(cxt);
	PG_RETURN_INT32(n);
}
