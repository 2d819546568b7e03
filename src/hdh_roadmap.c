/*
 * src/hdh_roadmap.c
 *	  Module entry point of the hdh_roadmap extension.
 *
 * Each SQL type or concept has its own file in src/; the math behind them is
 * in src/core/, free of server headers.
 */
#include "postgres.h"

#include "fmgr.h"

#include "hdh_error.h"

PG_MODULE_MAGIC;

void		_PG_init(void);

/* Loading the module: its messages in the session's language. */
void
_PG_init(void)
{
	hdh_error_init();
}
