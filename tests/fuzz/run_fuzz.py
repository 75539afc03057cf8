#!/usr/bin/python3
"""Runs one libFuzzer target for a bounded time and reports what it did.

  run_fuzz.py --fuzzer build-asan/tests/fuzz/fuzz_yaml --name yaml --corpus tests/fuzz/corpus/yaml \
              --regressions tests/fuzz/regressions/yaml --results build-asan/fuzz-results [--seconds 30]
  run_fuzz.py --summary build-asan/fuzz-results      # the table of every target's last run

The committed seed corpus and the regressions are read, never written: inputs libFuzzer finds are
kept in RESULTS/NAME-corpus (a fresh directory per run). Each input is bounded in time (-timeout)
and memory (-rss_limit_mb, -malloc_limit_mb), so a hang or a runaway allocation is a finding like a
crash. On a finding the input is saved as RESULTS/NAME-crash-*, -timeout-* or -oom-*; copy it into
tests/fuzz/regressions/NAME/ once the bug is fixed (tests/fuzz/README.md).

Exit status: 0 when the run ended without a finding, 1 otherwise.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time

PER_INPUT_TIMEOUT_S = 10
RSS_LIMIT_MB = 2048


def run(args):
    os.makedirs(args.results, exist_ok=True)
    work = os.path.join(args.results, args.name + "-corpus")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    for old in os.listdir(args.results):
        if re.match(re.escape(args.name) + r"-(crash|timeout|oom|leak|slow-unit)-", old):
            os.remove(os.path.join(args.results, old))
    command = [args.fuzzer, "-max_total_time=%d" % args.seconds, "-timeout=%d" % PER_INPUT_TIMEOUT_S,
               "-rss_limit_mb=%d" % RSS_LIMIT_MB, "-malloc_limit_mb=%d" % RSS_LIMIT_MB, "-print_final_stats=1",
               "-artifact_prefix=" + os.path.join(args.results, args.name + "-"), "-close_fd_mask=1"]
    if args.max_len:
        command.append("-max_len=%d" % args.max_len)
    if args.dict_dir:
        dictionary = os.path.join(args.dict_dir, args.name + ".dict")
        if os.path.exists(dictionary):
            command.append("-dict=" + dictionary)
    command.append(work)
    seeds = 0
    for directory in [args.corpus, args.regressions] + args.extra_seeds:
        if os.path.isdir(directory):
            command.append(directory)
            seeds += sum(len(files) for _, _, files in os.walk(directory))
    started = time.monotonic()
    p = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, errors="replace")
    seconds = time.monotonic() - started
    log = p.stderr
    with open(os.path.join(args.results, args.name + ".log"), "w") as f:
        f.write(log)

    result = {"target": args.name, "seconds": round(seconds, 1), "seeds": seeds, "exit": p.returncode}
    done = re.findall(r"^#(\d+)\s+DONE\s+cov: (\d+) ft: (\d+) corp: (\d+)/", log, re.M)
    progress = re.findall(r"^#(\d+)\s+\w+\s+cov: (\d+) ft: (\d+) corp: (\d+)/", log, re.M)
    last = done[-1] if done else (progress[-1] if progress else None)
    if last:
        result.update(executions=int(last[0]), cov=int(last[1]), ft=int(last[2]), corpus=int(last[3]))
    initial = re.search(r"^#\d+\s+INITED\s+cov: (\d+) ft: (\d+)", log, re.M)
    if initial:
        result.update(seed_cov=int(initial.group(1)), seed_ft=int(initial.group(2)))
    for stat in ("number_of_executed_units", "average_exec_per_sec", "new_units_added", "peak_rss_mb"):
        m = re.search(r"^stat::%s:\s+(\d+)" % stat, log, re.M)
        if m:
            result[stat] = int(m.group(1))
    if "number_of_executed_units" in result:
        result["executions"] = result["number_of_executed_units"]
    artifacts = sorted(f for f in os.listdir(args.results)
                       if re.match(re.escape(args.name) + r"-(crash|timeout|oom|leak|slow-unit)-", f))
    result["findings"] = artifacts
    with open(os.path.join(args.results, args.name + ".json"), "w") as f:
        json.dump(result, f, indent=1)

    print("fuzz %-18s %9s executions in %5.1f s, cov %s ft %s (seeds alone: cov %s), corpus %s, peak RSS %s MB"
          % (args.name, result.get("executions", "?"), seconds, result.get("cov", "?"), result.get("ft", "?"),
             result.get("seed_cov", "?"), result.get("corpus", "?"), result.get("peak_rss_mb", "?")))
    if p.returncode != 0 or artifacts:
        summary = [line for line in log.splitlines()
                   if "ERROR" in line or "SUMMARY" in line or "deadly signal" in line or "Test unit written" in line]
        print("\n".join(summary[:20]))
        print(log[-6000:])
        print("FAILED: fuzz target %s found a problem (exit %d); inputs: %s" % (
            args.name, p.returncode, ", ".join(os.path.join(args.results, a) for a in artifacts) or "none saved"))
        return 1
    return 0


def summary(results):
    rows = []
    for name in sorted(os.listdir(results)):
        if name.endswith(".json"):
            with open(os.path.join(results, name)) as f:
                rows.append(json.load(f))
    print("%-18s %12s %8s %7s %7s %9s %8s %7s %s" % ("target", "executions", "exec/s", "cov", "ft", "seed cov",
                                                      "corpus", "rss MB", "findings"))
    total = 0
    for r in rows:
        total += r.get("executions", 0)
        print("%-18s %12s %8s %7s %7s %9s %8s %7s %s" % (
            r["target"], r.get("executions", "?"), r.get("average_exec_per_sec", "?"), r.get("cov", "?"),
            r.get("ft", "?"), r.get("seed_cov", "?"), r.get("corpus", "?"), r.get("peak_rss_mb", "?"),
            ", ".join(r.get("findings", [])) or "none"))
    print("%d targets, %d executions" % (len(rows), total))
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--fuzzer")
    parser.add_argument("--name")
    parser.add_argument("--corpus")
    parser.add_argument("--regressions", default="")
    parser.add_argument("--dict-dir", default="")
    parser.add_argument("--results")
    parser.add_argument("--seconds", type=int, default=int(os.environ.get("KAFKALINT_FUZZ_SECONDS", "30")))
    parser.add_argument("--max-len", type=int, default=0)
    parser.add_argument("--extra-seeds", action="append", default=[], metavar="DIR",
                        help="more seed inputs, read only (the reference pack's real-world files)")
    parser.add_argument("--summary", metavar="RESULTS")
    args = parser.parse_args()
    if args.summary:
        return summary(args.summary)
    # The environment wins over the build's default, so one ctest run can be made longer or shorter.
    if "KAFKALINT_FUZZ_SECONDS" in os.environ:
        args.seconds = int(os.environ["KAFKALINT_FUZZ_SECONDS"])
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
