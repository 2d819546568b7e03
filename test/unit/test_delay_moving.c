/*
 * test/unit/test_delay_moving.c
 *	  The removable map of src/core/delay_moving.c: random adds and removals
 *	  (single delays and summaries, days past 32767) against a naive count
 *	  per day, the view checked canonical and equal to the naive counts
 *	  (read after every row, every few rows, and after more changes than
 *	  the view notes, so that it is updated in place and sorted again), and
 *	  removals below zero failing without a change.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/delay_moving.h"
#include "core_test.h"
#include "unit.h"

static TestMemory memory = TEST_MEMORY_INIT;
static const HdhAlloc alloc = {TestAlloc, TestRelease, &memory};

static uint64_t rng = 0x9E3779B97F4A7C15ULL;

#define DAYS 3000

/* Naive counts of days 0 .. DAYS - 1, and three far days. */
static const int32_t far_days[3] = {32768, 1000000, INT32_MAX};

typedef struct Naive
{
	int64_t		completed[DAYS + 3];
	int64_t		pending[DAYS + 3];
} Naive;

static int32_t
DayOf(int slot)
{
	return slot < DAYS ? slot : far_days[slot - DAYS];
}

static int
RandomSlot(void)
{
	uint64_t	r = TestRand(&rng);

	return r % 50 == 0 ? DAYS + (int) (r / 50 % 3) : (int) (r / 50 % DAYS);
}

/* Does the view equal the naive counts, canonical and with its totals? */
static bool
ViewMatches(HdhDelayMoving *m, const Naive *naive)
{
	HdhDelaySummary view;
	HdhError	err;
	int32_t		k = 0;
	int			s;
	int64_t		completed = 0;
	int64_t		pending = 0;

	if (hdh_delay_moving_view(m, &view, &err) != HDH_OK)
		return false;
	if (view.n > 0 && hdh_delay_check(&view, HDH_ERR_DATA, &err) != HDH_OK)
		return false;
	/* Slots are in day order: 0 .. DAYS - 1 then the far days ascending. */
	for (s = 0; s < DAYS + 3; s++)
	{
		if (naive->completed[s] == 0 && naive->pending[s] == 0)
			continue;
		if (k >= view.n || view.entries[k].day != DayOf(s) ||
			view.entries[k].completed != naive->completed[s] ||
			view.entries[k].pending != naive->pending[s])
			return false;
		completed += naive->completed[s];
		pending += naive->pending[s];
		k++;
	}
	return k == view.n && view.completed == completed && view.pending == pending;
}

static void
TestRandom(void)
{
	static Naive naive;
	static int	added_slot[40000];
	static bool added_pending[40000];
	HdhDelayMoving m;
	HdhError	err;
	int			head = 0;
	int			tail = 0;
	int			i;
	int			bad = 0;
	int			views_bad = 0;
	int			views = 0;
	static const int every[] = {1, 2, 7, 17, 97};

	memset(&naive, 0, sizeof(naive));
	hdh_delay_moving_init(&m, &alloc);
	/* A sliding frame of 0 to 300 delays: add at the head, remove at the tail. */
	for (i = 0; i < 40000; i++)
	{
		int			width = (i / 5000) % 2 == 0 ? 300 : (int) (TestRand(&rng) % 20);

		added_slot[head] = RandomSlot();
		added_pending[head] = TestRand(&rng) % 3 == 0;
		if (hdh_delay_moving_add(&m, DayOf(added_slot[head]), added_pending[head], &err) != HDH_OK)
			bad++;
		if (added_pending[head])
			naive.pending[added_slot[head]]++;
		else
			naive.completed[added_slot[head]]++;
		head++;
		while (head - tail > width)
		{
			if (hdh_delay_moving_remove(&m, DayOf(added_slot[tail]), added_pending[tail], &err) != HDH_OK)
				bad++;
			if (added_pending[tail])
				naive.pending[added_slot[tail]]--;
			else
				naive.completed[added_slot[tail]]--;
			tail++;
		}
		/* Phases of 2000 rows read the view every 1, 2, 7, 17 or 97 rows. */
		if (i % every[(i / 2000) % 5] == 0)
		{
			views++;
			if (!ViewMatches(&m, &naive))
				views_bad++;
		}
	}
	CHECK(bad == 0);
	CHECK(views > 5000);
	CHECK(views_bad == 0);
	CHECK(ViewMatches(&m, &naive));
	/* Emptied out: no days, totals 0, and it fills again. */
	while (tail < head)
	{
		if (hdh_delay_moving_remove(&m, DayOf(added_slot[tail]), added_pending[tail], &err) != HDH_OK)
			bad++;
		tail++;
	}
	CHECK(bad == 0);
	CHECK(m.used == 0 && m.completed == 0 && m.pending == 0);
	CHECK(hdh_delay_moving_add(&m, 40000, true, &err) == HDH_OK);
	CHECK(m.used == 1 && m.pending == 1);
	hdh_delay_moving_free(&m);
}

static void
TestSummaries(void)
{
	HdhDelayMoving m;
	HdhDelaySummary view;
	HdhError	err;
	HdhDelayEntry e1[] = {{2, 1, 5}, {0, 3, 40000}};
	HdhDelayEntry e2[] = {{1, 0, 5}, {4, 0, 7}};
	HdhDelaySummary s1 = {e1, 2, 2, 4};
	HdhDelaySummary s2 = {e2, 2, 5, 0};

	hdh_delay_moving_init(&m, &alloc);
	CHECK(hdh_delay_moving_add_summary(&m, &s1, &err) == HDH_OK);
	CHECK(hdh_delay_moving_add_summary(&m, &s2, &err) == HDH_OK);
	CHECK(hdh_delay_moving_add(&m, 5, false, &err) == HDH_OK);
	CHECK(hdh_delay_moving_view(&m, &view, &err) == HDH_OK);
	CHECK(view.n == 3 && view.completed == 8 && view.pending == 4);
	CHECK(view.entries[0].day == 5 && view.entries[0].completed == 4 && view.entries[0].pending == 1);
	CHECK(view.entries[1].day == 7 && view.entries[1].completed == 4);
	CHECK(view.entries[2].day == 40000 && view.entries[2].pending == 3);

	CHECK(hdh_delay_moving_remove_summary(&m, &s1, &err) == HDH_OK);
	CHECK(hdh_delay_moving_view(&m, &view, &err) == HDH_OK);
	CHECK(view.n == 2 && view.completed == 6 && view.pending == 0);

	/* Below zero: s1 again fails naming a day, and nothing changes. */
	CHECK(hdh_delay_moving_remove_summary(&m, &s1, &err) == HDH_ERR_DATA);
	CHECK(strstr(err.message, "cannot remove") != NULL);
	CHECK(hdh_delay_moving_view(&m, &view, &err) == HDH_OK);
	CHECK(view.n == 2 && view.completed == 6 && view.pending == 0);
	CHECK(hdh_delay_moving_remove(&m, 5, true, &err) == HDH_ERR_DATA);
	CHECK(strstr(err.message, "5 days") != NULL);
	CHECK(hdh_delay_moving_remove(&m, 6, false, &err) == HDH_ERR_DATA);
	CHECK(m.completed == 6 && m.used == 2);

	/* Out of range days, as the accumulating state says. */
	CHECK(hdh_delay_moving_add(&m, -1, false, &err) == HDH_ERR_DATA);
	CHECK(hdh_delay_moving_add(&m, (int64_t) INT32_MAX + 1, false, &err) == HDH_ERR_DATA);
	CHECK(strstr(err.message, "2147483648") != NULL);

	CHECK(hdh_delay_moving_remove_summary(&m, &s2, &err) == HDH_OK);
	CHECK(hdh_delay_moving_remove(&m, 5, false, &err) == HDH_OK);
	CHECK(hdh_delay_moving_view(&m, &view, &err) == HDH_OK);
	CHECK(view.n == 0 && view.completed == 0 && view.pending == 0);
	hdh_delay_moving_free(&m);
}

int
main(void)
{
	TestRandom();
	TestSummaries();
	return unit_done();
}
