/*
 * src/core/import_value.h
 *	  Lenient, non-throwing readers of the text values of a hub's exports
 *	  (dates, whole numbers, yes/no), without server headers.
 *
 * Each reader ignores surrounding whitespace and answers false for a value
 * it cannot read, so that an import can reject the row and name the column
 * instead of failing the whole statement.
 */
#ifndef HDH_CORE_IMPORT_VALUE_H
#define HDH_CORE_IMPORT_VALUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * A calendar date written YYYY-MM-DD (ISO 8601) or DD/MM/YYYY (French
 * order, whatever the session's DateStyle); day and month may have one or
 * two digits, the year has four. The date must exist (no 31 April, 29
 * February only in leap years); year 0001 to 9999.
 */
extern bool hdh_read_date(const char *s, size_t len, int32_t *year, int32_t *month, int32_t *day);

/*
 * The part of [s, s + len) left once spaces, tabs and line ends, and when
 * the text is UTF-8 no-break spaces (U+00A0) and byte-order marks (U+FEFF),
 * are cut from both ends: its offset in *start, its length returned (0 for
 * a blank value). In another encoding those byte pairs are letters.
 */
extern size_t hdh_trim_value(const char *s, size_t len, bool utf8, size_t *start);

/* A whole number in int32 range: optional sign, then decimal digits. */
extern bool hdh_read_int32(const char *s, size_t len, int32_t *value);

/*
 * Yes or no, case-insensitive: true/false, t/f, yes/no, y/n, 1/0, on/off,
 * and the French oui/non, vrai/faux.
 */
extern bool hdh_read_bool(const char *s, size_t len, bool *value);

#endif
