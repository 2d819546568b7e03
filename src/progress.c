/*
 * src/progress.c
 *	  SQL glue of progress_ratio and progress_status; the math is in
 *	  src/core/progress_assessment.c.
 *
 * progress_status takes a target_kind and returns a progress_status, two
 * enums of the extension. Enum OIDs are assigned at CREATE EXTENSION time,
 * so the C code cannot know them: it maps by label. On the first call through
 * a given FmgrInfo it reads the two enum type OIDs from the function's own
 * pg_proc row and turns each label of src/core/progress_assessment.c into its OID through
 * the syscache, caching all twelve OIDs in fn_extra. Every later call is then a
 * handful of OID comparisons and no catalog access, which is faster than a
 * SQL wrapper passing text (an enum_out/enum_in pair, i.e. syscache lookups,
 * on every row) and keeps the function a single, non-inlined C call. Mapping
 * by label also survives labels being reordered or added to the enums.
 */
#include "postgres.h"

#include "catalog/pg_enum.h"
#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/syscache.h"

#include "core/progress_assessment.h"
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

/*
 * The OID of an enum label from the syscache, InvalidOid when the enum lacks
 * it. Not through enum_in: that refuses a label added in the current
 * transaction ("unsafe use of new value"), and the upgrade to 0.3.0 adds
 * 'missed' and then computes the scorecard in the same transaction.
 * Returning the OID is safe: the label is not compared or indexed here.
 */
static Oid
EnumLabelOid(Oid enumtype, const char *label)
{
	return GetSysCacheOid2(ENUMTYPOIDNAME, Anum_pg_enum_oid,
						   ObjectIdGetDatum(enumtype), CStringGetDatum(label));
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
 * current_year, target_year [, final]): not strict, because missing data is a
 * status (no_data); a NULL kind or target, an undefined target, gives NULL.
 * The eight-argument form says whether the measurement is final (a verdict);
 * NULL there, or the seven-argument form, means current_year >= target_year.
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
				 errdetail("The target kinds are at_least, more_than, at_most, less_than and multiply_by.")));

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
	if (PG_NARGS() > 7 && (in.has_final = !PG_ARGISNULL(7)))
		in.final = PG_GETARG_BOOL(7);

	HDH_CHECK(hdh_progress_status(&in, &status, &err), &err);

	/*
	 * A database whose SQL objects predate 'missed' (0.2.0, before ALTER
	 * EXTENSION ... UPDATE) keeps its own rule: the progress class, never a
	 * verdict.
	 */
	if (status == HDH_MISSED && !OidIsValid(cache->status_oid[HDH_MISSED]))
	{
		in.has_final = true;
		in.final = false;
		HDH_CHECK(hdh_progress_status(&in, &status, &err), &err);
	}
	if (!OidIsValid(cache->status_oid[status]))
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("type progress_status has no label \"%s\"",
						hdh_progress_status_label(status)),
				 errhint("Run ALTER EXTENSION hdh_roadmap UPDATE: the extension's SQL objects are older than its library.")));
	PG_RETURN_OID(cache->status_oid[status]);
}
