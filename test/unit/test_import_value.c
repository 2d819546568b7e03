/*
 * test/unit/test_import_value.c
 *	  The lenient readers of exported values: hand-picked good and bad
 *	  inputs, and every day of 1899..2101 in both date orders against a
 *	  month-length table computed here.
 */
#include <stdio.h>
#include <string.h>

#include "core/import_value.h"
#include "unit.h"

static int
Date(const char *s, int32_t y, int32_t m, int32_t d)
{
	int32_t		gy = 0,
				gm = 0,
				gd = 0;

	return hdh_read_date(s, strlen(s), &gy, &gm, &gd) && gy == y && gm == m && gd == d;
}

static int
NoDate(const char *s)
{
	int32_t		y,
				m,
				d;

	return !hdh_read_date(s, strlen(s), &y, &m, &d);
}

static int
Int(const char *s, int32_t want)
{
	int32_t		v = 0;

	return hdh_read_int32(s, strlen(s), &v) && v == want;
}

static int
NoInt(const char *s)
{
	int32_t		v;

	return !hdh_read_int32(s, strlen(s), &v);
}

static int
Bool(const char *s, bool want)
{
	bool		v = !want;

	return hdh_read_bool(s, strlen(s), &v) && v == want;
}

static int
NoBool(const char *s)
{
	bool		v;

	return !hdh_read_bool(s, strlen(s), &v);
}

int
main(void)
{
	CHECK(Date("2024-01-31", 2024, 1, 31));
	CHECK(Date("31/01/2024", 2024, 1, 31));
	CHECK(Date("  5/3/2024\t", 2024, 3, 5));
	CHECK(Date("2024-2-9", 2024, 2, 9));
	CHECK(Date("29/02/2024", 2024, 2, 29));
	CHECK(Date("2000-02-29", 2000, 2, 29));
	CHECK(Date("0001-01-01", 1, 1, 1));
	CHECK(Date("31/12/9999", 9999, 12, 31));
	CHECK(NoDate("29/02/2023"));
	CHECK(NoDate("1900-02-29"));
	CHECK(NoDate("31/04/2024"));
	CHECK(NoDate("2024-13-01"));
	CHECK(NoDate("2024-00-10"));
	CHECK(NoDate("00/01/2024"));
	CHECK(NoDate("0000-01-01"));
	CHECK(NoDate("01/31/2024"));	/* month first: not accepted */
	CHECK(NoDate("31/01/24"));
	CHECK(NoDate("2024/01/31"));
	CHECK(NoDate("31-01-2024"));
	CHECK(NoDate("2024-01-311"));
	CHECK(NoDate("20240-01-31"));
	CHECK(NoDate("2024-01-31 12:00"));
	CHECK(NoDate("2024-01-"));
	CHECK(NoDate("2024-"));
	CHECK(NoDate("31/01/"));
	CHECK(NoDate(""));
	CHECK(NoDate("   "));
	CHECK(NoDate("Jan 31 2024"));
	CHECK(NoDate("+2024-01-31"));

	/* Every day of 1899..2101, both orders; lengths of months by the rule. */
	{
		static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
		int			bad = 0,
					y,
					m,
					d;
		char		buf[48];		/* room for any three ints, as -Wformat-truncation counts */

		for (y = 1899; y <= 2101; y++)
			for (m = 1; m <= 12; m++)
			{
				int			days = len[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));

				for (d = 1; d <= 32; d++)
				{
					int			good = d <= days;

					snprintf(buf, sizeof(buf), "%04d-%02d-%02d", y, m, d);
					if (good ? !Date(buf, y, m, d) : !NoDate(buf))
						bad++;
					snprintf(buf, sizeof(buf), "%d/%d/%04d", d, m, y);
					if (good ? !Date(buf, y, m, d) : !NoDate(buf))
						bad++;
				}
			}
		CHECK(bad == 0);
	}

	{
		size_t		start = 99;
		const char *v = "\xC2\xA0 \tP-001\xC2\xA0x \r\n\xEF\xBB\xBF";

		CHECK(hdh_trim_value(v, strlen(v), true, &start) == 8 && start == 4 && memcmp(v + 4, "P-001\xC2\xA0x", 8) == 0);
		CHECK(hdh_trim_value("  \xC2\xA0\t", 5, true, &start) == 0);
		CHECK(hdh_trim_value("", 0, true, &start) == 0);
		CHECK(hdh_trim_value("abc", 3, true, &start) == 3 && start == 0);
		/* a lone 0xC2 or a cut mark is not blank */
		CHECK(hdh_trim_value("a\xC2", 2, true, &start) == 2);
		CHECK(hdh_trim_value("\xBB\xBF" "a", 3, true, &start) == 3);
		/* Not UTF-8 (a LATIN1 database): those bytes are letters, kept. */
		CHECK(hdh_trim_value("A\xC2\xA0", 3, false, &start) == 3 && start == 0);
		CHECK(hdh_trim_value(" \xEF\xBB\xBF" "a\t", 6, false, &start) == 4 && start == 1);
	}

	CHECK(Int("0", 0));
	CHECK(Int(" 42 ", 42));
	CHECK(Int("+7", 7));
	CHECK(Int("-12", -12));
	CHECK(Int("2147483647", 2147483647));
	CHECK(Int("-2147483648", -2147483647 - 1));
	CHECK(NoInt("2147483648"));
	CHECK(NoInt("-2147483649"));
	CHECK(NoInt("99999999999999999999"));
	CHECK(NoInt(""));
	CHECK(NoInt("-"));
	CHECK(NoInt("1 250"));
	CHECK(NoInt("12.5"));
	CHECK(NoInt("1e3"));
	CHECK(NoInt("twelve"));

	CHECK(Bool("true", true));
	CHECK(Bool(" OUI ", true));
	CHECK(Bool("Vrai", true));
	CHECK(Bool("y", true));
	CHECK(Bool("1", true));
	CHECK(Bool("No", false));
	CHECK(Bool("FAUX", false));
	CHECK(Bool("off", false));
	CHECK(Bool("0", false));
	CHECK(NoBool(""));
	CHECK(NoBool("maybe"));
	CHECK(NoBool("truest"));
	CHECK(NoBool("2"));
	CHECK(NoBool("yes please"));
	return unit_done();
}
