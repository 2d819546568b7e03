/*
 * src/core/key_sort.c
 *	  Sorts of arrays of 32-bit keys (see key_sort.h).
 */
#include <string.h>

#include "core/key_sort.h"

/* Insertion sort: the fastest for the few keys of a small group. */
void
hdh_insertion_sort(uint32_t *a, int64_t n)
{
	int64_t		i,
				j;

	for (i = 1; i < n; i++)
	{
		uint32_t	v = a[i];

		for (j = i; j > 0 && a[j - 1] > v; j--)
			a[j] = a[j - 1];
		a[j] = v;
	}
}

/*
 * Quicksort (median of three, insertion sort below HDH_INSERTION_SORT_MAX):
 * for the tens to hundreds of keys of a small group, where a radix sort's
 * 256-slot histograms cost more than the keys.
 */
void
hdh_quick_sort(uint32_t *a, int64_t n)
{
	while (n > HDH_INSERTION_SORT_MAX)
	{
		uint32_t	x = a[0],
					y = a[n / 2],
					z = a[n - 1];
		uint32_t	pivot = x < y ? (y < z ? y : (x < z ? z : x)) : (x < z ? x : (y < z ? z : y));
		int64_t		i = 0,
					j = n - 1;

		/* Hoare partition: a[0..j] <= pivot <= a[j+1..n-1] */
		for (;;)
		{
			uint32_t	t;

			while (a[i] < pivot)
				i++;
			while (a[j] > pivot)
				j--;
			if (i >= j)
				break;
			t = a[i];
			a[i++] = a[j];
			a[j--] = t;
		}
		/* recurse into the smaller part, loop on the larger one */
		if (j + 1 < n - j - 1)
		{
			hdh_quick_sort(a, j + 1);
			a += j + 1;
			n -= j + 1;
		}
		else
		{
			hdh_quick_sort(a + j + 1, n - j - 1);
			n = j + 1;
		}
	}
	hdh_insertion_sort(a, n);
}

/*
 * LSD radix sort on the bytes of key - lo (only as many bytes as hi - lo
 * has), skipping a byte that all keys share; returns the array that holds
 * the result (a or tmp). Linear, unlike qsort's n log n.
 */
uint32_t *
hdh_radix_sort(uint32_t *a, uint32_t *tmp, int64_t n, uint32_t lo, uint32_t hi)
{
	uint32_t	span = hi - lo;
	uint32_t   *src = a;
	uint32_t   *dst = tmp;
	int			shift;

	for (shift = 0; shift < 32 && (span >> shift) != 0; shift += 8)
	{
		uint32_t	count[256];
		uint32_t	sum = 0;
		uint32_t   *swap;
		int64_t		i;
		int			b;

		memset(count, 0, sizeof(count));
		for (i = 0; i < n; i++)
			count[((src[i] - lo) >> shift) & 0xff]++;
		if (count[((src[0] - lo) >> shift) & 0xff] == (uint32_t) n)
			continue;			/* every key has the same byte here */
		for (b = 0; b < 256; b++)
		{
			uint32_t	c = count[b];

			count[b] = sum;
			sum += c;
		}
		for (i = 0; i < n; i++)
			dst[count[((src[i] - lo) >> shift) & 0xff]++] = src[i];
		swap = src;
		src = dst;
		dst = swap;
	}
	return src;
}

bool
hdh_keys_sorted(const uint32_t *a, int64_t n)
{
	int64_t		i;

	for (i = 1; i < n; i++)
		if (a[i - 1] > a[i])
			return false;
	return true;
}
