/*
 * src/hdh_varlena.h
 *	  Equality and hashing of the stored bytes of a type that has exactly one
 *	  stored form per value (delay_summary, year_counts).
 *
 * For such a type two values are equal exactly when their detoasted bytes
 * are equal, and hashing the bytes is consistent with that equality; each
 * type's file says why its stored form is unique. No byte is interpreted, so
 * a corrupted value cannot crash these (it compares unequal; every other
 * reader reports it). The varlena header is not compared: a value may be
 * stored with a short (1-byte) header, compressed or out of line, and in
 * memory with a 4-byte one.
 */
#ifndef HDH_VARLENA_H
#define HDH_VARLENA_H

#include "postgres.h"

/* Whether a and b hold the same bytes (different raw sizes: no detoasting). */
extern bool hdh_varlena_equal(Datum a, Datum b);

/* Hash of the bytes hdh_varlena_equal compares (hash_any). */
extern Datum hdh_varlena_hash(Datum value);

/* 64-bit seeded hash of the same bytes; seed 0 agrees with hdh_varlena_hash. */
extern Datum hdh_varlena_hash_extended(Datum value, uint64 seed);

#endif
