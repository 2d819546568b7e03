/*
 * src/hdh_agg.h
 *	  What the aggregate support functions of every type share.
 */
#ifndef HDH_AGG_H
#define HDH_AGG_H

#include "fmgr.h"

/* The aggregate's memory context, or an ERROR when called outside an aggregate. */
static inline MemoryContext
hdh_agg_context(FunctionCallInfo fcinfo, const char *name)
{
	MemoryContext aggcontext;

	if (!AggCheckCallContext(fcinfo, &aggcontext))
		elog(ERROR, "%s called in non-aggregate context", name);
	return aggcontext;
}

/*
 * The transitions' fast paths skip AggCheckCallContext: a non-NULL internal
 * state can only come from an aggregate. Assert-enabled servers check it.
 */
#define HDH_ASSERT_AGG_CALL(fcinfo) Assert(AggCheckCallContext((fcinfo), NULL) != 0)

#endif
