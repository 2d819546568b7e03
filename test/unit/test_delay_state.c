/*
 * test/unit/test_delay_state.c
 *	  The accumulating state of delay summaries (src/core/delay_state.c and
 *	  delay_runs.c): building, compaction, merging, memory and failures,
 *	  checked against naive summaries of plain arrays of rows and hand-worked
 *	  values; and the as_of rule of delay_agg.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/delay_state.h"
#include "core_test.h"
#include "unit.h"

/* Counted allocations, so that leaks show; `failing` fails on demand. */
static TestMemory memory = TEST_MEMORY_INIT;
static TestMemory failmem = TEST_MEMORY_INIT;
static const HdhAlloc mem = {TestAlloc, TestRelease, &memory};
static const HdhAlloc failing = {TestAlloc, TestRelease, &failmem};

static uint64_t rng_state = 88172645463325252ULL;

/* True when s is canonical and equals the naive summary of the rows. */
static bool
SameAsRows(const HdhDelaySummary *s, const TestRows *r)
{
	HdhDelaySummary naive = TestSummaryOfRows(r);
	bool		ok = hdh_delay_check(s, HDH_ERR_DATA, NULL) == HDH_OK && TestSameSummary(s, &naive);

	free((void *) naive.entries);
	return ok;
}

/* Add every row to a fresh state. */
static bool
BuildState(HdhDelayState *st, const TestRows *r)
{
	HdhError	err;
	int64_t		i;

	hdh_delay_state_init(st, &mem);
	for (i = 0; i < r->n; i++)
		if (hdh_delay_add(st, r->day[i], r->pending[i], &err) != HDH_OK)
			return false;
	return true;
}

/* Build and view twice: both views equal the rows, the state unchanged. */
static void
CheckBuild(int64_t n, int64_t max_day, int pending_percent)
{
	TestRows	r;
	HdhDelayState st;
	HdhDelayStateInfo before,
				after;
	HdhDelaySummary view,
				again;
	HdhError	err;
	bool		ok;

	TestMakeRows(&r, n, max_day, pending_percent, &rng_state);
	ok = BuildState(&st, &r);
	hdh_delay_state_info(&st, &before);
	ok = ok && hdh_delay_state_view(&st, &view, &err) == HDH_OK;
	ok = ok && SameAsRows(&view, &r);
	ok = ok && hdh_delay_state_view(&st, &again, &err) == HDH_OK && TestSameSummary(&view, &again);
	hdh_delay_state_info(&st, &after);
	ok = ok && memcmp(&before, &after, sizeof(before)) == 0;	/* the view did not change st */
	hdh_delay_view_free(&st, &view);
	hdh_delay_view_free(&st, &again);
	hdh_delay_state_free(&st);
	ok = ok && memory.live == 0;
	unit_report(ok, __FILE__, __LINE__, "build/view equals the rows, nothing leaks");
	TestFreeRows(&r);
}

/* The summary of a state (a view that the caller frees with the state). */
static HdhDelaySummary
ViewOf(const HdhDelayState *st)
{
	HdhDelaySummary s;
	HdhError	err;

	if (hdh_delay_state_view(st, &s, &err) != HDH_OK)
		memset(&s, 0, sizeof(s));
	return s;
}

/* Split rows into parts, summarise each, merge in different ways. */
static void
CheckMerge(int64_t n, int64_t max_day, int parts)
{
	TestRows	r;
	HdhDelayState whole,
			   *part = calloc((size_t) parts, sizeof(HdhDelayState)),
				viaSummary,
				viaState;
	HdhDelaySummary s,
				ps;
	HdhError	err;
	int64_t		i;
	int			k;
	bool		ok = true;

	TestMakeRows(&r, n, max_day, 20, &rng_state);
	BuildState(&whole, &r);
	for (k = 0; k < parts; k++)
		hdh_delay_state_init(&part[k], &mem);
	for (i = 0; i < r.n; i++)
		ok = ok && hdh_delay_add(&part[TestRandBelow(&rng_state, parts)], r.day[i], r.pending[i], &err) == HDH_OK;

	/* rollup: the parts' summaries added (staging for small ones) */
	hdh_delay_state_init(&viaSummary, &mem);
	hdh_delay_state_init(&viaState, &mem);
	for (k = 0; k < parts; k++)
	{
		/* combine: the parts added as states */
		ok = ok && hdh_delay_add_state(&viaState, &part[k], &err) == HDH_OK;
		ps = ViewOf(&part[k]);
		ok = ok && hdh_delay_add_summary(&viaSummary, &ps, &err) == HDH_OK;
		hdh_delay_view_free(&part[k], &ps);
	}
	s = ViewOf(&viaSummary);
	ok = ok && SameAsRows(&s, &r);
	hdh_delay_view_free(&viaSummary, &s);
	s = ViewOf(&viaState);
	ok = ok && SameAsRows(&s, &r);
	hdh_delay_view_free(&viaState, &s);
	s = ViewOf(&whole);
	ok = ok && SameAsRows(&s, &r);
	hdh_delay_view_free(&whole, &s);
	unit_report(ok, __FILE__, __LINE__, "merging parts equals the whole");
	for (k = 0; k < parts; k++)
		hdh_delay_state_free(&part[k]);
	free(part);
	hdh_delay_state_free(&whole);
	hdh_delay_state_free(&viaSummary);
	hdh_delay_state_free(&viaState);
	unit_report(memory.live == 0, __FILE__, __LINE__, "merging leaks nothing");
	TestFreeRows(&r);
}

/* Add `count` delays of `day` days; false on the first failure. */
static bool
AddMany(HdhDelayState *st, int64_t day, bool pending, int64_t count, HdhError *err)
{
	int64_t		i;

	for (i = 0; i < count; i++)
		if (hdh_delay_add(st, day, pending, err) != HDH_OK)
			return false;
	return true;
}

/* The view of st has exactly these three (day, completed, pending) entries. */
static bool
ViewIs(const HdhDelayState *st, int32_t n, const HdhDelayEntry *want)
{
	HdhDelaySummary v = ViewOf(st);
	HdhDelaySummary w = {want, n, 0, 0};
	int32_t		i;
	bool		ok;

	for (i = 0; i < n; i++)
	{
		w.completed += want[i].completed;
		w.pending += want[i].pending;
	}
	ok = TestSameSummary(&v, &w);
	hdh_delay_view_free(st, &v);
	return ok;
}

/* Memory of small groups: inline keys, then segments of 128, 128, 256... bytes. */
static void
CheckSmallMemory(void)
{
	static const struct
	{
		int64_t		rows;
		size_t		bytes;
	}			cases[] = {{0, 0}, {1, 0}, {32, 0}, {33, 128}, {88, 128}, {92, 128},
	{93, 256}, {152, 256}, {153, 512}, {276, 512}, {277, 768}, {400, 768}, {401, 1280},
	{3960, 1280 + 512 + 2048 + 4096}, {3961, 1280 + 512 + 2048 + 4096 + 4096}};
	size_t		k;

	CHECK(sizeof(HdhDelayState) == 128);
	for (k = 0; k < sizeof(cases) / sizeof(cases[0]); k++)
	{
		TestRows	r;
		HdhDelayState st;
		HdhDelayStateInfo info;
		HdhDelaySummary v;
		bool		ok;

		TestMakeRows(&r, cases[k].rows, 3650, 10, &rng_state);
		ok = BuildState(&st, &r);
		hdh_delay_state_info(&st, &info);
		ok = ok && !info.large && info.keys == cases[k].rows && info.bytes == cases[k].bytes;
		v = ViewOf(&st);
		ok = ok && SameAsRows(&v, &r);
		hdh_delay_view_free(&st, &v);
		hdh_delay_state_free(&st);
		unit_report(ok && memory.live == 0, __FILE__, __LINE__, "small group memory");
		TestFreeRows(&r);
	}
}

/*
 * Compaction: a small state keeps its keys up to HDH_DELAY_COMPACT_KEYS rows;
 * the next row compacts it when days repeat (runs smaller than keys), not
 * when they are mostly distinct; a day past 32767 makes it large at once.
 */
static void
CheckCompaction(void)
{
	TestRows	r;
	HdhDelayState st;
	HdhDelayStateInfo info;
	HdhDelaySummary v;
	HdhError	err;
	int64_t		i;
	bool		ok;

	/* few distinct days: HDH_DELAY_COMPACT_KEYS rows small, the next compacts */
	TestMakeRows(&r, HDH_DELAY_COMPACT_KEYS + 1, 10, 30, &rng_state);
	hdh_delay_state_init(&st, &mem);
	ok = true;
	for (i = 0; i < HDH_DELAY_COMPACT_KEYS; i++)
		ok = ok && hdh_delay_add(&st, r.day[i], r.pending[i], &err) == HDH_OK;
	hdh_delay_state_info(&st, &info);
	CHECK(ok && !info.large && info.keys == HDH_DELAY_COMPACT_KEYS);
	r.n = HDH_DELAY_COMPACT_KEYS;
	v = ViewOf(&st);
	CHECK(SameAsRows(&v, &r));
	hdh_delay_view_free(&st, &v);
	CHECK(hdh_delay_add(&st, r.day[i], r.pending[i], &err) == HDH_OK);
	r.n = HDH_DELAY_COMPACT_KEYS + 1;
	hdh_delay_state_info(&st, &info);
	CHECK(info.large && info.keys == 1 && info.runs > 0 && info.runs <= 22 && info.wide == 0);
	v = ViewOf(&st);
	CHECK(SameAsRows(&v, &r));
	hdh_delay_view_free(&st, &v);
	hdh_delay_state_free(&st);
	TestFreeRows(&r);

	/* mostly distinct days: still small well past the limit */
	TestMakeRows(&r, 20000, 30000, 30, &rng_state);
	CHECK(BuildState(&st, &r));
	hdh_delay_state_info(&st, &info);
	CHECK(!info.large && info.keys == 20000);
	v = ViewOf(&st);
	CHECK(SameAsRows(&v, &r));
	hdh_delay_view_free(&st, &v);
	/* then many repeated days: compacted at a later look */
	ok = true;
	for (i = 0; i < 200000; i++)
		ok = ok && hdh_delay_add(&st, i % 7, false, &err) == HDH_OK;
	hdh_delay_state_info(&st, &info);
	CHECK(ok && info.large);
	hdh_delay_state_free(&st);
	TestFreeRows(&r);

	/* the longest small day, then one more */
	{
		HdhDelayEntry want[2] = {{2, 0, 32767}, {0, 1, 32768}};

		hdh_delay_state_init(&st, &mem);
		CHECK(AddMany(&st, 32767, false, 2, &err));
		hdh_delay_state_info(&st, &info);
		CHECK(!info.large && info.keys == 2);
		CHECK(hdh_delay_add(&st, 32768, true, &err) == HDH_OK);
		hdh_delay_state_info(&st, &info);
		CHECK(info.large && info.runs == 1 && info.keys == 1);
		CHECK(ViewIs(&st, 2, want));
		hdh_delay_state_free(&st);
	}
	CHECK(memory.live == 0);
}

/*
 * Counts of 2^32 and more take a second run; sums stay exact up to
 * INT64_MAX and an overflow is reported, by the view and by the flush.
 */
static void
CheckWideCounts(void)
{
	const int64_t two32 = (int64_t) 1 << 32;
	HdhDelayState st,
				other;
	HdhDelayStateInfo info;
	HdhError	err;
	bool		failed;
	int64_t		i;

	/* 2^32 - 1 stored, then rows on the same day: the count widens */
	{
		HdhDelayEntry in[1] = {{two32 - 1, 0, 5}};
		HdhDelaySummary sum = {in, 1, two32 - 1, 0};
		HdhDelayEntry want[1] = {{two32 - 1 + 1000, 0, 5}};
		HdhDelayEntry want1[1] = {{two32, 0, 5}};

		hdh_delay_state_init(&st, &mem);
		CHECK(hdh_delay_add_summary(&st, &sum, &err) == HDH_OK);
		hdh_delay_state_info(&st, &info);
		CHECK(info.large && info.runs == 1 && info.wide == 0);
		CHECK(hdh_delay_add(&st, 5, false, &err) == HDH_OK);
		CHECK(ViewIs(&st, 1, want1));	/* the batch, read by the view */
		CHECK(AddMany(&st, 5, false, 999, &err));
		hdh_delay_state_info(&st, &info);
		CHECK(info.wide == 1 && info.runs == 2);	/* flushed: two runs */
		CHECK(ViewIs(&st, 1, want));
		/* combine a wide state into another one */
		hdh_delay_state_init(&other, &mem);
		CHECK(hdh_delay_add(&other, 5, true, &err) == HDH_OK);
		CHECK(hdh_delay_add_state(&other, &st, &err) == HDH_OK);
		CHECK(hdh_delay_add_state(&other, &st, &err) == HDH_OK);
		{
			HdhDelayEntry want2[1] = {{2 * (two32 - 1 + 1000), 1, 5}};

			CHECK(ViewIs(&other, 1, want2));
		}
		hdh_delay_state_free(&other);
		hdh_delay_state_free(&st);
	}

	/* exactly 2^32 (low half 0) and sums of wide counts */
	{
		HdhDelayEntry a[1] = {{two32 + 7, 3, 5}};
		HdhDelayEntry b[2] = {{two32 - 3, 0, 5}, {0, 1, 9}};
		HdhDelayEntry c[1] = {{two32, two32 * 3, 2}};
		HdhDelaySummary sa = {a, 1, two32 + 7, 3};
		HdhDelaySummary sb = {b, 2, two32 - 3, 1};
		HdhDelaySummary sc = {c, 1, two32, two32 * 3};
		HdhDelayEntry want[3] = {{two32, two32 * 3, 2}, {2 * two32 + 4, 3, 5}, {0, 1, 9}};

		hdh_delay_state_init(&st, &mem);
		CHECK(hdh_delay_add_summary(&st, &sa, &err) == HDH_OK);
		CHECK(hdh_delay_add_summary(&st, &sb, &err) == HDH_OK);
		CHECK(hdh_delay_add_summary(&st, &sc, &err) == HDH_OK);
		hdh_delay_state_info(&st, &info);
		/* keys 4, 5 and 10 wide (two runs each), 11 and 19 narrow */
		CHECK(info.wide == 3 && info.runs == 8);
		CHECK(ViewIs(&st, 3, want));
		hdh_delay_state_free(&st);
	}

	/* INT64_MAX: reached exactly, then one more is an overflow */
	{
		HdhDelayEntry in[1] = {{INT64_MAX - 1, 0, 1}};
		HdhDelaySummary sum = {in, 1, INT64_MAX - 1, 0};
		HdhDelayEntry want[2] = {{INT64_MAX - 1, 0, 1}, {1, 0, 2}};
		HdhDelaySummary v;

		hdh_delay_state_init(&st, &mem);
		CHECK(hdh_delay_add_summary(&st, &sum, &err) == HDH_OK);
		CHECK(hdh_delay_add(&st, 2, false, &err) == HDH_OK);
		CHECK(ViewIs(&st, 2, want));
		CHECK(hdh_delay_add(&st, 2, false, &err) == HDH_OK);	/* buffered */
		CHECK(hdh_delay_state_view(&st, &v, &err) == HDH_ERR_RANGE && strstr(err.message, "overflow") != NULL);
		/* the flush of the full batch fails too, and keeps failing */
		failed = false;
		for (i = 0; i < 1000 && !failed; i++)
			failed = hdh_delay_add(&st, 3, false, &err) != HDH_OK;
		CHECK(failed && err.status == HDH_ERR_RANGE && strstr(err.message, "overflow") != NULL);
		CHECK(hdh_delay_add(&st, 3, false, &err) == HDH_ERR_RANGE);
		hdh_delay_state_free(&st);
	}
	CHECK(memory.live == 0);
}

/* Stored summaries: few rows become keys of a small state, others runs. */
static void
CheckAddSummary(void)
{
	HdhDelayState st,
				big;
	HdhDelayStateInfo info;
	HdhError	err;
	HdhDelayEntry few[3] = {{2, 1, 0}, {1, 0, 7}, {3, 2, 400}};
	HdhDelaySummary sfew = {few, 3, 6, 3};
	HdhDelayEntry many[1] = {{1000, 0, 3}};
	HdhDelaySummary smany = {many, 1, 1000, 0};
	HdhDelayEntry far[1] = {{1, 0, 40000}};
	HdhDelaySummary sfar = {far, 1, 1, 0};

	hdh_delay_state_init(&st, &mem);
	CHECK(hdh_delay_add_summary(&st, &sfew, &err) == HDH_OK);
	hdh_delay_state_info(&st, &info);
	CHECK(!info.large && info.keys == 9);
	CHECK(ViewIs(&st, 3, few));
	/* a small state combined into a small one stays small */
	hdh_delay_state_init(&big, &mem);
	CHECK(hdh_delay_add_state(&big, &st, &err) == HDH_OK);
	hdh_delay_state_info(&big, &info);
	CHECK(!info.large && info.keys == 9);
	CHECK(ViewIs(&big, 3, few));
	hdh_delay_state_free(&big);
	/* many rows on one day: runs */
	CHECK(hdh_delay_add_summary(&st, &smany, &err) == HDH_OK);
	hdh_delay_state_info(&st, &info);
	/* keys 0, 1, 14, 800, 801 in runs; the one-entry summary staged */
	CHECK(info.large && info.keys == 0 && info.runs == 5 && info.staged == 1);
	{
		HdhDelayEntry want[4] = {{2, 1, 0}, {1000, 0, 3}, {1, 0, 7}, {3, 2, 400}};
		HdhDelayEntry want2[5] = {{2, 1, 0}, {1000, 0, 3}, {1, 0, 7}, {3, 2, 400}, {1, 0, 40000}};

		CHECK(ViewIs(&st, 4, want));
		hdh_delay_state_free(&st);
		/* a day past 32767: runs */
		hdh_delay_state_init(&st, &mem);
		CHECK(hdh_delay_add_summary(&st, &sfar, &err) == HDH_OK);
		hdh_delay_state_info(&st, &info);
		CHECK(info.large);
		CHECK(hdh_delay_add_summary(&st, &sfew, &err) == HDH_OK);
		CHECK(hdh_delay_add_summary(&st, &smany, &err) == HDH_OK);
		CHECK(ViewIs(&st, 5, want2));
		hdh_delay_state_free(&st);
	}
	CHECK(memory.live == 0);
}

/* A failed allocation is reported and leaves the state as it was. */
static void
CheckAllocationFailures(void)
{
	bool		ok = true;
	int64_t		i;
	HdhError	err;
	HdhDelaySummary v;
	HdhDelayStateInfo info;
	HdhDelayState st;
	TestRows	r;

	TestMakeRows(&r, HDH_DELAY_COMPACT_KEYS + 100, 20, 20, &rng_state);
	hdh_delay_state_init(&st, &failing);
	failmem.fail_after = 0;
	for (i = 0; i < HDH_DELAY_INLINE_KEYS; i++)
		ok = ok && hdh_delay_add(&st, r.day[i], r.pending[i], &err) == HDH_OK;
	CHECK(ok);
	CHECK(hdh_delay_add(&st, r.day[i], r.pending[i], &err) == HDH_ERR_LIMIT);
	hdh_delay_state_info(&st, &info);
	CHECK(!info.large && info.keys == HDH_DELAY_INLINE_KEYS);
	failmem.fail_after = -1;
	for (; i < HDH_DELAY_COMPACT_KEYS; i++)
		ok = ok && hdh_delay_add(&st, r.day[i], r.pending[i], &err) == HDH_OK;
	CHECK(ok);
	failmem.fail_after = 1;				/* the compaction fails half-way */
	CHECK(hdh_delay_add(&st, r.day[i], r.pending[i], &err) == HDH_ERR_LIMIT);
	hdh_delay_state_info(&st, &info);
	CHECK(!info.large && info.keys == HDH_DELAY_COMPACT_KEYS);
	failmem.fail_after = -1;
	for (; i < r.n; i++)
		ok = ok && hdh_delay_add(&st, r.day[i], r.pending[i], &err) == HDH_OK;
	CHECK(ok);
	v = ViewOf(&st);
	CHECK(SameAsRows(&v, &r));
	hdh_delay_view_free(&st, &v);
	hdh_delay_state_free(&st);
	CHECK(failmem.live == 0);
	TestFreeRows(&r);
}

/*
 * The as_of rule of delay_agg(started, finished, as_of), hand-worked with
 * as_of = day 20: known only once started; completed if finished by as_of,
 * else pending for as_of - started days.
 */
static void
CheckAsOf(void)
{
	int64_t		days = -1;
	bool		pending = false;

	CHECK(hdh_delay_as_of(10, true, 15, 20, &days, &pending) && days == 5 && !pending);
	CHECK(hdh_delay_as_of(10, true, 20, 20, &days, &pending) && days == 10 && !pending);
	CHECK(hdh_delay_as_of(10, true, 21, 20, &days, &pending) && days == 10 && pending);
	CHECK(hdh_delay_as_of(10, false, 0, 20, &days, &pending) && days == 10 && pending);
	CHECK(hdh_delay_as_of(20, true, 20, 20, &days, &pending) && days == 0 && !pending);
	CHECK(hdh_delay_as_of(20, false, 0, 20, &days, &pending) && days == 0 && pending);
	days = -1;
	CHECK(!hdh_delay_as_of(21, true, 30, 20, &days, &pending) && days == -1);
	CHECK(!hdh_delay_as_of(21, false, 0, 20, &days, &pending) && days == -1);
	/* day numbers before the epoch (PostgreSQL dates before 2000) */
	CHECK(hdh_delay_as_of(-400, true, -100, -50, &days, &pending) && days == 300 && !pending);
	CHECK(hdh_delay_as_of(-400, true, 100, -50, &days, &pending) && days == 350 && pending);
}

int
main(void)
{
	HdhError	err;
	HdhDelayState st;
	HdhDelaySummary s;

	CheckAsOf();

	/* Hand-worked: 3 completed at day 2, 1 at day 5, 1 pending at day 9. */
	{
		hdh_delay_state_init(&st, &mem);
		hdh_delay_add(&st, 5, false, &err);
		hdh_delay_add(&st, 2, false, &err);
		hdh_delay_add(&st, 9, true, &err);
		hdh_delay_add(&st, 2, false, &err);
		hdh_delay_add(&st, 2, false, &err);
		CHECK(hdh_delay_state_view(&st, &s, &err) == HDH_OK);
		CHECK(s.n == 3 && s.completed == 4 && s.pending == 1);
		CHECK(s.entries[0].day == 2 && s.entries[0].completed == 3 && s.entries[0].pending == 0);
		CHECK(s.entries[1].day == 5 && s.entries[1].completed == 1);
		CHECK(s.entries[2].day == 9 && s.entries[2].completed == 0 && s.entries[2].pending == 1);
		hdh_delay_view_free(&st, &s);
		hdh_delay_state_free(&st);
	}

	/* Bad inputs. */
	hdh_delay_state_init(&st, &mem);
	CHECK(hdh_delay_add(&st, -1, false, &err) == HDH_ERR_DATA);
	CHECK(strstr(err.message, "-1") != NULL);
	CHECK(hdh_delay_add(&st, (int64_t) INT32_MAX + 1, false, &err) == HDH_ERR_DATA);
	CHECK(hdh_delay_add(&st, INT32_MAX, true, &err) == HDH_OK);
	hdh_delay_state_free(&st);

	/* Counts past bigint when adding summaries are detected. */
	{
		HdhDelayEntry big[2] = {{INT64_MAX / 2, 0, INT32_MAX - 1}, {INT64_MAX / 2, 0, INT32_MAX}};
		HdhDelaySummary b = {big, 2, (INT64_MAX / 2) * 2, 0};

		hdh_delay_state_init(&st, &mem);
		CHECK(hdh_delay_add_summary(&st, &b, &err) == HDH_OK);
		CHECK(hdh_delay_add_summary(&st, &b, &err) == HDH_ERR_RANGE);
		CHECK(strstr(err.message, "overflow") != NULL);
		hdh_delay_state_free(&st);
	}

	/* Random rows: small groups (inline buffer), narrow ranges (counting
	 * sort), wide ranges (radix sort), many rows (buffer growth). */
	CheckBuild(0, 10, 50);
	CheckBuild(1, 10, 50);
	CheckBuild(7, 3, 50);
	CheckBuild(9, 3, 50);
	CheckBuild(100, 5, 30);
	CheckBuild(1000, 400, 10);
	CheckBuild(5000, 2000000000, 10);
	CheckBuild(20000, 100, 0);
	CheckBuild(20000, INT32_MAX, 50);
	CheckBuild(200000, 3650, 5);
	CheckBuild(100000, 70000, 5);
	CheckBuild(300000, 3650, 10);	/* compacted, then batches */
	CheckBuild(600000, 20, 10);		/* counting sorts of batches */
	CheckBuild(70000, 32767, 50);	/* small keys, mostly distinct */

	CheckMerge(1000, 50, 3);
	CheckMerge(20000, 3000, 400);	/* many small parts: staging */
	CheckMerge(50000, INT32_MAX, 7);
	CheckMerge(10, 5, 20);			/* empty parts */
	CheckMerge(300000, 2000, 3);	/* large parts: views of runs */
	CheckMerge(100000, 40000, 5);	/* small parts made large by long delays */

	CheckSmallMemory();
	CheckCompaction();
	CheckWideCounts();
	CheckAddSummary();
	CheckAllocationFailures();

	return unit_done();
}
