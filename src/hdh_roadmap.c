/*
 * src/hdh_roadmap.c
 *	  Module entry point of the hdh_roadmap extension.
 *
 * Each SQL type or concept has its own file in src/; the math behind them is
 * in src/core/, free of server headers.
 */
#include "postgres.h"

#include "fmgr.h"

PG_MODULE_MAGIC;
