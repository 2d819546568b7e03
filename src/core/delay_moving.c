/*
 * src/core/delay_moving.c
 *	  The removable state of the delay aggregates in a sliding window frame:
 *	  a map from day to counts (see delay_moving.h).
 */
#include "core/delay_moving.h"
#include "core/invariant.h"

#include <stdlib.h>
#include <string.h>

#define EMPTY_DAY (-1)
#define FIRST_CAP 64

void
hdh_delay_moving_init(HdhDelayMoving *m, const HdhAlloc *mem)
{
	memset(m, 0, sizeof(*m));
	m->mem = *mem;
}

void
hdh_delay_moving_free(HdhDelayMoving *m)
{
	HdhAlloc	mem = m->mem;

	hdh_release(&mem, m->slots);
	hdh_release(&mem, m->view);
	hdh_delay_moving_init(m, &mem);
}

/* Fibonacci hashing of a day to a slot. */
static inline uint32_t
Home(const HdhDelayMoving *m, int32_t day)
{
	return (uint32_t) (((uint64_t) (uint32_t) day * UINT64_C(11400714819323198485)) >> 32) & (m->cap - 1);
}

/* The slot of day, or of the empty slot where it would go. */
static uint32_t
Find(const HdhDelayMoving *m, int32_t day)
{
	uint32_t	i = Home(m, day);

	while (m->slots[i].day != EMPTY_DAY && m->slots[i].day != day)
		i = (i + 1) & (m->cap - 1);
	return i;
}

/* Make room for one more day: at most half the slots full. */
static HdhStatus
Reserve(HdhDelayMoving *m, HdhError *err)
{
	HdhDelayMovingSlot *old = m->slots;
	uint32_t	oldcap = m->cap;
	uint32_t	cap;
	uint32_t	i;

	if (m->cap != 0 && (m->used + 1) * 2 <= m->cap)
		return HDH_OK;
	cap = m->cap == 0 ? FIRST_CAP : m->cap * 2;
	if (cap == 0 || cap > UINT32_MAX / 2)
		return hdh_fail(err, HDH_ERR_LIMIT, NULL, "too many distinct days (%u) in a window frame",
						(unsigned) m->used);
	m->slots = hdh_alloc(&m->mem, (size_t) cap * sizeof(HdhDelayMovingSlot), err);
	if (m->slots == NULL)
	{
		m->slots = old;
		return err->status;
	}
	m->cap = cap;
	for (i = 0; i < cap; i++)
		m->slots[i].day = EMPTY_DAY;
	for (i = 0; i < oldcap; i++)
		if (old[i].day != EMPTY_DAY)
			m->slots[Find(m, old[i].day)] = old[i];
	hdh_release(&m->mem, old);
	return HDH_OK;
}

/* Note a changed day for the next view; past the room, that view sorts again. */
static inline void
NoteChange(HdhDelayMoving *m, int32_t day)
{
	if (!m->view_valid)
		return;
	if (m->nnoted < HDH_MOVING_NOTED)
		m->noted[m->nnoted++] = day;
	else
		m->view_valid = false;
}

/* Add count delays of day (completed or pending), creating the day. */
static HdhStatus
AddCount(HdhDelayMoving *m, int32_t day, int64_t completed, int64_t pending, HdhError *err)
{
	HdhDelayMovingSlot *slot;
	HdhStatus	st;

	if (completed > INT64_MAX - m->completed || pending > INT64_MAX - m->pending)
		return hdh_fail(err, HDH_ERR_RANGE, NULL,
						"count of delays in a window frame is out of range for bigint");
	if ((st = Reserve(m, err)) != HDH_OK)
		return st;
	HDH_ASSERT((m->used + 1) * 2 <= m->cap);
	slot = &m->slots[Find(m, day)];
	if (slot->day == EMPTY_DAY)
	{
		slot->day = day;
		slot->completed = 0;
		slot->pending = 0;
		m->used++;
	}
	slot->completed += completed;
	slot->pending += pending;
	m->completed += completed;
	m->pending += pending;
	NoteChange(m, day);
	return HDH_OK;
}

/* Remove the slot at i, shifting back the slots of its probe run. */
static void
Delete(HdhDelayMoving *m, uint32_t i)
{
	uint32_t	mask = m->cap - 1;
	uint32_t	j = i;

	HDH_ASSERT(m->used > 0 && m->slots[i].day != EMPTY_DAY);
	for (;;)
	{
		uint32_t	home;

		j = (j + 1) & mask;
		if (m->slots[j].day == EMPTY_DAY)
			break;
		home = Home(m, m->slots[j].day);
		/* Move j back to i unless its home lies cyclically in (i, j]. */
		if ((i <= j) ? (i < home && home <= j) : (i < home || home <= j))
			continue;
		m->slots[i] = m->slots[j];
		i = j;
	}
	m->slots[i].day = EMPTY_DAY;
	m->used--;
}

/* The counts of day, 0 when absent. */
static HdhDelayMovingSlot *
Lookup(const HdhDelayMoving *m, int32_t day)
{
	uint32_t	i;

	if (m->cap == 0)
		return NULL;
	i = Find(m, day);
	return m->slots[i].day == EMPTY_DAY ? NULL : &m->slots[i];
}

static HdhStatus
BelowZero(HdhError *err, int32_t day, int64_t completed, int64_t pending)
{
	return hdh_fail(err, HDH_ERR_DATA, gettext_noop("Only what was added can be removed."),
					"cannot remove %lld completed and %lld pending delays of %d days",
					(long long) completed, (long long) pending, (int) day);
}

/* Remove counts of day, which the caller checked are there. */
static void
RemoveCount(HdhDelayMoving *m, HdhDelayMovingSlot *slot, int64_t completed, int64_t pending)
{
	HDH_ASSERT(slot->completed >= completed && slot->pending >= pending);
	HDH_ASSERT(m->completed >= completed && m->pending >= pending);
	NoteChange(m, slot->day);
	slot->completed -= completed;
	slot->pending -= pending;
	m->completed -= completed;
	m->pending -= pending;
	if (slot->completed == 0 && slot->pending == 0)
		Delete(m, (uint32_t) (slot - m->slots));
}

HdhStatus
hdh_delay_moving_add(HdhDelayMoving *m, int64_t day, bool pending, HdhError *err)
{
	HdhStatus	st;

	if ((st = hdh_delay_check_day(day, err)) != HDH_OK)
		return st;
	return AddCount(m, (int32_t) day, pending ? 0 : 1, pending ? 1 : 0, err);
}

HdhStatus
hdh_delay_moving_remove(HdhDelayMoving *m, int64_t day, bool pending, HdhError *err)
{
	HdhDelayMovingSlot *slot;
	HdhStatus	st;

	if ((st = hdh_delay_check_day(day, err)) != HDH_OK)
		return st;
	slot = Lookup(m, (int32_t) day);
	if (slot == NULL || (pending ? slot->pending : slot->completed) < 1)
		return BelowZero(err, (int32_t) day, pending ? 0 : 1, pending ? 1 : 0);
	RemoveCount(m, slot, pending ? 0 : 1, pending ? 1 : 0);
	return HDH_OK;
}

HdhStatus
hdh_delay_moving_add_summary(HdhDelayMoving *m, const HdhDelaySummary *sum, HdhError *err)
{
	int32_t		i;
	HdhStatus	st;

	if (sum->completed > INT64_MAX - m->completed || sum->pending > INT64_MAX - m->pending)
		return hdh_fail(err, HDH_ERR_RANGE, NULL,
						"count of delays in a window frame is out of range for bigint");
	for (i = 0; i < sum->n; i++)
		if ((st = AddCount(m, sum->entries[i].day, sum->entries[i].completed,
						   sum->entries[i].pending, err)) != HDH_OK)
			return st;
	return HDH_OK;
}

HdhStatus
hdh_delay_moving_remove_summary(HdhDelayMoving *m, const HdhDelaySummary *sum, HdhError *err)
{
	int32_t		i;

	/* Check every day before changing any: the days of a summary are distinct. */
	for (i = 0; i < sum->n; i++)
	{
		const HdhDelayEntry *e = &sum->entries[i];
		HdhDelayMovingSlot *slot = Lookup(m, e->day);

		if (slot == NULL || slot->completed < e->completed || slot->pending < e->pending)
			return BelowZero(err, e->day, e->completed, e->pending);
	}
	for (i = 0; i < sum->n; i++)
	{
		const HdhDelayEntry *e = &sum->entries[i];

		RemoveCount(m, Lookup(m, e->day), e->completed, e->pending);
	}
	return HDH_OK;
}

static int
CompareDays(const void *a, const void *b)
{
	int32_t		x = ((const HdhDelayEntry *) a)->day;
	int32_t		y = ((const HdhDelayEntry *) b)->day;

	return (x > y) - (x < y);
}

/*
 * Room in the view for every day of the map and, while the noted days are
 * applied one by one, for each of them to be inserted before another
 * leaves; keeps the entries it has.
 */
static HdhStatus
ViewRoom(HdhDelayMoving *m, HdhError *err)
{
	HdhDelayEntry *view;
	int64_t		need = m->used;
	int32_t		cap;

	if (m->view_valid && (int64_t) m->nview + m->nnoted > need)
		need = (int64_t) m->nview + m->nnoted;
	if (need <= (int64_t) m->view_cap)
		return HDH_OK;
	if (need > INT32_MAX)
		return hdh_fail(err, HDH_ERR_LIMIT, NULL, "too many distinct days (%lld) in a window frame",
						(long long) need);
	cap = (int32_t) need;
	view = hdh_alloc(&m->mem, (size_t) cap * sizeof(HdhDelayEntry), err);
	if (view == NULL)
		return err->status;
	if (m->view_valid && m->nview > 0)
		memcpy(view, m->view, (size_t) m->nview * sizeof(HdhDelayEntry));
	hdh_release(&m->mem, m->view);
	m->view = view;
	m->view_cap = cap;
	return HDH_OK;
}

/* The view from scratch: the map's days, sorted. */
static void
SortView(HdhDelayMoving *m)
{
	uint32_t	i;
	int32_t		n = 0;

	for (i = 0; i < m->cap; i++)
		if (m->slots[i].day != EMPTY_DAY)
		{
			m->view[n].day = m->slots[i].day;
			m->view[n].completed = m->slots[i].completed;
			m->view[n].pending = m->slots[i].pending;
			n++;
		}
	HDH_ASSERT((uint32_t) n == m->used);
	if (n > 1)
		qsort(m->view, (size_t) n, sizeof(HdhDelayEntry), CompareDays);
	m->nview = n;
}

/* The first position of the view whose day is >= day. */
static int32_t
LowerBound(const HdhDelayMoving *m, int32_t day)
{
	int32_t		lo = 0,
				hi = m->nview;

	while (lo < hi)
	{
		int32_t		mid = lo + (hi - lo) / 2;

		if (m->view[mid].day < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Bring the view up to date with the days noted since it was made. */
static void
UpdateView(HdhDelayMoving *m)
{
	int32_t		k;

	for (k = 0; k < m->nnoted; k++)
	{
		int32_t		day = m->noted[k];
		const HdhDelayMovingSlot *slot = Lookup(m, day);
		int32_t		pos = LowerBound(m, day);
		bool		listed = pos < m->nview && m->view[pos].day == day;
		HdhDelayEntry *e = m->view + pos;

		if (slot == NULL)
		{
			/* The day left the frame (or came and went between two views). */
			if (listed)
			{
				memmove(e, e + 1, (size_t) (m->nview - pos - 1) * sizeof(HdhDelayEntry));
				m->nview--;
			}
			continue;
		}
		if (!listed)
		{
			/* A new day: the entries after it move up by one. */
			HDH_ASSERT(m->nview < m->view_cap);
			memmove(e + 1, e, (size_t) (m->nview - pos) * sizeof(HdhDelayEntry));
			m->nview++;
			e->day = day;
		}
		e->completed = slot->completed;
		e->pending = slot->pending;
	}
	HDH_ASSERT((uint32_t) m->nview == m->used);
}

HdhStatus
hdh_delay_moving_view(HdhDelayMoving *m, HdhDelaySummary *out, HdhError *err)
{
	HdhStatus	st;

	if ((st = ViewRoom(m, err)) != HDH_OK)
		return st;
	if (m->view_valid)
		UpdateView(m);
	else
		SortView(m);
	m->view_valid = true;
	m->nnoted = 0;
	out->entries = m->view;
	out->n = m->nview;
	out->completed = m->completed;
	out->pending = m->pending;
	HDH_ASSERT(hdh_delay_is_canonical(out));
	return HDH_OK;
}
