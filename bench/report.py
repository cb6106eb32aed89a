"""Turns bench/out/results.tsv into the RESULTS.md table: medians per page and scale, ratio to the bare endpoint."""
import os
import statistics
import subprocess
import sys
from collections import defaultdict


def ms(value: str) -> float:
    units = {"us": 0.001, "ms": 1.0, "s": 1000.0}
    for unit in ("us", "ms", "s"):
        if value.endswith(unit):
            return float(value[: -len(unit)]) * units[unit]
    return float(value)


path, duration, rounds, connections = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
runs = defaultdict(list)
for line in open(path, encoding="utf-8"):
    scale, page, target, _, rps, p50, p99, extra = line.rstrip("\n").split("\t")
    sql, non2xx = extra.split("|")
    runs[(int(scale), page, target)].append((float(rps), ms(p50), ms(p99), sql, int(non2xx or 0)))

memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
cpu = subprocess.run(["sh", "-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"], capture_output=True, text=True).stdout.strip()
print("# Benchmark results\n")
print(f"Machine: {os.cpu_count()} cores ({cpu}), {memory:.0f} GiB. wrk: 2 threads, {connections} connections, "
      f"{duration} s per run, {rounds} alternating rounds per page and bare endpoint; medians shown.\n")
if os.environ.get("BENCH_NOTE"):
    print(os.environ["BENCH_NOTE"] + "\n")
print("A req/s of 0 means every request of the run outlived wrk's 2-second timeout.\n")
print("| scale | page | req/s | p50 ms | p99 ms | SQL/request | bare req/s | ratio to bare | non-2xx |")
print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for (scale, page, target), values in sorted(runs.items()):
    if target != "page":
        continue
    bare = runs[(scale, page, "bare")]
    rps = statistics.median(v[0] for v in values)
    bare_rps = statistics.median(v[0] for v in bare)
    print(f"| {scale}x | `{page}` | {rps:.0f} | {statistics.median(v[1] for v in values):.2f} | "
          f"{statistics.median(v[2] for v in values):.2f} | {values[0][3]} | {bare_rps:.0f} | {rps / bare_rps:.2f} | {sum(v[4] for v in values)} |")
