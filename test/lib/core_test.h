/*
 * test/lib/core_test.h
 *	  What the C tests of src/core/ share: the unit tests (test/unit/), the
 *	  fuzz harnesses (test/fuzz/) and the benchmark driver (bench/). A test
 *	  allocator, a deterministic random generator and the comparisons of
 *	  decoded values. Header-only; build with -Itest/lib.
 */
#ifndef HDH_TEST_CORE_TEST_H
#define HDH_TEST_CORE_TEST_H

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/delay_form.h"
#include "core/year_counts_totals.h"

/*
 * What a test allocator counts, and when it fails: the ctx of the HdhAlloc
 * (NULL: plain malloc and free). fail_after >= 0 makes that many more
 * allocations succeed and the next ones return NULL; -1 never fails.
 */
typedef struct TestMemory
{
	int64_t		live;			/* blocks allocated and not yet released */
	int64_t		allocations;	/* blocks allocated in all */
	int64_t		fail_after;
} TestMemory;

#define TEST_MEMORY_INIT {0, 0, -1}

/* malloc for the core, counted in ctx (a TestMemory, or NULL). */
static inline void *
TestAlloc(void *ctx, size_t size)
{
	TestMemory *m = (TestMemory *) ctx;
	void	   *p;

	if (m != NULL && m->fail_after == 0)
		return NULL;
	if (m != NULL && m->fail_after > 0)
		m->fail_after--;
	p = malloc(size);
	if (m != NULL && p != NULL)
	{
		m->live++;
		m->allocations++;
	}
	return p;
}

/* free for the core (ASan and valgrind see every block). */
static inline void
TestRelease(void *ctx, void *p)
{
	TestMemory *m = (TestMemory *) ctx;

	if (m != NULL && p != NULL)
		m->live--;
	free(p);
}

/* An allocator counting in m (NULL: not counted). */
static inline HdhAlloc
TestAllocator(TestMemory *m)
{
	HdhAlloc	a = {TestAlloc, TestRelease, m};

	return a;
}

/* xorshift64*, deterministic from the state's seed, so failures reproduce. */
static inline uint64_t
TestRand(uint64_t *state)
{
	*state ^= *state >> 12;
	*state ^= *state << 25;
	*state ^= *state >> 27;
	return *state * 2685821657736338717ULL;
}

/* A number in 0 .. n - 1 (n > 0). */
static inline int64_t
TestRandBelow(uint64_t *state, int64_t n)
{
	return (int64_t) (TestRand(state) % (uint64_t) n);
}

/* Two delay summaries with the same days, counts and totals. */
static inline bool
TestSameSummary(const HdhDelaySummary *a, const HdhDelaySummary *b)
{
	int32_t		i;

	if (a->n != b->n || a->completed != b->completed || a->pending != b->pending)
		return false;
	for (i = 0; i < a->n; i++)
		if (a->entries[i].day != b->entries[i].day ||
			a->entries[i].completed != b->entries[i].completed ||
			a->entries[i].pending != b->entries[i].pending)
			return false;
	return true;
}

/* Two year_counts with the same first year, years and totals. */
static inline bool
TestSameYearCounts(const HdhYearCounts *a, const HdhYearCounts *b)
{
	return a->first == b->first && a->count == b->count &&
		(a->count == 0 || memcmp(a->totals, b->totals, sizeof(int64_t) * (size_t) a->count) == 0);
}

/* Rows as plain arrays: the naive reference of the delay tests. */
typedef struct TestRows
{
	int32_t    *day;
	bool	   *pending;
	int64_t		n;
} TestRows;

/* n random rows of 0 .. max_day days, pending_percent of them pending. */
static inline void
TestMakeRows(TestRows *r, int64_t n, int64_t max_day, int pending_percent, uint64_t *rng)
{
	int64_t		i;

	r->n = n;
	r->day = malloc((size_t) (n ? n : 1) * sizeof(int32_t));
	r->pending = malloc((size_t) (n ? n : 1) * sizeof(bool));
	for (i = 0; i < n; i++)
	{
		r->day[i] = (int32_t) TestRandBelow(rng, max_day + 1);
		r->pending[i] = TestRandBelow(rng, 100) < pending_percent;
	}
}

static inline void
TestFreeRows(TestRows *r)
{
	free(r->day);
	free(r->pending);
}

/* (day, pending) keys, for qsort. */
static inline int
TestCompareKeys(const void *a, const void *b)
{
	uint64_t	x = *(const uint64_t *) a,
				y = *(const uint64_t *) b;

	return (x > y) - (x < y);
}

/*
 * The summary of rows, computed naively: (day, pending) keys sorted with
 * qsort and counted. Its entries are malloc'd: free them.
 */
static inline HdhDelaySummary
TestSummaryOfRows(const TestRows *r)
{
	uint64_t   *k = malloc((size_t) (r->n ? r->n : 1) * sizeof(uint64_t));
	HdhDelayEntry *e = malloc((size_t) (r->n ? r->n : 1) * sizeof(HdhDelayEntry));
	HdhDelaySummary s = {e, 0, 0, 0};
	int64_t		i;

	for (i = 0; i < r->n; i++)
		k[i] = ((uint64_t) r->day[i] << 1) | (r->pending[i] ? 1 : 0);
	qsort(k, (size_t) r->n, sizeof(uint64_t), TestCompareKeys);
	for (i = 0; i < r->n; i++)
	{
		int32_t		day = (int32_t) (k[i] >> 1);

		if (s.n == 0 || e[s.n - 1].day != day)
		{
			e[s.n].day = day;
			e[s.n].completed = 0;
			e[s.n].pending = 0;
			s.n++;
		}
		if (k[i] & 1)
		{
			e[s.n - 1].pending++;
			s.pending++;
		}
		else
		{
			e[s.n - 1].completed++;
			s.completed++;
		}
	}
	free(k);
	return s;
}

#endif
