/*
 * src/core/delay_form.c
 *	  The check of the canonical form of a delay summary (see delay_form.h).
 */
#include <stdbool.h>
#include <stddef.h>

#include "core/delay_form.h"

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
			return hdh_fail(err, status, gettext_noop("Days must be ascending, each listed once."),
							"delay_summary day %d follows day %d", e->day,
							sum->entries[i - 1].day);
		if (e->completed < 0 || e->pending < 0)
			return hdh_fail(err, status, NULL,
							"delay_summary has a negative count (%lld completed, %lld pending) for day %d",
							(long long) e->completed, (long long) e->pending, e->day);
		if (e->completed == 0 && e->pending == 0)
			return hdh_fail(err, status, gettext_noop("A day is listed only with a positive count."),
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

bool
hdh_delay_is_canonical(const HdhDelaySummary *sum)
{
	HdhError	err;

	return hdh_delay_check(sum, HDH_ERR_DATA, &err) == HDH_OK;
}

HdhStatus
hdh_delay_check_day(int64_t day, HdhError *err)
{
	if (day < 0 || day > HDH_DELAY_MAX_DAY)
		return hdh_fail(err, HDH_ERR_DATA, gettext_noop("A delay is a whole number of days from 0 to 2147483647."),
						"delay of %lld days is out of range", (long long) day);
	return HDH_OK;
}
