/*
 * src/core/delay_summary.h
 *	  Exact, mergeable, censoring-aware summaries of delays in whole days.
 *
 * A summary is a list of entries sorted by day, each day at most once, each
 * with how many delays ended after that many days (completed) and how many
 * were still running at that many days (pending, right-censored). Every entry
 * has completed + pending > 0, so one multiset of delays has exactly one
 * summary (the canonical form that the codecs write and read back).
 *
 * HdhDelayState accumulates a summary fast: a row appends a 32-bit key to a
 * small unsorted buffer; a full buffer is sorted (counting or radix sort) and
 * merged into the sorted entries (two arrays used in turn, so a merge
 * allocates nothing once they are large enough). Stored summaries (rollup, combine) go through
 * a staging list that is sorted and merged when it grows as large as the
 * entries, so adding many small summaries costs O(log) per entry.
 *
 * No server headers: memory comes from the caller's HdhDelayAlloc, failures
 * are reported with HdhError (core/status.h).
 */
#ifndef HDH_CORE_DELAY_SUMMARY_H
#define HDH_CORE_DELAY_SUMMARY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/status.h"

/* The largest day a summary holds (a date difference always fits). */
#define HDH_DELAY_MAX_DAY INT32_MAX

/* One day of a summary. */
typedef struct HdhDelayEntry
{
	int64_t		completed;		/* delays that ended after `day` days */
	int64_t		pending;		/* delays still running after `day` days */
	int32_t		day;			/* >= 0 */
} HdhDelayEntry;

/* A canonical summary: entries sorted by day, unique, non-empty, with totals. */
typedef struct HdhDelaySummary
{
	const HdhDelayEntry *entries;
	int32_t		n;				/* number of entries (distinct days) */
	int64_t		completed;		/* sum of entries[].completed */
	int64_t		pending;		/* sum of entries[].pending */
} HdhDelaySummary;

/*
 * Memory for the core: alloc returns NULL when out of memory (the core then
 * fails with HDH_ERR_LIMIT); release may be NULL (memory freed in bulk).
 */
typedef struct HdhDelayAlloc
{
	void	   *(*alloc) (void *ctx, size_t size);
	void		(*release) (void *ctx, void *ptr);
	void	   *ctx;
} HdhDelayAlloc;

#define HDH_DELAY_INLINE_KEYS 6

/*
 * The accumulating state of an aggregate. Keys in the buffer are
 * day * 2 + (pending ? 1 : 0), so sorting keys sorts by day, completed first.
 * 128 bytes, so a group of up to HDH_DELAY_INLINE_KEYS rows is one small
 * allocation.
 */
typedef struct HdhDelayState
{
	HdhDelayAlloc mem;
	HdhDelayEntry *entries;		/* sorted, canonical, n used of cap */
	int32_t		n;
	int32_t		cap;
	HdhDelayEntry *spare;		/* where the next merge writes, then swapped */
	int32_t		sparecap;
	int32_t		nkeys;			/* keys waiting in the buffer */
	int32_t		keycap;			/* capacity of the buffer */
	uint32_t   *heapkeys;		/* keycap keys once grown, else NULL (inline) */
	HdhDelayEntry *stage;		/* unsorted entries waiting to be merged */
	int32_t		nstage;
	int32_t		stagecap;
	int64_t		completed;		/* totals over entries, buffer and staging */
	int64_t		pending;
	uint32_t	inlinekeys[HDH_DELAY_INLINE_KEYS];
} HdhDelayState;

/* Start an empty state whose memory comes from mem. */
extern void hdh_delay_state_init(HdhDelayState *s, const HdhDelayAlloc *mem);

/* Give back every block the state holds; it is empty afterwards. */
extern void hdh_delay_state_free(HdhDelayState *s);

/* Slow path of hdh_delay_add: flush the full buffer, then add the key. */
extern HdhStatus hdh_delay_add_slow(HdhDelayState *s, int64_t day, bool pending,
									HdhError *err);

/*
 * Add one delay of `day` days, completed or pending. The common case is two
 * stores and a compare, so it is inline.
 */
static inline HdhStatus
hdh_delay_add(HdhDelayState *s, int64_t day, bool pending, HdhError *err)
{
	if (day >= 0 && day <= HDH_DELAY_MAX_DAY && s->nkeys < s->keycap &&
		(pending ? s->pending : s->completed) < INT64_MAX)
	{
		uint32_t   *keys = s->heapkeys ? s->heapkeys : s->inlinekeys;

		keys[s->nkeys++] = ((uint32_t) day << 1) | (pending ? 1u : 0u);
		if (pending)
			s->pending++;
		else
			s->completed++;
		return HDH_OK;
	}
	return hdh_delay_add_slow(s, day, pending, err);
}

/* Add a canonical summary (e.g. a stored value, for rollup or +). */
extern HdhStatus hdh_delay_add_summary(HdhDelayState *s, const HdhDelaySummary *sum,
									   HdhError *err);

/* Add everything src holds to s (the combine step); src is not changed. */
extern HdhStatus hdh_delay_add_state(HdhDelayState *s, const HdhDelayState *src,
									 HdhError *err);

/* Sort and merge the buffer and the staging list into the entries. */
extern HdhStatus hdh_delay_flush(HdhDelayState *s, HdhError *err);

/*
 * The canonical summary of s without changing s: when nothing waits in the
 * buffer or staging list it points into s, else into a fresh flushed copy
 * held by `scratch` (initialised here; free it with hdh_delay_state_free).
 */
extern HdhStatus hdh_delay_state_view(const HdhDelayState *s, HdhDelayState *scratch,
									  HdhDelaySummary *out, HdhError *err);

/* The summary of a flushed state (points into s). */
extern void hdh_delay_state_summary(const HdhDelayState *s, HdhDelaySummary *out);

/*
 * Check that entries form a canonical summary with the given totals; used by
 * every decoder. `status` is the failure class to report (syntax, binary...).
 */
extern HdhStatus hdh_delay_check(const HdhDelaySummary *sum, HdhStatus status,
								 HdhError *err);

/* ---- statistics of completed delays (false when undefined) ---- */

/* Mean of completed delays, exact sums, one rounding at the end. */
extern bool hdh_delay_mean(const HdhDelaySummary *sum, double *out);

/* Sample standard deviation of completed delays (needs two). */
extern bool hdh_delay_stddev(const HdhDelaySummary *sum, double *out);

/* Smallest and largest completed delay. */
extern bool hdh_delay_min(const HdhDelaySummary *sum, int32_t *out);
extern bool hdh_delay_max(const HdhDelaySummary *sum, int32_t *out);

/* Check a percentile fraction: a number in [0, 1]. */
extern HdhStatus hdh_delay_check_fraction(double p, HdhError *err);

/* percentile_cont(p) of completed delays, as PostgreSQL computes it. */
extern bool hdh_delay_percentile_cont(const HdhDelaySummary *sum, double p, double *out);

/* percentile_disc(p) of completed delays, as PostgreSQL computes it. */
extern bool hdh_delay_percentile_disc(const HdhDelaySummary *sum, double p, int32_t *out);

/* Fraction of completed delays of at most `days` days. */
extern bool hdh_delay_share_within(const HdhDelaySummary *sum, int64_t days, double *out);

#endif
