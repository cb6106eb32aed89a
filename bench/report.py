"""Turns bench/out/*.tsv into bench/RESULTS.md: the pages (medians, ratio to the bare endpoint), the targets,
the 500-person roster as HTML and PDF, the mixed read/write load, and the cold start. Everything after the
ANALYSIS marker of an existing RESULTS.md (the hand-written reading of a run) is kept."""
import os
import re
import statistics
import subprocess
import sys
from collections import defaultdict

MARKER = "<!-- analysis: kept by report.py when it rewrites the tables above -->"
# DATABASE=PostgreSql runs write their tables between these two lines; a SQLite run keeps them, and the other way round.
PG_BEGIN = "<!-- postgresql: the tables of DATABASE=PostgreSql bench/run.sh -->"
PG_END = "<!-- postgresql: end -->"
POSTGRES = os.environ.get("BENCH_DATABASE") == "PostgreSql"


def ms(value: str) -> float:
    units = {"us": 0.001, "ms": 1.0, "s": 1000.0}
    for unit in ("us", "ms", "s"):
        if value.endswith(unit):
            return float(value[: -len(unit)]) * units[unit]
    return float(value)


def read(path):
    return [line.rstrip("\n").split("\t") for line in open(path, encoding="utf-8")] if os.path.exists(path) else []


out, duration, rounds, connections, load_connections, load_seconds, write_share, target = sys.argv[1:9]
runs = defaultdict(list)
for scale, page, kind, _, rps, p50, p99, extra in read(os.path.join(out, "results.tsv")):
    sql, non2xx = extra.split("|")
    runs[(int(scale), page, kind)].append((float(rps), ms(p50), ms(p99), sql, int(non2xx or 0)))

memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
cpu = subprocess.run(["sh", "-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"], capture_output=True, text=True).stdout.strip()
machine = read(os.path.join(out, "machine.txt"))
lines = []
say = lines.append
H2 = "###" if POSTGRES else "##"
TWO = " through nginx over two instances" if POSTGRES else ""
say("## PostgreSQL\n" if POSTGRES else "# Benchmark results\n")
if POSTGRES:
    say("The same run on a throw-away PostgreSQL 15 cluster on this machine (tools/postgres.sh: loopback, durable settings), "
        "the portal on one instance for the pages; the mixed load through nginx (TLS) over two instances on the same database "
        "and data folder.\n")
say(f"Machine: {os.cpu_count()} cores ({cpu}), {memory:.0f} GiB. wrk: 2 threads, {connections} connections, "
    f"{duration} s per run, {rounds} alternating rounds per page and bare endpoint; medians shown.\n")
if machine:
    say("Run started " + machine[0][0] + "; load when it started: `" + machine[1][0].strip() + "`"
        + (", when it ended: `" + machine[2][0].strip() + "`" if len(machine) > 2 else "") + ".\n")
if os.environ.get("BENCH_NOTE"):
    say(os.environ["BENCH_NOTE"] + "\n")
say("A req/s of 0 means every request of the run outlived wrk's 2-second timeout.\n")
say("| scale | page | req/s | p50 ms | p99 ms | SQL/request | bare req/s | ratio to bare | non-2xx |")
say("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
table = {}
for (scale, page, kind), values in sorted(runs.items()):
    if kind != "page":
        continue
    bare = runs[(scale, page, "bare")]
    rps = statistics.median(v[0] for v in values)
    bare_rps = statistics.median(v[0] for v in bare)
    p50 = statistics.median(v[1] for v in values)
    table[(scale, page)] = (rps, bare_rps, p50, values[0][3])
    say(f"| {scale}x | `{page}` | {rps:.0f} | {p50:.2f} | "
        f"{statistics.median(v[2] for v in values):.2f} | {values[0][3]} | {bare_rps:.0f} | {rps / bare_rps:.2f} | {sum(v[4] for v in values)} |")


def generic(page: str) -> str:
    """The same page at every scale: ids differ, so they are replaced."""
    return re.sub(r"/\d+", "/{id}", page)


scales = sorted({s for s, _ in table})
if len(scales) >= 2:
    low, high = scales[0], scales[-1]
    say(f"\n{H2} {high}x against {low}x\n")
    say("Throughput at the larger scale as a share of the smaller one: raw, and normalised by each run's bare endpoint "
        "(the fair number on a shared machine). SQL commands per request at both scales.\n")
    say(f"| page | req/s {low}x | req/s {high}x | raw | normalised | SQL {low}x → {high}x |")
    say("| --- | ---: | ---: | ---: | ---: | --- |")
    by_page = defaultdict(dict)
    for (scale, page), value in table.items():
        by_page[generic(page)][scale] = value
    for page, values in sorted(by_page.items()):
        if low in values and high in values:
            (r1, b1, _, s1), (r2, b2, _, s2) = values[low], values[high]
            say(f"| `{page}` | {r1:.0f} | {r2:.0f} | {r2 / r1:.2f} | {(r2 / b2) / (r1 / b1):.2f} | {s1} → {s2} |")

steps = defaultdict(list)
for scale, step, _, rps, p50, non2xx in read(os.path.join(out, "steps.tsv")):
    steps[(int(scale), step)].append((float(rps), ms(p50), int(non2xx or 0)))
if steps:
    say(f"\n{H2} Where the roster's time goes\n")
    say("The same bytes (the reference roster page) answered step by step, alternately, medians: by the bare endpoint; behind the "
        "roster's sign-in and policy; after the roster's two queries too (the page's own query code, result thrown away); "
        "by the page itself, which adds MVC (model binding, filters, antiforgery) and Razor. \"Added\" is the time per "
        "request each step adds to the one before it (1/req/s, the machine's two cores serving wrk's connections).\n")
    say("| scale | step | req/s | p50 ms | ratio to bare | added µs/request | non-2xx |")
    say("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
    for scale in sorted({s for s, _ in steps}):
        bare_rps = previous = None
        for step in ("/bench/bare", "/bench/roster-raw/{id}", "/bench/signed-in", "/bench/roster-queries/{id}", "/rosters/{id}"):
            values = steps.get((scale, step))
            if not values:
                continue
            rps = statistics.median(v[0] for v in values)
            bare_rps = bare_rps or rps
            added = "" if previous is None else f"{1e6 / rps - 1e6 / previous:+.0f}"
            say(f"| {scale}x | `{step}` | {rps:.0f} | {statistics.median(v[1] for v in values):.2f} | {rps / bare_rps:.2f} | {added} | "
                f"{sum(v[2] for v in values)} |")
            previous = rps
    if POSTGRES:
        say("\n`/bench/roster-raw/{id}` answers the roster's bytes (checked by the run: identical but for antiforgery tokens) from "
            "the same two queries through raw Npgsql with prepared commands and a hand-written writer, TechEmpower's "
            "\"platform\" style; its ratio to the page is the one TechEmpower's Fortunes puts at 0.38 for MVC + EF Core against "
            "raw ADO.NET on PostgreSQL (Citrine, 2023-09). The page is measured as the agency sees it (sign-in and policy "
            "included), the raw endpoint without them, as Fortunes' raw entries are.\n")
        reference = min(s for s, _ in steps)
        page = statistics.median(v[0] for v in steps[(reference, "/rosters/{id}")])
        raw = statistics.median(v[0] for v in steps[(reference, "/bench/roster-raw/{id}")])
        say(f"roster vs raw ADO.NET on PostgreSQL: {page / raw:.2f}\n")
        for scale in sorted({s for s, _ in steps}):
            if scale != reference and (scale, "/rosters/{id}") in steps and (scale, "/bench/roster-raw/{id}") in steps:
                at = statistics.median(v[0] for v in steps[(scale, "/rosters/{id}")]) / statistics.median(v[0] for v in steps[(scale, "/bench/roster-raw/{id}")])
                say(f"At {scale}x the same ratio is {at:.2f}.\n")

say(f"\n{H2} The 500-person roster: PDF against HTML\n")
say("| scale | HTML req/s | HTML p50 ms | PDF req/s | PDF p50 ms | PDF time / HTML time (by throughput) | (by p50) |")
say("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
for scale in scales:
    html = next((v for (s, p), v in table.items() if s == scale and p.endswith("(500 people)") and "/pdf" not in p), None)
    pdf = next((v for (s, p), v in table.items() if s == scale and p.endswith("(500 people)") and "/pdf" in p), None)
    if html and pdf:
        say(f"| {scale}x | {html[0]:.0f} | {html[2]:.2f} | {pdf[0]:.0f} | {pdf[2]:.2f} | {html[0] / pdf[0]:.2f} | {pdf[2] / html[2]:.2f} |")

load = read(os.path.join(out, "load.tsv"))
if load:
    say(f"\n{H2} Mixed load{TWO}: {load_connections} connections, {load_seconds} s, {float(write_share):.0%} writes\n")
    say("Reads: the roster, the programme, the mission page, the missions list, the catalogue (agency). Writes: half "
        "programme moves by the agency (the drag-and-drop endpoint, JSON), half sign-ups of a person by a company (the "
        "form, answered by a redirect). \"Refused\" writes are expected answers: validation (a move outside the mission's "
        "days: 400; a sign-up re-shown: 200) or a conflict (409: another move of the same item was saved first); "
        "\"unexpected\" is any other status. Memory: the portal's resident set "
        "(/proc/PID/status VmRSS) and its managed heap after a full collection, after the warm-up and after the run.\n")
    say("| scale | requests | req/s | p50 ms | p99 ms | p99/p50 | errors | unexpected status | writes (refused) | \"database is locked\" | ERR lines in the log | RSS MiB warm → after | heap MiB warm → after |")
    say("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |")
    for row in load:
        scale, total, rps, p50, p99, errors, unexpected, writes, refused, rss0, rss1, heap0, heap1, locked, failures = row
        rss_change = (float(rss1) - float(rss0)) / float(rss0) if float(rss0) else 0
        heap_change = (float(heap1) - float(heap0)) / float(heap0) if float(heap0) else 0
        say(f"| {scale}x | {total} | {rps} | {p50} | {p99} | {float(p99) / float(p50):.1f} | {errors} | {unexpected} | {writes} ({refused}) | "
            f"{locked} | {failures} | {rss0} → {rss1} ({rss_change:+.0%}) | {heap0} → {heap1} ({heap_change:+.0%}) |")

kinds = read(os.path.join(out, "load-kinds.tsv"))
if kinds:
    say("\nLatency per kind of request in the same runs (the pages differ severalfold in cost, so the mix alone spreads the "
        "overall percentiles):\n")
    say("| scale | request | count | p50 ms | p99 ms | p99/p50 |")
    say("| --- | --- | ---: | ---: | ---: | ---: |")
    for scale, kind, count, p50, p99 in kinds:
        say(f"| {scale}x | `{kind}` | {count} | {p50} | {p99} | {float(p99) / float(p50):.1f} |")

cold = read(os.path.join(out, "coldstart.tsv"))
if cold:
    empty = statistics.median(float(r[1]) for r in cold)
    seeded = statistics.median(float(r[2]) for r in cold)
    say(f"\n{H2} Cold start\n")
    say("From the process start to /health/ready answering: on an empty data folder (create the database, migrate, seed the "
        "demo data and accounts) and on the same folder once seeded. Pairs alternate; medians of "
        f"{len(cold)}: each run " + ", ".join(f"{r[1]} s / {r[2]} s" for r in cold) + ".\n")
    say("| empty folder s | seeded database s | ratio |")
    say("| ---: | ---: | ---: |")
    say(f"| {empty:.2f} | {seeded:.2f} | {empty / seeded:.2f} |")

previous = open(target, encoding="utf-8").read() if os.path.exists(target) else ""
analysis = previous[previous.index(MARKER):] if MARKER in previous else ""
tables = previous[:previous.index(MARKER)] if MARKER in previous else previous
postgres = tables[tables.index(PG_BEGIN):tables.index(PG_END) + len(PG_END)] if PG_BEGIN in tables and PG_END in tables else ""
sqlite = tables[:tables.index(PG_BEGIN)] if PG_BEGIN in tables else tables
if POSTGRES:
    postgres = PG_BEGIN + "\n" + "\n".join(lines) + "\n" + PG_END
else:
    sqlite = "\n".join(lines) + "\n"
with open(target, "w", encoding="utf-8") as result:
    result.write(sqlite.rstrip("\n") + "\n")
    if postgres:
        result.write("\n" + postgres + "\n")
    if analysis:
        result.write("\n" + analysis)
