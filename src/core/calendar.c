/*
 * src/core/calendar.c
 *	  Calendar year of a PostgreSQL day number, and the reverse.
 *
 * Works on 400-year Gregorian eras (146097 days), so it needs no table and
 * no loop, and is exact for every int32 day number.
 */
#include "core/calendar.h"

#define DAYS_PER_ERA 146097		/* days in 400 Gregorian years */
#define DAY0_FROM_0000_03_01 730425 /* 2000-01-01 counted from 0000-03-01 */

/* Floor division, since C division truncates toward zero. */
static int64_t
FloorDiv(int64_t a, int64_t b)
{
	int64_t		q = a / b;

	return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

int32_t
hdh_year_of_day(int32_t day)
{
	/* Count from 0000-03-01 so that the leap day ends each 'year'. */
	int64_t		z = (int64_t) day + DAY0_FROM_0000_03_01;
	int64_t		era = FloorDiv(z, DAYS_PER_ERA);
	int64_t		doe = z - era * DAYS_PER_ERA;	/* [0, 146096] */
	int64_t		yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t		doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t		mp = (5 * doy + 2) / 153;	/* March = 0 */
	int64_t		year = yoe + era * 400;

	/* January and February belong to the next civil year. */
	return (int32_t) (mp >= 10 ? year + 1 : year);
}

int64_t
hdh_first_day_of_year(int32_t year)
{
	/* 1 January of Y is 306 days after 1 March of Y - 1. */
	int64_t		y = (int64_t) year - 1;
	int64_t		era = FloorDiv(y, 400);
	int64_t		yoe = y - era * 400;
	int64_t		doe = 365 * yoe + yoe / 4 - yoe / 100 + 306;

	return era * DAYS_PER_ERA + doe - DAY0_FROM_0000_03_01;
}
