/*
 * src/progress.c
 *	  SQL glue of progress_ratio and progress_status; the math is in
 *	  src/core/progress.c.
 *
 * progress_status takes a target_kind and returns a progress_status, two
 * enums of the extension. Enum OIDs are assigned at CREATE EXTENSION time,
 * so the C code cannot know them: it maps by label. On the first call through
 * a given FmgrInfo it reads the two enum type OIDs from the function's own
 * pg_proc row and turns each label of src/core/progress.c into its OID with
 * enum_in, caching all eleven OIDs in fn_extra. Every later call is then a
 * handful of OID comparisons and no catalog access, which is faster than a
 * SQL wrapper passing text (an enum_out/enum_in pair, i.e. syscache lookups,
 * on every row) and keeps the function a single, non-inlined C call. Mapping
 * by label also survives labels being reordered or added to the enums.
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"

#include "core/progress.h"
#include "hdh_error.h"

PG_FUNCTION_INFO_V1(progress_ratio);
PG_FUNCTION_INFO_V1(progress_status);

/* The enum OIDs of one call site, indexed by the core enums. */
typedef struct ProgressEnumCache
{
	Oid			kind_oid[HDH_TARGET_KIND_COUNT];
	Oid			status_oid[HDH_PROGRESS_STATUS_COUNT];
} ProgressEnumCache;

/*
 * progress_ratio(baseline, baseline_year, current, current_year, target,
 * target_year): the Eurostat ratio R, NULL where it is undefined.
 */
Datum
progress_ratio(PG_FUNCTION_ARGS)
{
	HdhError	err;
	double		ratio;
	bool		has_ratio;

	HDH_CHECK(hdh_progress_ratio(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1),
								 PG_GETARG_FLOAT8(2), PG_GETARG_FLOAT8(3),
								 PG_GETARG_FLOAT8(4), PG_GETARG_FLOAT8(5),
								 &ratio, &has_ratio, &err), &err);
	if (!has_ratio)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(ratio);
}

/* The OID of an enum label, through enum_in so that its checks apply. */
static Oid
EnumLabelOid(Oid enumtype, const char *label)
{
	return DatumGetObjectId(DirectFunctionCall2(enum_in,
												CStringGetDatum(label),
												ObjectIdGetDatum(enumtype)));
}

/* The enum OIDs for this call site, looked up once and kept in fn_extra. */
static ProgressEnumCache *
GetEnumCache(FunctionCallInfo fcinfo)
{
	ProgressEnumCache *cache;
	Oid			rettype;
	Oid		   *argtypes;
	int			nargs;
	int			i;

	if (fcinfo->flinfo == NULL)
		elog(ERROR, "progress_status called without function call information");
	cache = (ProgressEnumCache *) fcinfo->flinfo->fn_extra;
	if (cache != NULL)
		return cache;

	/* The types come from our own declaration, whatever their OIDs are. */
	rettype = get_func_signature(fcinfo->flinfo->fn_oid, &argtypes, &nargs);
	if (nargs < 1)
		elog(ERROR, "progress_status declared without arguments");

	cache = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, sizeof(ProgressEnumCache));
	for (i = 0; i < HDH_TARGET_KIND_COUNT; i++)
		cache->kind_oid[i] = EnumLabelOid(argtypes[0],
										  hdh_target_kind_label((HdhTargetKind) i));
	for (i = 0; i < HDH_PROGRESS_STATUS_COUNT; i++)
		cache->status_oid[i] = EnumLabelOid(rettype,
											hdh_progress_status_label((HdhProgressStatus) i));
	pfree(argtypes);
	fcinfo->flinfo->fn_extra = cache;
	return cache;
}

/*
 * progress_status(kind, target, baseline, baseline_year, current,
 * current_year, target_year): not strict, because missing data is a status
 * (no_data); a NULL kind or target, an undefined target, gives NULL.
 */
Datum
progress_status(PG_FUNCTION_ARGS)
{
	ProgressEnumCache *cache;
	HdhProgressInput in;
	HdhProgressStatus status;
	HdhError	err;
	Oid			kind;
	int			i;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		PG_RETURN_NULL();

	cache = GetEnumCache(fcinfo);
	kind = PG_GETARG_OID(0);
	for (i = 0; i < HDH_TARGET_KIND_COUNT; i++)
		if (cache->kind_oid[i] == kind)
			break;
	if (i == HDH_TARGET_KIND_COUNT)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unsupported target kind \"%s\"",
						DatumGetCString(DirectFunctionCall1(enum_out,
															ObjectIdGetDatum(kind)))),
				 errdetail("progress_status knows at_least, more_than, at_most, less_than and multiply_by.")));

	memset(&in, 0, sizeof(in));
	in.kind = (HdhTargetKind) i;
	in.target = PG_GETARG_FLOAT8(1);
	if ((in.has_baseline = !PG_ARGISNULL(2)))
		in.baseline = PG_GETARG_FLOAT8(2);
	if ((in.has_baseline_year = !PG_ARGISNULL(3)))
		in.baseline_year = PG_GETARG_FLOAT8(3);
	if ((in.has_current = !PG_ARGISNULL(4)))
		in.current = PG_GETARG_FLOAT8(4);
	if ((in.has_current_year = !PG_ARGISNULL(5)))
		in.current_year = PG_GETARG_FLOAT8(5);
	if ((in.has_target_year = !PG_ARGISNULL(6)))
		in.target_year = PG_GETARG_FLOAT8(6);

	HDH_CHECK(hdh_progress_status(&in, &status, &err), &err);
	PG_RETURN_OID(cache->status_oid[status]);
}
