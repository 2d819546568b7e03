/*
 * src/hdh_varlena.c
 *	  Equality and hashing of canonical stored bytes (see hdh_varlena.h).
 */
#include "postgres.h"

#include "access/detoast.h"
#include "common/hashfn.h"
#include "fmgr.h"

#include "hdh_varlena.h"

/* Free a detoasted copy of value. */
static void
FreeIfCopy(struct varlena *v, Datum value)
{
	if ((Pointer) v != DatumGetPointer(value))
		pfree(v);
}

bool
hdh_varlena_equal(Datum a, Datum b)
{
	struct varlena *va;
	struct varlena *vb;
	Size		len;
	bool		same;

	/* Different raw sizes: different values, without detoasting either. */
	if (toast_raw_datum_size(a) != toast_raw_datum_size(b))
		return false;
	va = PG_DETOAST_DATUM_PACKED(a);
	vb = PG_DETOAST_DATUM_PACKED(b);
	len = VARSIZE_ANY_EXHDR(va);
	same = len == VARSIZE_ANY_EXHDR(vb) && memcmp(VARDATA_ANY(va), VARDATA_ANY(vb), len) == 0;
	FreeIfCopy(va, a);
	FreeIfCopy(vb, b);
	return same;
}

Datum
hdh_varlena_hash(Datum value)
{
	struct varlena *v = PG_DETOAST_DATUM_PACKED(value);
	Datum		result = hash_any((const unsigned char *) VARDATA_ANY(v), (int) VARSIZE_ANY_EXHDR(v));

	FreeIfCopy(v, value);
	return result;
}

Datum
hdh_varlena_hash_extended(Datum value, uint64 seed)
{
	struct varlena *v = PG_DETOAST_DATUM_PACKED(value);
	Datum		result = hash_any_extended((const unsigned char *) VARDATA_ANY(v),
										   (int) VARSIZE_ANY_EXHDR(v), seed);

	FreeIfCopy(v, value);
	return result;
}
