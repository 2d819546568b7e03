/*
 * src/core/alloc.c
 *	  The core's allocation through the caller's allocator (see alloc.h).
 */
#include "core/alloc.h"

void *
hdh_alloc(const HdhAlloc *mem, size_t size, HdhError *err)
{
	void	   *p = mem->alloc(mem->ctx, size == 0 ? 1 : size);

	if (p == NULL)
		hdh_fail(err, HDH_ERR_LIMIT, NULL,
				 "out of memory allocating %zu bytes", size);
	return p;
}

void
hdh_release(const HdhAlloc *mem, const void *ptr)
{
	if (ptr != NULL && mem->release != NULL)
		mem->release(mem->ctx, (void *) ptr);
}
