#!/usr/bin/env python3
"""Authoring toolchain timings (issue 10), with the release binary:

* `dojo lint` on the whole shipped library;
* `dojo explore ID --exhaustive` on every shipped scenario.

Prints wall and CPU seconds for each run and exits 1 when any run's wall time reaches the budget
(1 s; DOJO_AUTHORING_BUDGET=seconds to change it). `make bench-authoring` builds and runs it.
"""
import os, re, resource, subprocess, sys, time

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
binary = os.environ.get("DOJO_BINARY", os.path.join(root, ".build/release/dojo"))
budget = float(os.environ.get("DOJO_AUTHORING_BUDGET", "1"))
if not os.access(binary, os.X_OK):
    sys.exit(f"no release binary at {binary}: run `swift build -c release --product dojo`")

def scenario_ids():
    ids = []
    for folder in ("zh-Hans", "en"):
        directory = os.path.join(root, "Scenarios", folder)
        for name in sorted(os.listdir(directory)):
            if name.endswith(".yaml"):
                with open(os.path.join(directory, name), encoding="utf-8") as handle:
                    match = re.search(r"^id:\s*(\S+)", handle.read(), re.M)
                if match:
                    ids.append(match.group(1))
    return ids

def measure(label, arguments):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run([binary] + arguments, cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    verdict = "ok" if wall < budget else f"OVER {budget:g} s"
    if result.returncode not in (0, 1):
        verdict = f"exit {result.returncode}: {result.stderr.decode(errors='replace').strip()[:200]}"
    print(f"{label:<58} {wall:6.3f} s wall  {cpu:6.3f} s cpu  {verdict}", flush=True)
    return verdict == "ok"

print(f"load average: {' '.join(open('/proc/loadavg').read().split()[:3])} on {os.cpu_count()} core(s)")
ok = measure("dojo lint (whole library)", ["lint"])
for scenario in scenario_ids():
    ok = measure(f"dojo explore {scenario} --exhaustive", ["explore", scenario, "--exhaustive"]) and ok
sys.exit(0 if ok else 1)
