"""bench/bench.py — hdh_roadmap against PostgreSQL's native aggregates and t-digest.

Run by bench/run, which starts the cluster and exports PGHOST/PGPORT/PGUSER.
Every section times its contenders in one run, alternating them, and reports
the median of the repetitions and the ratio to the section's reference.
Results are also checked for agreement, so a fast wrong answer cannot win.
"""
import argparse
import datetime
import json
import os
import platform
import statistics
import time

import psycopg2

HERE = os.path.dirname(os.path.abspath(__file__))

GENERATE = """
DROP TABLE IF EXISTS delays CASCADE;
SELECT setseed(0.42);
-- started uniform over 2019-01-01 .. 2025-06-30; delay lognormal (median ~270
-- days); a delay that would end after as_of is pending (finished NULL).
CREATE TABLE delays AS
WITH raw AS (
  SELECT i,
         date '2019-01-01' + floor(random() * 2372)::int AS started,
         greatest(0, round(exp(5.6 + 0.55 * sqrt(-2 * ln(1 - random()))
                               * cos(2 * pi() * random()))))::int AS days,
         floor(random() * 4)::int AS linkage
    FROM generate_series(1, %(rows)s) AS i
)
SELECT i AS id,
       (i %% 100000)::int AS grp,
       linkage,
       started,
       CASE WHEN started + days <= date '2025-06-30' THEN started + days END AS finished,
       date '2025-06-30' AS as_of
  FROM raw;
ALTER TABLE delays ADD COLUMN year int;
UPDATE delays SET year = extract(year FROM coalesce(finished, started))::int;
VACUUM (FREEZE, ANALYZE) delays;
"""

# (section, name, sql); the first contender of a section is its reference.
ONE_GROUP = [
    ("avg(finished - started)", "SELECT avg(finished - started) FROM delays"),
    ("count(*) (scan floor)", "SELECT count(*) FROM delays"),
    ("mean_days(delay_agg(started, finished))",
     "SELECT mean_days(delay_agg(started, finished)) FROM delays"),
]
ONE_GROUP_MEDIAN = [
    ("percentile_cont(0.5)",
     "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY finished - started) FROM delays"),
    ("tdigest_percentile(..., 100, 0.5)",
     "SELECT tdigest_percentile((finished - started)::float8, 100, 0.5) FROM delays"),
    ("median_days(delay_agg(started, finished))",
     "SELECT median_days(delay_agg(started, finished)) FROM delays"),
]


def grouped(keys):
    return [
        ("avg(finished - started)",
         f"SELECT {keys}, avg(finished - started) FROM delays GROUP BY {keys}"),
        ("count(*) (scan floor)", f"SELECT {keys}, count(*) FROM delays GROUP BY {keys}"),
        ("mean_days(delay_agg(...))",
         f"SELECT {keys}, mean_days(delay_agg(started, finished)) FROM delays GROUP BY {keys}"),
        ("percentile_cont(0.5)",
         f"SELECT {keys}, percentile_cont(0.5) WITHIN GROUP (ORDER BY finished - started) "
         f"FROM delays GROUP BY {keys}"),
        ("tdigest_percentile(..., 100, 0.5)",
         f"SELECT {keys}, tdigest_percentile((finished - started)::float8, 100, 0.5) "
         f"FROM delays GROUP BY {keys}"),
        ("median_days(delay_agg(...))",
         f"SELECT {keys}, median_days(delay_agg(started, finished)) FROM delays GROUP BY {keys}"),
    ]


ROLLUP = [
    ("median by year from raw rows",
     "SELECT extract(year FROM finished), median_days(delay_agg(started, finished)) "
     "FROM delays WHERE finished IS NOT NULL GROUP BY 1"),
    ("median by year from monthly summaries (rollup)",
     "SELECT extract(year FROM month), median_days(rollup(summary)) FROM monthly GROUP BY 1"),
]

YEARS = [
    ("count(*) GROUP BY extract(year FROM finished)",
     "SELECT extract(year FROM finished)::int, count(*) FROM delays "
     "WHERE finished IS NOT NULL GROUP BY 1"),
    ("years(year_counts_agg(finished))",
     "SELECT (years(year_counts_agg(finished))).* FROM delays"),
]

YEARS_ACTIVE = [
    ("generate_series join, GROUP BY year",
     "SELECT y, count(*) FROM delays, "
     "generate_series(extract(year FROM started)::int, "
     "extract(year FROM coalesce(finished - 1, as_of))::int) AS y "
     "WHERE finished IS NULL OR finished > started GROUP BY y"),
    ("years(years_active_agg(daterange(started, finished), as_of))",
     "SELECT (years(years_active_agg(daterange(started, finished), as_of))).* FROM delays"),
]


def connect():
    conn = psycopg2.connect(dbname=os.environ.get("PGDATABASE", "postgres"))
    conn.autocommit = True
    return conn


def timed(cur, sql):
    start = time.perf_counter()
    cur.execute(sql)
    rows = cur.fetchall()
    return (time.perf_counter() - start) * 1000.0, rows


def normalise(rows):
    """Rows as sorted tuples of rounded values, to compare contenders."""
    out = []
    for row in rows:
        out.append(tuple(round(float(v), 6) if v is not None and not isinstance(v, str) else v
                         for v in row))
    return sorted(out, key=repr)


def run_section(cur, title, contenders, reps, settings=(), check=None, memory=False):
    for s in settings:
        cur.execute(s)
    results = {name: [] for name, _ in contenders}
    answers = {}
    for name, sql in contenders:            # warm-up, and the answer to check
        _, rows = timed(cur, sql)
        answers[name] = normalise(rows)
    for _ in range(reps):                   # alternate the contenders
        for name, sql in contenders:
            ms, _ = timed(cur, sql)
            results[name].append(ms)
    ref = contenders[0][0]
    ref_ms = statistics.median(results[ref])
    section = {"title": title, "rows": [], "agree": []}
    for name, sql in contenders:
        med = statistics.median(results[name])
        row = {"name": name, "median_ms": med, "ratio": med / ref_ms, "runs": results[name]}
        if memory:
            row["peak_kb"] = peak_memory(cur, sql)
        section["rows"].append(row)
    if check:
        for a, b in check:
            same = answers[a] == answers[b]
            if not same and len(answers[a]) == len(answers[b]):
                same = all(len(x) == len(y) and all(
                    (u == v) or (u is not None and v is not None and abs(float(u) - float(v))
                                 <= 1e-6 * max(1.0, abs(float(v))))
                    for u, v in zip(x, y)) for x, y in zip(answers[a], answers[b]))
            section["agree"].append((a, b, same))
    for s in settings:
        if s.startswith("SET "):
            cur.execute("RESET " + s.split()[1])
    print_section(section)
    return section


def peak_memory(cur, sql):
    """Peak memory (kB) of the plan's aggregate and sort nodes, from EXPLAIN ANALYZE."""
    cur.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql)
    plan = cur.fetchone()[0]
    if isinstance(plan, str):
        plan = json.loads(plan)
    total = 0

    def walk(node):
        nonlocal total
        for key in ("Peak Memory Usage", "Sort Space Used"):
            if key in node and (key != "Sort Space Used" or node.get("Sort Space Type") == "Memory"):
                total += int(node[key])
        if node.get("Disk Usage"):
            total += int(node["Disk Usage"])
        for child in node.get("Plans", []):
            walk(child)

    walk(plan[0]["Plan"])
    return total


def plan_shape(cur, sql, workers):
    cur.execute(f"SET max_parallel_workers_per_gather = {workers}")
    cur.execute("EXPLAIN (COSTS OFF) " + sql)
    shape = "\n".join(r[0] for r in cur.fetchall())
    cur.execute("RESET max_parallel_workers_per_gather")
    return shape


def print_section(section):
    print(f"\n## {section['title']}")
    for row in section["rows"]:
        mem = f"  peak {row['peak_kb']} kB" if "peak_kb" in row else ""
        print(f"  {row['name']:<62} {row['median_ms']:10.1f} ms  x{row['ratio']:.3f}{mem}")
    for a, b, same in section["agree"]:
        print(f"  answers agree: {a} / {b}: {'yes' if same else 'NO'}")


def machine():
    cpu = "unknown"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_kb = 0
    for line in open("/proc/meminfo"):
        if line.startswith("MemTotal"):
            mem_kb = int(line.split()[1])
    return f"{cpu}, {os.cpu_count()} cores, {mem_kb // 1024 // 1024} GiB, {platform.platform()}"


def ratio_of(sections, title, name, ref=None):
    sec = next(s for s in sections if s["title"] == title)
    rows = {r["name"]: r for r in sec["rows"]}
    base = rows[ref]["median_ms"] if ref else sec["rows"][0]["median_ms"]
    return rows[name]["median_ms"] / base


def write_svg(sections, path):
    """A horizontal bar chart of every contender's ratio to its reference (log scale)."""
    import math
    bars = []
    for s in sections:
        for r in s["rows"][1:]:
            bars.append((s["title"], r["name"], r["ratio"]))
    width, left, row_h = 1100, 640, 22
    height = 60 + row_h * len(bars)
    lo, hi = math.log10(0.005), math.log10(20)

    def x(v):
        return left + (math.log10(max(min(v, 20), 0.005)) - lo) / (hi - lo) * (width - left - 30)

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'font-family="sans-serif" font-size="11">',
           '<text x="10" y="18" font-size="14">hdh_roadmap benchmark: time relative to each '
           'section\'s reference (log scale; left of the line is faster)</text>']
    for tick in (0.01, 0.1, 1, 10):
        out.append(f'<line x1="{x(tick):.1f}" y1="28" x2="{x(tick):.1f}" y2="{height - 10}" '
                   f'stroke="{"#000" if tick == 1 else "#ccc"}"/>')
        out.append(f'<text x="{x(tick) + 2:.1f}" y="38">{tick}x</text>')
    for i, (title, name, ratio) in enumerate(bars):
        y = 50 + i * row_h
        ours = "delay_agg" in name or "year" in name and "(" in name and "agg" in name or "rollup" in name
        colour = "#2a7ab0" if ours else "#999"
        out.append(f'<text x="10" y="{y + 12}">{escape(title)}: {escape(name)}</text>')
        x0, x1 = x(1), x(ratio)
        out.append(f'<rect x="{min(x0, x1):.1f}" y="{y}" width="{abs(x1 - x0):.1f}" '
                   f'height="{row_h - 6}" fill="{colour}"/>')
        out.append(f'<text x="{max(x0, x1) + 4:.1f}" y="{y + 12}">{ratio:.3f}x</text>')
    out.append("</svg>")
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


def escape(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rows", type=int, default=10_000_000)
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--out", default=os.path.join(HERE, "RESULTS.md"))
    args = ap.parse_args()

    conn = connect()
    cur = conn.cursor()
    cur.execute("CREATE EXTENSION IF NOT EXISTS hdh_roadmap")
    cur.execute("CREATE EXTENSION IF NOT EXISTS tdigest")
    cur.execute("CREATE EXTENSION IF NOT EXISTS pg_prewarm")
    cur.execute("SET search_path = hdh_roadmap, public")
    cur.execute("SELECT version()")
    pg_version = cur.fetchone()[0]

    t0 = time.perf_counter()
    for statement in GENERATE.split(";\n"):
        if statement.strip():
            cur.execute(statement, {"rows": args.rows})
    cur.execute("""CREATE MATERIALIZED VIEW monthly AS
                   SELECT date_trunc('month', finished)::date AS month, linkage,
                          delay_agg(started, finished) AS summary
                     FROM delays WHERE finished IS NOT NULL GROUP BY 1, 2""")
    cur.execute("SELECT pg_prewarm('delays'), pg_prewarm('monthly')")
    cur.execute("SELECT pg_size_pretty(pg_total_relation_size('delays')), "
                "count(*) FILTER (WHERE finished IS NULL), count(*) FROM delays")
    size, pending, total = cur.fetchone()
    print(f"generated {total} rows ({pending} pending), {size}, "
          f"in {time.perf_counter() - t0:.0f} s")

    serial = ("SET max_parallel_workers_per_gather = 0",)
    two = ("SET max_parallel_workers_per_gather = 2", "SET parallel_setup_cost = 0",
           "SET parallel_tuple_cost = 0")
    sections = []
    sections.append(run_section(cur, "one group, serial: mean", ONE_GROUP, args.reps, serial,
                                check=[(ONE_GROUP[0][0], ONE_GROUP[2][0])]))
    sections.append(run_section(cur, "one group, serial: median", ONE_GROUP_MEDIAN, args.reps,
                                serial, check=[(ONE_GROUP_MEDIAN[0][0], ONE_GROUP_MEDIAN[2][0])]))
    sections.append(run_section(cur, "one group, 2 workers: mean", ONE_GROUP, args.reps, two,
                                check=[(ONE_GROUP[0][0], ONE_GROUP[2][0])]))
    # percentile_cont is in this section too: an ordered-set aggregate has no
    # partial mode, so with workers allowed it still runs serially (plan below).
    sections.append(run_section(cur, "one group, 2 workers: median", ONE_GROUP_MEDIAN,
                                args.reps, two,
                                check=[(ONE_GROUP_MEDIAN[0][0], ONE_GROUP_MEDIAN[2][0])]))
    parallel_speedup = [
        ("mean_days(delay_agg(...)), 0 workers",
         "SELECT mean_days(delay_agg(started, finished)) FROM delays /* 0 */"),
        ("mean_days(delay_agg(...)), 2 workers",
         "SELECT mean_days(delay_agg(started, finished)) FROM delays /* 2 */"),
    ]
    # Each contender carries its own setting: a session SET before each query.
    sections.append(run_parallel_pair(cur, parallel_speedup, args.reps))
    g30 = grouped("year, linkage")
    sections.append(run_section(cur, "grouped by year x linkage (~30 groups), serial", g30,
                                args.reps, serial, check=[(g30[0][0], g30[2][0]),
                                                          (g30[3][0], g30[5][0])], memory=True))
    g100k = grouped("grp")
    sections.append(run_section(cur, "grouped by 100,000 groups, serial", g100k,
                                max(2, args.reps // 2), serial,
                                check=[(g100k[0][0], g100k[2][0]), (g100k[3][0], g100k[5][0])],
                                memory=True))
    sections.append(run_section(cur, "rollup: yearly median", ROLLUP, args.reps, serial,
                                check=[(ROLLUP[0][0], ROLLUP[1][0])]))
    sections.append(run_section(cur, "year_counts_agg", YEARS, args.reps, serial,
                                check=[(YEARS[0][0], YEARS[1][0])]))
    sections.append(run_section(cur, "years_active_agg", YEARS_ACTIVE, args.reps, serial,
                                check=[(YEARS_ACTIVE[0][0], YEARS_ACTIVE[1][0])]))

    shapes = {w: plan_shape(cur, ONE_GROUP[2][1], w) for w in (0, 2)}
    percentile_shape = plan_shape(cur, ONE_GROUP_MEDIAN[0][1], 2)
    write_results(args, sections, shapes, percentile_shape, pg_version, size, total, pending)
    # Beside the results, so that their relative link works and a run with
    # --out elsewhere leaves the recorded chart alone.
    write_svg(sections, os.path.join(os.path.dirname(os.path.abspath(args.out)), "ratios.svg"))


def run_parallel_pair(cur, pair, reps):
    results = {name: [] for name, _ in pair}
    cur.execute("SET parallel_setup_cost = 0")
    cur.execute("SET parallel_tuple_cost = 0")
    for rep in range(reps + 1):
        for name, sql in pair:
            workers = sql.rsplit("/* ", 1)[1].split()[0]
            cur.execute(f"SET max_parallel_workers_per_gather = {workers}")
            ms, _ = timed(cur, sql)
            if rep > 0:                     # the first round warms up
                results[name].append(ms)
    cur.execute("RESET max_parallel_workers_per_gather")
    cur.execute("RESET parallel_setup_cost")
    cur.execute("RESET parallel_tuple_cost")
    ref = statistics.median(results[pair[0][0]])
    section = {"title": "parallel speed-up: 0 vs 2 workers", "agree": [], "rows": [
        {"name": n, "median_ms": statistics.median(results[n]),
         "ratio": statistics.median(results[n]) / ref, "runs": results[n]} for n, _ in pair]}
    print_section(section)
    return section


def write_results(args, sections, shapes, percentile_shape, pg_version, size, total, pending):
    def r(title, name, ref=None):
        return ratio_of(sections, title, name, ref)

    goals = []

    def goal(text, value, ok):
        goals.append(f"| {text} | {value} | {'met' if ok else 'MISSED'} |")

    v = r("one group, serial: mean", "mean_days(delay_agg(started, finished))")
    goal("mean_days vs avg, serial (<= 1.15x)", f"{v:.3f}x", v <= 1.15)
    v = r("one group, 2 workers: mean", "mean_days(delay_agg(started, finished))")
    goal("mean_days vs avg, 2 workers (<= 1.15x)", f"{v:.3f}x", v <= 1.15)
    for title, name, tname in (
            ("one group, serial: median", "median_days(delay_agg(started, finished))",
             "tdigest_percentile(..., 100, 0.5)"),
            ("grouped by year x linkage (~30 groups), serial", "median_days(delay_agg(...))",
             "tdigest_percentile(..., 100, 0.5)"),
            ("grouped by 100,000 groups, serial", "median_days(delay_agg(...))",
             "tdigest_percentile(..., 100, 0.5)")):
        v = r(title, name, "percentile_cont(0.5)")
        goal(f"median_days vs percentile_cont, {title} (>= 3x faster)", f"{1 / v:.2f}x faster",
             v <= 1 / 3)
        v = r(title, name, tname)
        goal(f"median_days vs t-digest, {title} (faster)", f"{v:.3f}x", v < 1)
    v = r("one group, 2 workers: median", "median_days(delay_agg(started, finished))",
          "percentile_cont(0.5)")
    goal("median_days vs percentile_cont, one group, 2 workers allowed (>= 3x faster)",
         f"{1 / v:.2f}x faster", v <= 1 / 3)
    v = r("one group, 2 workers: median", "median_days(delay_agg(started, finished))",
          "tdigest_percentile(..., 100, 0.5)")
    goal("median_days vs t-digest, one group, 2 workers (faster)", f"{v:.3f}x", v < 1)
    v = r("parallel speed-up: 0 vs 2 workers", "mean_days(delay_agg(...)), 2 workers")
    goal("parallel speed-up with 2 workers (>= 1.6x)", f"{1 / v:.2f}x", 1 / v >= 1.6)
    v = r("rollup: yearly median", "median by year from monthly summaries (rollup)")
    goal("rollup from monthly summaries vs raw rows (>= 100x faster)", f"{1 / v:.0f}x faster",
         1 / v >= 100)
    sec = next(s for s in sections if s["title"] == "grouped by 100,000 groups, serial")
    mem = {row["name"]: row["peak_kb"] for row in sec["rows"]}
    v = mem["mean_days(delay_agg(...))"] / max(1, mem["avg(finished - started)"])
    goal("100,000 groups: peak memory vs avg (<= 3x)",
         f"{mem['mean_days(delay_agg(...))']} kB vs {mem['avg(finished - started)']} kB = {v:.2f}x",
         v <= 3)

    lines = [
        "# Benchmark results",
        "",
        f"Recorded by `bench/run --rows {args.rows} --reps {args.reps}` on "
        f"{datetime.date.today().isoformat()}.",
        "",
        f"- Machine: {machine()}",
        f"- Server: {pg_version}; jit = off; shared_buffers = 3GB; work_mem = 2GB; "
        "tables prewarmed (pg_prewarm)",
        f"- Data: {total} rows ({pending} pending), {size}; delays lognormal, median about "
        "270 days",
        "- Each figure is the median of the repetitions, contenders alternating; the ratio is "
        "to the section's first row (below 1 is faster). Answers of the compared contenders "
        "are checked for agreement.",
        "",
        "## Goals",
        "",
        "| goal | measured | |",
        "|---|---|---|",
        *goals,
        "",
        "![ratios](ratios.svg)",
        "",
    ]
    for s in sections:
        lines += [f"## {s['title']}", "", "| contender | median ms | ratio | peak memory |",
                  "|---|---:|---:|---:|"]
        for row in s["rows"]:
            mem = f"{row['peak_kb']} kB" if "peak_kb" in row else ""
            lines.append(f"| `{row['name']}` | {row['median_ms']:.1f} | {row['ratio']:.3f} | {mem} |")
        for a, b, same in s["agree"]:
            lines.append(f"\nAnswers of `{a}` and `{b}` agree: {'yes' if same else '**no**'}.")
        lines.append("")
    lines += ["## Plan shapes (`mean_days(delay_agg(started, finished))`, one group)", ""]
    for w, shape in shapes.items():
        lines += [f"max_parallel_workers_per_gather = {w}:", "", "```", shape, "```", ""]
    lines += ["`percentile_cont(0.5)`, one group, max_parallel_workers_per_gather = 2 "
              "(no partial mode for an ordered-set aggregate):", "", "```", percentile_shape,
              "```", ""]
    with open(args.out, "w") as f:
        f.write("\n".join(lines))
    print(f"\nwrote {args.out}")
    print("\n".join(goals))


if __name__ == "__main__":
    main()
