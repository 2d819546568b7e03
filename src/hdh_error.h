/*
 * src/hdh_error.h
 *	  Raising a core HdhError as a PostgreSQL ERROR.
 */
#ifndef HDH_ERROR_H
#define HDH_ERROR_H

#include "core/status.h"

/* ereport(ERROR) with the SQLSTATE of err->status; never returns. */
extern void hdh_raise(const HdhError *err) pg_attribute_noreturn();

/* Raise when a core call failed: HDH_CHECK(core_call(..., &err), &err). */
#define HDH_CHECK(call, err) \
	do { if ((call) != HDH_OK) hdh_raise(err); } while (0)

/*
 * The same as an internal error (XX000): for failures that mean a bug, such
 * as a moving aggregate's inverse removing more than was added.
 */
extern void hdh_raise_internal(const HdhError *err) pg_attribute_noreturn();

#define HDH_CHECK_INTERNAL(call, err) \
	do { if ((call) != HDH_OK) hdh_raise_internal(err); } while (0)

#endif
