/*
 * src/core/alloc.h
 *	  How the core obtains and gives back memory, without server headers.
 *
 * The caller passes its allocator (palloc in a memory context in the
 * server, malloc in the tests): alloc returns NULL when out of memory (the
 * core then fails with HDH_ERR_LIMIT naming the size); release may be NULL
 * when memory is freed in bulk (a memory context).
 */
#ifndef HDH_CORE_ALLOC_H
#define HDH_CORE_ALLOC_H

#include <stddef.h>

#include "core/status.h"

/* One allocator for every type of the core. */
typedef struct HdhAlloc
{
	void	   *(*alloc) (void *ctx, size_t size);
	void		(*release) (void *ctx, void *ptr);
	void	   *ctx;
} HdhAlloc;

/* size bytes (at least one) from mem, or NULL after a LIMIT failure naming the size. */
extern void *hdh_alloc(const HdhAlloc *mem, size_t size, HdhError *err);

/* Give a block back when the allocator frees single blocks; NULL is ignored. */
extern void hdh_release(const HdhAlloc *mem, const void *ptr);

#endif
