/*
 * src/hdh_memory.h
 *	  The core's allocator (src/core/alloc.h) bound to a memory context.
 */
#ifndef HDH_MEMORY_H
#define HDH_MEMORY_H

#include "postgres.h"

#include "core/alloc.h"

/*
 * An allocator that pallocs in cxt: huge allocations allowed, NULL rather
 * than an ERROR when out of memory (so the core can name what it was
 * allocating), pfree to give back.
 */
extern void hdh_context_allocator(MemoryContext cxt, HdhAlloc *mem);

#endif
