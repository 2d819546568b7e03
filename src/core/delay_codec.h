/*
 * src/core/delay_codec.h
 *	  The three encodings of a delay summary: text, binary (wire) and packed
 *	  (stored).
 *
 * Text, stable and human-readable; days ascending in each list, counts > 0:
 *
 *	  completed {0:1, 3:12, 7:1} pending {5:2}
 *	  completed {} pending {}
 *
 * Binary (send/receive), big-endian, fixed width:
 *	  uint8 version (1), uint8 flags (0), int32 n, int64 completed,
 *	  int64 pending, then n times (int32 day, int64 completed, int64 pending).
 *
 * Packed (the stored varlena body and the aggregate's serialized state),
 * little-endian header then LEB128 varints:
 *	  uint8 version (1), uint8 flags (0), uint16 reserved (0), int32 n,
 *	  int64 completed, int64 pending, then n times (varint day gap, varint
 *	  completed, varint pending), the gap being the first day itself, then
 *	  day - previous day - 1.
 *
 * Every reader checks every length, count and order, and the totals against
 * the entries, and fails with an HdhError naming the offending value.
 */
#ifndef HDH_CORE_DELAY_CODEC_H
#define HDH_CORE_DELAY_CODEC_H

#include <stddef.h>
#include <stdint.h>

#include "core/alloc.h"
#include "core/delay_form.h"
#include "core/status.h"

#define HDH_DELAY_FORMAT_VERSION 1
#define HDH_DELAY_WIRE_HEADER 22
#define HDH_DELAY_WIRE_ENTRY 20
#define HDH_DELAY_PACKED_HEADER 24

/* ---- text ---- */

/* Bytes needed by hdh_delay_format, terminating NUL included. */
extern size_t hdh_delay_text_size(const HdhDelaySummary *sum);

/* Write the text form into out (hdh_delay_text_size bytes); returns its length. */
extern size_t hdh_delay_format(const HdhDelaySummary *sum, char *out);

/* Read the text form; entries are allocated from mem and out points to them. */
extern HdhStatus hdh_delay_parse(const char *text, const HdhAlloc *mem,
								 HdhDelaySummary *out, HdhError *err);

/* ---- binary (send / receive) ---- */

extern size_t hdh_delay_wire_size(const HdhDelaySummary *sum);
extern void hdh_delay_wire_write(const HdhDelaySummary *sum, uint8_t *out);
extern HdhStatus hdh_delay_wire_read(const uint8_t *data, size_t len, const HdhAlloc *mem,
									 HdhDelaySummary *out, HdhError *err);

/* ---- packed (stored form, aggregate serialization) ---- */

extern size_t hdh_delay_packed_size(const HdhDelaySummary *sum);
extern void hdh_delay_pack(const HdhDelaySummary *sum, uint8_t *out);

/*
 * Read a packed summary; `status` is the failure class to report
 * (HDH_ERR_DATA for a stored value, HDH_ERR_BINARY for a serialized state).
 */
extern HdhStatus hdh_delay_unpack(const uint8_t *data, size_t len, const HdhAlloc *mem,
								  HdhStatus status, HdhDelaySummary *out, HdhError *err);

#endif
