#!/usr/bin/env python3
"""test/integration/year_counts_binary.py — binary COPY files for year_counts.

Writes one PostgreSQL binary COPY file per case into the folder given as the
first argument, for a table (id integer, yc year_counts), and prints one line
per case: "name<TAB>expected<TAB>file", where expected is either
"ok:<canonical text>" or "<SQLSTATE>:<fragment of the message>".

The year_counts binary form (see src/core/year_counts_codec.h): int8
version (1), int8 flags (0), int32 n, then n pairs (int32 year, int64 total),
big-endian, years strictly ascending.
"""
import os
import struct
import sys

SIGNATURE = b"PGCOPY\n\xff\r\n\x00"


def year_counts(pairs, version=1, flags=0, count=None):
    """The binary form of a year_counts value, with every field overridable."""
    n = len(pairs) if count is None else count
    body = struct.pack(">bbi", version, flags, n)
    for year, total in pairs:
        body += struct.pack(">iq", year, total)
    return body


def copy_file(rows):
    """A binary COPY file of (id integer, yc bytes) rows."""
    out = bytearray(SIGNATURE)
    out += struct.pack(">ii", 0, 0)  # flags, header extension length
    for row_id, field in rows:
        out += struct.pack(">h", 2)
        out += struct.pack(">ii", 4, row_id)
        if field is None:
            out += struct.pack(">i", -1)
        else:
            out += struct.pack(">i", len(field)) + field
    out += struct.pack(">h", -1)
    return bytes(out)


INT64_MAX = 2**63 - 1

CASES = [
    # Accepted values and their canonical text.
    ("empty", year_counts([]), "ok:{}"),
    ("two years", year_counts([(2022, 5), (2025, 12)]), "ok:{2022:5,2025:12}"),
    ("edges of the range", year_counts([(1, 1), (9999, INT64_MAX)]), "ok:{1:1,9999:9223372036854775807}"),
    ("zero totals are dropped", year_counts([(2021, 0), (2023, 5), (2024, 0)]), "ok:{2023:5}"),
    # Header.
    ("bad version", year_counts([(2023, 1)], version=2), "22P03:binary year_counts has unsupported version 2"),
    ("version 0", year_counts([(2023, 1)], version=0), "22P03:binary year_counts has unsupported version 0"),
    ("flags set", year_counts([(2023, 1)], flags=1), "22P03:binary year_counts has flags 1"),
    ("truncated header", b"\x01\x00\x00", "22P03:binary year_counts is truncated: 3 bytes"),
    ("no bytes at all", b"", "22P03:binary year_counts is truncated: 0 bytes"),
    # Lengths.
    ("count past the end", year_counts([(2022, 1), (2023, 2)], count=3),
     "22P03:binary year_counts claims 3 years (42 bytes) but has only 30 bytes"),
    ("truncated entry", year_counts([(2022, 1), (2023, 2)])[:-5],
     "22P03:binary year_counts claims 2 years (30 bytes) but has only 25 bytes"),
    ("bytes past the end", year_counts([(2022, 1), (2023, 2)], count=1),
     "22P03:binary year_counts of 1 years has 12 bytes past its end"),
    ("negative count", year_counts([(2022, 1)], count=-1), "22P03:binary year_counts claims -1 years"),
    ("huge count", year_counts([(2022, 1)], count=2**31 - 1), "22P03:binary year_counts claims 2147483647 years"),
    # Entries.
    ("unsorted years", year_counts([(2023, 1), (2022, 2)]),
     "22P03:binary year_counts lists year 2022 after year 2023"),
    ("duplicate years", year_counts([(2023, 1), (2023, 2)]), "22P03:binary year_counts lists year 2023 twice"),
    ("negative total", year_counts([(2022, 1), (2023, -7)]),
     "22P03:binary year_counts gives year 2023 the negative total -7"),
    ("most negative total", year_counts([(2023, -(2**63))]),
     "22P03:binary year_counts gives year 2023 the negative total -9223372036854775808"),
    ("year 10000", year_counts([(2023, 1), (10000, 1)]), "22003:year 10000 is out of range for year_counts"),
    ("year 0", year_counts([(0, 1)]), "22003:year 0 is out of range for year_counts"),
    ("negative year", year_counts([(-2147483648, 1)]), "22003:year -2147483648 is out of range for year_counts"),
]


def main():
    folder = sys.argv[1]
    for i, (name, field, expected) in enumerate(CASES):
        path = os.path.join(folder, "case%02d.copy" % i)
        with open(path, "wb") as f:
            f.write(copy_file([(i, field)]))
        print("%s\t%s\t%s" % (name, expected, path))


if __name__ == "__main__":
    main()
