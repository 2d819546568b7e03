/*
 * src/hdh_error.h
 *	  Raising a core HdhError as a PostgreSQL ERROR; the module's message
 *	  catalog.
 *
 * Every file of src/ that calls ereport includes this header, so that its
 * errmsg, errdetail and errhint are looked up in the module's catalog
 * (hdh_roadmap-15.mo) rather than the server's, as plpgsql.h does for PL/pgSQL.
 */
#ifndef HDH_ERROR_H
#define HDH_ERROR_H

#include "core/status.h"

#undef TEXTDOMAIN
#define TEXTDOMAIN PG_TEXTDOMAIN("hdh_roadmap")

/* Binds the catalog and installs the core's translation hook: from _PG_init. */
extern void hdh_error_init(void);

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
