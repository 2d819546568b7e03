#!/usr/bin/env bash
# test/integration/delay_summary_binary.sh
#	delay_summary's binary input and output through COPY ... (FORMAT binary):
#	a round trip of good values, crafted values that delay_summary_recv must
#	refuse with a clear ERROR (truncated, inconsistent, unsorted, bad
#	version...), and random corruptions that must never crash the server.
#	Prints TAP. Uses the cluster of test/run (PGHOST, PGPORT, PGUSER).
set -u
# The Debian python3-psycopg2 goes with /usr/bin/python3, which may not be
# the first python3 on PATH.
PYTHON=python3
for candidate in /usr/bin/python3 python3; do
	if "$candidate" -c 'import psycopg2' 2>/dev/null; then PYTHON=$candidate; break; fi
done
exec "$PYTHON" - <<'PY'
import io
import random
import struct

import psycopg2

DB = "hdh_delay_binary"
results = []


def check(ok, what):
    results.append(ok)
    print("%sok %d - %s" % ("" if ok else "not ", len(results), what), flush=True)


admin = psycopg2.connect(dbname="postgres")
admin.autocommit = True
admin.cursor().execute("DROP DATABASE IF EXISTS " + DB)
admin.cursor().execute("CREATE DATABASE " + DB)
conn = psycopg2.connect(dbname=DB)
conn.autocommit = True
cur = conn.cursor()
cur.execute("CREATE EXTENSION hdh_roadmap")
cur.execute("SET search_path = hdh_roadmap, public")


def copy_file(values):
    """A binary COPY file of one delay_summary column holding raw values."""
    out = io.BytesIO()
    out.write(b"PGCOPY\n\xff\r\n\x00" + struct.pack("!ii", 0, 0))
    for v in values:
        out.write(struct.pack("!hi", 1, len(v)) + v)
    out.write(struct.pack("!h", -1))
    return out.getvalue()


def wire(entries, completed=None, pending=None, version=1, flags=0, n=None):
    """The documented binary form: header, then (day, completed, pending) entries."""
    if completed is None:
        completed = sum(e[1] for e in entries)
    if pending is None:
        pending = sum(e[2] for e in entries)
    body = b"".join(struct.pack("!iqq", *e) for e in entries)
    return struct.pack("!BBiqq", version, flags, len(entries) if n is None else n,
                       completed, pending) + body


def load(raw_values):
    """COPY the values in; returns (sqlstate, message) or (None, texts)."""
    cur.execute("TRUNCATE bin_in")
    try:
        cur.copy_expert("COPY bin_in FROM STDIN (FORMAT binary)", io.BytesIO(copy_file(raw_values)))
    except psycopg2.Error as e:
        return e.pgcode, (e.diag.message_primary or "") + " | " + (e.diag.message_detail or "")
    cur.execute("SELECT s::text FROM bin_in")
    return None, [r[0] for r in cur.fetchall()]


cur.execute("CREATE TABLE bin_in (s delay_summary)")

# ---- round trip of good values through COPY TO / COPY FROM (FORMAT binary)
cur.execute("SELECT setseed(0.5)")
cur.execute("""CREATE TABLE bin_src AS
    SELECT g, delay_agg((random() * g * 10)::int, random() < 0.3) AS s
      FROM generate_series(1, 200) g, generate_series(1, g) i GROUP BY g
    UNION ALL SELECT 0, 'completed {} pending {}'
    UNION ALL SELECT -1, 'completed {2147483647:9223372036854775807} pending {0:9223372036854775807}'
    UNION ALL SELECT -2, NULL""")
buf = io.BytesIO()
cur.copy_expert("COPY bin_src TO STDOUT (FORMAT binary)", buf)
cur.execute("CREATE TABLE bin_dst (LIKE bin_src)")
cur.copy_expert("COPY bin_dst FROM STDIN (FORMAT binary)", io.BytesIO(buf.getvalue()))
cur.execute("""SELECT count(*), bool_and(a.s::text IS NOT DISTINCT FROM b.s::text)
                 FROM bin_src a FULL JOIN bin_dst b USING (g)""")
n, same = cur.fetchone()
check(n == 203 and same, "binary COPY round trip of %d summaries keeps every value" % n)

# ---- a value crafted from the documented layout is read as expected
state, got = load([wire([(3, 1, 2), (10, 0, 1)])])
check(state is None and got == ["completed {3:1} pending {3:2, 10:1}"],
      "a crafted value in the documented layout reads back: %s" % (got,))
state, got = load([wire([])])
check(state is None and got == ["completed {} pending {}"], "the empty value reads back")

# ---- crafted bad values: each a clear ERROR naming the problem
good = wire([(3, 1, 2), (10, 0, 1)])
I64 = 2**63 - 1
bad = [
    ("an empty value", b"", "22P03", "truncated: 0 bytes"),
    ("a truncated header", good[:10], "22P03", "truncated: 10 bytes"),
    ("a header only, claiming 2 entries", good[:22], "22P03", "claims 2 entries but has 0 bytes"),
    ("a value cut inside an entry", good[:-5], "22P03", "claims 2 entries but has 35 bytes"),
    ("a trailing byte", good + b"\x00", "22P03", "claims 2 entries but has 41 bytes"),
    ("entry count past the end", wire([(3, 1, 2)], n=3), "22P03", "claims 3 entries"),
    ("a huge entry count", wire([(3, 1, 2)], n=2**31 - 1), "22P03", "claims 2147483647 entries"),
    ("a negative entry count", wire([(3, 1, 2)], n=-1), "22P03", "claims -1 entries"),
    ("version 2", wire([(3, 1, 2)], version=2), "22P03", "version 2"),
    ("version 0", wire([(3, 1, 2)], version=0), "22P03", "version 0"),
    ("reserved flags set", wire([(3, 1, 2)], flags=4), "22P03", "flags 4"),
    ("completed total that does not add up", wire([(3, 1, 2), (10, 0, 1)], completed=5), "22P03",
     "totals (5 completed, 3 pending) do not match its days (1 completed, 3 pending)"),
    ("pending total that does not add up", wire([(3, 1, 2)], pending=0), "22P03", "do not match"),
    ("unsorted days", wire([(10, 1, 0), (3, 1, 0)]), "22P03", "day 3 follows day 10"),
    ("duplicate days", wire([(3, 1, 0), (3, 1, 0)]), "22P03", "day 3 follows day 3"),
    ("a negative day", wire([(-5, 1, 0)]), "22P03", "negative day -5"),
    ("a negative count", wire([(5, -2, 0)], completed=-2), "22P03", "negative count (-2 completed"),
    ("a day with no delay", wire([(5, 0, 0)]), "22P03", "lists day 5 with no delay"),
    ("counts past bigint", wire([(1, I64, 0), (2, 1, 0)], completed=0), "22003", "overflow at day 2"),
]
for what, raw, code, text in bad:
    state, msg = load([raw])
    ok = state == code and text in msg
    check(ok, "recv refuses %s: %s %s" % (what, state, msg))

cur.execute("SELECT 1")
check(cur.fetchone() == (1,), "the server is alive after the bad values")

# ---- random corruptions of good values: accepted values are canonical
# (their text reads back to the same text), refused ones fail with a
# class-22 SQLSTATE, and the server never goes away.
rng = random.Random(20240601)
cur.execute("SELECT delay_summary_send(s) FROM bin_src WHERE s IS NOT NULL ORDER BY g LIMIT 60")
samples = [bytes(r[0]) for r in cur.fetchall()]
accepted = refused = 0
all_clean = True
for i in range(600):
    raw = bytearray(rng.choice(samples))
    for _ in range(rng.randint(1, 3)):
        kind = rng.random()
        if kind < 0.7 and raw:
            raw[rng.randrange(len(raw))] ^= 1 << rng.randrange(8)
        elif kind < 0.85 and raw:
            del raw[rng.randrange(len(raw)):]
        else:
            raw += bytes([rng.randrange(256)])
    state, got = load([bytes(raw)])
    if state is None:
        accepted += 1
        cur.execute("SELECT %s::delay_summary::text = %s", (got[0], got[0]))
        all_clean = all_clean and cur.fetchone()[0]
    else:
        refused += 1
        all_clean = all_clean and state.startswith("22")
check(all_clean, "600 corrupted values: %d refused with class 22, %d accepted and canonical"
      % (refused, accepted))
cur.execute("SELECT 1")
check(cur.fetchone() == (1,), "the server is alive after the corrupted values")

conn.close()
admin.cursor().execute("DROP DATABASE " + DB)
admin.close()
print("1..%d" % len(results))
raise SystemExit(0 if all(results) else 1)
PY
