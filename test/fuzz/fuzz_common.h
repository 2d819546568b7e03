/*
 * test/fuzz/fuzz_common.h
 *	  What every libFuzzer harness of test/fuzz/ shares: a checked abort, a
 *	  NUL-terminated copy of the input and the checks every failure must
 *	  pass. The allocator and the comparisons of values are those of every
 *	  C test (test/lib/core_test.h).
 *
 * A harness aborts (so libFuzzer records the input as a crash) whenever a
 * promise of the decoder is broken, not only when the sanitizers fire.
 */
#ifndef HDH_TEST_FUZZ_COMMON_H
#define HDH_TEST_FUZZ_COMMON_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/status.h"
#include "core_test.h"

/* Abort with the failed condition, so the input is saved as a crash. */
#define FUZZ_CHECK(cond) \
	do { \
		if (!(cond)) \
		{ \
			fprintf(stderr, "%s:%d: fuzz invariant failed: %s\n", __FILE__, __LINE__, #cond); \
			abort(); \
		} \
	} while (0)

/* A NUL-terminated copy of the input, in its own block (overreads show). */
static inline char *
FuzzCString(const uint8_t *data, size_t size)
{
	char	   *text = malloc(size + 1);

	FUZZ_CHECK(text != NULL);
	if (size > 0)
		memcpy(text, data, size);
	text[size] = '\0';
	return text;
}

/* A copy of the input in a block of exactly its size (overreads show). */
static inline uint8_t *
FuzzCopy(const uint8_t *data, size_t size)
{
	uint8_t    *copy = malloc(size ? size : 1);

	FUZZ_CHECK(copy != NULL);
	if (size > 0)
		memcpy(copy, data, size);
	return copy;
}

/*
 * A refused input must leave a usable error: the returned status, one of
 * the classes the decoder may report, and a non-empty, terminated message.
 */
static inline void
FuzzCheckFailure(HdhStatus st, const HdhError *err, HdhStatus class1, HdhStatus class2,
				 HdhStatus class3)
{
	FUZZ_CHECK(st != HDH_OK);
	FUZZ_CHECK(err->status == st);
	FUZZ_CHECK(st == class1 || st == class2 || st == class3);
	FUZZ_CHECK(memchr(err->message, '\0', sizeof(err->message)) != NULL);
	FUZZ_CHECK(memchr(err->detail, '\0', sizeof(err->detail)) != NULL);
	FUZZ_CHECK(err->message[0] != '\0');
}

#endif
