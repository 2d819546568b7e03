/*
 * src/core/delay_state.c
 *	  The accumulating state of a delay summary: the small state's segments,
 *	  compaction, the large state's batch and staging list, adding rows and
 *	  summaries, and reading a view (delay_state.h has the design).
 */
#include <string.h>

#include "core/delay_runs.h"
#include "core/delay_state.h"
#include "core/invariant.h"

#define SEG_MIN_BYTES 128		/* the first segment */
#define SEG_MAX_BYTES 8192		/* segments grow up to this */
#define FIRST_BATCH 256			/* keys of the first batch of a large state */
#define MAX_BATCH 16384			/* largest batch for many rows (64 kB + scratch) */
#define MAX_BATCH_DISTINCT (1 << 24)	/* largest for many distinct days */
#define MIN_STAGE 64

/* A block of small keys; the first SegKeys(bytes) keys follow the link. */
struct HdhDelaySegment
{
	HdhDelaySegment *prev;		/* the segment filled before this one */
	uint16_t	keys[];
};

static const HdhDelayEntry no_entries[1];	/* what an empty view points to */

/* ---- the small state ---------------------------------------------------- */

/* An empty small state: keys go to the inline buffer. */
void
hdh_delay_state_init(HdhDelayState *s, const HdhAlloc *mem)
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

		hdh_release(&s->mem, seg);
		seg = prev;
	}
	s->seg = NULL;
}

/* Release every block and leave an empty, reusable state. */
void
hdh_delay_state_free(HdhDelayState *s)
{
	HdhAlloc mem = s->mem;

	if (s->large != NULL)
	{
		hdh_release(&mem, s->large->runs);
		hdh_release(&mem, s->large->stage);
		hdh_release(&mem, s->cur);
		hdh_release(&mem, s->large);
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
 * Turn a small state into a large one: its keys (sorted in src, npending of
 * them pending, or none when src is NULL) become the runs. Everything is
 * allocated before anything is freed, so a failure leaves s as it was.
 */
static HdhStatus
MakeLarge(HdhDelayState *s, HdhRunSource *src, int64_t nkeys, int64_t npending, HdhError *err)
{
	HdhDelayLarge *l = hdh_alloc(&s->mem, sizeof(HdhDelayLarge), err);

	if (l == NULL)
		return HDH_ERR_LIMIT;
	memset(l, 0, sizeof(*l));
	if (src != NULL)
	{
		l->completed = nkeys - npending;
		l->pending = npending;
		if (hdh_delay_merge_into_runs(&s->mem, l, src, err) != HDH_OK)
		{
			hdh_release(&s->mem, l);
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

/*
 * Sort the keys of a small state and make it large: always when `always`
 * (a long delay, a large stored summary), else only when the runs would take
 * at most the room of the keys (8 bytes a distinct key against 2 a row); if
 * not, look again at twice as many rows. Returns with s large or with a
 * raised limit.
 */
static HdhStatus
Compact(HdhDelayState *s, bool always, HdhError *err)
{
	int64_t		n = SmallKeys(s),
				npending;
	uint32_t   *keys,
			   *scratch;
	HdhRunSource src;
	HdhStatus	status;

	if (n == 0)
		return MakeLarge(s, NULL, 0, 0, err);
	keys = hdh_alloc(&s->mem, (size_t) n * sizeof(uint32_t), err);
	if (keys == NULL)
		return HDH_ERR_LIMIT;
	GatherSmall(s, keys, &npending);
	status = hdh_delay_sort_keys(&s->mem, keys, n, &scratch, &src, &npending, err);
	if (status == HDH_OK)
	{
		if (always || hdh_delay_key_runs(&src, NULL) * 4 <= n)
			status = MakeLarge(s, &src, n, npending, err);
		else
			s->limit = n > INT32_MAX / 2 ? INT32_MAX : (int32_t) n * 2;
	}
	hdh_release(&s->mem, scratch);
	hdh_release(&s->mem, keys);
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
	seg = hdh_alloc(&s->mem, bytes, err);
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
	HdhRunSource src;
	int64_t		npending;
	int64_t		cap = s->curcap;
	HdhStatus	status;

	if (s->ncur > 0)
	{
		if (hdh_delay_sort_keys(&s->mem, (uint32_t *) s->cur, s->ncur, &scratch, &src, &npending, err) != HDH_OK)
			return err->status;
		status = AddTotals(l, s->ncur - npending, npending, err);
		if (status == HDH_OK)
		{
			status = hdh_delay_merge_into_runs(&s->mem, l, &src, err);
			if (status != HDH_OK)
			{
				l->completed -= s->ncur - npending;
				l->pending -= npending;
			}
		}
		hdh_release(&s->mem, scratch);
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
			hdh_release(&s->mem, s->cur);
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

/* Merge the staging list into the runs (its totals are counted already). */
static HdhStatus
FlushStage(HdhDelayState *s, HdhError *err)
{
	HdhDelayLarge *l = s->large;
	HdhRunSource src;

	if (l->nstage == 0)
		return HDH_OK;
	hdh_run_source_init(&src, HDH_SRC_ENTRIES);
	src.entries = l->stage;
	src.len = hdh_delay_collapse_entries(l->stage, l->nstage);
	l->nstage = (int32_t) src.len;
	if (hdh_delay_merge_into_runs(&s->mem, l, &src, err) != HDH_OK)
		return err->status;
	l->nstage = 0;
	return HDH_OK;
}

/* ---- adding ------------------------------------------------------------- */

/* Checks, full buffers and the small-to-large step, out of the inline path. */
HdhStatus
hdh_delay_add_slow(HdhDelayState *s, int64_t day, bool pending, HdhError *err)
{
	if (hdh_delay_check_day(day, err) != HDH_OK)
		return err->status;
	if (s->large == NULL)
	{
		if (day > HDH_DELAY_SMALL_MAX_DAY)
		{
			if (Compact(s, true, err) != HDH_OK)
				return err->status;
		}
		else if (s->ncur >= s->curcap)
		{
			if (SmallKeys(s) >= s->limit && Compact(s, false, err) != HDH_OK)
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

	if (s->large == NULL && Compact(s, true, err) != HDH_OK)
		return err->status;
	l = s->large;
	if (AddTotals(l, sum->completed, sum->pending, err) != HDH_OK)
		return err->status;

	/* A summary as large as the runs is merged at once: linear in it. */
	if ((int64_t) sum->n * 4 >= l->nruns)
	{
		HdhRunSource src;

		hdh_run_source_init(&src, HDH_SRC_ENTRIES);
		src.entries = sum->entries;
		src.len = sum->n;
		if (hdh_delay_merge_into_runs(&s->mem, l, &src, err) != HDH_OK)
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
		bigger = cap > INT32_MAX ? NULL : hdh_alloc(&s->mem, (size_t) cap * sizeof(HdhDelayEntry), err);
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
		hdh_release(&s->mem, l->stage);
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
		keys = hdh_alloc(&s->mem, (size_t) n * sizeof(uint32_t), err);
		if (keys == NULL)
			return HDH_ERR_LIMIT;
		GatherSmall(src, keys, &npending);
		for (i = 0; i < n; i++)
			if (hdh_delay_add(s, keys[i] >> 1, keys[i] & 1u, err) != HDH_OK)
			{
				hdh_release(&s->mem, keys);
				return err->status;
			}
		hdh_release(&s->mem, keys);
		return HDH_OK;
	}
	if (hdh_delay_state_view(src, &view, err) != HDH_OK)
		return err->status;
	status = hdh_delay_add_summary(s, &view, err);
	hdh_delay_view_free(src, &view);
	return status;
}

/* ---- reading ------------------------------------------------------------ */

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
	HdhRunSource	sources[3];
	HdhRunSource  *src[3];
	int			nsrc = 0,
				i;
	HdhStatus	status = HDH_OK;

	out->entries = no_entries;
	out->n = 0;
	out->completed = 0;
	out->pending = 0;
	if (nkeys > 0)
	{
		keys = hdh_alloc(&s->mem, (size_t) nkeys * sizeof(uint32_t), err);
		if (keys == NULL)
			return HDH_ERR_LIMIT;
		if (l != NULL)
			memcpy(keys, s->cur, (size_t) nkeys * sizeof(uint32_t));
		else
			GatherSmall(s, keys, &npending);
		status = hdh_delay_sort_keys(&s->mem, keys, nkeys, &scratch, &sources[nsrc], &npending, err);
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
		hdh_run_source_init(&sources[nsrc], HDH_SRC_RUNS);
		sources[nsrc].runs = l->runs;
		sources[nsrc].len = l->nruns;
		src[nsrc] = &sources[nsrc];
		nsrc++;
		if (l->nstage > 0)
		{
			stage = hdh_alloc(&s->mem, (size_t) l->nstage * sizeof(HdhDelayEntry), err);
			if (stage == NULL)
			{
				status = HDH_ERR_LIMIT;
				goto done;
			}
			memcpy(stage, l->stage, (size_t) l->nstage * sizeof(HdhDelayEntry));
			hdh_run_source_init(&sources[nsrc], HDH_SRC_ENTRIES);
			sources[nsrc].entries = stage;
			sources[nsrc].len = hdh_delay_collapse_entries(stage, l->nstage);
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
		n += src[i]->kind == HDH_SRC_COUNTS ? (src[i]->len < nkeys ? src[i]->len : nkeys) : src[i]->len;
	if (n > 0)
	{
		entries = hdh_alloc(&s->mem, (size_t) n * sizeof(HdhDelayEntry), err);
		if (entries == NULL)
		{
			status = HDH_ERR_LIMIT;
			goto done;
		}
		{
			int64_t		room = n;

			n = hdh_delay_merge_sources(src, nsrc, entries);
			HDH_ASSERT(n <= room);
		}
		if (n > INT32_MAX)
		{
			hdh_release(&s->mem, entries);
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
	HDH_ASSERT(status != HDH_OK || hdh_delay_is_canonical(out));
	hdh_release(&s->mem, stage);
	hdh_release(&s->mem, scratch);
	hdh_release(&s->mem, keys);
	return status;
}

/* Give back the entries of a view. */
void
hdh_delay_view_free(const HdhDelayState *s, HdhDelaySummary *view)
{
	if (view->entries != no_entries)
		hdh_release(&s->mem, view->entries);
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
