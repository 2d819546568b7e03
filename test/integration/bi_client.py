#!/usr/bin/python3
"""test/integration/bi_client.py — a real client reading hdh_roadmap as a BI tool would.

Run with Debian's /usr/bin/python3 (python3-psycopg2). Connects over TCP to
127.0.0.1:$PGPORT as the read-only role named in $BI_ROLE (password
$BI_PASSWORD) to database $BI_DB, reads the scorecard, the series, the delay
table, the baseline, the materialized views and last_refresh, and checks that
every column comes back as a standard PostgreSQL type a BI tool maps without
the extension: text 25, int4 23, int8 20, float8 701, numeric 1700, date
1082, bool 16, and timestamptz 1184 only in last_refresh. Then checks that
the same role is refused (42501) the tables, the *_at functions and
refresh(). Prints TAP.
"""
import datetime
import decimal
import os
import sys

import psycopg2
import psycopg2.errors

STANDARD = {25: "text", 23: "int4", 20: "int8", 701: "float8", 1700: "numeric", 1082: "date", 16: "bool"}
TIMESTAMPTZ = 1184

VIEWS = {
    "scorecard": ["target_id", "roadmap", "axis", "title", "measure", "unit", "kind", "factor", "target_value",
                  "deadline", "recurring", "baseline_year", "baseline_value", "current_period", "current_value",
                  "year_to_date_value", "expected_value", "progress_ratio", "status", "records", "as_of",
                  "deadline_passed", "measured_on", "years_short"],
    "indicator_series": ["measure", "year", "value", "records", "complete"],
    "access_delay": ["year", "linkage", "completed", "pending", "mean_months", "median_months", "p90_months",
                     "km_median_months", "share_within_7_months"],
    "baseline": None,
    "last_refresh": None,
}
for name in ("scorecard", "indicator_series", "access_delay"):
    VIEWS[name + "_mv"] = VIEWS[name]

# The expected type of each scorecard column: what a BI tool's schema shows.
SCORECARD_TYPES = {
    "target_id": 25, "roadmap": 25, "axis": 23, "title": 25, "measure": 25, "unit": 25, "kind": 25,
    "factor": 701, "target_value": 701, "deadline": 1082, "recurring": 16, "baseline_year": 23,
    "baseline_value": 701, "current_period": 25, "current_value": 701, "year_to_date_value": 701,
    "expected_value": 701, "progress_ratio": 701, "status": 25, "records": 20, "as_of": 1082,
    "deadline_passed": 16, "measured_on": 1082, "years_short": 25,
}
PYTHON_TYPES = {25: str, 23: int, 20: int, 701: float, 1700: decimal.Decimal, 1082: datetime.date, 16: bool,
                TIMESTAMPTZ: datetime.datetime}
STATUSES = {"achieved", "missed", "on_track", "moderate", "insufficient", "moving_away", "no_data"}

count = 0
failed = 0


def ok(passed, description, diagnostic=None):
    """One TAP line."""
    global count, failed
    count += 1
    if not passed:
        failed += 1
    print(("ok" if passed else "not ok") + f" {count} - {description}")
    if not passed and diagnostic:
        print("#   " + str(diagnostic).replace("\n", "\n#   "))


def read(cur, view):
    """All rows of a view, with the cursor's column descriptions."""
    cur.execute(f"SELECT * FROM hdh_roadmap.{view}")
    return cur.fetchall(), cur.description


def refused(conn, sql, params=None):
    """The SQLSTATE a statement fails with, or None."""
    with conn.cursor() as cur:
        try:
            cur.execute(sql, params)
            cur.fetchall()
            return None
        except psycopg2.Error as e:
            return e.pgcode
        finally:
            conn.rollback()


def main():
    try:
        conn = psycopg2.connect(host="127.0.0.1", port=int(os.environ["PGPORT"]), dbname=os.environ["BI_DB"],
                                user=os.environ["BI_ROLE"], password=os.environ.get("BI_PASSWORD"),
                                application_name="hdh_roadmap bi_client test", connect_timeout=10)
    except psycopg2.Error as e:
        ok(False, "connect over TCP 127.0.0.1 as the read-only role", e)
        return
    ok(True, "connect over TCP 127.0.0.1 as the read-only role")
    conn.set_session(readonly=True)
    cur = conn.cursor()
    cur.execute("SELECT current_user, inet_server_addr()::text")
    user, addr = cur.fetchone()
    ok(user == os.environ["BI_ROLE"] and addr.startswith("127.0.0.1"), "the session is the BI role, over TCP",
       (user, addr))

    data = {}
    for view, columns in VIEWS.items():
        try:
            rows, desc = read(cur, view)
        except psycopg2.Error as e:
            conn.rollback()
            ok(False, f"read hdh_roadmap.{view}", e)
            continue
        data[view] = (rows, desc)
        ok(len(rows) > 0, f"read hdh_roadmap.{view}: {len(rows)} rows")
        names = [d.name for d in desc]
        if columns is not None:
            ok(names == columns, f"{view}: the documented columns, in order", names)
        allowed = dict(STANDARD)
        if view == "last_refresh":
            allowed[TIMESTAMPTZ] = "timestamptz"
        odd = [(d.name, d.type_code) for d in desc if d.type_code not in allowed]
        ok(not odd, f"{view}: every column's type OID is a standard one "
           + ",".join(sorted({allowed.get(d.type_code, str(d.type_code)) for d in desc})), odd)
        # Values arrive as the matching Python types (NULLs aside).
        wrong = [(d.name, type(v).__name__) for row in rows for d, v in zip(desc, row)
                 if v is not None and d.type_code in PYTHON_TYPES and not isinstance(v, PYTHON_TYPES[d.type_code])]
        ok(not wrong, f"{view}: values decode to plain Python types", wrong[:5])

    if "scorecard" in data:
        rows, desc = data["scorecard"]
        got = {d.name: d.type_code for d in desc}
        ok(got == SCORECARD_TYPES, "scorecard: each column has its documented type",
           {k: (v, SCORECARD_TYPES.get(k)) for k, v in got.items() if SCORECARD_TYPES.get(k) != v})
        statuses = {r[[d.name for d in desc].index("status")] for r in rows}
        ok(statuses <= STATUSES and len(rows) == 4, f"scorecard: the four seeded targets, statuses {sorted(statuses)}")
        cur.execute("SELECT current_date")
        today = cur.fetchone()[0]
        ok(all(r[[d.name for d in desc].index("as_of")] == today for r in rows),
           "scorecard: as_of is the server's current date")
    if "scorecard" in data and "scorecard_mv" in data:
        ok(sorted(data["scorecard"][0]) == sorted(data["scorecard_mv"][0]),
           "scorecard_mv (refreshed before the client connected) equals scorecard")

    # A BI tool filters with parameters.
    cur.execute("SELECT year, value FROM hdh_roadmap.indicator_series WHERE measure = %s AND year BETWEEN %s AND %s"
                " ORDER BY year", ("platform_projects", 2022, 2024))
    series = cur.fetchall()
    ok([y for y, _ in series] == [2022, 2023, 2024] and all(isinstance(v, float) for _, v in series),
       f"parameterised read of the platform series 2022-2024: {[int(v) for _, v in series]}")
    cur.execute("SELECT linkage, completed, pending FROM hdh_roadmap.access_delay WHERE year = %s ORDER BY linkage",
                (2024,))
    delays = cur.fetchall()
    ok(len(delays) == 5 and {d[0] for d in delays} == {"all_linked", "none", "direct", "indirect", "probabilistic"},
       "the delay table of 2024 has all_linked and the four linkage types")
    conn.rollback()

    # What the role may not do (in a read-write session, so that the refusals
    # are about privileges, not about a read-only transaction).
    conn.set_session(readonly=False)
    ok(refused(conn, "SELECT count(*) FROM hdh_roadmap.project") == "42501",
       "permission denied (42501) on the project table")
    ok(refused(conn, "SELECT count(*) FROM hdh_roadmap.target") == "42501",
       "permission denied (42501) on the target table")
    ok(refused(conn, "SELECT * FROM hdh_roadmap.scorecard_at(%s)", (datetime.date(2025, 6, 30),)) == "42501",
       "scorecard_at() is refused (42501): it reads the tables as its caller")
    ok(refused(conn, "SELECT hdh_roadmap.refresh()") == "42501", "refresh() is refused (42501): REFRESH needs the owner")
    conn.close()


main()
print(f"1..{count}")
sys.exit(1 if failed else 0)
