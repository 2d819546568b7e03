/*
 * test/memory/asan_startup_fix.c
 *	  Preloaded after libasan by `test/run --asan` so that PostgreSQL's
 *	  binaries start at all under AddressSanitizer on Debian 12.
 *
 * A preloaded libasan initialises lazily, at the first malloc. In postgres
 * (and psql) that first malloc comes from p11-kit's constructor (pulled in
 * through libldap and gnutls) while it holds glibc's locale lock inside
 * newlocale(). Part of ASan's start-up is a dlsym() of "swift_demangle"
 * followed by dlerror(); the failed lookup makes dlerror() translate its
 * message with gettext, which takes the locale locks again from inside that
 * critical section and leaves them inconsistent: the next bindtextdomain()
 * (PostgreSQL's set_pglocale_pgservice) then waits forever. Defining the
 * symbol makes the lookup succeed, so dlerror() has nothing to translate.
 *
 * Test tooling only: compiled into the throwaway test folder, never part of
 * hdh_roadmap.so nor of `make install`.
 */
#include <stddef.h>

char	   *swift_demangle(const char *mangled, size_t mangled_len, char *out,
						   size_t *out_len, unsigned flags);

/*
 * The symbolizer calls this for every name it prints; NULL means "not a
 * Swift name", so it falls back to its usual C/C++ demangling.
 */
char *
swift_demangle(const char *mangled, size_t mangled_len, char *out,
			   size_t *out_len, unsigned flags)
{
	(void) mangled;
	(void) mangled_len;
	(void) out;
	(void) out_len;
	(void) flags;
	return NULL;
}
