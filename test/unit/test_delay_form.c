/*
 * test/unit/test_delay_form.c
 *	  The check of the canonical form of a delay summary
 *	  (src/core/delay_form.c): every rule, with the value it names.
 */
#include <stdint.h>
#include <string.h>

#include "core/delay_form.h"
#include "unit.h"

int
main(void)
{
	HdhError	err;

	/* The largest counts a summary can hold pass. */
	{
		HdhDelayEntry big[2] = {{INT64_MAX / 2, 0, INT32_MAX - 1}, {INT64_MAX / 2, 0, INT32_MAX}};
		HdhDelaySummary b = {big, 2, (INT64_MAX / 2) * 2, 0};

		CHECK(hdh_delay_check(&b, HDH_ERR_DATA, &err) == HDH_OK);
		big[0].completed = INT64_MAX;
		b.completed = INT64_MAX;
		CHECK(hdh_delay_check(&b, HDH_ERR_DATA, &err) == HDH_ERR_RANGE && strstr(err.message, "overflow") != NULL);
	}

	/* hdh_delay_check rejects every non-canonical list. */
	{
		HdhDelayEntry e[3] = {{1, 0, 3}, {1, 1, 4}, {2, 0, 5}};
		HdhDelaySummary c = {e, 3, 4, 1};

		CHECK(hdh_delay_check(&c, HDH_ERR_BINARY, &err) == HDH_OK);
		e[1].day = 3;
		CHECK(hdh_delay_check(&c, HDH_ERR_BINARY, &err) == HDH_ERR_BINARY && strstr(err.message, "day 3") != NULL);
		e[1].day = 5;
		CHECK(hdh_delay_check(&c, HDH_ERR_BINARY, &err) == HDH_ERR_BINARY);	/* duplicate */
		e[1].day = 4;
		e[0].completed = 0;
		CHECK(hdh_delay_check(&c, HDH_ERR_BINARY, &err) == HDH_ERR_BINARY);	/* empty day */
		e[0].completed = 1;
		c.completed = 5;
		CHECK(hdh_delay_check(&c, HDH_ERR_BINARY, &err) == HDH_ERR_BINARY && strstr(err.message, "totals") != NULL);
		c.completed = 4;
		e[2].pending = -1;
		CHECK(hdh_delay_check(&c, HDH_ERR_BINARY, &err) == HDH_ERR_BINARY);
		e[2].pending = 0;
		e[0].day = -4;
		CHECK(hdh_delay_check(&c, HDH_ERR_BINARY, &err) == HDH_ERR_BINARY);
	}
	return unit_done();
}
