/*
 * bench/delay_core.c
 *	  A driver of the delay_summary core alone (no server), to count the
 *	  instructions a row and a group cost under callgrind:
 *
 *	  cc -O2 -Isrc -Itest/lib -o /tmp/delay_core bench/delay_core.c \
 *		 src/core/alloc.c src/core/delay_*.c src/core/key_sort.c src/core/status.c -lm
 *	  valgrind --tool=callgrind --toggle-collect=BuildStates \
 *		 /tmp/delay_core ROWS GROUPS [PENDING_PERCENT]
 *
 *	  (BuildStates: the rows; ReadStates: one view of each state.)
 *	  Rows go to GROUPS states in turn (like rows of a table grouped by
 *	  id % GROUPS), with delays drawn like bench/run's (lognormal, median
 *	  about 270 days); then every state is read once (the final function's
 *	  view). It prints the bytes the states hold, as the core counts them.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/delay_state.h"
#include "core/delay_stats.h"
#include "core_test.h"

/* xorshift64*: the same delays on every run. */
static uint64_t rng = 88172645463325252ULL;

/* A uniform number in (0, 1). */
static double
Uniform(void)
{
	return ((double) (TestRand(&rng) >> 11) + 0.5) / 9007199254740992.0;
}

#if defined(__GNUC__)
#define NOINLINE __attribute__((noinline))
#else
#define NOINLINE
#endif

/* Every row into its group's state (the transition function's work). */
NOINLINE static bool
BuildStates(HdhDelayState *states, long groups, const int32_t *days, const bool *pending,
			long rows)
{
	HdhError	err;
	long		i;

	for (i = 0; i < rows; i++)
		if (hdh_delay_add(&states[i % groups], days[i], pending[i], &err) != HDH_OK)
		{
			fprintf(stderr, "%s\n", err.message);
			return false;
		}
	return true;
}

/* A view of every state (the final function's work); the sum of the means. */
NOINLINE static bool
ReadStates(HdhDelayState *states, long groups, double *check, size_t *bytes)
{
	HdhError	err;
	long		i;

	for (i = 0; i < groups; i++)
	{
		HdhDelaySummary sum;
		HdhDelayStateInfo info;
		double		mean;

		hdh_delay_state_info(&states[i], &info);
		*bytes += sizeof(HdhDelayState) + info.bytes;
		if (hdh_delay_state_view(&states[i], &sum, &err) != HDH_OK)
		{
			fprintf(stderr, "%s\n", err.message);
			return false;
		}
		if (hdh_delay_mean(&sum, &mean))
			*check += mean;
		hdh_delay_view_free(&states[i], &sum);
	}
	return true;
}

/* Build, read and free GROUPS states from ROWS rows; exit 1 on a failure. */
int
main(int argc, char **argv)
{
	const HdhAlloc mem = TestAllocator(NULL);
	long		rows = argc > 1 ? atol(argv[1]) : 1000000;
	long		groups = argc > 2 ? atol(argv[2]) : 1;
	int			pending_percent = argc > 3 ? atoi(argv[3]) : 0;
	HdhDelayState *states;
	int32_t    *days;
	bool	   *pending;
	long		i;
	double		check = 0;
	size_t		bytes = 0;

	if (rows < 0 || groups < 1)
	{
		fprintf(stderr, "usage: delay_core ROWS GROUPS [PENDING_PERCENT]\n");
		return 2;
	}
	states = malloc((size_t) groups * sizeof(HdhDelayState));
	days = malloc((size_t) (rows ? rows : 1) * sizeof(int32_t));
	pending = malloc((size_t) (rows ? rows : 1) * sizeof(bool));
	if (states == NULL || days == NULL || pending == NULL)
		return 1;
	for (i = 0; i < rows; i++)
	{
		double		z = sqrt(-2 * log(Uniform())) * cos(2 * M_PI * Uniform());

		days[i] = (int32_t) lround(exp(5.6 + 0.55 * z));
		pending[i] = Uniform() * 100 < pending_percent;
	}
	for (i = 0; i < groups; i++)
		hdh_delay_state_init(&states[i], &mem);
	if (!BuildStates(states, groups, days, pending, rows) ||
		!ReadStates(states, groups, &check, &bytes))
		return 1;
	for (i = 0; i < groups; i++)
		hdh_delay_state_free(&states[i]);
	printf("%ld rows, %ld groups: %zu bytes of states (%.1f a group), checksum %.6f\n",
		   rows, groups, bytes, (double) bytes / (double) groups, check);
	free(states);
	free(days);
	free(pending);
	return 0;
}
