/*
 * test/unit/test_calendar.c
 *	  Calendar year of PostgreSQL day numbers, checked against hand-worked
 *	  dates and against a day-by-day walk of the calendar.
 */
#include <stdint.h>

#include "core/calendar.h"
#include "unit.h"

static int
IsLeap(int64_t y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
main(void)
{
	/* Hand-worked: day 0 is 2000-01-01; 2000 is a leap year (366 days). */
	CHECK(hdh_year_of_day(0) == 2000);
	CHECK(hdh_year_of_day(-1) == 1999);
	CHECK(hdh_year_of_day(365) == 2000);
	CHECK(hdh_year_of_day(366) == 2001);
	CHECK(hdh_first_day_of_year(2000) == 0);
	CHECK(hdh_first_day_of_year(2001) == 366);
	CHECK(hdh_first_day_of_year(1999) == -365);
	/* 2023-01-01 is 8401 days after 2000-01-01 (date '2023-01-01' - date '2000-01-01'). */
	CHECK(hdh_first_day_of_year(2023) == 8401);
	CHECK(hdh_year_of_day(8400) == 2022);
	CHECK(hdh_year_of_day(8401) == 2023);
	/* 0001-01-01 is 730119 days before 2000-01-01 (Python: date(1,1,1) - date(2000,1,1)). */
	CHECK(hdh_first_day_of_year(1) == -730119);
	CHECK(hdh_year_of_day(-730120) == 0);

	/* Walk years 1600..2400 and -500..-300: each year's first day and length. */
	{
		int			bad = 0;
		int64_t		y;

		for (y = 1600; y <= 2400; y++)
		{
			int64_t		first = hdh_first_day_of_year((int32_t) y);
			int64_t		next = hdh_first_day_of_year((int32_t) (y + 1));

			if (next - first != (IsLeap(y) ? 366 : 365) ||
				hdh_year_of_day((int32_t) first) != y ||
				hdh_year_of_day((int32_t) (first - 1)) != y - 1 ||
				hdh_year_of_day((int32_t) (next - 1)) != y)
				bad++;
		}
		for (y = -500; y <= -300; y++)
		{
			int64_t		first = hdh_first_day_of_year((int32_t) y);

			if (hdh_year_of_day((int32_t) first) != y ||
				hdh_year_of_day((int32_t) (first - 1)) != y - 1)
				bad++;
		}
		CHECK(bad == 0);
	}

	/* The extremes of int32 do not overflow and stay ordered. */
	CHECK(hdh_year_of_day(INT32_MAX) > 5000000);
	CHECK(hdh_year_of_day(INT32_MIN) < -5000000);
	CHECK(hdh_first_day_of_year(hdh_year_of_day(INT32_MAX)) <= INT32_MAX);

	return unit_done();
}
