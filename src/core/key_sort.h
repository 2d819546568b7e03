/*
 * src/core/key_sort.h
 *	  Sorts of arrays of 32-bit keys, each for the sizes where it is fastest.
 *
 * Each is fastest for some sizes of input; hdh_delay_sort_keys
 * (delay_runs.c) picks one per batch of keys, delay_runs.h says which when.
 */
#ifndef HDH_CORE_KEY_SORT_H
#define HDH_CORE_KEY_SORT_H

#include <stdbool.h>
#include <stdint.h>

/* Below this many keys quicksort hands over to insertion sort. */
#define HDH_INSERTION_SORT_MAX 12

/* Insertion sort of a[0..n-1], ascending. */
extern void hdh_insertion_sort(uint32_t *a, int64_t n);

/* Quicksort of a[0..n-1] (median of three), ascending. */
extern void hdh_quick_sort(uint32_t *a, int64_t n);

/*
 * LSD radix sort of a[0..n-1] (n > 0), all keys in lo..hi, using tmp (n
 * keys) as the second array; returns the array that holds the result.
 */
extern uint32_t *hdh_radix_sort(uint32_t *a, uint32_t *tmp, int64_t n, uint32_t lo,
								uint32_t hi);

/* Whether a[0..n-1] is ascending: for assertions after a sort. */
extern bool hdh_keys_sorted(const uint32_t *a, int64_t n);

#endif
