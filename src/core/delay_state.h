/*
 * src/core/delay_state.h
 *	  The accumulating state of a delay summary: rows and stored summaries
 *	  in, the canonical summary (delay_form.h) out, with little memory and
 *	  few instructions per row.
 *
 * Keys. A delay is the key day * 2 + pending; a state counts keys.
 *
 * Small state. A group starts small: its rows are unsorted 16-bit keys
 * (days up to 32767), 2 bytes a row, first in the state itself, then in
 * segments of 128, 128, 256, 256, ... 8192 bytes chained newest first and
 * never moved or freed before the state is, so growing leaves no outgrown
 * buffer behind (an allocator that does not coalesce, like PostgreSQL's,
 * would keep every one of every group). Nothing is sorted until the summary
 * is read.
 *
 * Compaction. At HDH_DELAY_COMPACT_KEYS rows, and at every doubling after,
 * the keys are sorted and counted: when the runs would take at most the room
 * of the keys (distinct keys at most a quarter of the rows) the state
 * becomes large. A day past 32767, or a stored summary of many rows, makes
 * it large at once.
 *
 * Large state. Sorted runs of (32-bit key, 32-bit count), 8 bytes a
 * distinct key, a count of 2^32 or more taking a second run with the same
 * key for its high half; new rows are appended to a batch of 32-bit keys.
 * A full batch is sorted (by the sort that suits its size and spread,
 * delay_runs.h) and merged with the runs into a new runs array of the exact
 * size. The batch doubles while the runs outgrow it or the group keeps
 * growing, so merging is amortised O(1) per row.
 *
 * Stored summaries (rollup, combine, +). A few rows into a small state are
 * added as rows. Otherwise a summary at least a quarter the size of the runs
 * is merged into them at once; smaller ones wait in a staging list (sorted
 * with qsort and collapsed when read) that is merged when it grows as large
 * as the runs, so adding many small summaries costs O(log) per entry.
 *
 * Reading. A view copies and sorts the unsorted keys, copies and collapses
 * the staging list, and merges them with the runs; the state is unchanged,
 * so a final function may read it again (window aggregates).
 *
 * No server headers: memory comes from the caller's allocator (alloc.h),
 * failures are reported with HdhError (status.h).
 */
#ifndef HDH_CORE_DELAY_STATE_H
#define HDH_CORE_DELAY_STATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/alloc.h"
#include "core/delay_form.h"
#include "core/status.h"

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
	HdhAlloc mem;
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
extern void hdh_delay_state_init(HdhDelayState *s, const HdhAlloc *mem);

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

/*
 * The delay a row (started, finished) shows on the date as_of, all in days
 * from one epoch, with finished >= started when has_finished: none (false)
 * when it started after as_of; completed after finished - started days when
 * it finished on or before as_of; else pending, censored after as_of -
 * started days. The rule of delay_agg(started, finished, as_of).
 */
static inline bool
hdh_delay_as_of(int64_t started, bool has_finished, int64_t finished, int64_t as_of,
				int64_t *days, bool *pending)
{
	if (started > as_of)
		return false;
	*pending = !has_finished || finished > as_of;
	*days = (*pending ? as_of : finished) - started;
	return true;
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

#endif
