/*
 * src/core/calendar.h
 *	  Calendar arithmetic on PostgreSQL day numbers, without server headers.
 *
 * A PostgreSQL date is a count of days from 2000-01-01 (day 0) in the
 * proleptic Gregorian calendar. These helpers map day numbers to calendar
 * years and back, for any 32-bit day number.
 */
#ifndef HDH_CORE_CALENDAR_H
#define HDH_CORE_CALENDAR_H

#include <stdint.h>

/* Calendar year (astronomical numbering: 1 BC is year 0) of a day number. */
extern int32_t hdh_year_of_day(int32_t day);

/* Day number of 1 January of a year; 64-bit because the range is wider. */
extern int64_t hdh_first_day_of_year(int32_t year);

#endif
