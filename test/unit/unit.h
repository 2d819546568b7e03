/*
 * test/unit/unit.h
 *	  A minimal TAP producer for the C unit tests of src/core/.
 *
 * Each test program includes this header, calls CHECK for every assertion
 * and ends with "return unit_done();". The output is TAP ("ok N - ...",
 * "not ok N - ...", then the plan), so prove or test/run can count it.
 */
#ifndef HDH_TEST_UNIT_H
#define HDH_TEST_UNIT_H

#include <math.h>
#include <stdio.h>

static int	unit_run;
static int	unit_failed;

static inline void
unit_report(int ok, const char *file, int line, const char *what)
{
	unit_run++;
	if (!ok)
		unit_failed++;
	printf("%sok %d - %s:%d: %s\n", ok ? "" : "not ", unit_run, file, line, what);
}

/* Assert a condition; the message is the condition's source text. */
#define CHECK(cond) unit_report((cond) ? 1 : 0, __FILE__, __LINE__, #cond)

/* Assert two doubles agree to a relative tolerance (both NaN counts as equal). */
#define CHECK_NEAR(got, want, tol) \
	unit_report(unit_near((got), (want), (tol)), __FILE__, __LINE__, #got " ~= " #want)

static inline int
unit_near(double got, double want, double tol)
{
	double		scale = fabs(want) > 1.0 ? fabs(want) : 1.0;

	if (isnan(got) || isnan(want))
		return isnan(got) && isnan(want);
	return fabs(got - want) <= tol * scale;
}

static inline int
unit_done(void)
{
	printf("1..%d\n", unit_run);
	return unit_failed == 0 ? 0 : 1;
}

#endif
