/*
 * src/core/delay_runs.c
 *	  Sorted sources of (key, count), the runs of a large state and the
 *	  merges between them (see delay_runs.h).
 */
#include <stdlib.h>
#include <string.h>

#include "core/delay_runs.h"
#include "core/invariant.h"
#include "core/key_sort.h"

#define QUICKSORT_MAX 160		/* below, a quicksort beats a radix sort */

/* A source over nothing yet. */
void
hdh_run_source_init(HdhRunSource *src, HdhSourceKind kind)
{
	memset(src, 0, sizeof(*src));
	src->kind = kind;
}

/* The next (key, count) of a source, keys ascending; false at the end. */
static bool
NextRun(HdhRunSource *src, uint32_t *key, uint64_t *count)
{
	switch (src->kind)
	{
		case HDH_SRC_KEYS:
			{
				const uint32_t *k = src->keys;
				int64_t		start = src->pos;

				if (start >= src->len)
					return false;
				*key = k[start];
				while (src->pos < src->len && k[src->pos] == *key)
					src->pos++;
				*count = (uint64_t) (src->pos - start);
				return true;
			}
		case HDH_SRC_COUNTS:
			while (src->pos < src->len && src->counts[src->pos] == 0)
				src->pos++;
			if (src->pos >= src->len)
				return false;
			*key = src->base + (uint32_t) src->pos;
			*count = src->counts[src->pos++];
			return true;
		case HDH_SRC_RUNS:
			if (src->pos >= src->len)
				return false;
			*key = src->runs[src->pos].key;
			*count = src->runs[src->pos++].count;
			if (src->pos < src->len && src->runs[src->pos].key == *key)
				*count |= (uint64_t) src->runs[src->pos++].count << 32;
			return true;
		case HDH_SRC_ENTRIES:
			while (src->pos < src->len)
			{
				const HdhDelayEntry *e = &src->entries[src->pos];

				if (!src->half)
				{
					src->half = true;
					if (e->completed > 0)
					{
						*key = (uint32_t) e->day << 1;
						*count = (uint64_t) e->completed;
						return true;
					}
				}
				src->half = false;
				src->pos++;
				if (e->pending > 0)
				{
					*key = ((uint32_t) e->day << 1) | 1u;
					*count = (uint64_t) e->pending;
					return true;
				}
			}
			return false;
	}
	return false;
}

/* Where a merge for a view writes: canonical entries, a day at a time. */
typedef struct Sink
{
	HdhDelayEntry *entries;
	int64_t		n;				/* entries written */
	int64_t		lastday;		/* the day of entry n - 1 */
} Sink;

/* A sink writing to entries. */
static void
SinkInit(Sink *sink, HdhDelayEntry *entries)
{
	sink->entries = entries;
	sink->n = 0;
	sink->lastday = -1;
}

/* Write one (key, count), keys ascending, count > 0. */
static void
Emit(Sink *sink, uint32_t key, uint64_t count)
{
	int64_t		day = (int64_t) (key >> 1);

	/* Keys come ascending, each once, with a count that fits an int64. */
	HDH_ASSERT(day >= sink->lastday && count > 0 && count <= (uint64_t) INT64_MAX);
	HDH_ASSERT(day > sink->lastday || (key & 1u) == 1u);
	if (day != sink->lastday)
	{
		HdhDelayEntry *e = &sink->entries[sink->n++];

		e->day = (int32_t) day;
		e->completed = 0;
		e->pending = 0;
	}
	if (key & 1u)
		sink->entries[sink->n - 1].pending = (int64_t) count;
	else
		sink->entries[sink->n - 1].completed = (int64_t) count;
	sink->lastday = day;
}

#define MAX_SOURCES 3

/*
 * Merge up to three sorted sources into entries, adding the counts of equal
 * keys (for views: once per read, so simple rather than tight). The callers
 * have bounded the totals, so no sum overflows.
 */
static int64_t
Merge(HdhRunSource **src, int nsrc, Sink *sink)
{
	bool		have[MAX_SOURCES];
	uint32_t	key[MAX_SOURCES];
	uint64_t	count[MAX_SOURCES];
	int			i;

	for (i = 0; i < nsrc; i++)
	{
		src[i]->pos = 0;
		src[i]->half = false;
		have[i] = NextRun(src[i], &key[i], &count[i]);
	}
	for (;;)
	{
		bool		any = false;
		uint32_t	k = 0;
		uint64_t	c = 0;

		for (i = 0; i < nsrc; i++)
			if (have[i] && (!any || key[i] < k))
			{
				k = key[i];
				any = true;
			}
		if (!any)
			break;
		for (i = 0; i < nsrc; i++)
			if (have[i] && key[i] == k)
			{
				c += count[i];
				have[i] = NextRun(src[i], &key[i], &count[i]);
			}
		Emit(sink, k, c);
	}
	return sink->n;
}

/*
 * The sort for nk keys: insertion sort for a few, counting when they span at
 * most twice their number, quicksort up to QUICKSORT_MAX, else radix sort.
 */
HdhStatus
hdh_delay_sort_keys(const HdhAlloc *mem, uint32_t *keys, int64_t nk, uint32_t **scratch,
					HdhRunSource *src, int64_t *npending, HdhError *err)
{
	uint32_t	lo,
				hi;
	int64_t		i,
				odd = 0;
	uint32_t   *tmp;

	*scratch = NULL;
	hdh_run_source_init(src, HDH_SRC_KEYS);
	if (nk == 0)
	{
		*npending = 0;
		src->keys = keys;
		return HDH_OK;
	}
	lo = hi = keys[0];
	for (i = 0; i < nk; i++)
	{
		uint32_t	v = keys[i];

		lo = v < lo ? v : lo;
		hi = v > hi ? v : hi;
		odd += v & 1u;
	}
	*npending = odd;
	if (nk <= HDH_INSERTION_SORT_MAX)
	{
		hdh_insertion_sort(keys, nk);
		HDH_ASSERT(hdh_keys_sorted(keys, nk));
		src->keys = keys;
		src->len = nk;
		return HDH_OK;
	}
	/* Counting sort when the keys span at most twice their number. */
	if ((uint64_t) hi - lo < (uint64_t) nk * 2)
	{
		int64_t		range = (int64_t) (hi - lo) + 1;

		tmp = hdh_alloc(mem, (size_t) range * sizeof(uint32_t), err);
		if (tmp == NULL)
			return HDH_ERR_LIMIT;
		memset(tmp, 0, (size_t) range * sizeof(uint32_t));
		for (i = 0; i < nk; i++)
			tmp[keys[i] - lo]++;
		src->kind = HDH_SRC_COUNTS;
		src->counts = tmp;
		src->base = lo;
		src->len = range;
		*scratch = tmp;
		return HDH_OK;
	}
	if (nk <= QUICKSORT_MAX)
	{
		hdh_quick_sort(keys, nk);
		HDH_ASSERT(hdh_keys_sorted(keys, nk));
		src->keys = keys;
		src->len = nk;
		return HDH_OK;
	}
	tmp = hdh_alloc(mem, (size_t) nk * sizeof(uint32_t), err);
	if (tmp == NULL)
		return HDH_ERR_LIMIT;
	src->keys = hdh_radix_sort(keys, tmp, nk, lo, hi);
	HDH_ASSERT(hdh_keys_sorted(src->keys, nk) && src->keys[0] == lo && src->keys[nk - 1] == hi);
	src->len = nk;
	*scratch = tmp;
	return HDH_OK;
}

/* Sorted keys as canonical entries; returns how many. */
static int64_t
SortedKeysToEntries(const uint32_t *keys, int64_t nk, HdhDelayEntry *out)
{
	int64_t		i = 0,
				n = 0;

	while (i < nk)
	{
		uint32_t	day = keys[i] >> 1;
		int64_t		start = i;
		HdhDelayEntry *e = &out[n++];

		while (i < nk && keys[i] == day << 1)
			i++;
		e->day = (int32_t) day;
		e->completed = i - start;
		start = i;
		while (i < nk && keys[i] == ((day << 1) | 1u))
			i++;
		e->pending = i - start;
	}
	return n;
}

/* One source of sorted keys needs no merge; anything else goes through Merge. */
int64_t
hdh_delay_merge_sources(HdhRunSource **src, int nsrc, HdhDelayEntry *out)
{
	Sink		sink;

	if (nsrc == 1 && src[0]->kind == HDH_SRC_KEYS)
		return SortedKeysToEntries(src[0]->keys, src[0]->len, out);
	SinkInit(&sink, out);
	return Merge(src, nsrc, &sink);
}

/*
 * The distinct keys of sorted keys (HDH_SRC_KEYS or HDH_SRC_COUNTS, fewer than
 * 2^32 keys) with their counts, ascending, into out; out NULL only counts.
 */
int64_t
hdh_delay_key_runs(const HdhRunSource *src, HdhDelayRun *out)
{
	int64_t		i,
				n = 0;

	if (src->kind == HDH_SRC_COUNTS)
	{
		for (i = 0; i < src->len; i++)
			if (src->counts[i] != 0)
			{
				if (out != NULL)
				{
					out[n].key = src->base + (uint32_t) i;
					out[n].count = src->counts[i];
				}
				n++;
			}
		return n;
	}
	for (i = 0; i < src->len;)
	{
		int64_t		start = i;
		uint32_t	key = src->keys[i];

		while (i < src->len && src->keys[i] == key)
			i++;
		if (out != NULL)
		{
			out[n].key = key;
			out[n].count = (uint32_t) (i - start);
		}
		n++;
	}
	return n;
}

/* The count of the run at *i (two runs when wide); *i moves past it. */
static inline uint64_t
TakeRun(const HdhDelayRun *r, int64_t n, int64_t *i)
{
	uint32_t	key = r[*i].key;
	uint64_t	count = r[(*i)++].count;

	if (*i < n && r[*i].key == key)
		count |= (uint64_t) r[(*i)++].count << 32;
	return count;
}

/* Write (key, count) at out[k] as one or two runs; returns the next k. */
static inline int64_t
PutRun(HdhDelayRun *out, int64_t k, uint32_t key, uint64_t count)
{
	out[k].key = key;
	out[k++].count = (uint32_t) count;
	if (count >> 32)
	{
		out[k].key = key;
		out[k++].count = (uint32_t) (count >> 32);
	}
	return k;
}

/* Canonical entries as runs (a count of 2^32 or more as two), into out. */
static int64_t
EntriesToRuns(const HdhDelayEntry *e, int64_t n, HdhDelayRun *out)
{
	int64_t		i,
				k = 0;

	for (i = 0; i < n; i++)
	{
		uint32_t	key = (uint32_t) e[i].day << 1;

		if (e[i].completed > 0)
			k = PutRun(out, k, key, (uint64_t) e[i].completed);
		if (e[i].pending > 0)
			k = PutRun(out, k, key | 1u, (uint64_t) e[i].pending);
	}
	return k;
}

/*
 * Merge two sorted run arrays (wide pairs allowed) into out, adding the
 * counts of equal keys; returns the runs written. The tail of either array
 * is copied as it is.
 */
static int64_t
MergeRunArrays(const HdhDelayRun *a, int64_t na, const HdhDelayRun *b, int64_t nb,
			   HdhDelayRun *out)
{
	int64_t		i = 0,
				j = 0,
				k = 0;

	while (i < na && j < nb)
	{
		uint32_t	ka = a[i].key,
					kb = b[j].key;

		if (ka < kb)
			k = PutRun(out, k, ka, TakeRun(a, na, &i));
		else if (kb < ka)
			k = PutRun(out, k, kb, TakeRun(b, nb, &j));
		else
		{
			uint64_t	count = TakeRun(a, na, &i);

			k = PutRun(out, k, ka, count + TakeRun(b, nb, &j));
		}
	}
	if (i < na)
	{
		memcpy(out + k, a + i, (size_t) (na - i) * sizeof(HdhDelayRun));
		k += na - i;
	}
	if (j < nb)
	{
		memcpy(out + k, b + j, (size_t) (nb - j) * sizeof(HdhDelayRun));
		k += nb - j;
	}
	return k;
}

/*
 * Replace the runs of l by their merge with a sorted source (sorted keys,
 * counts, or canonical entries), in one pass: the source as runs in
 * scratch, the merge into scratch sized for the most it can write, then a
 * copy into an exactly sized array. l's totals must already include the
 * source (the callers add and check them first, so no count overflows);
 * while they stay below 2^32 no count is wide, which keeps the bounds tight.
 */
HdhStatus
hdh_delay_merge_into_runs(const HdhAlloc *mem, HdhDelayLarge *l, const HdhRunSource *src,
						  HdhError *err)
{
	bool		narrow = (uint64_t) l->completed + (uint64_t) l->pending < ((uint64_t) 1 << 32);
	bool		entries = src->kind == HDH_SRC_ENTRIES;
	int64_t		nb = entries ? src->len * (narrow ? 2 : 4) : src->len,
				n;
	HdhDelayRun *b,
			   *merged = NULL,
			   *out = NULL;
	HdhStatus	status = HDH_ERR_LIMIT;

	b = hdh_alloc(mem, (size_t) nb * sizeof(HdhDelayRun), err);
	if (b == NULL)
		return HDH_ERR_LIMIT;
	nb = entries ? EntriesToRuns(src->entries, src->len, b) : hdh_delay_key_runs(src, b);
	n = (int64_t) l->nruns + nb;
	if (!narrow)
		n *= 2;
	merged = hdh_alloc(mem, (size_t) n * sizeof(HdhDelayRun), err);
	if (merged == NULL)
		goto done;
	n = MergeRunArrays(l->runs, l->nruns, b, nb, merged);
	if (n > INT32_MAX)
	{
		status = hdh_fail(err, HDH_ERR_LIMIT, NULL,
						  "a delay_summary cannot hold %lld distinct days", (long long) n);
		goto done;
	}
	out = hdh_alloc(mem, (size_t) n * sizeof(HdhDelayRun), err);
	if (out == NULL)
		goto done;
	memcpy(out, merged, (size_t) n * sizeof(HdhDelayRun));
	hdh_release(mem, l->runs);
	l->runs = out;
	l->nruns = (int32_t) n;
	status = HDH_OK;
done:
	hdh_release(mem, merged);
	hdh_release(mem, b);
	return status;
}

/* Entries by day, for qsort of the staging list. */
static int
CompareEntryDay(const void *a, const void *b)
{
	int32_t		x = ((const HdhDelayEntry *) a)->day;
	int32_t		y = ((const HdhDelayEntry *) b)->day;

	return (x > y) - (x < y);
}

/* Sort entries by day and add up those of the same day; returns the count. */
int32_t
hdh_delay_collapse_entries(HdhDelayEntry *e, int32_t n)
{
	int32_t		i,
				k = 0;

	if (n == 0)
		return 0;
	qsort(e, (size_t) n, sizeof(HdhDelayEntry), CompareEntryDay);
	for (i = 1; i < n; i++)
	{
		if (e[i].day == e[k].day)
		{
			e[k].completed += e[i].completed;
			e[k].pending += e[i].pending;
		}
		else
			e[++k] = e[i];
	}
	return k + 1;
}
