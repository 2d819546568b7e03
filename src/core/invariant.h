/*
 * src/core/invariant.h
 *	  Assertions of the core's internal invariants.
 *
 * HDH_ASSERT(cond) states something that holds unless the core itself is
 * wrong: a view is canonical, a sort sorted, a writer wrote the size it
 * announced. It is never a check of input (input gets an HdhError, see
 * status.h). Like the server's Assert(), it is compiled in only for
 * checking builds: the Makefile defines HDH_ASSERT_CHECKING when the server
 * was configured with --enable-cassert, and always for the unit tests and
 * the fuzz harnesses. A failure prints the condition and aborts, as a failed
 * Assert() does; otherwise the condition is not evaluated.
 */
#ifndef HDH_CORE_INVARIANT_H
#define HDH_CORE_INVARIANT_H

#include <stdbool.h>

#ifdef HDH_ASSERT_CHECKING
#define HDH_ASSERT(cond) \
	((cond) ? (void) 0 : hdh_assert_failed(#cond, __FILE__, __LINE__))
#else
/* Not evaluated, but its variables count as used. */
#define HDH_ASSERT(cond) ((void) sizeof((cond) ? 1 : 0))
#endif

/* Report a failed HDH_ASSERT and abort. */
extern void hdh_assert_failed(const char *cond, const char *file, int line)
#if defined(__GNUC__)
			__attribute__((noreturn))
#endif
			;

/* Whether the checks are compiled in (the unit tests report it). */
extern bool hdh_assert_checking(void);

#endif
