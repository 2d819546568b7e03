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
 * HdhDelayState accumulates a summary with little memory and few
 * instructions per row. A small group keeps its rows as unsorted 16-bit keys
 * (day * 2 + pending, days up to 32767) in the state itself and then in a
 * chain of segments that are never moved: 2 bytes a row, nothing sorted
 * until the summary is read. A group that grows past thousands of rows with
 * repeated days (or gets a longer delay, or a stored summary with large
 * counts) becomes large: its keys are sorted and compacted into runs of
 * (32-bit key, 32-bit count), 8 bytes per distinct key, a count of 2^32 or
 * more taking a second run with the same key for its high half; new rows
 * are appended to a batch of 32-bit keys that is sorted (counting or radix
 * sort) and merged into the runs when full. Stored summaries (rollup,
 * combine) go through a staging list that is merged when it grows as large
 * as the runs, so adding many small summaries costs O(log) per entry.
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

/* Keys held in the state itself, before any segment is allocated. */
#define HDH_DELAY_INLINE_KEYS 32

/* The largest day a small state stores as a 16-bit key. */
#define HDH_DELAY_SMALL_MAX_DAY 32767

/*
 * Rows a small state holds before it first considers compaction (the
 * capacity of the inline keys and of the first ten segments).
 */
#define HDH_DELAY_COMPACT_KEYS 3960

typedef struct HdhDelaySegment HdhDelaySegment;
typedef struct HdhDelayLarge HdhDelayLarge;

/*
 * The accumulating state of an aggregate: 128 bytes. Rows go to `cur`:
 * 16-bit keys while small (the inline keys, then the newest segment),
 * 32-bit keys into the batch once large. Totals are not kept per row: they
 * are counted when keys are compacted or read. A state must not be moved
 * in memory once used (cur may point into it).
 */
typedef struct HdhDelayState
{
	void	   *cur;			/* uint16_t keys (small) or uint32_t keys (large) */
	int32_t		ncur;			/* keys in cur */
	int32_t		curcap;			/* room in cur */
	HdhDelayLarge *large;		/* NULL while small */
	HdhDelaySegment *seg;		/* small: newest segment, NULL while inline */
	int32_t		nfull;			/* small: keys before cur (inline, older segments) */
	int32_t		limit;			/* small: rows at which compaction is considered */
	HdhDelayAlloc mem;
	uint16_t	inlinekeys[HDH_DELAY_INLINE_KEYS];
} HdhDelayState;

/* What a state holds, for tests and measurements. */
typedef struct HdhDelayStateInfo
{
	bool		large;			/* compacted into runs */
	int64_t		keys;			/* unsorted keys (small keys or batch) */
	int32_t		runs;			/* runs, wide counts taking two */
	int32_t		wide;			/* keys whose count needs a second run */
	int32_t		staged;			/* entries waiting in the staging list */
	size_t		bytes;			/* bytes allocated beside the state itself */
} HdhDelayStateInfo;

/* Start an empty state whose memory comes from mem. */
extern void hdh_delay_state_init(HdhDelayState *s, const HdhDelayAlloc *mem);

/* Give back every block the state holds; it is empty afterwards. */
extern void hdh_delay_state_free(HdhDelayState *s);

/* Slow path of hdh_delay_add: checks, a full buffer, compaction. */
extern HdhStatus hdh_delay_add_slow(HdhDelayState *s, int64_t day, bool pending,
									HdhError *err);

/*
 * The common case of adding a delay: a store and an increment when the
 * buffer has room and the day fits its keys; false when the slow path must
 * run (nothing is changed then). For callers that checked `day` already.
 */
static inline bool
hdh_delay_add_fast(HdhDelayState *s, uint64_t day, bool pending)
{
	if (s->ncur >= s->curcap)
		return false;
	if (s->large == NULL)
	{
		if (day > HDH_DELAY_SMALL_MAX_DAY)
			return false;
		((uint16_t *) s->cur)[s->ncur++] = (uint16_t) ((day << 1) | (pending ? 1u : 0u));
	}
	else
	{
		if (day > HDH_DELAY_MAX_DAY)
			return false;
		((uint32_t *) s->cur)[s->ncur++] = ((uint32_t) day << 1) | (pending ? 1u : 0u);
	}
	return true;
}

/* Add one delay of `day` days, completed or pending. */
static inline HdhStatus
hdh_delay_add(HdhDelayState *s, int64_t day, bool pending, HdhError *err)
{
	if (hdh_delay_add_fast(s, (uint64_t) day, pending))	/* a negative day is huge */
		return HDH_OK;
	return hdh_delay_add_slow(s, day, pending, err);
}

/* Add a canonical summary (e.g. a stored value, for rollup or +). */
extern HdhStatus hdh_delay_add_summary(HdhDelayState *s, const HdhDelaySummary *sum,
									   HdhError *err);

/* Add everything src holds to s (the combine step); src is not changed. */
extern HdhStatus hdh_delay_add_state(HdhDelayState *s, const HdhDelayState *src,
									 HdhError *err);

/*
 * The canonical summary of s without changing s: its entries are allocated
 * from the state's allocator; give them back with hdh_delay_view_free.
 */
extern HdhStatus hdh_delay_state_view(const HdhDelayState *s, HdhDelaySummary *out,
									  HdhError *err);

/* Release the entries of a view of s. */
extern void hdh_delay_view_free(const HdhDelayState *s, HdhDelaySummary *view);

/* Counts and bytes of a state (see HdhDelayStateInfo). */
extern void hdh_delay_state_info(const HdhDelayState *s, HdhDelayStateInfo *info);

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
