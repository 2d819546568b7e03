#!/usr/bin/env python3
"""test/fuzz/make_corpus.py: write the seed corpora of the fuzz harnesses.

The seeds are built from the formats as doc/delay_summary.md and
doc/year_counts.md document them (not from the C writers), so a seed that a
decoder refuses although the documentation says it is valid shows at once.
Each corpus holds valid values (empty, small, the extremes of each field,
many entries) and a few invalid ones next to the limits the decoders check.

    python3 test/fuzz/make_corpus.py      # rewrites test/fuzz/corpus/*/seed-*

Files named regress-* (inputs of crashes already found and fixed) are kept.
"""
import os
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
I32_MAX = 2**31 - 1
I64_MAX = 2**63 - 1

# ---- delay_summary ----------------------------------------------------------
# A summary is a list of (day, completed, pending), days ascending.

DELAY_VALID = {
    "empty": [],
    "doc_example": [(42, 1, 0), (90, 1, 0), (300, 0, 1)],
    "both_lists": [(0, 1, 0), (3, 12, 0), (5, 0, 2), (7, 1, 1)],
    "extremes": [(0, 0, I64_MAX), (I32_MAX, I64_MAX, 0)],
    "max_day_only": [(I32_MAX, 1, 1)],
    "day_zero": [(0, 1, 0)],
    "daily_month": [(d, d % 4 + 1, d % 3) for d in range(31)],
    "sparse": [(d * d * 1000, 2**(d + 20), d) for d in range(1, 12)],
}


def delay_text(entries, spaced=False):
    def lst(idx):
        return ", ".join(f"{e[0]}:{e[idx]}" for e in entries if e[idx] > 0)
    text = f"completed {{{lst(1)}}} pending {{{lst(2)}}}"
    if spaced:  # free white space and leading zeros, as the docs allow
        text = ("\t " + text.replace(", ", " ,\n").replace(":", " : 0")
                .replace("{", "{ ").replace("} ", " }   ") + " \r\n")
    return text.encode()


def delay_wire(entries, completed=None, pending=None, version=1, flags=0, n=None):
    completed = sum(e[1] for e in entries) if completed is None else completed
    pending = sum(e[2] for e in entries) if pending is None else pending
    out = struct.pack(">BBiqq", version, flags, len(entries) if n is None else n,
                      completed, pending)
    for day, c, p in entries:
        out += struct.pack(">iqq", day, c, p)
    return out


def varint(v):
    out = bytearray()
    while v >= 0x80:
        out.append((v & 0x7F) | 0x80)
        v >>= 7
    out.append(v)
    return bytes(out)


def delay_packed(entries, completed=None, pending=None, tail=b""):
    completed = sum(e[1] for e in entries) if completed is None else completed
    pending = sum(e[2] for e in entries) if pending is None else pending
    out = struct.pack("<BBHiqq", 1, 0, 0, len(entries), completed, pending)
    prev = -1
    for day, c, p in entries:
        out += varint(day - prev - 1) + varint(c) + varint(p)
        prev = day
    return out + tail


def delay_corpora():
    text, wire, packed = {}, {}, {}
    for name, entries in DELAY_VALID.items():
        text[name] = delay_text(entries)
        wire[name] = delay_wire(entries)
        packed[name] = delay_packed(entries)
    text["spaced_zeros"] = delay_text(DELAY_VALID["both_lists"], spaced=True)
    text["no_spaces"] = b"completed{}pending{}"
    # invalid, each next to one check
    text["bad_zero_count"] = b"completed {1:0} pending {}"
    text["bad_unsorted"] = b"completed {3:1, 2:1} pending {}"
    text["bad_day_range"] = b"completed {2147483648:1} pending {}"
    text["bad_total_overflow"] = b"completed {1:9223372036854775807, 2:1} pending {}"
    text["bad_trailing_comma"] = b"completed {1:2,} pending {}"
    text["bad_order_of_lists"] = b"pending {} completed {}"
    ex = DELAY_VALID["doc_example"]
    wire["bad_truncated"] = delay_wire(ex)[:-1]
    wire["bad_version"] = delay_wire(ex, version=2)
    wire["bad_flags"] = delay_wire(ex, flags=1)
    wire["bad_count"] = delay_wire(ex, n=4)
    wire["bad_totals"] = delay_wire(ex, completed=3)
    wire["bad_unsorted"] = delay_wire([(5, 1, 0), (4, 1, 0)])
    wire["bad_empty_day"] = delay_wire([(5, 0, 0)])
    packed["bad_truncated"] = delay_packed(ex)[:-1]
    packed["bad_trailing"] = delay_packed(ex, tail=b"\x00")
    packed["bad_totals"] = delay_packed(ex, pending=2)
    packed["bad_long_varint"] = delay_packed([(1, 1, 0)])[:-3] + b"\x81\x00\x01\x00"
    packed["bad_header"] = b"\x01\x00\x01\x00" + delay_packed([])[4:]
    return {"delay_text": text, "delay_wire": wire, "delay_packed": packed}

# ---- year_counts ------------------------------------------------------------
# A value is a list of (year, total), years ascending.

YEAR_VALID = {
    "empty": [],
    "doc_example": [(2022, 5), (2023, 12)],
    "extremes": [(1, 1), (9999, I64_MAX)],
    "one_year": [(2024, 1)],
    "decades": [(y, y * 7919) for y in range(1950, 2031, 10)],
    "gap": [(1900, 3), (2000, 4), (2100, 5)],
}


def year_text(pairs):
    return ("{" + ",".join(f"{y}:{t}" for y, t in pairs) + "}").encode()


def year_binary(pairs, version=1, flags=0, n=None):
    out = struct.pack(">BBi", version, flags, len(pairs) if n is None else n)
    for y, t in pairs:
        out += struct.pack(">iq", y, t)
    return out


def year_corpora():
    text, binary = {}, {}
    for name, pairs in YEAR_VALID.items():
        text[name] = year_text(pairs)
        binary[name] = year_binary(pairs)
    text["doc_spaced_zero"] = b" { 2021:0, 2022 : 5, 2023:12 }"
    text["leading_zeros"] = b"{0002022:05,2023:-0}"
    binary["zero_total"] = year_binary([(2021, 0), (2022, 5), (2023, 0)])
    text["bad_unsorted"] = b" { 2023 : 12, 2021:0, 2022:5 }"
    text["bad_twice"] = b"{2022:5,2022:6}"
    text["bad_year_range"] = b"{10000:1}"
    text["bad_year_zero"] = b"{0:1}"
    text["bad_negative"] = b"{2022:-1}"
    text["bad_total_range"] = b"{2022:9223372036854775808}"
    text["bad_trailing"] = b"{2022:5} x"
    ex = YEAR_VALID["doc_example"]
    binary["bad_version"] = year_binary(ex, version=2)
    binary["bad_flags"] = year_binary(ex, flags=1)
    binary["bad_short"] = year_binary(ex)[:-1]
    binary["bad_long"] = year_binary(ex) + b"\x00"
    binary["bad_count"] = year_binary(ex, n=10000)
    binary["bad_unsorted"] = year_binary([(2023, 1), (2022, 1)])
    binary["bad_negative"] = year_binary([(2022, -1)])
    binary["bad_year_zero"] = year_binary([(0, 1)])
    return {"year_counts_text": text, "year_counts_binary": binary,
            "year_counts_stored": year_stored_corpus()}


def year_stored(first, totals, version=1, flags=0, reserved=0, n=None):
    """The stored form after its varlena header, little-endian (x86, arm64)."""
    out = struct.pack("<BBhii", version, flags, reserved, first,
                      len(totals) if n is None else n)
    return out + b"".join(struct.pack("<q", t) for t in totals)


def year_dense(pairs):
    """(first year, dense totals) of a value, 0 for the years in between."""
    if not pairs:
        return 0, []
    first, last = pairs[0][0], pairs[-1][0]
    totals = dict(pairs)
    return first, [totals.get(y, 0) for y in range(first, last + 1)]


def year_stored_corpus():
    stored = {}
    for name, pairs in YEAR_VALID.items():
        if name != "extremes":      # 9999 years: 80 kB, too large a seed
            stored[name] = year_stored(*year_dense(pairs))
    stored["first_year"] = year_stored(1, [1])
    stored["last_year"] = year_stored(9999, [I64_MAX])
    ex = year_dense(YEAR_VALID["doc_example"])
    stored["bad_truncated"] = year_stored(*ex)[:11]
    stored["bad_short"] = year_stored(*ex)[:-1]
    stored["bad_long"] = year_stored(*ex) + b"\x00"
    stored["bad_version"] = year_stored(*ex, version=2)
    stored["bad_flags"] = year_stored(*ex, flags=1)
    stored["bad_reserved"] = year_stored(*ex, reserved=1)
    stored["bad_count"] = year_stored(*ex, n=10000)
    stored["bad_negative_count"] = year_stored(*ex, n=-1)
    stored["bad_untrimmed"] = year_stored(2021, [0, 5, 12])
    stored["bad_negative"] = year_stored(2022, [5, -1, 12])
    stored["bad_year_zero"] = year_stored(0, [1])
    stored["bad_past_9999"] = year_stored(9999, [1, 1])
    stored["bad_empty_first"] = year_stored(2022, [])
    return stored


def main():
    for harness, seeds in {**delay_corpora(), **year_corpora()}.items():
        folder = os.path.join(HERE, "corpus", harness)
        os.makedirs(folder, exist_ok=True)
        for old in os.listdir(folder):
            if old.startswith("seed-"):
                os.remove(os.path.join(folder, old))
        for name, data in seeds.items():
            with open(os.path.join(folder, f"seed-{name}"), "wb") as f:
                f.write(data)
        print(f"{harness}: {len(seeds)} seeds", file=sys.stderr)


if __name__ == "__main__":
    main()
