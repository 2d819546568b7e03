/*
 * src/core/import_value.c
 *	  Lenient readers of exported dates, numbers and booleans (see the header).
 */
#include "core/import_value.h"

#include <string.h>

static bool
IsSpace(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Narrow [*s, *s + *len) to its part without surrounding whitespace. */
static void
Trim(const char **s, size_t *len)
{
	while (*len > 0 && IsSpace((*s)[0]))
	{
		(*s)++;
		(*len)--;
	}
	while (*len > 0 && IsSpace((*s)[*len - 1]))
		(*len)--;
}

/* Length of the blank character that starts at s[i] (going forward), or 0. */
static size_t
BlankAt(const char *s, size_t len, bool utf8, size_t i)
{
	const unsigned char *u = (const unsigned char *) s;

	if (IsSpace(s[i]))
		return 1;
	if (!utf8)
		return 0;
	if (u[i] == 0xC2 && i + 1 < len && u[i + 1] == 0xA0)
		return 2;				/* U+00A0 no-break space */
	if (u[i] == 0xEF && i + 2 < len && u[i + 1] == 0xBB && u[i + 2] == 0xBF)
		return 3;				/* U+FEFF byte-order mark */
	return 0;
}

/* Length of the blank character that ends just before s[end], or 0. */
static size_t
BlankBefore(const char *s, bool utf8, size_t end)
{
	const unsigned char *u = (const unsigned char *) s;

	if (end >= 1 && IsSpace(s[end - 1]))
		return 1;
	if (!utf8)
		return 0;
	if (end >= 2 && u[end - 2] == 0xC2 && u[end - 1] == 0xA0)
		return 2;
	if (end >= 3 && u[end - 3] == 0xEF && u[end - 2] == 0xBB && u[end - 1] == 0xBF)
		return 3;
	return 0;
}

size_t
hdh_trim_value(const char *s, size_t len, bool utf8, size_t *start)
{
	size_t		b = 0,
				e = len,
				n;

	while (b < e && (n = BlankAt(s, e, utf8, b)) > 0)
		b += n;
	while (e > b && (n = BlankBefore(s + b, utf8, e - b)) > 0)
		e -= n;
	*start = b;
	return e - b;
}

/* Read between min_digits and max_digits decimal digits at *pos. */
static bool
Digits(const char *s, size_t len, size_t *pos, int min_digits, int max_digits, int32_t *out)
{
	int32_t		v = 0;
	int			n = 0;

	while (*pos < len && n < max_digits && s[*pos] >= '0' && s[*pos] <= '9')
	{
		v = v * 10 + (s[*pos] - '0');
		(*pos)++;
		n++;
	}
	if (n < min_digits)
		return false;
	/* more digits than allowed: not this format */
	if (*pos < len && s[*pos] >= '0' && s[*pos] <= '9')
		return false;
	*out = v;
	return true;
}

static int32_t
DaysInMonth(int32_t year, int32_t month)
{
	static const int32_t days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	bool		leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

	return (month == 2 && leap) ? 29 : days[month - 1];
}

bool
hdh_read_date(const char *s, size_t len, int32_t *year, int32_t *month, int32_t *day)
{
	size_t		pos = 0;
	int32_t		a,
				b,
				c;

	Trim(&s, &len);
	if (len >= 5 && s[4] == '-')
	{
		/* YYYY-MM-DD */
		if (!Digits(s, len, &pos, 4, 4, &a) || pos >= len || s[pos++] != '-' ||
			!Digits(s, len, &pos, 1, 2, &b) || pos >= len || s[pos++] != '-' ||
			!Digits(s, len, &pos, 1, 2, &c) || pos != len)
			return false;
		*year = a;
		*month = b;
		*day = c;
	}
	else
	{
		/* DD/MM/YYYY */
		if (!Digits(s, len, &pos, 1, 2, &a) || pos >= len || s[pos++] != '/' ||
			!Digits(s, len, &pos, 1, 2, &b) || pos >= len || s[pos++] != '/' ||
			!Digits(s, len, &pos, 4, 4, &c) || pos != len)
			return false;
		*day = a;
		*month = b;
		*year = c;
	}
	return *year >= 1 && *month >= 1 && *month <= 12 &&
		*day >= 1 && *day <= DaysInMonth(*year, *month);
}

bool
hdh_read_int32(const char *s, size_t len, int32_t *value)
{
	size_t		pos = 0;
	bool		negative = false;
	int64_t		v = 0;

	Trim(&s, &len);
	if (len > 0 && (s[0] == '+' || s[0] == '-'))
	{
		negative = s[0] == '-';
		pos++;
	}
	if (pos == len)
		return false;
	for (; pos < len; pos++)
	{
		if (s[pos] < '0' || s[pos] > '9')
			return false;
		v = v * 10 + (s[pos] - '0');
		if (v > (int64_t) INT32_MAX + 1)
			return false;
	}
	if (negative)
		v = -v;
	if (v > INT32_MAX || v < INT32_MIN)
		return false;
	*value = (int32_t) v;
	return true;
}

bool
hdh_read_bool(const char *s, size_t len, bool *value)
{
	static const char *const yes[] = {"true", "t", "yes", "y", "1", "on", "oui", "vrai"};
	static const char *const no[] = {"false", "f", "no", "n", "0", "off", "non", "faux"};
	char		word[8];
	size_t		i;

	Trim(&s, &len);
	if (len == 0 || len >= sizeof(word))
		return false;
	for (i = 0; i < len; i++)
		word[i] = (s[i] >= 'A' && s[i] <= 'Z') ? (char) (s[i] - 'A' + 'a') : s[i];
	word[len] = '\0';
	for (i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
	{
		if (strcmp(word, yes[i]) == 0)
		{
			*value = true;
			return true;
		}
		if (strcmp(word, no[i]) == 0)
		{
			*value = false;
			return true;
		}
	}
	return false;
}
