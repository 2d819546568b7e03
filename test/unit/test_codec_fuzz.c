/*
 * test/unit/test_codec_fuzz.c
 *	  What the fuzzing of the codecs (test/fuzz/) left behind: one regression
 *	  test per crash it found, and a check of its seed corpora (a seed named
 *	  "*bad_*" must be refused by its decoder, every other seed accepted), so
 *	  the seeds keep meaning what the documentation says they mean.
 *
 * Run from the top of the tree (make unit does), where test/fuzz/corpus is.
 */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/delay_codec.h"
#include "core/year_counts_codec.h"
#include "core_test.h"
#include "unit.h"

static const HdhAlloc mem = {TestAlloc, TestRelease, NULL};

/* The whole of a file, NUL-terminated (for the text decoders); NULL if unreadable. */
static unsigned char *
ReadFile(const char *path, size_t *len)
{
	FILE	   *f = fopen(path, "rb");
	unsigned char *buf = NULL;
	size_t		cap = 0;

	*len = 0;
	if (f == NULL)
		return NULL;
	for (;;)
	{
		size_t		got;

		if (*len + 4096 + 1 > cap)
		{
			cap = (*len + 4096 + 1) * 2;
			buf = realloc(buf, cap);
			if (buf == NULL)
				break;
		}
		got = fread(buf + *len, 1, 4096, f);
		*len += got;
		if (got < 4096)
			break;
	}
	fclose(f);
	if (buf != NULL)
		buf[*len] = '\0';
	return buf;
}

/* Decode one seed with the decoder of its harness; HDH_OK when accepted. */
static HdhStatus
DecodeSeed(const char *harness, const unsigned char *buf, size_t len, HdhError *err)
{
	HdhDelaySummary s;
	HdhStatus	st;
	int32_t		first,
				count;

	if (strcmp(harness, "delay_text") == 0)
		st = hdh_delay_parse((const char *) buf, &mem, &s, err);
	else if (strcmp(harness, "delay_wire") == 0)
		st = hdh_delay_wire_read(buf, len, &mem, &s, err);
	else if (strcmp(harness, "delay_packed") == 0)
		st = hdh_delay_unpack(buf, len, &mem, HDH_ERR_DATA, &s, err);
	else if (strcmp(harness, "year_counts_text") == 0)
		return hdh_year_counts_parse((const char *) buf, &first, &count, NULL, err);
	else if (strcmp(harness, "year_counts_binary") == 0)
		return hdh_year_counts_decode(buf, len, &first, &count, NULL, err);
	else if (strcmp(harness, "year_counts_stored") == 0)
	{
		/* The seed follows the varlena header, as in the harness. */
		size_t		header = offsetof(HdhYearCountsStored, version);
		HdhYearCountsStored *stored = malloc(header + len);
		HdhYearCounts yc;

		memcpy((unsigned char *) stored + header, buf, len);
		st = hdh_year_counts_load(stored, header + len, HDH_ERR_DATA, &yc, err);
		free(stored);
		return st;
	}
	else
		return hdh_fail(err, HDH_ERR_VALUE, NULL, "no decoder for harness %s", harness);
	if (st == HDH_OK)
		free((void *) s.entries);
	return st;
}

/* Every seed of one harness: "*bad_*" refused, the others accepted. */
static void
CheckCorpus(const char *harness)
{
	char		dirname[256];
	DIR		   *dir;
	struct dirent *de;
	int			seeds = 0;

	snprintf(dirname, sizeof(dirname), "test/fuzz/corpus/%s", harness);
	dir = opendir(dirname);
	CHECK(dir != NULL);
	if (dir == NULL)
		return;
	while ((de = readdir(dir)) != NULL)
	{
		char		path[512];
		unsigned char *buf;
		size_t		len;
		HdhError	err;
		HdhStatus	st;
		int			bad = strstr(de->d_name, "bad_") != NULL;

		if (de->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", dirname, de->d_name);
		buf = ReadFile(path, &len);
		if (buf == NULL)
		{
			unit_report(0, __FILE__, __LINE__, path);
			continue;
		}
		st = DecodeSeed(harness, buf, len, &err);
		unit_report(bad ? st != HDH_OK : st == HDH_OK, __FILE__, __LINE__, path);
		if (!bad && st != HDH_OK)
			printf("# %s refused: %s (%s)\n", path, err.message, err.detail);
		free(buf);
		seeds++;
	}
	closedir(dir);
	CHECK(seeds >= 10);
}

int
main(void)
{
	HdhError	err;
	HdhDelaySummary s;

	/*
	 * delay_packed, found by the delay_packed harness in its first run: a day
	 * gap after day 2147483647. The bound on the gap was computed as
	 * (uint64) (2147483647 - day - 1), which wraps to 2^64 - 1 when day is
	 * already the largest, so any gap passed and day + 1 + gap overflowed
	 * int64 (undefined behaviour, reported by UBSan; without it the day
	 * wrapped and a later check refused the value for the wrong reason).
	 * Entry 2 must be refused as out of range. The first input is the
	 * fuzzer's own (test/fuzz/corpus/delay_packed/regress-bad_gap_after_max_day):
	 * n = 2, day 2147483647, then a gap of 2^63 - 1; the second a gap of 0.
	 */
	{
		static const unsigned char packed[] = {
			0x01, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0xff, 0xff, 0xff, 0xff,
			0xff, 0xff, 0xff, 0x7f, 0xff, 0xff, 0xff, 0xff, 0x00, 0x00, 0x7f, 0xfe,
			0xff, 0xff, 0xff, 0xff, 0x07, 0xff, 0xff, 0xff, 0x7f, 0xff, 0xff, 0xff,
			0xff, 0xff, 0x07, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f,
			0xff, 0xff, 0xff, 0xff, 0xff, 0x07, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01,
			0x7f, 0x01,
		};
		static const unsigned char gap0[] = {
			0x01, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00,
			0x02, 0, 0, 0, 0, 0, 0, 0,
			0x00, 0, 0, 0, 0, 0, 0, 0,
			0xff, 0xff, 0xff, 0xff, 0x07, 0x01, 0x00,
			0x00, 0x01, 0x00,	/* gap 0: day 2147483648 */
		};

		CHECK(hdh_delay_unpack(packed, sizeof(packed), &mem, HDH_ERR_DATA, &s, &err) == HDH_ERR_DATA);
		CHECK(strstr(err.message, "entry 2 is out of range") != NULL);
		CHECK(hdh_delay_unpack(gap0, sizeof(gap0), &mem, HDH_ERR_BINARY, &s, &err) == HDH_ERR_BINARY);
		CHECK(strstr(err.message, "entry 2 is out of range") != NULL);
		/* the same value with its last entry alone is fine */
		{
			static const unsigned char one[] = {
				0x01, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00,
				0x01, 0, 0, 0, 0, 0, 0, 0,
				0x00, 0, 0, 0, 0, 0, 0, 0,
				0xff, 0xff, 0xff, 0xff, 0x07, 0x01, 0x00,
			};

			CHECK(hdh_delay_unpack(one, sizeof(one), &mem, HDH_ERR_DATA, &s, &err) == HDH_OK);
			CHECK(s.n == 1 && s.entries[0].day == INT32_MAX && s.completed == 1);
			free((void *) s.entries);
		}
	}

	CheckCorpus("delay_text");
	CheckCorpus("delay_wire");
	CheckCorpus("delay_packed");
	CheckCorpus("year_counts_text");
	CheckCorpus("year_counts_binary");
	CheckCorpus("year_counts_stored");
	return unit_done();
}
