/*
 * test/unit/test_delay_codec.c
 *	  Text, binary and packed encodings of delay summaries: exact strings,
 *	  round trips of random summaries, a list of malformed inputs, and a
 *	  mutation fuzz: any input a reader accepts must be canonical (writing it
 *	  back gives the same bytes), and no input may crash.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/delay_codec.h"
#include "core/delay_state.h"
#include "core_test.h"
#include "unit.h"

static const HdhAlloc mem = {TestAlloc, TestRelease, NULL};	/* test/lib/core_test.h */

static uint64_t rng_state = 0x2545F4914F6CDD1DULL;

/* A random canonical summary into e (room for max entries). */
static void
RandomSummary(HdhDelayEntry *e, int32_t max, HdhDelaySummary *s)
{
	int32_t		n = (int32_t) (TestRand(&rng_state) % (uint64_t) (max + 1));
	int64_t		day = -1;
	int32_t		i;
	int			shape = (int) (TestRand(&rng_state) % 3);

	s->entries = e;
	s->n = n;
	s->completed = s->pending = 0;
	for (i = 0; i < n; i++)
	{
		int64_t		gap = shape == 0 ? (int64_t) (TestRand(&rng_state) % 3) : (int64_t) (TestRand(&rng_state) % 100000);
		int			kind = (int) (TestRand(&rng_state) % 3);
		int64_t		big = shape == 2 ? (int64_t) (TestRand(&rng_state) >> 4) : (int64_t) (TestRand(&rng_state) % 1000) + 1;

		day += 1 + gap;
		if (day > INT32_MAX)
		{
			s->n = i;
			break;
		}
		e[i].day = (int32_t) day;
		e[i].completed = kind != 1 ? big / (n + 1) + 1 : 0;
		e[i].pending = kind != 0 ? (int64_t) (TestRand(&rng_state) % 5) + 1 : 0;
		s->completed += e[i].completed;
		s->pending += e[i].pending;
	}
}

/* Parse text; returns the status and frees what was read. */
static HdhStatus
ParseStatus(const char *text, HdhError *err)
{
	HdhDelaySummary s;
	HdhStatus	st = hdh_delay_parse(text, &mem, &s, err);

	if (st == HDH_OK)
		free((void *) s.entries);
	return st;
}

/* Format s into a fresh string. */
static char *
Format(const HdhDelaySummary *s)
{
	char	   *out = malloc(hdh_delay_text_size(s));

	hdh_delay_format(s, out);
	return out;
}

/* Text read back must format to the same string (canonical). */
static bool
TextCanonical(const char *text)
{
	HdhDelaySummary s;
	HdhError	err;
	char	   *again;
	bool		ok;

	if (hdh_delay_parse(text, &mem, &s, &err) != HDH_OK)
		return false;
	again = Format(&s);
	ok = strcmp(again, text) == 0;
	free(again);
	free((void *) s.entries);
	return ok;
}

int
main(void)
{
	HdhError	err;
	HdhDelaySummary s;
	int			round;

	/* Exact text of a hand-made summary, and of the empty one. */
	{
		HdhDelayEntry e[4] = {{1, 0, 0}, {12, 0, 3}, {0, 2, 5}, {1, 1, 7}};
		HdhDelaySummary h = {e, 4, 14, 3};
		HdhDelaySummary empty = {NULL, 0, 0, 0};
		char	   *t = Format(&h);

		CHECK(strcmp(t, "completed {0:1, 3:12, 7:1} pending {5:2, 7:1}") == 0);
		free(t);
		t = Format(&empty);
		CHECK(strcmp(t, "completed {} pending {}") == 0);
		free(t);
		CHECK(hdh_delay_parse("completed {0:1, 3:12, 7:1} pending {5:2, 7:1}", &mem, &s, &err) == HDH_OK);
		CHECK(TestSameSummary(&s, &h));
		free((void *) s.entries);
		/* whitespace is free, leading zeros are read as numbers */
		CHECK(hdh_delay_parse("  completed{0:1,3 : 012,7:1}\n\tpending {  5:2 ,7:1 }  ", &mem, &s, &err) == HDH_OK);
		CHECK(TestSameSummary(&s, &h));
		free((void *) s.entries);
		CHECK(hdh_delay_parse("completed{}pending{}", &mem, &s, &err) == HDH_OK);
		CHECK(s.n == 0 && s.completed == 0 && s.pending == 0);
		free((void *) s.entries);
		/* the extremes */
		CHECK(TextCanonical("completed {2147483647:9223372036854775807} pending {0:9223372036854775807}"));
	}

	/* Malformed literals: syntax (22P02) or range (22003), never accepted. */
	{
		static const struct
		{
			const char *text;
			HdhStatus	status;
			const char *names;	/* a piece of the message or detail */
		}			bad[] = {
			{"", HDH_ERR_SYNTAX, "Expected \"completed {\""},
			{"completed {}", HDH_ERR_SYNTAX, "pending"},
			{"pending {} completed {}", HDH_ERR_SYNTAX, "completed"},
			{"completed {1:2 pending {}", HDH_ERR_SYNTAX, "pending"},
			{"completed {1:2} pending {3:4", HDH_ERR_SYNTAX, "closing"},
			{"completed {1:2} pending {} x", HDH_ERR_SYNTAX, "x"},
			{"completed {1:2,} pending {}", HDH_ERR_SYNTAX, "comma"},
			{"completed {,1:2} pending {}", HDH_ERR_SYNTAX, ",1:2"},
			{"completed {1:2 3:4} pending {}", HDH_ERR_SYNTAX, "3:4"},
			{"completed {1} pending {}", HDH_ERR_SYNTAX, "after day 1"},
			{"completed {1:} pending {}", HDH_ERR_SYNTAX, "count"},
			{"completed {:5} pending {}", HDH_ERR_SYNTAX, "day"},
			{"completed {-1:5} pending {}", HDH_ERR_SYNTAX, "-1:5"},
			{"completed {1:-5} pending {}", HDH_ERR_SYNTAX, "-5"},
			{"completed {1.5:5} pending {}", HDH_ERR_SYNTAX, ".5:5"},
			{"completed {1:0} pending {}", HDH_ERR_SYNTAX, "Day 1 has count 0"},
			{"completed {3:1, 2:1} pending {}", HDH_ERR_SYNTAX, "Day 2 follows day 3"},
			{"completed {3:1, 3:1} pending {}", HDH_ERR_SYNTAX, "Day 3 follows day 3"},
			{"completed {} pending {9:1, 4:1}", HDH_ERR_SYNTAX, "pending list"},
			{"completed {2147483648:1} pending {}", HDH_ERR_RANGE, "2147483648"},
			{"completed {1:9223372036854775808} pending {}", HDH_ERR_RANGE, "9223372036854775808"},
			{"completed {1:9223372036854775807, 2:1} pending {}", HDH_ERR_RANGE, "day 2"},
			{"completed {1:1} pending {} pending {}", HDH_ERR_SYNTAX, "pending {}"},
			{"COMPLETED {} pending {}", HDH_ERR_SYNTAX, "COMPLETED"},
			{"completed {1:1}} pending {}", HDH_ERR_SYNTAX, "}"},
			{"completed {{1:1} pending {}", HDH_ERR_SYNTAX, "{1:1"},
		};
		size_t		i;

		for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		{
			HdhStatus	st = ParseStatus(bad[i].text, &err);
			bool		ok = st == bad[i].status &&
				(strstr(err.message, bad[i].names) != NULL || strstr(err.detail, bad[i].names) != NULL);

			if (!ok)
				printf("# %s -> %d: %s / %s\n", bad[i].text, (int) st, err.message, err.detail);
			unit_report(ok, __FILE__, __LINE__, bad[i].text);
		}
		/* a long literal is shortened in the message */
		{
			char		longtext[400];

			memset(longtext, 'x', sizeof(longtext) - 1);
			longtext[sizeof(longtext) - 1] = '\0';
			CHECK(ParseStatus(longtext, &err) == HDH_ERR_SYNTAX && strlen(err.message) < 200 &&
				  strstr(err.message, "...") != NULL);
		}
	}

	/* Random summaries round-trip through all three encodings. */
	for (round = 0; round < 300; round++)
	{
		HdhDelayEntry e[64];
		HdhDelaySummary r,
					back;
		char	   *text;
		uint8_t    *buf;
		size_t		len;
		bool		ok = true;

		RandomSummary(e, round < 10 ? round : 64, &r);
		ok = hdh_delay_check(&r, HDH_ERR_DATA, &err) == HDH_OK;

		text = Format(&r);
		ok = ok && strlen(text) < hdh_delay_text_size(&r);
		ok = ok && hdh_delay_parse(text, &mem, &back, &err) == HDH_OK && TestSameSummary(&r, &back);
		if (ok)
			free((void *) back.entries);
		free(text);

		len = hdh_delay_wire_size(&r);
		buf = malloc(len);
		hdh_delay_wire_write(&r, buf);
		ok = ok && hdh_delay_wire_read(buf, len, &mem, &back, &err) == HDH_OK && TestSameSummary(&r, &back);
		if (ok)
			free((void *) back.entries);
		free(buf);

		len = hdh_delay_packed_size(&r);
		buf = malloc(len);
		hdh_delay_pack(&r, buf);
		ok = ok && hdh_delay_unpack(buf, len, &mem, HDH_ERR_DATA, &back, &err) == HDH_OK &&
			TestSameSummary(&r, &back);
		if (ok)
			free((void *) back.entries);
		free(buf);
		unit_report(ok, __FILE__, __LINE__, "random summary round-trips (text, binary, packed)");
	}

	/* Crafted binary values: each fails with a message naming the problem. */
	{
		HdhDelayEntry e[2] = {{3, 1, 2}, {4, 0, 9}};
		HdhDelaySummary good = {e, 2, 7, 1};
		uint8_t		w[HDH_DELAY_WIRE_HEADER + 2 * HDH_DELAY_WIRE_ENTRY + 1];
		size_t		len = hdh_delay_wire_size(&good);
		uint8_t		x[sizeof(w)];
		size_t		cut;
		bool		all = true;

		hdh_delay_wire_write(&good, w);
		CHECK(hdh_delay_wire_read(w, len, &mem, &s, &err) == HDH_OK);
		free((void *) s.entries);
		for (cut = 0; cut < len; cut++)
			all = all && hdh_delay_wire_read(w, cut, &mem, &s, &err) == HDH_ERR_BINARY;
		CHECK(all);				/* every truncation */
		memcpy(x, w, len);
		x[len] = 0;
		CHECK(hdh_delay_wire_read(x, len + 1, &mem, &s, &err) == HDH_ERR_BINARY);	/* trailing byte */
		memcpy(x, w, len);
		x[0] = 2;
		CHECK(hdh_delay_wire_read(x, len, &mem, &s, &err) == HDH_ERR_BINARY && strstr(err.message, "version 2"));
		memcpy(x, w, len);
		x[1] = 1;
		CHECK(hdh_delay_wire_read(x, len, &mem, &s, &err) == HDH_ERR_BINARY && strstr(err.message, "flags 1"));
		memcpy(x, w, len);
		x[5] = 3;				/* n = 3 */
		CHECK(hdh_delay_wire_read(x, len, &mem, &s, &err) == HDH_ERR_BINARY && strstr(err.message, "3 entries"));
		memcpy(x, w, len);
		x[2] = 0x80;			/* n negative */
		CHECK(hdh_delay_wire_read(x, len, &mem, &s, &err) == HDH_ERR_BINARY);
		memcpy(x, w, len);
		x[13] = 8;				/* completed total 8 instead of 7 */
		CHECK(hdh_delay_wire_read(x, len, &mem, &s, &err) == HDH_ERR_BINARY && strstr(err.message, "totals"));
		memcpy(x, w, len);
		x[HDH_DELAY_WIRE_HEADER + HDH_DELAY_WIRE_ENTRY + 3] = 2;	/* second day 2 = first */
		CHECK(hdh_delay_wire_read(x, len, &mem, &s, &err) == HDH_ERR_BINARY && strstr(err.message, "day 2 follows day 2"));
		memcpy(x, w, len);
		x[HDH_DELAY_WIRE_HEADER + HDH_DELAY_WIRE_ENTRY + 3] = 1;	/* unsorted */
		CHECK(hdh_delay_wire_read(x, len, &mem, &s, &err) == HDH_ERR_BINARY && strstr(err.message, "day 1 follows day 2"));
		memcpy(x, w, len);
		x[HDH_DELAY_WIRE_HEADER] = 0x80;	/* negative day */
		CHECK(hdh_delay_wire_read(x, len, &mem, &s, &err) == HDH_ERR_BINARY && strstr(err.message, "negative day"));
		memcpy(x, w, len);
		x[HDH_DELAY_WIRE_HEADER + 4] = 0xff;	/* negative count */
		CHECK(hdh_delay_wire_read(x, len, &mem, &s, &err) == HDH_ERR_BINARY && strstr(err.message, "negative count"));
		/* an empty day: both counts of the second entry 0, totals adjusted */
		memcpy(x, w, len);
		x[HDH_DELAY_WIRE_HEADER + HDH_DELAY_WIRE_ENTRY + 11] = 0;
		x[13] = 3;
		CHECK(hdh_delay_wire_read(x, len, &mem, &s, &err) == HDH_ERR_BINARY && strstr(err.message, "no delay"));
	}

	/* Packed: every truncation fails; a mutated value that is accepted must
	 * pack back to the very same bytes (one encoding per summary). */
	{
		HdhDelayEntry e[64];
		HdhDelaySummary r,
					back;
		bool		all_truncations = true,
					mutations_canonical = true,
					wire_canonical = true;
		int			accepted = 0;

		for (round = 0; round < 2000; round++)
		{
			size_t		len,
						cut,
						i;
			uint8_t    *buf,
					   *again;

			RandomSummary(e, 8, &r);
			len = hdh_delay_packed_size(&r);
			buf = malloc(len + 1);
			hdh_delay_pack(&r, buf);
			if (round < 200)
				for (cut = 0; cut < len; cut++)
					all_truncations = all_truncations &&
						hdh_delay_unpack(buf, cut, &mem, HDH_ERR_DATA, &back, &err) == HDH_ERR_DATA;
			for (i = 0; i < 1 + TestRand(&rng_state) % 3; i++)
				buf[TestRand(&rng_state) % len] ^= (uint8_t) (1u << (TestRand(&rng_state) % 8));
			if (hdh_delay_unpack(buf, len, &mem, HDH_ERR_DATA, &back, &err) == HDH_OK)
			{
				accepted++;
				again = malloc(hdh_delay_packed_size(&back));
				hdh_delay_pack(&back, again);
				mutations_canonical = mutations_canonical &&
					hdh_delay_packed_size(&back) == len && memcmp(again, buf, len) == 0;
				free(again);
				free((void *) back.entries);
			}
			free(buf);

			/* the same for the binary form */
			len = hdh_delay_wire_size(&r);
			buf = malloc(len);
			hdh_delay_wire_write(&r, buf);
			for (i = 0; i < 1 + TestRand(&rng_state) % 3; i++)
				buf[TestRand(&rng_state) % len] ^= (uint8_t) (1u << (TestRand(&rng_state) % 8));
			if (hdh_delay_wire_read(buf, len, &mem, &back, &err) == HDH_OK)
			{
				again = malloc(len);
				hdh_delay_wire_write(&back, again);
				wire_canonical = wire_canonical && memcmp(again, buf, len) == 0;
				free(again);
				free((void *) back.entries);
			}
			free(buf);
		}
		CHECK(all_truncations);
		CHECK(mutations_canonical);
		CHECK(wire_canonical);
		printf("# %d of 2000 mutated packed values were still valid\n", accepted);
	}

	/* Packed: overlong varints, bad version, reserved bits, trailing bytes. */
	{
		HdhDelayEntry e[1] = {{1, 0, 5}};
		HdhDelaySummary one = {e, 1, 1, 0};
		uint8_t		p[HDH_DELAY_PACKED_HEADER + 8];
		size_t		len = hdh_delay_packed_size(&one);

		CHECK(len == HDH_DELAY_PACKED_HEADER + 3);
		hdh_delay_pack(&one, p);
		CHECK(p[24] == 5 && p[25] == 1 && p[26] == 0);
		p[24] = 0x85;
		p[25] = 0x00;			/* 5 written in two bytes */
		p[26] = 1;
		p[27] = 0;
		CHECK(hdh_delay_unpack(p, len + 1, &mem, HDH_ERR_DATA, &s, &err) == HDH_ERR_DATA);
		hdh_delay_pack(&one, p);
		p[0] = 9;
		CHECK(hdh_delay_unpack(p, len, &mem, HDH_ERR_DATA, &s, &err) == HDH_ERR_DATA && strstr(err.message, "version 9"));
		hdh_delay_pack(&one, p);
		p[3] = 1;
		CHECK(hdh_delay_unpack(p, len, &mem, HDH_ERR_BINARY, &s, &err) == HDH_ERR_BINARY && strstr(err.message, "reserved"));
		hdh_delay_pack(&one, p);
		p[len] = 0;
		CHECK(hdh_delay_unpack(p, len + 1, &mem, HDH_ERR_DATA, &s, &err) == HDH_ERR_DATA && strstr(err.message, "1 bytes after"));
		hdh_delay_pack(&one, p);
		p[4] = 200;				/* claims 200 entries */
		CHECK(hdh_delay_unpack(p, len, &mem, HDH_ERR_DATA, &s, &err) == HDH_ERR_DATA && strstr(err.message, "200 entries"));
	}

	/* Text fuzz: random edits of valid text either fail cleanly or give a
	 * summary whose text reads back the same. */
	{
		static const char alphabet[] = "0123456789:,{} \tcompletedpng-+x";
		HdhDelayEntry e[16];
		HdhDelaySummary r,
					back;
		bool		ok = true;

		for (round = 0; round < 5000; round++)
		{
			char	   *text;
			size_t		len;
			int			edits = 1 + (int) (TestRand(&rng_state) % 3),
						k;

			RandomSummary(e, 6, &r);
			text = Format(&r);
			len = strlen(text);
			for (k = 0; k < edits && len > 0; k++)
			{
				size_t		at = TestRand(&rng_state) % len;

				switch (TestRand(&rng_state) % 3)
				{
					case 0:	/* replace */
						text[at] = alphabet[TestRand(&rng_state) % (sizeof(alphabet) - 1)];
						break;
					case 1:	/* delete */
						memmove(text + at, text + at + 1, len - at);
						len--;
						break;
					default:	/* cut */
						text[at] = '\0';
						len = at;
						break;
				}
			}
			if (hdh_delay_parse(text, &mem, &back, &err) == HDH_OK)
			{
				char	   *canon = Format(&back);

				ok = ok && hdh_delay_check(&back, HDH_ERR_DATA, &err) == HDH_OK && TextCanonical(canon);
				free(canon);
				free((void *) back.entries);
			}
			else
				ok = ok && (err.status == HDH_ERR_SYNTAX || err.status == HDH_ERR_RANGE) &&
					err.message[0] != '\0';
			free(text);
		}
		CHECK(ok);
	}

	return unit_done();
}
