/*
 * src/core/delay_summary.c
 *	  Building, merging and reading delay summaries (see delay_summary.h).
 *
 * A small state appends 16-bit keys to its inline buffer, then to segments
 * of 128, 128, 256, 256, ... 8192 bytes chained newest first and never
 * moved or freed before the state is, so growing wastes no freed blocks (an
 * allocator that does not coalesce, like PostgreSQL's, would keep every
 * outgrown buffer of every group). Past HDH_DELAY_COMPACT_KEYS rows the
 * keys are sorted and counted: when runs would take less room than the keys
 * (distinct keys at most a quarter of the rows) the state becomes large,
 * else the next look is at twice as many rows.
 *
 * A large state holds sorted runs (8 bytes a distinct key) and a batch of
 * 32-bit keys; a full batch is sorted (a counting sort when the keys span a
 * range no wider than twice their number, which is the usual case for
 * delays, else an LSD radix sort) and merged with the runs into a new runs
 * array of the exact size. The batch doubles while the runs outgrow it or
 * the group keeps growing, so merging is amortised O(1) per row.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/delay_summary.h"

#define SEG_MIN_BYTES 128		/* the first segment */
#define SEG_MAX_BYTES 8192		/* segments grow up to this */
#define FIRST_BATCH 256			/* keys of the first batch of a large state */
#define MAX_BATCH 16384			/* largest batch for many rows (64 kB + scratch) */
#define MAX_BATCH_DISTINCT (1 << 24)	/* largest for many distinct days */
#define INSERTION_SORT_MAX 12
#define QUICKSORT_MAX 160		/* below, a quicksort beats a radix sort */
#define MIN_STAGE 64

/* A block of small keys; the first SegKeys(bytes) keys follow the link. */
struct HdhDelaySegment
{
	HdhDelaySegment *prev;		/* the segment filled before this one */
	uint16_t	keys[];
};

/*
 * Count of one key in a large state. A count of 2^32 or more takes two
 * runs with the same key: the low 32 bits, then the high ones.
 */
typedef struct HdhDelayRun
{
	uint32_t	key;			/* day * 2 + pending */
	uint32_t	count;
} HdhDelayRun;

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

static const HdhDelayEntry no_entries[1];	/* what an empty view points to */

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
Release(const HdhDelayAlloc *mem, const void *p)
{
	if (p != NULL && mem->release != NULL)
		mem->release(mem->ctx, (void *) p);
}

/* An empty small state: keys go to the inline buffer. */
void
hdh_delay_state_init(HdhDelayState *s, const HdhDelayAlloc *mem)
{
	memset(s, 0, sizeof(*s));
	s->mem = *mem;
	s->cur = s->inlinekeys;
	s->curcap = HDH_DELAY_INLINE_KEYS;
	s->limit = HDH_DELAY_COMPACT_KEYS;
}

/*
 * Bytes of the k-th segment (from 0): 128, 128, 256, 256, ... 8192, so the
 * room grows by about a square root of two each time and the unused end of
 * the newest segment stays a small part of the whole.
 */
static size_t
SegBytes(int32_t k)
{
	return k / 2 >= 6 ? SEG_MAX_BYTES : (size_t) SEG_MIN_BYTES << (k / 2);
}

/* Number of segments of a small state. */
static int32_t
CountSegments(const HdhDelayState *s)
{
	const HdhDelaySegment *seg;
	int32_t		n = 0;

	for (seg = s->seg; seg != NULL; seg = seg->prev)
		n++;
	return n;
}

/* Keys a segment of `bytes` bytes holds. */
static int32_t
SegKeys(size_t bytes)
{
	return (int32_t) ((bytes - sizeof(HdhDelaySegment)) / sizeof(uint16_t));
}

/* Free the segments of a small state. */
static void
FreeSegments(HdhDelayState *s)
{
	HdhDelaySegment *seg = s->seg;

	while (seg != NULL)
	{
		HdhDelaySegment *prev = seg->prev;

		Release(&s->mem, seg);
		seg = prev;
	}
	s->seg = NULL;
}

/* Release every block and leave an empty, reusable state. */
void
hdh_delay_state_free(HdhDelayState *s)
{
	HdhDelayAlloc mem = s->mem;

	if (s->large != NULL)
	{
		Release(&mem, s->large->runs);
		Release(&mem, s->large->stage);
		Release(&mem, s->cur);
		Release(&mem, s->large);
	}
	else
		FreeSegments(s);
	hdh_delay_state_init(s, &mem);
}

/* Number of keys of a small state. */
static int64_t
SmallKeys(const HdhDelayState *s)
{
	return (int64_t) s->nfull + s->ncur;
}

/*
 * Copy the keys of a small state into out (SmallKeys(s) of them) and count
 * the pending ones. Segments are chained newest first; their sizes follow
 * from their position, so they need no header beyond the link.
 */
static void
GatherSmall(const HdhDelayState *s, uint32_t *out, int64_t *npending)
{
	const HdhDelaySegment *seg;
	int64_t		n = 0,
				odd = 0,
				i;
	int32_t		nseg,
				k;

	if (s->seg == NULL)
	{
		for (i = 0; i < s->ncur; i++)
		{
			out[n++] = s->inlinekeys[i];
			odd += s->inlinekeys[i] & 1u;
		}
		*npending = odd;
		return;
	}
	for (i = 0; i < HDH_DELAY_INLINE_KEYS; i++)
	{
		out[n++] = s->inlinekeys[i];
		odd += s->inlinekeys[i] & 1u;
	}
	nseg = CountSegments(s);
	/* the newest (current) segment holds ncur keys, the others are full */
	for (seg = s->seg, k = nseg - 1; seg != NULL; seg = seg->prev, k--)
	{
		int32_t		j,
					count = seg == s->seg ? s->ncur : SegKeys(SegBytes(k));

		for (j = 0; j < count; j++)
		{
			out[n++] = seg->keys[j];
			odd += seg->keys[j] & 1u;
		}
	}
	*npending = odd;
}

/* ---- sorting keys ------------------------------------------------------- */

/* Insertion sort: the fastest for the few keys of a small group. */
static void
InsertionSort(uint32_t *a, int64_t n)
{
	int64_t		i,
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
 * Quicksort (median of three, insertion sort below INSERTION_SORT_MAX):
 * for the tens to hundreds of keys of a small group, where a radix sort's
 * 256-slot histograms cost more than the keys.
 */
static void
QuickSort(uint32_t *a, int64_t n)
{
	while (n > INSERTION_SORT_MAX)
	{
		uint32_t	x = a[0],
					y = a[n / 2],
					z = a[n - 1];
		uint32_t	pivot = x < y ? (y < z ? y : (x < z ? z : x)) : (x < z ? x : (y < z ? z : y));
		int64_t		i = 0,
					j = n - 1;

		/* Hoare partition: a[0..j] <= pivot <= a[j+1..n-1] */
		for (;;)
		{
			uint32_t	t;

			while (a[i] < pivot)
				i++;
			while (a[j] > pivot)
				j--;
			if (i >= j)
				break;
			t = a[i];
			a[i++] = a[j];
			a[j--] = t;
		}
		/* recurse into the smaller part, loop on the larger one */
		if (j + 1 < n - j - 1)
		{
			QuickSort(a, j + 1);
			a += j + 1;
			n -= j + 1;
		}
		else
		{
			QuickSort(a + j + 1, n - j - 1);
			n = j + 1;
		}
	}
	InsertionSort(a, n);
}

/*
 * LSD radix sort on the bytes of key - lo (only as many bytes as hi - lo
 * has), skipping a byte that all keys share; returns the array that holds
 * the result (a or tmp). Linear, unlike qsort's n log n.
 */
static uint32_t *
RadixSort(uint32_t *a, uint32_t *tmp, int64_t n, uint32_t lo, uint32_t hi)
{
	uint32_t	span = hi - lo;
	uint32_t   *src = a;
	uint32_t   *dst = tmp;
	int			shift;

	for (shift = 0; shift < 32 && (span >> shift) != 0; shift += 8)
	{
		uint32_t	count[256];
		uint32_t	sum = 0;
		uint32_t   *swap;
		int64_t		i;
		int			b;

		memset(count, 0, sizeof(count));
		for (i = 0; i < n; i++)
			count[((src[i] - lo) >> shift) & 0xff]++;
		if (count[((src[0] - lo) >> shift) & 0xff] == (uint32_t) n)
			continue;			/* every key has the same byte here */
		for (b = 0; b < 256; b++)
		{
			uint32_t	c = count[b];

			count[b] = sum;
			sum += c;
		}
		for (i = 0; i < n; i++)
			dst[count[((src[i] - lo) >> shift) & 0xff]++] = src[i];
		swap = src;
		src = dst;
		dst = swap;
	}
	return src;
}

/* ---- sorted sources of (key, count) and the merge ------------------------ */

typedef enum SourceKind
{
	SRC_KEYS,					/* sorted keys, equal ones adjacent */
	SRC_COUNTS,					/* counts[i] = occurrences of key base + i */
	SRC_RUNS,					/* runs of a large state */
	SRC_ENTRIES					/* canonical entries (a summary, the staging list) */
} SourceKind;

typedef struct RunSource
{
	SourceKind	kind;
	const uint32_t *keys;
	const uint32_t *counts;
	const HdhDelayRun *runs;
	const HdhDelayEntry *entries;
	int64_t		len;			/* keys, count slots, runs or entries */
	int64_t		pos;
	uint32_t	base;
	bool		half;			/* entries: the completed half was read */
} RunSource;

/* A source over nothing yet. */
static void
SourceInit(RunSource *src, SourceKind kind)
{
	memset(src, 0, sizeof(*src));
	src->kind = kind;
}

/* The next (key, count) of a source, keys ascending; false at the end. */
static bool
NextRun(RunSource *src, uint32_t *key, uint64_t *count)
{
	switch (src->kind)
	{
		case SRC_KEYS:
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
		case SRC_COUNTS:
			while (src->pos < src->len && src->counts[src->pos] == 0)
				src->pos++;
			if (src->pos >= src->len)
				return false;
			*key = src->base + (uint32_t) src->pos;
			*count = src->counts[src->pos++];
			return true;
		case SRC_RUNS:
			if (src->pos >= src->len)
				return false;
			*key = src->runs[src->pos].key;
			*count = src->runs[src->pos++].count;
			if (src->pos < src->len && src->runs[src->pos].key == *key)
				*count |= (uint64_t) src->runs[src->pos++].count << 32;
			return true;
		case SRC_ENTRIES:
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
Merge(RunSource **src, int nsrc, Sink *sink)
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
 * Sort nk keys (in place, or into scratch) and describe them as a source;
 * *npending counts the odd keys. Scratch memory (counts, or the radix
 * sort's second array) is returned in *scratch, to be released once the
 * source has been read.
 */
static HdhStatus
SortKeys(const HdhDelayAlloc *mem, uint32_t *keys, int64_t nk, uint32_t **scratch,
		 RunSource *src, int64_t *npending, HdhError *err)
{
	uint32_t	lo,
				hi;
	int64_t		i,
				odd = 0;
	uint32_t   *tmp;

	*scratch = NULL;
	SourceInit(src, SRC_KEYS);
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
	if (nk <= INSERTION_SORT_MAX)
	{
		InsertionSort(keys, nk);
		src->keys = keys;
		src->len = nk;
		return HDH_OK;
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
		src->kind = SRC_COUNTS;
		src->counts = tmp;
		src->base = lo;
		src->len = range;
		*scratch = tmp;
		return HDH_OK;
	}
	if (nk <= QUICKSORT_MAX)
	{
		QuickSort(keys, nk);
		src->keys = keys;
		src->len = nk;
		return HDH_OK;
	}
	tmp = Alloc(mem, (size_t) nk * sizeof(uint32_t), err);
	if (tmp == NULL)
		return HDH_ERR_LIMIT;
	src->keys = RadixSort(keys, tmp, nk, lo, hi);
	src->len = nk;
	*scratch = tmp;
	return HDH_OK;
}

/* ---- the large state ---------------------------------------------------- */

/* Add two totals or fail naming them. */
static HdhStatus
AddTotals(HdhDelayLarge *l, int64_t completed, int64_t pending, HdhError *err)
{
	if (completed > INT64_MAX - l->completed || pending > INT64_MAX - l->pending)
		return hdh_fail(err, HDH_ERR_RANGE, NULL,
						"delay_summary counts overflow: %lld + %lld completed, %lld + %lld pending",
						(long long) l->completed, (long long) completed,
						(long long) l->pending, (long long) pending);
	l->completed += completed;
	l->pending += pending;
	return HDH_OK;
}

/*
 * The distinct keys of sorted keys (SRC_KEYS or SRC_COUNTS, fewer than
 * 2^32 keys) with their counts, ascending, into out; out NULL only counts.
 */
static int64_t
BatchRuns(const RunSource *src, HdhDelayRun *out)
{
	int64_t		i,
				n = 0;

	if (src->kind == SRC_COUNTS)
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
static HdhStatus
MergeIntoRuns(const HdhDelayAlloc *mem, HdhDelayLarge *l, const RunSource *src, HdhError *err)
{
	bool		narrow = (uint64_t) l->completed + (uint64_t) l->pending < ((uint64_t) 1 << 32);
	bool		entries = src->kind == SRC_ENTRIES;
	int64_t		nb = entries ? src->len * (narrow ? 2 : 4) : src->len,
				n;
	HdhDelayRun *b,
			   *merged = NULL,
			   *out = NULL;
	HdhStatus	status = HDH_ERR_LIMIT;

	b = Alloc(mem, (size_t) nb * sizeof(HdhDelayRun), err);
	if (b == NULL)
		return HDH_ERR_LIMIT;
	nb = entries ? EntriesToRuns(src->entries, src->len, b) : BatchRuns(src, b);
	n = (int64_t) l->nruns + nb;
	if (!narrow)
		n *= 2;
	merged = Alloc(mem, (size_t) n * sizeof(HdhDelayRun), err);
	if (merged == NULL)
		goto done;
	n = MergeRunArrays(l->runs, l->nruns, b, nb, merged);
	if (n > INT32_MAX)
	{
		status = hdh_fail(err, HDH_ERR_LIMIT, NULL,
						  "a delay_summary cannot hold %lld distinct days", (long long) n);
		goto done;
	}
	out = Alloc(mem, (size_t) n * sizeof(HdhDelayRun), err);
	if (out == NULL)
		goto done;
	memcpy(out, merged, (size_t) n * sizeof(HdhDelayRun));
	Release(mem, l->runs);
	l->runs = out;
	l->nruns = (int32_t) n;
	status = HDH_OK;
done:
	Release(mem, merged);
	Release(mem, b);
	return status;
}

/*
 * Turn a small state into a large one: its keys (sorted in src, npending of
 * them pending, or none when src is NULL) become the runs. Everything is
 * allocated before anything is freed, so a failure leaves s as it was.
 */
static HdhStatus
MakeLarge(HdhDelayState *s, RunSource *src, int64_t nkeys, int64_t npending, HdhError *err)
{
	HdhDelayLarge *l = Alloc(&s->mem, sizeof(HdhDelayLarge), err);

	if (l == NULL)
		return HDH_ERR_LIMIT;
	memset(l, 0, sizeof(*l));
	if (src != NULL)
	{
		l->completed = nkeys - npending;
		l->pending = npending;
		if (MergeIntoRuns(&s->mem, l, src, err) != HDH_OK)
		{
			Release(&s->mem, l);
			return err->status;
		}
	}
	FreeSegments(s);
	s->large = l;
	s->cur = NULL;				/* the batch is allocated with the first row */
	s->ncur = 0;
	s->curcap = 0;
	s->nfull = 0;
	return HDH_OK;
}

/* Compact a small state into a large one, whatever its keys. */
static HdhStatus
Compact(HdhDelayState *s, HdhError *err)
{
	int64_t		n = SmallKeys(s),
				npending;
	uint32_t   *keys,
			   *scratch;
	RunSource	src;
	HdhStatus	status;

	if (n == 0)
		return MakeLarge(s, NULL, 0, 0, err);
	keys = Alloc(&s->mem, (size_t) n * sizeof(uint32_t), err);
	if (keys == NULL)
		return HDH_ERR_LIMIT;
	GatherSmall(s, keys, &npending);
	status = SortKeys(&s->mem, keys, n, &scratch, &src, &npending, err);
	if (status == HDH_OK)
		status = MakeLarge(s, &src, n, npending, err);
	Release(&s->mem, scratch);
	Release(&s->mem, keys);
	return status;
}

/*
 * A small state whose segment is full and that reached its limit: sort its
 * keys; become large when the runs would take at most the room of the keys
 * (8 bytes a distinct key against 2 a row), else look again at twice as
 * many rows. Returns with s large or with a raised limit.
 */
static HdhStatus
ConsiderCompaction(HdhDelayState *s, HdhError *err)
{
	int64_t		n = SmallKeys(s),
				npending,
				distinct;
	uint32_t   *keys,
			   *scratch;
	RunSource	src;
	HdhStatus	status;

	keys = Alloc(&s->mem, (size_t) n * sizeof(uint32_t), err);
	if (keys == NULL)
		return HDH_ERR_LIMIT;
	GatherSmall(s, keys, &npending);
	status = SortKeys(&s->mem, keys, n, &scratch, &src, &npending, err);
	if (status == HDH_OK)
	{
		distinct = BatchRuns(&src, NULL);
		if (distinct * 4 <= n)
			status = MakeLarge(s, &src, n, npending, err);
		else
			s->limit = n > INT32_MAX / 2 ? INT32_MAX : (int32_t) n * 2;
	}
	Release(&s->mem, scratch);
	Release(&s->mem, keys);
	return status;
}

/* Room for more small keys: the next segment. */
static HdhStatus
NewSegment(HdhDelayState *s, HdhError *err)
{
	size_t		bytes = SegBytes(CountSegments(s));
	HdhDelaySegment *seg;

	if (SmallKeys(s) + SegKeys(bytes) > INT32_MAX)
		return hdh_fail(err, HDH_ERR_LIMIT, NULL, "a delay_summary cannot buffer more keys");
	seg = Alloc(&s->mem, bytes, err);
	if (seg == NULL)
		return HDH_ERR_LIMIT;
	seg->prev = s->seg;
	s->nfull += s->ncur;
	s->seg = seg;
	s->cur = seg->keys;
	s->ncur = 0;
	s->curcap = SegKeys(bytes);
	return HDH_OK;
}

/*
 * Sort the batch and merge it into the runs, then size the batch for what
 * comes: it doubles when the merges cost more than the rows (runs at least
 * twice the batch) or the group is large. A failed allocation keeps it.
 */
static HdhStatus
FlushBatch(HdhDelayState *s, HdhError *err)
{
	HdhDelayLarge *l = s->large;
	uint32_t   *scratch;
	RunSource	src;
	int64_t		npending;
	int64_t		cap = s->curcap;
	HdhStatus	status;

	if (s->ncur > 0)
	{
		if (SortKeys(&s->mem, (uint32_t *) s->cur, s->ncur, &scratch, &src, &npending, err) != HDH_OK)
			return err->status;
		status = AddTotals(l, s->ncur - npending, npending, err);
		if (status == HDH_OK)
		{
			status = MergeIntoRuns(&s->mem, l, &src, err);
			if (status != HDH_OK)
			{
				l->completed -= s->ncur - npending;
				l->pending -= npending;
			}
		}
		Release(&s->mem, scratch);
		if (status != HDH_OK)
			return status;
		s->ncur = 0;
	}
	if (cap == 0)
		cap = FIRST_BATCH;
	else if ((cap < MAX_BATCH &&
			  (uint64_t) l->completed + (uint64_t) l->pending >= (uint64_t) cap * 8) ||
			 (cap < MAX_BATCH_DISTINCT && l->nruns >= cap * 2))
		cap *= 2;
	if (cap != s->curcap)
	{
		uint32_t   *bigger = s->mem.alloc(s->mem.ctx, (size_t) cap * sizeof(uint32_t));

		if (bigger != NULL)
		{
			Release(&s->mem, s->cur);
			s->cur = bigger;
			s->curcap = (int32_t) cap;
		}
		else if (s->curcap == 0)
			return hdh_fail(err, HDH_ERR_LIMIT, NULL,
							"out of memory allocating %zu bytes for a delay_summary",
							(size_t) cap * sizeof(uint32_t));
	}
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

/* Merge the staging list into the runs (its totals are counted already). */
static HdhStatus
FlushStage(HdhDelayState *s, HdhError *err)
{
	HdhDelayLarge *l = s->large;
	RunSource	src;

	if (l->nstage == 0)
		return HDH_OK;
	SourceInit(&src, SRC_ENTRIES);
	src.entries = l->stage;
	src.len = SortAndCollapse(l->stage, l->nstage);
	l->nstage = (int32_t) src.len;
	if (MergeIntoRuns(&s->mem, l, &src, err) != HDH_OK)
		return err->status;
	l->nstage = 0;
	return HDH_OK;
}

/* ---- adding ------------------------------------------------------------- */

/* Checks, full buffers and the small-to-large step, out of the inline path. */
HdhStatus
hdh_delay_add_slow(HdhDelayState *s, int64_t day, bool pending, HdhError *err)
{
	if (day < 0 || day > HDH_DELAY_MAX_DAY)
		return hdh_fail(err, HDH_ERR_DATA, "A delay is a whole number of days from 0 to 2147483647.",
						"delay of %lld days is out of range", (long long) day);
	if (s->large == NULL)
	{
		if (day > HDH_DELAY_SMALL_MAX_DAY)
		{
			if (Compact(s, err) != HDH_OK)
				return err->status;
		}
		else if (s->ncur >= s->curcap)
		{
			if (SmallKeys(s) >= s->limit && ConsiderCompaction(s, err) != HDH_OK)
				return err->status;
			if (s->large == NULL && NewSegment(s, err) != HDH_OK)
				return err->status;
		}
	}
	if (s->large != NULL && s->ncur >= s->curcap && FlushBatch(s, err) != HDH_OK)
		return err->status;
	if (!hdh_delay_add_fast(s, (uint64_t) day, pending))
		return hdh_fail(err, HDH_ERR_LIMIT, NULL, "delay_summary buffer has no room");	/* cannot happen */
	return HDH_OK;
}

/* Add a stored summary: as rows when small and few, else merged or staged. */
HdhStatus
hdh_delay_add_summary(HdhDelayState *s, const HdhDelaySummary *sum, HdhError *err)
{
	HdhDelayLarge *l;
	uint64_t	rows = (uint64_t) sum->completed + (uint64_t) sum->pending;

	if (sum->n == 0)
		return HDH_OK;

	/* A few rows into a small state: its keys, 2 bytes each. */
	if (s->large == NULL && sum->entries[sum->n - 1].day <= HDH_DELAY_SMALL_MAX_DAY &&
		(rows <= 64 || rows <= 4 * (uint64_t) sum->n))
	{
		int32_t		i;

		for (i = 0; i < sum->n; i++)
		{
			const HdhDelayEntry *e = &sum->entries[i];
			int64_t		c;

			for (c = 0; c < e->completed; c++)
				if (hdh_delay_add(s, e->day, false, err) != HDH_OK)
					return err->status;
			for (c = 0; c < e->pending; c++)
				if (hdh_delay_add(s, e->day, true, err) != HDH_OK)
					return err->status;
		}
		return HDH_OK;
	}

	if (s->large == NULL && Compact(s, err) != HDH_OK)
		return err->status;
	l = s->large;
	if (AddTotals(l, sum->completed, sum->pending, err) != HDH_OK)
		return err->status;

	/* A summary as large as the runs is merged at once: linear in it. */
	if ((int64_t) sum->n * 4 >= l->nruns)
	{
		RunSource	src;

		SourceInit(&src, SRC_ENTRIES);
		src.entries = sum->entries;
		src.len = sum->n;
		if (MergeIntoRuns(&s->mem, l, &src, err) != HDH_OK)
		{
			l->completed -= sum->completed;
			l->pending -= sum->pending;
			return err->status;
		}
		return HDH_OK;
	}

	/* Small ones wait in the staging list, merged when it is as large. */
	if (l->nstage + sum->n > l->stagecap)
	{
		int64_t		cap = l->stagecap ? (int64_t) l->stagecap * 2 : MIN_STAGE;
		HdhDelayEntry *bigger;

		while (cap < (int64_t) l->nstage + sum->n)
			cap *= 2;
		bigger = cap > INT32_MAX ? NULL : Alloc(&s->mem, (size_t) cap * sizeof(HdhDelayEntry), err);
		if (bigger == NULL)
		{
			l->completed -= sum->completed;
			l->pending -= sum->pending;
			if (cap > INT32_MAX)
				return hdh_fail(err, HDH_ERR_LIMIT, NULL,
								"a delay_summary cannot stage %lld entries", (long long) cap);
			return HDH_ERR_LIMIT;
		}
		if (l->nstage > 0)
			memcpy(bigger, l->stage, (size_t) l->nstage * sizeof(HdhDelayEntry));
		Release(&s->mem, l->stage);
		l->stage = bigger;
		l->stagecap = (int32_t) cap;
	}
	memcpy(l->stage + l->nstage, sum->entries, (size_t) sum->n * sizeof(HdhDelayEntry));
	l->nstage += sum->n;
	if (l->nstage >= MIN_STAGE && l->nstage >= l->nruns)
		return FlushStage(s, err);
	return HDH_OK;
}

/* Combine: a small src is added key by key, a large one through a view. */
HdhStatus
hdh_delay_add_state(HdhDelayState *s, const HdhDelayState *src, HdhError *err)
{
	HdhDelaySummary view;
	HdhStatus	status;

	if (src->large == NULL)
	{
		int64_t		n = SmallKeys(src),
					i,
					npending;
		uint32_t   *keys;

		if (n == 0)
			return HDH_OK;
		keys = Alloc(&s->mem, (size_t) n * sizeof(uint32_t), err);
		if (keys == NULL)
			return HDH_ERR_LIMIT;
		GatherSmall(src, keys, &npending);
		for (i = 0; i < n; i++)
			if (hdh_delay_add(s, keys[i] >> 1, keys[i] & 1u, err) != HDH_OK)
			{
				Release(&s->mem, keys);
				return err->status;
			}
		Release(&s->mem, keys);
		return HDH_OK;
	}
	if (hdh_delay_state_view(src, &view, err) != HDH_OK)
		return err->status;
	status = hdh_delay_add_summary(s, &view, err);
	hdh_delay_view_free(src, &view);
	return status;
}

/* ---- reading ------------------------------------------------------------ */

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

/*
 * The summary of s, s unchanged: its unsorted keys are copied and sorted,
 * its staging list copied and collapsed, and all are merged with the runs.
 */
HdhStatus
hdh_delay_state_view(const HdhDelayState *s, HdhDelaySummary *out, HdhError *err)
{
	const HdhDelayLarge *l = s->large;
	int64_t		nkeys = l != NULL ? s->ncur : SmallKeys(s);
	int64_t		npending = 0,
				completed,
				pending,
				n;
	uint32_t   *keys = NULL,
			   *scratch = NULL;
	HdhDelayEntry *stage = NULL,
			   *entries;
	RunSource	sources[3];
	RunSource  *src[3];
	int			nsrc = 0,
				i;
	Sink		sink;
	HdhStatus	status = HDH_OK;

	out->entries = no_entries;
	out->n = 0;
	out->completed = 0;
	out->pending = 0;
	if (nkeys > 0)
	{
		keys = Alloc(&s->mem, (size_t) nkeys * sizeof(uint32_t), err);
		if (keys == NULL)
			return HDH_ERR_LIMIT;
		if (l != NULL)
			memcpy(keys, s->cur, (size_t) nkeys * sizeof(uint32_t));
		else
			GatherSmall(s, keys, &npending);
		status = SortKeys(&s->mem, keys, nkeys, &scratch, &sources[nsrc], &npending, err);
		if (status != HDH_OK)
			goto done;
		src[nsrc] = &sources[nsrc];
		nsrc++;
	}
	completed = nkeys - npending;
	pending = npending;
	if (l != NULL)
	{
		if (completed > INT64_MAX - l->completed || pending > INT64_MAX - l->pending)
		{
			status = hdh_fail(err, HDH_ERR_RANGE, NULL,
							  "delay_summary counts overflow: %lld + %lld completed, %lld + %lld pending",
							  (long long) l->completed, (long long) completed,
							  (long long) l->pending, (long long) pending);
			goto done;
		}
		completed += l->completed;
		pending += l->pending;
		SourceInit(&sources[nsrc], SRC_RUNS);
		sources[nsrc].runs = l->runs;
		sources[nsrc].len = l->nruns;
		src[nsrc] = &sources[nsrc];
		nsrc++;
		if (l->nstage > 0)
		{
			stage = Alloc(&s->mem, (size_t) l->nstage * sizeof(HdhDelayEntry), err);
			if (stage == NULL)
			{
				status = HDH_ERR_LIMIT;
				goto done;
			}
			memcpy(stage, l->stage, (size_t) l->nstage * sizeof(HdhDelayEntry));
			SourceInit(&sources[nsrc], SRC_ENTRIES);
			sources[nsrc].entries = stage;
			sources[nsrc].len = SortAndCollapse(stage, l->nstage);
			src[nsrc] = &sources[nsrc];
			nsrc++;
		}
	}
	/*
	 * One pass into entries allocated for the most there can be (the view
	 * is short-lived): a distinct key from each source at most.
	 */
	n = 0;
	for (i = 0; i < nsrc; i++)
		n += src[i]->kind == SRC_COUNTS ? (src[i]->len < nkeys ? src[i]->len : nkeys) : src[i]->len;
	if (n > 0)
	{
		entries = Alloc(&s->mem, (size_t) n * sizeof(HdhDelayEntry), err);
		if (entries == NULL)
		{
			status = HDH_ERR_LIMIT;
			goto done;
		}
		SinkInit(&sink, entries);
		if (nsrc == 1 && src[0]->kind == SRC_KEYS)
			n = SortedKeysToEntries(src[0]->keys, src[0]->len, entries);
		else
			n = Merge(src, nsrc, &sink);
		if (n > INT32_MAX)
		{
			Release(&s->mem, entries);
			status = hdh_fail(err, HDH_ERR_LIMIT, NULL,
							  "a delay_summary cannot hold %lld distinct days", (long long) n);
			goto done;
		}
		out->entries = entries;
		out->n = (int32_t) n;
	}
	out->completed = completed;
	out->pending = pending;
done:
	Release(&s->mem, stage);
	Release(&s->mem, scratch);
	Release(&s->mem, keys);
	return status;
}

/* Give back the entries of a view. */
void
hdh_delay_view_free(const HdhDelayState *s, HdhDelaySummary *view)
{
	if (view->entries != no_entries)
		Release(&s->mem, view->entries);
	view->entries = no_entries;
	view->n = 0;
}

/* What the state holds and the bytes it allocated beside itself. */
void
hdh_delay_state_info(const HdhDelayState *s, HdhDelayStateInfo *info)
{
	memset(info, 0, sizeof(*info));
	if (s->large == NULL)
	{
		int32_t		nseg = CountSegments(s),
					k;

		info->keys = SmallKeys(s);
		for (k = 0; k < nseg; k++)
			info->bytes += SegBytes(k);
		return;
	}
	info->large = true;
	info->keys = s->ncur;
	info->runs = s->large->nruns;
	info->staged = s->large->nstage;
	{
		int32_t		i;

		for (i = 1; i < s->large->nruns; i++)
			if (s->large->runs[i].key == s->large->runs[i - 1].key)
				info->wide++;
	}
	info->bytes = sizeof(HdhDelayLarge) + (size_t) s->large->nruns * sizeof(HdhDelayRun) +
		(size_t) s->curcap * sizeof(uint32_t) +
		(size_t) s->large->stagecap * sizeof(HdhDelayEntry);
}

/*
 * The rules of the canonical form, one entry at a time, naming the first
 * that is broken (or HDH_OK).
 */
static HdhStatus
ExplainCheck(const HdhDelaySummary *sum, HdhStatus status, HdhError *err)
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

/*
 * Every rule of the canonical form, for decoders that must trust nothing.
 * Every stored value read by an accessor comes through here, so a branch-free
 * pass decides; ExplainCheck runs only on a broken summary, for its message.
 * The sums are unsigned: a count is at most INT64_MAX, so adding one to a
 * sum that is not yet past INT64_MAX cannot wrap, and once past it stays
 * flagged.
 */
HdhStatus
hdh_delay_check(const HdhDelaySummary *sum, HdhStatus status, HdhError *err)
{
	uint64_t	completed = 0,
				pending = 0;
	int64_t		previous = -1;
	bool		broken = sum->n < 0;
	int32_t		i;

	for (i = 0; i < sum->n; i++)
	{
		const HdhDelayEntry *e = &sum->entries[i];

		broken |= (e->day <= previous) | (e->completed < 0) | (e->pending < 0) |
			((e->completed | e->pending) == 0);
		completed += (uint64_t) e->completed;
		pending += (uint64_t) e->pending;
		broken |= (completed > INT64_MAX) | (pending > INT64_MAX);
		previous = e->day;
	}
	if (!broken && completed == (uint64_t) sum->completed && pending == (uint64_t) sum->pending)
		return HDH_OK;
	if (ExplainCheck(sum, status, err) == HDH_OK)
		return hdh_fail(err, status, NULL, "delay_summary is not in canonical form");
	return err->status;
}

/* ---- statistics -------------------------------------------------------- */

/*
 * Mean and standard deviation come from exact integer sums, so they do not
 * depend on the platform's long double (whose precision varies: valgrind
 * computes it as double). Days are below 2^31 and the completed counts of a
 * checked summary add up to at most 2^63, so the sum of days stays below
 * 2^94 and the sum of squared days below 2^125: 128-bit integers hold both.
 */
#if defined(__SIZEOF_INT128__)

__extension__ typedef __int128 WideInt;

/* The sum of completed days T and, when squares is not NULL, of their squares Q. */
static WideInt
CompletedSums(const HdhDelaySummary *sum, WideInt *squares)
{
	WideInt		total = 0,
				q = 0;
	int32_t		i;

	for (i = 0; i < sum->n; i++)
	{
		WideInt		weighted = (WideInt) sum->entries[i].completed * sum->entries[i].day;

		total += weighted;
		if (squares != NULL)
			q += weighted * sum->entries[i].day;
	}
	if (squares != NULL)
		*squares = q;
	return total;
}

/* T / n as q + r / n: exact integer division, then one rounded fraction. */
bool
hdh_delay_mean(const HdhDelaySummary *sum, double *out)
{
	WideInt		total;

	if (sum->completed <= 0)
		return false;
	total = CompletedSums(sum, NULL);
	*out = (double) (total / sum->completed) +
		(double) (total % sum->completed) / (double) sum->completed;
	return true;
}

/*
 * The sum of squared deviations is Q - T^2 / n. With T = q n + r (q the
 * integer part of the mean, 0 <= r < n) that is
 *     Q - q (T + r) - r^2 / n,
 * where every product stays below 2^127 (q < 2^31, T + r < 2^95, r^2 < 2^126).
 * Only the fraction (r^2 mod n) / n, the division by n - 1 and the square root
 * round.
 */
bool
hdh_delay_stddev(const HdhDelaySummary *sum, double *out)
{
	WideInt		n = sum->completed;
	WideInt		total,
				squares,
				q,
				r,
				whole;
	double		deviations;

	if (sum->completed < 2)
		return false;
	total = CompletedSums(sum, &squares);
	q = total / n;
	r = total % n;
	whole = squares - q * (total + r) - (r * r) / n;
	deviations = (double) whole - (double) ((r * r) % n) / (double) n;
	*out = sqrt(deviations / (double) (n - 1));
	return true;
}

#else							/* no 128-bit integers: two passes in double */

bool
hdh_delay_mean(const HdhDelaySummary *sum, double *out)
{
	double		total = 0;
	int32_t		i;

	if (sum->completed <= 0)
		return false;
	for (i = 0; i < sum->n; i++)
		total += (double) sum->entries[i].completed * sum->entries[i].day;
	*out = total / (double) sum->completed;
	return true;
}

bool
hdh_delay_stddev(const HdhDelaySummary *sum, double *out)
{
	double		mean,
				deviations = 0;
	int32_t		i;

	if (!hdh_delay_mean(sum, &mean) || sum->completed < 2)
		return false;
	for (i = 0; i < sum->n; i++)
	{
		double		dev = sum->entries[i].day - mean;

		deviations += (double) sum->entries[i].completed * dev * dev;
	}
	*out = sqrt(deviations / (double) (sum->completed - 1));
	return true;
}

#endif

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
