/*
 * src/core/delay_summary.c
 *	  Building, merging and reading delay summaries (see delay_summary.h).
 *
 * Adding a row is an append to a key buffer. A full buffer is sorted (a
 * counting sort when the keys span a range no wider than the buffer, which is
 * the usual case for delays, else an LSD radix sort) and merged into the
 * sorted entries. The buffer doubles while the entries are as large as it or
 * the group keeps growing, so the merge is amortised O(1) per row and a group
 * with few rows stays a few hundred bytes. Merges write into a spare array
 * that is then swapped with the entries, so they allocate only to grow.
 */
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/delay_summary.h"

#define MAX_KEYS 16384			/* largest buffer for many rows (64 kB + scratch) */
#define MAX_KEYS_DISTINCT (1 << 24) /* largest for many distinct days */
#define INSERTION_SORT_MAX 32
#define SMALL_KEYS 48			/* a group of fewer rows keeps only keys */
#define SMALL_ENTRIES 4096		/* below this, merges allocate and free the spare */
#define MIN_STAGE 64

#if defined(__SIZEOF_INT128__)
__extension__ typedef __int128 WideInt;	/* exact sums of day * count */
#else
typedef long double WideInt;
#endif

/* Memory from the caller's allocator, or a LIMIT failure naming the size. */
static void *
Alloc(const HdhDelayAlloc *mem, size_t size, HdhError *err)
{
	void	   *p = mem->alloc(mem->ctx, size == 0 ? 1 : size);

	if (p == NULL)
		hdh_fail(err, HDH_ERR_LIMIT, NULL,
				 "out of memory allocating %zu bytes for a delay_summary", size);
	return p;
}

/* Give a block back, when the allocator frees single blocks. */
static void
Release(const HdhDelayAlloc *mem, void *p)
{
	if (p != NULL && mem->release != NULL)
		mem->release(mem->ctx, p);
}

/* An empty state: six inline keys, no entries, nothing allocated yet. */
void
hdh_delay_state_init(HdhDelayState *s, const HdhDelayAlloc *mem)
{
	memset(s, 0, sizeof(*s));
	s->mem = *mem;
	s->keycap = HDH_DELAY_INLINE_KEYS;
}

/* Release every block and leave an empty, reusable state. */
void
hdh_delay_state_free(HdhDelayState *s)
{
	HdhDelayAlloc mem = s->mem;

	Release(&mem, s->entries);
	Release(&mem, s->spare);
	Release(&mem, s->heapkeys);
	Release(&mem, s->stage);
	hdh_delay_state_init(s, &mem);
}

/* ---- sorting the key buffer -------------------------------------------- */

/* Insertion sort: the fastest for the few keys of a small group. */
static void
InsertionSort(uint32_t *a, int32_t n)
{
	int32_t		i,
				j;

	for (i = 1; i < n; i++)
	{
		uint32_t	v = a[i];

		for (j = i; j > 0 && a[j - 1] > v; j--)
			a[j] = a[j - 1];
		a[j] = v;
	}
}

/*
 * LSD radix sort on bytes, skipping a byte that all keys share; returns the
 * array that holds the result (a or tmp). Linear, unlike qsort's n log n.
 */
static uint32_t *
RadixSort(uint32_t *a, uint32_t *tmp, int32_t n)
{
	uint32_t	hist[4][256];
	uint32_t   *src = a;
	uint32_t   *dst = tmp;
	int			pass;
	int32_t		i;

	memset(hist, 0, sizeof(hist));
	for (i = 0; i < n; i++)
	{
		uint32_t	v = a[i];

		hist[0][v & 0xff]++;
		hist[1][(v >> 8) & 0xff]++;
		hist[2][(v >> 16) & 0xff]++;
		hist[3][v >> 24]++;
	}
	for (pass = 0; pass < 4; pass++)
	{
		int			shift = pass * 8;
		uint32_t	offset[256];
		uint32_t	sum = 0;
		uint32_t   *swap;
		int			b;

		if (hist[pass][(src[0] >> shift) & 0xff] == (uint32_t) n)
			continue;			/* every key has the same byte here */
		for (b = 0; b < 256; b++)
		{
			offset[b] = sum;
			sum += hist[pass][b];
		}
		for (i = 0; i < n; i++)
			dst[offset[(src[i] >> shift) & 0xff]++] = src[i];
		swap = src;
		src = dst;
		dst = swap;
	}
	return src;
}

/*
 * A sorted source of (day, completed, pending) runs for Merge: sorted keys,
 * key counts over a range (counting sort), or sorted canonical entries.
 */
typedef struct RunSource
{
	const uint32_t *keys;		/* sorted keys, or NULL */
	const uint32_t *counts;		/* counts[i] = occurrences of key base + i */
	const HdhDelayEntry *entries;
	int64_t		len;			/* keys, counts slots or entries */
	int64_t		pos;
	uint32_t	base;
} RunSource;

/* The next run of a source; false at the end. */
static bool
NextRun(RunSource *src, HdhDelayEntry *run)
{
	if (src->entries != NULL)
	{
		if (src->pos >= src->len)
			return false;
		*run = src->entries[src->pos++];
		return true;
	}
	if (src->keys != NULL)
	{
		const uint32_t *k = src->keys;
		uint32_t	day;

		if (src->pos >= src->len)
			return false;
		day = k[src->pos] >> 1;
		run->day = (int32_t) day;
		run->completed = 0;
		run->pending = 0;
		while (src->pos < src->len && k[src->pos] == day << 1)
		{
			run->completed++;
			src->pos++;
		}
		while (src->pos < src->len && k[src->pos] == ((day << 1) | 1u))
		{
			run->pending++;
			src->pos++;
		}
		return true;
	}
	/* counting sort: skip empty slots, then gather one day (two slots) */
	while (src->pos < src->len && src->counts[src->pos] == 0)
		src->pos++;
	if (src->pos >= src->len)
		return false;
	{
		uint32_t	key = src->base + (uint32_t) src->pos;
		uint32_t	day = key >> 1;

		run->day = (int32_t) day;
		run->completed = 0;
		run->pending = 0;
		if ((key & 1u) == 0)
		{
			run->completed = src->counts[src->pos++];
			if (src->pos < src->len)
				run->pending = src->counts[src->pos++];
		}
		else
			run->pending = src->counts[src->pos++];
	}
	return true;
}

/* Number of runs a source yields (it is rewound afterwards). */
static int64_t
CountRuns(RunSource *src)
{
	HdhDelayEntry run;
	int64_t		n = 0;

	if (src->entries != NULL)
		return src->len;
	while (NextRun(src, &run))
		n++;
	src->pos = 0;
	return n;
}

/* A cheap upper bound of the runs of a source (no pass over it). */
static int64_t
RunBound(const RunSource *src)
{
	if (src->counts != NULL)
		return src->len / 2 + 1;
	return src->len;
}

/*
 * Merge sorted canonical entries a with a run source into m, which has room
 * for every run; the counts cannot overflow because the callers bound the
 * totals first. Returns the number of entries written.
 */
static int32_t
Merge(const HdhDelayEntry *a, int32_t na, RunSource *b, HdhDelayEntry *m)
{
	HdhDelayEntry run;
	bool		have = NextRun(b, &run);
	int32_t		i = 0;
	int32_t		k = 0;

	while (i < na || have)
	{
		if (!have || (i < na && a[i].day < run.day))
			m[k++] = a[i++];
		else if (i >= na || run.day < a[i].day)
		{
			m[k++] = run;
			have = NextRun(b, &run);
		}
		else
		{
			m[k] = a[i++];
			m[k].completed += run.completed;
			m[k].pending += run.pending;
			k++;
			have = NextRun(b, &run);
		}
	}
	return k;
}

/*
 * Merge a run source into the entries of s: write into the spare array
 * (grown when it may be too small) and swap the two.
 */
static HdhStatus
MergeIntoState(HdhDelayState *s, RunSource *src, HdhError *err)
{
	HdhDelayEntry *swap;
	int32_t		swapcap;

	if ((int64_t) s->n + RunBound(src) > s->sparecap)
	{
		int64_t		need = (int64_t) s->n + CountRuns(src);

		if (need > s->sparecap)
		{
			int64_t		cap = (int64_t) s->sparecap * 2;
			HdhDelayEntry *bigger;

			if (cap < need)
				cap = need;
			if (cap < 4)
				cap = 4;
			if (need > INT32_MAX)
				return hdh_fail(err, HDH_ERR_LIMIT, NULL,
								"a delay_summary cannot hold %lld distinct days", (long long) need);
			if (cap > INT32_MAX)
				cap = INT32_MAX;
			bigger = Alloc(&s->mem, (size_t) cap * sizeof(HdhDelayEntry), err);
			if (bigger == NULL)
				return HDH_ERR_LIMIT;
			Release(&s->mem, s->spare);
			s->spare = bigger;
			s->sparecap = (int32_t) cap;
		}
	}
	s->n = Merge(s->entries, s->n, src, s->spare);
	swap = s->entries;
	swapcap = s->cap;
	s->entries = s->spare;
	s->cap = s->sparecap;
	s->spare = swap;
	s->sparecap = swapcap;
	/* A small summary keeps no spare: memory matters more than one alloc. */
	if (s->n < SMALL_ENTRIES)
	{
		Release(&s->mem, s->spare);
		s->spare = NULL;
		s->sparecap = 0;
	}
	return HDH_OK;
}

/*
 * Sort nk keys and describe them as a run source. Scratch memory (counts or
 * the radix sort's second array) is allocated here and returned in
 * *scratch, to be released once the source has been read.
 */
static HdhStatus
SortKeys(const HdhDelayAlloc *mem, uint32_t *keys, int32_t nk, uint32_t **scratch,
		 RunSource *src, HdhError *err)
{
	uint32_t	lo,
				hi;
	int32_t		i;
	uint32_t   *tmp;

	memset(src, 0, sizeof(*src));
	*scratch = NULL;
	if (nk <= INSERTION_SORT_MAX)
	{
		InsertionSort(keys, nk);
		src->keys = keys;
		src->len = nk;
		return HDH_OK;
	}
	lo = hi = keys[0];
	for (i = 1; i < nk; i++)
	{
		if (keys[i] < lo)
			lo = keys[i];
		if (keys[i] > hi)
			hi = keys[i];
	}
	/* Counting sort when the keys span at most twice their number. */
	if ((uint64_t) hi - lo < (uint64_t) nk * 2)
	{
		int64_t		range = (int64_t) (hi - lo) + 1;

		tmp = Alloc(mem, (size_t) range * sizeof(uint32_t), err);
		if (tmp == NULL)
			return HDH_ERR_LIMIT;
		memset(tmp, 0, (size_t) range * sizeof(uint32_t));
		for (i = 0; i < nk; i++)
			tmp[keys[i] - lo]++;
		src->counts = tmp;
		src->base = lo;
		src->len = range;
		*scratch = tmp;
		return HDH_OK;
	}
	tmp = Alloc(mem, (size_t) nk * sizeof(uint32_t), err);
	if (tmp == NULL)
		return HDH_ERR_LIMIT;
	src->keys = RadixSort(keys, tmp, nk);
	src->len = nk;
	*scratch = tmp;
	return HDH_OK;
}

/* Merge nk keys (sorted in place) into the entries of s. */
static HdhStatus
MergeKeys(HdhDelayState *s, uint32_t *keys, int32_t nk, HdhError *err)
{
	RunSource	src;
	uint32_t   *scratch;
	HdhStatus	status;

	if (SortKeys(&s->mem, keys, nk, &scratch, &src, err) != HDH_OK)
		return err->status;
	status = MergeIntoState(s, &src, err);
	Release(&s->mem, scratch);
	return status;
}

/* Room for cap keys in the buffer; false when out of memory. */
static bool
GrowKeys(HdhDelayState *s, int32_t cap)
{
	uint32_t   *bigger = s->mem.alloc(s->mem.ctx, (size_t) cap * sizeof(uint32_t));

	if (bigger == NULL)
		return false;
	memcpy(bigger, s->heapkeys ? s->heapkeys : s->inlinekeys, (size_t) s->nkeys * sizeof(uint32_t));
	Release(&s->mem, s->heapkeys);
	s->heapkeys = bigger;
	s->keycap = cap;
	return true;
}

/*
 * Make room in the full key buffer. A small group only grows it (keys are
 * smaller than entries until a day repeats often); otherwise the keys are
 * merged into the entries, and the buffer doubles when the merges cost
 * more than the rows (entries at least twice the buffer) or the group is
 * large. A failed allocation keeps the old buffer.
 */
static HdhStatus
FlushKeys(HdhDelayState *s, HdhError *err)
{
	if (s->nkeys == 0)
		return HDH_OK;
	if (s->nkeys == s->keycap && s->n == 0 && s->nstage == 0 &&
		s->keycap < SMALL_KEYS && GrowKeys(s, s->keycap * 2))
		return HDH_OK;
	if (MergeKeys(s, s->heapkeys ? s->heapkeys : s->inlinekeys, s->nkeys, err) != HDH_OK)
		return err->status;
	s->nkeys = 0;
	if ((s->keycap < MAX_KEYS && s->completed + s->pending >= (int64_t) s->keycap * 8) ||
		(s->keycap < MAX_KEYS_DISTINCT && (int64_t) s->n >= (int64_t) s->keycap * 2))
		(void) GrowKeys(s, s->keycap * 2);
	return HDH_OK;
}

/* Merge the key buffer into the entries (the flush of hdh_delay_flush). */
static HdhStatus
MergeAllKeys(HdhDelayState *s, HdhError *err)
{
	if (s->nkeys == 0)
		return HDH_OK;
	if (MergeKeys(s, s->heapkeys ? s->heapkeys : s->inlinekeys, s->nkeys, err) != HDH_OK)
		return err->status;
	s->nkeys = 0;
	return HDH_OK;
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
static int32_t
SortAndCollapse(HdhDelayEntry *e, int32_t n)
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

/* Merge the staging list into the entries. */
static HdhStatus
FlushStage(HdhDelayState *s, HdhError *err)
{
	RunSource	src;

	if (s->nstage == 0)
		return HDH_OK;
	memset(&src, 0, sizeof(src));
	src.entries = s->stage;
	src.len = SortAndCollapse(s->stage, s->nstage);
	if (MergeIntoState(s, &src, err) != HDH_OK)
		return err->status;
	s->nstage = 0;
	return HDH_OK;
}

/* Bring the buffer and the staging list into the entries (canonical form). */
HdhStatus
hdh_delay_flush(HdhDelayState *s, HdhError *err)
{
	if (MergeAllKeys(s, err) != HDH_OK)
		return err->status;
	return FlushStage(s, err);
}

/* Checks and buffer flushing that the inline fast path leaves out. */
HdhStatus
hdh_delay_add_slow(HdhDelayState *s, int64_t day, bool pending, HdhError *err)
{
	uint32_t   *keys;

	if (day < 0 || day > HDH_DELAY_MAX_DAY)
		return hdh_fail(err, HDH_ERR_DATA, "A delay is a whole number of days from 0 to 2147483647.",
						"delay of %lld days is out of range", (long long) day);
	if ((pending ? s->pending : s->completed) == INT64_MAX)
		return hdh_fail(err, HDH_ERR_RANGE, NULL,
						"delay_summary has too many %s delays (more than %lld)",
						pending ? "pending" : "completed", (long long) INT64_MAX);
	if (s->nkeys >= s->keycap && FlushKeys(s, err) != HDH_OK)
		return err->status;
	keys = s->heapkeys ? s->heapkeys : s->inlinekeys;
	keys[s->nkeys++] = ((uint32_t) day << 1) | (pending ? 1u : 0u);
	if (pending)
		s->pending++;
	else
		s->completed++;
	return HDH_OK;
}

/* Add two totals or fail naming them. */
static HdhStatus
AddTotals(HdhDelayState *s, int64_t completed, int64_t pending, HdhError *err)
{
	if (completed > INT64_MAX - s->completed || pending > INT64_MAX - s->pending)
		return hdh_fail(err, HDH_ERR_RANGE, NULL,
						"delay_summary counts overflow: %lld + %lld completed, %lld + %lld pending",
						(long long) s->completed, (long long) completed,
						(long long) s->pending, (long long) pending);
	s->completed += completed;
	s->pending += pending;
	return HDH_OK;
}

/* Add a stored summary: merged at once when large, staged when small. */
HdhStatus
hdh_delay_add_summary(HdhDelayState *s, const HdhDelaySummary *sum, HdhError *err)
{
	if (sum->n == 0)
		return HDH_OK;
	if (AddTotals(s, sum->completed, sum->pending, err) != HDH_OK)
		return err->status;

	/* A summary as large as the entries is merged at once: linear in it. */
	if ((int64_t) sum->n * 4 >= s->n)
	{
		RunSource	src;

		memset(&src, 0, sizeof(src));
		src.entries = sum->entries;
		src.len = sum->n;
		return MergeIntoState(s, &src, err);
	}

	/* Small ones wait in the staging list, merged when it is as large. */
	if (s->nstage + sum->n > s->stagecap)
	{
		int64_t		cap = s->stagecap ? (int64_t) s->stagecap * 2 : MIN_STAGE;
		HdhDelayEntry *bigger;

		while (cap < (int64_t) s->nstage + sum->n)
			cap *= 2;
		if (cap > INT32_MAX)
			return hdh_fail(err, HDH_ERR_LIMIT, NULL,
							"a delay_summary cannot stage %lld entries", (long long) cap);
		bigger = Alloc(&s->mem, (size_t) cap * sizeof(HdhDelayEntry), err);
		if (bigger == NULL)
			return HDH_ERR_LIMIT;
		if (s->nstage > 0)
			memcpy(bigger, s->stage, (size_t) s->nstage * sizeof(HdhDelayEntry));
		Release(&s->mem, s->stage);
		s->stage = bigger;
		s->stagecap = (int32_t) cap;
	}
	memcpy(s->stage + s->nstage, sum->entries, (size_t) sum->n * sizeof(HdhDelayEntry));
	s->nstage += sum->n;
	if (s->nstage >= MIN_STAGE && s->nstage >= s->n)
		return FlushStage(s, err);
	return HDH_OK;
}

/* The summary a flushed state holds, without copying. */
void
hdh_delay_state_summary(const HdhDelayState *s, HdhDelaySummary *out)
{
	out->entries = s->entries;
	out->n = s->n;
	out->completed = s->completed;
	out->pending = s->pending;
}

/* A flushed copy for readers that must not change the state (final). */
HdhStatus
hdh_delay_state_view(const HdhDelayState *s, HdhDelayState *scratch,
					 HdhDelaySummary *out, HdhError *err)
{
	const uint32_t *keys = s->heapkeys ? s->heapkeys : s->inlinekeys;
	RunSource	src;

	hdh_delay_state_init(scratch, &s->mem);
	if (s->nkeys == 0 && s->nstage == 0)
	{
		hdh_delay_state_summary(s, out);
		return HDH_OK;
	}

	/* A copy of the entries, then sorted copies of the buffer and staging. */
	memset(&src, 0, sizeof(src));
	src.entries = s->entries;
	src.len = s->n;
	if (MergeIntoState(scratch, &src, err) != HDH_OK)
		return err->status;
	if (s->nkeys > 0)
	{
		uint32_t   *copy = Alloc(&s->mem, (size_t) s->nkeys * sizeof(uint32_t), err);
		HdhStatus	status;

		if (copy == NULL)
			return HDH_ERR_LIMIT;
		memcpy(copy, keys, (size_t) s->nkeys * sizeof(uint32_t));
		status = MergeKeys(scratch, copy, s->nkeys, err);
		Release(&s->mem, copy);
		if (status != HDH_OK)
			return status;
	}
	if (s->nstage > 0)
	{
		HdhDelayEntry *copy = Alloc(&s->mem, (size_t) s->nstage * sizeof(HdhDelayEntry), err);

		if (copy == NULL)
			return HDH_ERR_LIMIT;
		memcpy(copy, s->stage, (size_t) s->nstage * sizeof(HdhDelayEntry));
		memset(&src, 0, sizeof(src));
		src.entries = copy;
		src.len = SortAndCollapse(copy, s->nstage);
		if (MergeIntoState(scratch, &src, err) != HDH_OK)
		{
			Release(&s->mem, copy);
			return err->status;
		}
		Release(&s->mem, copy);
	}
	scratch->completed = s->completed;
	scratch->pending = s->pending;
	hdh_delay_state_summary(scratch, out);
	return HDH_OK;
}

/* Combine: read src through a view so that it stays unchanged. */
HdhStatus
hdh_delay_add_state(HdhDelayState *s, const HdhDelayState *src, HdhError *err)
{
	HdhDelayState scratch;
	HdhDelaySummary view;
	HdhStatus	status;

	if (hdh_delay_state_view(src, &scratch, &view, err) != HDH_OK)
	{
		hdh_delay_state_free(&scratch);
		return err->status;
	}
	status = hdh_delay_add_summary(s, &view, err);
	hdh_delay_state_free(&scratch);
	return status;
}

/* Every rule of the canonical form, for decoders that must trust nothing. */
HdhStatus
hdh_delay_check(const HdhDelaySummary *sum, HdhStatus status, HdhError *err)
{
	int64_t		completed = 0,
				pending = 0;
	int32_t		i;

	if (sum->n < 0)
		return hdh_fail(err, status, NULL, "delay_summary has a negative entry count %d", sum->n);
	for (i = 0; i < sum->n; i++)
	{
		const HdhDelayEntry *e = &sum->entries[i];

		if (e->day < 0)
			return hdh_fail(err, status, NULL, "delay_summary has a negative day %d", e->day);
		if (i > 0 && e->day <= sum->entries[i - 1].day)
			return hdh_fail(err, status, "Days must be ascending, each listed once.",
							"delay_summary day %d follows day %d", e->day,
							sum->entries[i - 1].day);
		if (e->completed < 0 || e->pending < 0)
			return hdh_fail(err, status, NULL,
							"delay_summary has a negative count (%lld completed, %lld pending) for day %d",
							(long long) e->completed, (long long) e->pending, e->day);
		if (e->completed == 0 && e->pending == 0)
			return hdh_fail(err, status, "A day is listed only with a positive count.",
							"delay_summary lists day %d with no delay", e->day);
		if (e->completed > INT64_MAX - completed || e->pending > INT64_MAX - pending)
			return hdh_fail(err, HDH_ERR_RANGE, NULL,
							"delay_summary counts overflow at day %d", e->day);
		completed += e->completed;
		pending += e->pending;
	}
	if (completed != sum->completed || pending != sum->pending)
		return hdh_fail(err, status, NULL,
						"delay_summary totals (%lld completed, %lld pending) do not match its days (%lld completed, %lld pending)",
						(long long) sum->completed, (long long) sum->pending,
						(long long) completed, (long long) pending);
	return HDH_OK;
}

/* ---- statistics -------------------------------------------------------- */

/* Exact integer sum, so the mean matches avg() up to one rounding. */
bool
hdh_delay_mean(const HdhDelaySummary *sum, double *out)
{
	WideInt		total = 0;
	int32_t		i;

	if (sum->completed <= 0)
		return false;
	for (i = 0; i < sum->n; i++)
		total += (WideInt) sum->entries[i].completed * sum->entries[i].day;
	*out = (double) ((long double) total / (long double) sum->completed);
	return true;
}

/* Exact integer deviations: no cancellation, unlike sum-of-squares formulas. */
bool
hdh_delay_stddev(const HdhDelaySummary *sum, double *out)
{
	WideInt		total = 0;
	WideInt		n = sum->completed;
	long double squares = 0;
	int32_t		i;

	if (sum->completed < 2)
		return false;
	for (i = 0; i < sum->n; i++)
		total += (WideInt) sum->entries[i].completed * sum->entries[i].day;

	/*
	 * Sum of c * (n * day - total)^2, which is n^2 times the sum of squared
	 * deviations; n * day - total is exact, so only the squares round.
	 */
	for (i = 0; i < sum->n; i++)
	{
		const HdhDelayEntry *e = &sum->entries[i];
		long double dev;

		if (e->completed == 0)
			continue;
		dev = (long double) (n * e->day - total);
		squares += (long double) e->completed * dev * dev;
	}
	*out = (double) sqrtl(squares / ((long double) sum->completed * (long double) sum->completed)
						  / (long double) (sum->completed - 1));
	return true;
}

/* The first day with a completed delay. */
bool
hdh_delay_min(const HdhDelaySummary *sum, int32_t *out)
{
	int32_t		i;

	for (i = 0; i < sum->n; i++)
		if (sum->entries[i].completed > 0)
		{
			*out = sum->entries[i].day;
			return true;
		}
	return false;
}

/* The last day with a completed delay. */
bool
hdh_delay_max(const HdhDelaySummary *sum, int32_t *out)
{
	int32_t		i;

	for (i = sum->n - 1; i >= 0; i--)
		if (sum->entries[i].completed > 0)
		{
			*out = sum->entries[i].day;
			return true;
		}
	return false;
}

/* The same rule and message as PostgreSQL's percentile_cont. */
HdhStatus
hdh_delay_check_fraction(double p, HdhError *err)
{
	if (isnan(p) || p < 0.0 || p > 1.0)
		return hdh_fail(err, HDH_ERR_RANGE, NULL,
						"percentile value %g is not between 0 and 1", p);
	return HDH_OK;
}

/* The completed delay of 0-based rank r (r < completed). */
static int32_t
DayAtRank(const HdhDelaySummary *sum, int64_t r)
{
	int64_t		seen = 0;
	int32_t		i;

	for (i = 0; i < sum->n; i++)
	{
		seen += sum->entries[i].completed;
		if (seen > r)
			return sum->entries[i].day;
	}
	return sum->n > 0 ? sum->entries[sum->n - 1].day : 0;
}

/* Rank lookup by cumulative counts: O(distinct days), no sort. */
bool
hdh_delay_percentile_cont(const HdhDelaySummary *sum, double p, double *out)
{
	int64_t		rows = sum->completed;
	int64_t		first_row,
				second_row;
	double		lo,
				hi;

	if (rows <= 0)
		return false;

	/* The same expressions as PostgreSQL's percentile_cont(float8). */
	first_row = (int64_t) floor(p * (rows - 1));
	second_row = (int64_t) ceil(p * (rows - 1));
	lo = (double) DayAtRank(sum, first_row);
	if (first_row == second_row)
	{
		*out = lo;
		return true;
	}
	hi = (double) DayAtRank(sum, second_row);
	*out = lo + (((p * (rows - 1)) - first_row) * (hi - lo));
	return true;
}

/* Rank lookup by cumulative counts: O(distinct days), no sort. */
bool
hdh_delay_percentile_disc(const HdhDelaySummary *sum, double p, int32_t *out)
{
	int64_t		rows = sum->completed;
	int64_t		rownum;

	if (rows <= 0)
		return false;
	/* PostgreSQL's percentile_disc: row ceil(p * n), 1-based, at least 1. */
	rownum = (int64_t) ceil(p * rows);
	if (rownum < 1)
		rownum = 1;
	if (rownum > rows)
		rownum = rows;
	*out = DayAtRank(sum, rownum - 1);
	return true;
}

/* A cumulative count up to `days`. */
bool
hdh_delay_share_within(const HdhDelaySummary *sum, int64_t days, double *out)
{
	int64_t		within = 0;
	int32_t		i;

	if (sum->completed <= 0)
		return false;
	for (i = 0; i < sum->n && sum->entries[i].day <= days; i++)
		within += sum->entries[i].completed;
	*out = (double) within / (double) sum->completed;
	return true;
}
