/*
 * src/core/invariant.c
 *	  The failure of an HDH_ASSERT (see invariant.h).
 */
#include <stdio.h>
#include <stdlib.h>

#include "core/invariant.h"

/* Written like the server's failed Assert() so the server log reads alike. */
void
hdh_assert_failed(const char *cond, const char *file, int line)
{
	fprintf(stderr, "TRAP: failed HDH_ASSERT(\"%s\"), File: \"%s\", Line: %d\n", cond, file, line);
	fflush(stderr);
	abort();
}

bool
hdh_assert_checking(void)
{
#ifdef HDH_ASSERT_CHECKING
	return true;
#else
	return false;
#endif
}
