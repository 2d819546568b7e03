/*
 * src/core/delay_runs.h
 *	  Inside the delay summary state (delay_state.c): sorted sources of
 *	  (key, count), the runs of a large state and the merges between them.
 *	  Not an interface for anything but delay_state.c and delay_runs.c.
 *
 * A key is day * 2 + pending. hdh_delay_sort_keys sorts a batch of keys by
 * the sort that suits it: insertion sort for up to 12 keys; a counting sort
 * when the keys span a range no wider than twice their number (the usual
 * case for delays), which yields counts rather than sorted keys; quicksort up
 * to 160 keys, where a radix sort's 256-slot histograms cost more than the
 * keys; an LSD radix sort beyond. Insertion sort, quicksort and radix sort
 * are in key_sort.h; the staging list of entries is sorted with the C
 * library's qsort. The result is read as a source of ascending (key, count)
 * pairs. Four kinds of source exist: sorted keys, counts over a range of
 * keys, the runs of a large state and canonical entries (a summary, or the
 * state's staging list). A large state's runs are replaced by their merge
 * with a source (hdh_delay_merge_into_runs); a view merges up to three
 * sources into canonical entries (hdh_delay_merge_sources).
 */
#ifndef HDH_CORE_DELAY_RUNS_H
#define HDH_CORE_DELAY_RUNS_H

#include <stdbool.h>
#include <stdint.h>

#include "core/alloc.h"
#include "core/delay_form.h"
#include "core/delay_state.h"
#include "core/status.h"

/*
 * Count of one key in a large state. A count of 2^32 or more takes two
 * runs with the same key: the low 32 bits, then the high ones.
 */
typedef struct HdhDelayRun
{
	uint32_t	key;			/* day * 2 + pending */
	uint32_t	count;
} HdhDelayRun;

/* What a large state holds besides its batch of unsorted keys. */
struct HdhDelayLarge
{
	HdhDelayRun *runs;			/* sorted by key */
	int32_t		nruns;
	int32_t		nstage;
	int32_t		stagecap;
	HdhDelayEntry *stage;		/* unsorted entries of added summaries */
	int64_t		completed;		/* totals of runs and stage (not batch) */
	int64_t		pending;
};

typedef enum HdhSourceKind
{
	HDH_SRC_KEYS,				/* sorted keys, equal ones adjacent */
	HDH_SRC_COUNTS,				/* counts[i] = occurrences of key base + i */
	HDH_SRC_RUNS,				/* runs of a large state */
	HDH_SRC_ENTRIES				/* canonical entries (a summary, the staging list) */
} HdhSourceKind;

/* A sorted source of (key, count), keys ascending. */
typedef struct HdhRunSource
{
	HdhSourceKind kind;
	const uint32_t *keys;
	const uint32_t *counts;
	const HdhDelayRun *runs;
	const HdhDelayEntry *entries;
	int64_t		len;			/* keys, count slots, runs or entries */
	int64_t		pos;
	uint32_t	base;
	bool		half;			/* entries: the completed half was read */
} HdhRunSource;

/* A source of the given kind over nothing yet. */
extern void hdh_run_source_init(HdhRunSource *src, HdhSourceKind kind);

/*
 * Sort nk keys (in place, or into scratch) and describe them as a source;
 * *npending counts the odd keys. Scratch memory (counts, or the radix
 * sort's second array) is returned in *scratch, to be released once the
 * source has been read.
 */
extern HdhStatus hdh_delay_sort_keys(const HdhAlloc *mem, uint32_t *keys, int64_t nk,
									 uint32_t **scratch, HdhRunSource *src,
									 int64_t *npending, HdhError *err);

/*
 * The distinct keys of a sorted-keys or counts source (fewer than 2^32
 * keys) with their counts, ascending, into out; out NULL only counts them.
 */
extern int64_t hdh_delay_key_runs(const HdhRunSource *src, HdhDelayRun *out);

/*
 * Replace the runs of l by their merge with a sorted source (keys, counts or
 * entries). l's totals must already include the source.
 */
extern HdhStatus hdh_delay_merge_into_runs(const HdhAlloc *mem, HdhDelayLarge *l,
										   const HdhRunSource *src, HdhError *err);

/*
 * Merge up to three sources into canonical entries (room for the sum of
 * their distinct keys), adding the counts of equal keys; returns how many.
 */
extern int64_t hdh_delay_merge_sources(HdhRunSource **src, int nsrc, HdhDelayEntry *out);

/* Sort entries by day and add up those of the same day; returns the count. */
extern int32_t hdh_delay_collapse_entries(HdhDelayEntry *e, int32_t n);

#endif
