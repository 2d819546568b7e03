/*
 * src/hdh_memory.c
 *	  The core's allocator bound to a memory context (see hdh_memory.h).
 */
#include "postgres.h"

#include "utils/memutils.h"

#include "hdh_memory.h"

/* palloc for the core. */
static void *
PallocFor(void *ctx, size_t size)
{
	return MemoryContextAllocExtended((MemoryContext) ctx, size,
									  MCXT_ALLOC_HUGE | MCXT_ALLOC_NO_OOM);
}

/* pfree for the core. */
static void
PfreeFor(void *ctx, void *ptr)
{
	(void) ctx;
	pfree(ptr);
}

void
hdh_context_allocator(MemoryContext cxt, HdhAlloc *mem)
{
	mem->alloc = PallocFor;
	mem->release = PfreeFor;
	mem->ctx = cxt;
}
