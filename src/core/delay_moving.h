/*
 * src/core/delay_moving.h
 *	  The state of the delay aggregates in moving-aggregate mode (a sliding
 *	  window frame): delays and summaries come in and go out, and a view
 *	  gives the canonical summary (delay_form.h) of what is in.
 *
 * The accumulating state (delay_state.h) is append-only and cheap per row;
 * this one pays a hash lookup per row to be removable: an open-addressing
 * map (linear probing, backward-shift deletion) from a day to its completed
 * and pending counts, a day leaving the map when both reach 0, and the
 * totals. A removal below zero fails with HDH_ERR_DATA and changes nothing:
 * PostgreSQL removes only what it added, so it means a bug. Memory comes
 * from the caller's allocator (alloc.h).
 *
 * The view (the days sorted) is kept between calls. A frame that slides by
 * a row or a few between two views notes the days it changed, and the next
 * view updates only those, by binary search (a day that appears or leaves
 * moves the entries after it): a frame read after every row costs the rows
 * entering and leaving it, not a sort of its days. Past HDH_MOVING_NOTED
 * changes (a frame that slides by a month of rows, or a summary rolled in)
 * the next view sorts the map again.
 */
#ifndef HDH_CORE_DELAY_MOVING_H
#define HDH_CORE_DELAY_MOVING_H

#include <stdbool.h>
#include <stdint.h>

#include "core/alloc.h"
#include "core/delay_form.h"
#include "core/status.h"

/* Changes noted between two views before the next view sorts again. */
#define HDH_MOVING_NOTED 32

/* One slot of the map: an empty slot has day -1. */
typedef struct HdhDelayMovingSlot
{
	int64_t		completed;
	int64_t		pending;
	int32_t		day;
} HdhDelayMovingSlot;

typedef struct HdhDelayMoving
{
	HdhAlloc	mem;
	HdhDelayMovingSlot *slots;	/* cap slots, NULL while empty */
	uint32_t	cap;			/* a power of 2, or 0 */
	uint32_t	used;			/* days in the map */
	int64_t		completed;		/* totals */
	int64_t		pending;
	HdhDelayEntry *view;		/* the last view's entries, sorted by day */
	int32_t		view_cap;
	int32_t		nview;			/* entries in view */
	bool		view_valid;		/* view + the noted days = the map */
	int32_t		nnoted;			/* days changed since the view */
	int32_t		noted[HDH_MOVING_NOTED];
} HdhDelayMoving;

/* Start an empty map whose memory comes from mem. */
extern void hdh_delay_moving_init(HdhDelayMoving *m, const HdhAlloc *mem);

/* Give back its memory; it is empty afterwards. */
extern void hdh_delay_moving_free(HdhDelayMoving *m);

/* Add one delay of `day` days (0 .. HDH_DELAY_MAX_DAY), completed or pending. */
extern HdhStatus hdh_delay_moving_add(HdhDelayMoving *m, int64_t day, bool pending,
									  HdhError *err);

/* Remove one delay added before. */
extern HdhStatus hdh_delay_moving_remove(HdhDelayMoving *m, int64_t day, bool pending,
										 HdhError *err);

/* Add every delay of a canonical summary. */
extern HdhStatus hdh_delay_moving_add_summary(HdhDelayMoving *m, const HdhDelaySummary *sum,
											  HdhError *err);

/* Remove every delay of a canonical summary added before (all or nothing). */
extern HdhStatus hdh_delay_moving_remove_summary(HdhDelayMoving *m,
												 const HdhDelaySummary *sum,
												 HdhError *err);

/*
 * The canonical summary of what the map holds, sorted by day; its entries
 * belong to the map and stay valid until the map next changes.
 */
extern HdhStatus hdh_delay_moving_view(HdhDelayMoving *m, HdhDelaySummary *out,
									   HdhError *err);

#endif
