#!/usr/bin/python3
"""kafkalint's benchmark suite (docs/benchmarks.md). Run it with scripts/run-bench.sh.

Generates synthetic clusters (bench/generate_cluster.py), serves them with the test broker, and
runs every scenario --repeat times, interleaved (one round of every scenario, then the next), each
as a child process whose wall time, CPU time and peak RSS (wait4) are recorded:

  live:    kafkalint check --bootstrap (text; and JSON -v at the largest size), the protocol floor
           (bench/protocol_floor.cpp), a Python confluent-kafka audit, kcat -L -J
  offline: kafkalint on the cluster spec (YAML, TOML), a Python PyYAML (C loader) audit
  small:   kafkalint on a typical ten-file repository

Every scenario's findings are checked against the generator's manifest before anything is timed,
so that the programs compared do the same work. Prints a Markdown table (median and spread), the
ratios against the targets of issue 6 with PASS/MISS, and writes OUT/latest.json and OUT/latest.md.
"""
import argparse
import datetime
import json
import math
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SIZES = {  # name: (topics, partitions)
    "1k": (100, 1000),
    "3k": (300, 3000),
    "10k": (1000, 10000),
    "100k": (10000, 100000),
    "1m": (100000, 1000000),
}
# kafkalint rule -> the manifest's invariant (bench/generate_cluster.py).
RULES = {
    "KL0201": "replication_factor_below_3",
    "KL0202": "min_isr_below_2",
    "KL0205": "replication_factor_below_min_isr_plus_1",
    "KL0206": "unclean_leader_election",
    "KL0211": "under_min_isr_live",
}
TARGETS = {
    "floor_wall": 1.25,        # kafkalint live / protocol floor, at most
    "floor_rss": 2.0,
    "python_live": 10.0,       # Python confluent-kafka / kafkalint, at least
    "kcat": 1.0,               # kcat -L -J / kafkalint, above
    "python_offline": 5.0,     # Python PyYAML / kafkalint on the spec, at least
    "small_ms": 20.0,          # ten files, process start included, at most
    "growth": 1.1,             # exponent of wall time and peak RSS in the partition count, at most
}


class BenchError(Exception):
    pass


def log(msg):
    sys.stderr.write("run-bench: %s\n" % msg)
    sys.stderr.flush()


def measure(cmd, stdout=None, env=None, expect=(0,), timeout=1800):
    """Runs cmd as a child; returns wall and CPU seconds, peak RSS (KiB) and the exit code.

    Peak RSS and CPU come from GNU time (/usr/bin/time), whose own small process is what execs the
    command: the rusage of a child forked from this Python process would count Python's pages
    (a process's peak RSS survives exec)."""
    out = tempfile.TemporaryFile() if stdout is None else None
    errf = tempfile.TemporaryFile()
    with tempfile.NamedTemporaryFile("r", suffix=".time") as tf:
        start = time.monotonic()
        p = subprocess.Popen(["/usr/bin/time", "-f", "%M %U %S", "-o", tf.name] + list(cmd),
                             stdout=out if out is not None else stdout, stderr=errf, env=env)
        # A blocking wait: Popen.wait(timeout=...) polls with sleeps growing to 50 ms, which would
        # round every wall time up. A timer kills a run that takes too long.
        killer = threading.Timer(timeout, p.kill)
        killer.start()
        rc = p.wait()
        wall = time.monotonic() - start
        killer.cancel()
        if time.monotonic() - start >= timeout:
            raise BenchError("timed out: %s" % " ".join(cmd))
        lines = tf.read().strip().splitlines()
    errf.seek(0)
    err = errf.read().decode(errors="replace")
    text = ""
    if out is not None:
        out.seek(0)
        text = out.read().decode(errors="replace")
    if rc not in expect or not lines:
        raise BenchError("%s exited %d:\n%s%s" % (" ".join(cmd), rc, text[-2000:], err[-3000:]))
    rss, user, sys_ = lines[-1].split()
    return {"wall": wall, "cpu": float(user) + float(sys_), "rss_kib": int(rss), "rc": rc, "stdout": text,
            "stderr": err}


class Broker:
    def __init__(self, binary, fixture, workdir):
        self.ready = os.path.join(workdir, "ready-%d.json" % os.getpid())
        if os.path.exists(self.ready):
            os.remove(self.ready)
        self.proc = subprocess.Popen([binary, "--fixture", fixture, "--ready-file", self.ready],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        for _ in range(6000):
            if os.path.exists(self.ready):
                break
            if self.proc.poll() is not None:
                raise BenchError("the test broker exited: " + self.proc.stderr.read().decode(errors="replace"))
            time.sleep(0.01)
        else:
            raise BenchError("the test broker did not start")
        with open(self.ready) as f:
            self.bootstrap = json.load(f)["bootstrap"]

    def close(self):
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def spawn_wall(cmd, expect=(0,)):
    """Wall seconds of cmd spawned straight from here (no GNU time in between), output discarded."""
    start = time.monotonic()
    rc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
    wall = time.monotonic() - start
    if rc not in expect:
        raise BenchError("%s exited %d" % (" ".join(cmd), rc))
    return wall


def findings_by_rule(report_text):
    counts = {}
    for f in json.loads(report_text)["findings"]:
        counts[f["ruleId"]] = counts.get(f["ruleId"], 0) + 1
    return counts


def check_counts(what, got, manifest, live):
    want = {k: v for k, v in manifest["violations"].items() if live or k != "under_min_isr_live"}
    got = {k: got.get(k, 0) for k in want}
    if got != want:
        raise BenchError("%s does not find what the generator put in (manifest %s): %s" % (what, want, got))


def timings(stderr):
    """kafkalint's KAFKALINT_TIMINGS line: {stage: seconds}."""
    m = re.search(r"kafkalint: timings: (.*)", stderr)
    if not m:
        return {}
    return {k: float(v) for k, v in re.findall(r"([a-z-]+) ([0-9.]+) s", m.group(1))}


def summarize(samples):
    def stats(values):
        med = statistics.median(values)
        return {"median": med, "min": min(values), "max": max(values),
                "spread_pct": 0.0 if med == 0 else 100.0 * (max(values) - min(values)) / med}
    return {"runs": len(samples), "wall_s": stats([s["wall"] for s in samples]),
            "cpu_s": stats([s["cpu"] for s in samples]),
            "rss_mib": stats([s["rss_kib"] / 1024.0 for s in samples])}


def exponent(points):
    """Least-squares slope of log(y) over log(x)."""
    xs = [math.log(x) for x, _ in points]
    ys = [math.log(max(y, 1e-9)) for _, y in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    den = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / den if den else float("nan")


def versions(args):
    def first_line(cmd):
        try:
            return subprocess.run(cmd, capture_output=True, text=True, timeout=30).stdout.strip().splitlines()[0]
        except (OSError, IndexError, subprocess.SubprocessError):
            return None
    out = {
        "kafkalint": first_line([args.kafkalint, "--version"]),
        "kafkalint_commit": first_line(["git", "-C", ROOT, "describe", "--always", "--dirty"]),
        "build_type": None,
        "librdkafka": first_line(["pkg-config", "--modversion", "rdkafka"]),
        "kcat": None,
        "python": platform.python_version(),
        "confluent_kafka": first_line([PY, "-c", "import confluent_kafka as c; print(c.version()[0], "
                                       "'librdkafka', c.libversion()[0])"]),
        "pyyaml": first_line([PY, "-c", "import yaml; print(yaml.__version__, 'libyaml', yaml.__with_libyaml__)"]),
        "compiler": first_line(["c++", "--version"]),
    }
    kcat = subprocess.run([args.kcat, "-V"], capture_output=True, text=True)
    m = re.search(r"^Version ([0-9.]+)", kcat.stdout + kcat.stderr, re.M)
    out["kcat"] = m.group(1) if m else "(kcat -V: %s)" % (kcat.stdout + kcat.stderr).strip().splitlines()[-1][:60]
    cache = os.path.join(args.build_dir, "CMakeCache.txt")
    if os.path.exists(cache):
        m = re.search(r"^CMAKE_BUILD_TYPE:STRING=(.*)$", open(cache).read(), re.M)
        out["build_type"] = m.group(1) if m else None
    return out


def machine():
    mem = 0
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemTotal:"):
                mem = int(line.split()[1]) * 1024
    cpu = platform.processor()
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return {"cores": os.cpu_count(), "usable_cores": len(os.sched_getaffinity(0)), "memory_gib": round(mem / 2**30, 1),
            "cpu": cpu, "kernel": platform.release()}


PY = "/usr/bin/python3"


def main():
    ap = argparse.ArgumentParser(description="kafkalint's benchmark suite (docs/benchmarks.md)")
    ap.add_argument("--sizes", default="10k,100k,1m", help="cluster sizes, of " + ", ".join(SIZES))
    ap.add_argument("--repeat", type=int, default=3, help="runs of each scenario (median and spread)")
    ap.add_argument("--smoke", action="store_true", help="tiny sizes (1k,3k), one run each: checks that it works")
    ap.add_argument("--build-dir", default=os.path.join(ROOT, "build"))
    ap.add_argument("--out", default=os.path.join(ROOT, "bench", "results"), help="where latest.json/.md go")
    ap.add_argument("--data", help="generated clusters (default BUILD/bench-data)")
    ap.add_argument("--only", help="comma-separated scenario groups: live, offline, small, micro")
    ap.add_argument("--kcat", default=shutil.which("kcat") or "/usr/bin/kcat")
    args = ap.parse_args()
    if args.smoke:
        args.sizes, args.repeat = "1k,3k", 1
    sizes = args.sizes.split(",")
    for s in sizes:
        if s not in SIZES:
            ap.error("unknown size %s (known: %s)" % (s, ", ".join(SIZES)))
    sizes.sort(key=lambda s: SIZES[s][1])
    groups = set((args.only or "live,offline,small,micro").split(","))
    b = args.build_dir
    args.kafkalint = os.path.join(b, "kafkalint")
    floor = os.path.join(b, "bench", "kafkalint_protocol_floor")
    broker_bin = os.path.join(b, "tests", "broker", "kafkalint_test_broker")
    for path in (args.kafkalint, floor, broker_bin):
        if not os.access(path, os.X_OK):
            raise BenchError("%s is missing: build first (scripts/build.sh)" % path)
    data = args.data or os.path.join(b, "bench-data")
    os.makedirs(data, exist_ok=True)
    os.makedirs(args.out, exist_ok=True)
    started = time.monotonic()
    load_at_start = os.getloadavg()[0]
    env_t = dict(os.environ, KAFKALINT_TIMINGS="1")

    # Generate (cached: the generator is deterministic).
    gen = os.path.join(ROOT, "bench", "generate_cluster.py")
    manifests = {}
    for s in sizes:
        topics, partitions = SIZES[s]
        mpath = os.path.join(data, s + ".manifest.json")
        stamp = os.path.join(data, s + ".generator")
        gen_id = "%s %d %d" % (os.path.getmtime(gen), topics, partitions)
        if not (os.path.exists(mpath) and os.path.exists(stamp) and open(stamp).read() == gen_id):
            subprocess.run([PY, gen, "--topics", str(topics), "--partitions", str(partitions), "--name", s,
                            "--out", data], check=True, stdout=subprocess.DEVNULL)
            with open(stamp, "w") as f:
                f.write(gen_id)
        with open(mpath) as f:
            manifests[s] = json.load(f)
    small_dir = os.path.join(data, "small-repo")
    if not os.path.isdir(small_dir):
        subprocess.run([PY, gen, "--topics", "10", "--partitions", "100", "--name", "unused", "--out",
                        os.path.join(data, "unused"), "--small-repo", small_dir], check=True, stdout=subprocess.DEVNULL)

    results = {}  # (scenario, size) -> list of samples
    extra = {}    # (scenario, size) -> verification output, timing split

    def record(scenario, size, sample):
        results.setdefault((scenario, size), []).append(sample)

    largest = sizes[-1]
    if "live" in groups:
        for s in sizes:
            m = manifests[s]
            broker = Broker(broker_bin, os.path.join(data, s + ".fixture.json"), data)
            try:
                bs = broker.bootstrap
                # Verification runs (untimed; they also warm the caches).
                r = measure([args.kafkalint, "check", "--bootstrap", bs, "--format", "json"], expect=(1,))
                check_counts("kafkalint --bootstrap (%s)" % s,
                             {v: findings_by_rule(r["stdout"]).get(k, 0) for k, v in RULES.items()}, m, True)
                r = measure([floor, "--bootstrap", bs])
                got = json.loads(r["stdout"])
                if (got["topics"], got["partitions"], got["errors"]) != (m["topics"], m["partitions"], 0):
                    raise BenchError("the protocol floor read %s of %s" % (got, s))
                r = measure([PY, os.path.join(ROOT, "bench", "compare", "confluent_audit.py"), "--bootstrap", bs])
                check_counts("the confluent-kafka audit (%s)" % s, json.loads(r["stdout"])["violations"], m, True)
                scenarios = [
                    ("kafkalint live, text", [args.kafkalint, "check", "--bootstrap", bs, "--color", "never"],
                     (1,), env_t),
                    ("protocol floor", [floor, "--bootstrap", bs], (0,), None),
                    ("kcat -L -J", [args.kcat, "-L", "-J", "-b", bs], (0,), None),
                    ("python confluent-kafka", [PY, os.path.join(ROOT, "bench", "compare", "confluent_audit.py"),
                                                "--bootstrap", bs], (0,), None),
                ]
                if s == largest:
                    scenarios.insert(1, ("kafkalint live, json -v",
                                         [args.kafkalint, "check", "--bootstrap", bs, "--format", "json", "-v"],
                                         (1,), env_t))
                for rep in range(args.repeat):
                    for name, cmd, expect, env in scenarios:
                        log("%s, %s, run %d/%d" % (s, name, rep + 1, args.repeat))
                        sample = measure(cmd, stdout=subprocess.DEVNULL, expect=expect, env=env)
                        sample.pop("stdout")
                        t = timings(sample.pop("stderr"))
                        if t:
                            sample["timings"] = t
                        record(name, s, sample)
            finally:
                broker.close()

    if "offline" in groups:
        for s in sizes:
            m = manifests[s]
            yaml_spec = os.path.join(data, s + ".cluster.yaml")
            toml_spec = os.path.join(data, s + ".cluster.toml")
            for spec in (yaml_spec, toml_spec):
                r = measure([args.kafkalint, "check", spec, "--format", "json"], expect=(1,))
                check_counts("kafkalint " + os.path.basename(spec),
                             {v: findings_by_rule(r["stdout"]).get(k, 0) for k, v in RULES.items()}, m, False)
            py_cmd = [PY, os.path.join(ROOT, "bench", "compare", "pyyaml_audit.py"), yaml_spec]
            check_counts("the PyYAML audit (%s)" % s, json.loads(measure(py_cmd)["stdout"])["violations"],
                         m, False)
            scenarios = [
                ("kafkalint spec, YAML", [args.kafkalint, "check", yaml_spec, "--color", "never"], (1,), env_t),
                ("kafkalint spec, TOML", [args.kafkalint, "check", toml_spec, "--color", "never"], (1,), env_t),
                ("python PyYAML CLoader", py_cmd, (0,), None),
            ]
            for rep in range(args.repeat):
                for name, cmd, expect, env in scenarios:
                    log("%s, %s, run %d/%d" % (s, name, rep + 1, args.repeat))
                    sample = measure(cmd, expect=expect, env=env)
                    out = sample.pop("stdout")
                    t = timings(sample.pop("stderr"))
                    if name.startswith("python"):
                        t = json.loads(out)["seconds"]
                    if t:
                        sample["timings"] = t
                    record(name, s, sample)

    if "small" in groups:
        cmd = [args.kafkalint, "check", small_dir, "--color", "never"]
        r = measure(cmd, expect=(1,))
        if "10 files" not in r["stdout"] and "10 file" not in r["stdout"]:
            log("note: the small repository's summary line: " + r["stdout"].strip().splitlines()[-1])
        for rep in range(max(10, 5 * args.repeat)):
            sample = measure(cmd, stdout=subprocess.DEVNULL, expect=(1,))
            sample.pop("stdout"), sample.pop("stderr")
            # At this size GNU time's own start (1-2 ms) is a tenth of the run: the wall time is that
            # of kafkalint spawned directly; CPU and peak RSS stay those of the run under GNU time.
            sample["wall"] = spawn_wall(cmd, expect=(1,))
            record("kafkalint small repo (10 files)", "10 files", sample)
            record("process start alone (/bin/true)", "10 files",
                   {"wall": spawn_wall(["/bin/true"]), "cpu": 0.0, "rss_kib": 0, "rc": 0})

    micro = []
    micro_bin = os.path.join(b, "bench", "kafkalint_micro_bench")
    if "micro" in groups and os.access(micro_bin, os.X_OK):
        log("micro benchmarks")
        r = measure([micro_bin, "--benchmark_format=json",
                     "--benchmark_min_time=%s" % ("0.001" if args.smoke else "0.2")])
        for bm in json.loads(r["stdout"])["benchmarks"]:
            micro.append({"name": bm["name"], "time": bm["real_time"], "unit": bm["time_unit"],
                          "items_per_second": bm.get("items_per_second"),
                          "bytes_per_second": bm.get("bytes_per_second")})
    elif "micro" in groups:
        log("note: %s is not built (Debian libbenchmark-dev): no micro benchmarks" % micro_bin)

    # Summaries, ratios, targets.
    rows = []
    for (scenario, size), samples in results.items():
        row = {"scenario": scenario, "size": size, **summarize(samples)}
        if size in manifests:
            row["topics"], row["partitions"] = manifests[size]["topics"], manifests[size]["partitions"]
        split = [sm["timings"] for sm in samples if "timings" in sm]
        if split:
            row["timings_median_s"] = {k: statistics.median(t.get(k, 0.0) for t in split) for k in split[0]}
        row["samples"] = [{k: v for k, v in sm.items()} for sm in samples]
        rows.append(row)

    def med(scenario, size, what="wall_s"):
        for r in rows:
            if r["scenario"] == scenario and r["size"] == size:
                return r[what]["median"]
        return None

    checks = []

    def target(name, value, goal, ok, detail):
        checks.append({"target": name, "value": value, "goal": goal, "status": "PASS" if ok else "MISS",
                       "detail": detail})

    L = largest
    kl = med("kafkalint live, text", L)
    if kl:
        fl, flr = med("protocol floor", L), med("protocol floor", L, "rss_mib")
        klr = med("kafkalint live, text", L, "rss_mib")
        target("1. protocol floor, wall (%s)" % L, kl / fl, "<= %.2fx" % TARGETS["floor_wall"],
               kl / fl <= TARGETS["floor_wall"], "kafkalint %.2f s / floor %.2f s" % (kl, fl))
        target("1. protocol floor, peak RSS (%s)" % L, klr / flr, "<= %.1fx" % TARGETS["floor_rss"],
               klr / flr <= TARGETS["floor_rss"], "kafkalint %.0f MiB / floor %.0f MiB" % (klr, flr))
        kj = med("kafkalint live, json -v", L)
        if kj:
            target("1. protocol floor, wall, JSON -v report (%s)" % L, kj / fl, "<= %.2fx" % TARGETS["floor_wall"],
                   kj / fl <= TARGETS["floor_wall"], "kafkalint --format json -v %.2f s / floor %.2f s" % (kj, fl))
            kjr = med("kafkalint live, json -v", L, "rss_mib")
            target("1. protocol floor, peak RSS, JSON -v report (%s)" % L, kjr / flr, "<= %.1fx" % TARGETS["floor_rss"],
                   kjr / flr <= TARGETS["floor_rss"], "kafkalint %.0f MiB / floor %.0f MiB" % (kjr, flr))
        py = med("python confluent-kafka", L)
        target("2. Python confluent-kafka audit (%s)" % L, py / kl, ">= %.0fx faster" % TARGETS["python_live"],
               py / kl >= TARGETS["python_live"], "python %.2f s / kafkalint %.2f s" % (py, kl))
        kc = med("kcat -L -J", L)
        target("3. kcat -L -J metadata dump (%s)" % L, kc / kl, "> 1x (kafkalint faster)", kc / kl > TARGETS["kcat"],
               "kcat %.2f s / kafkalint %.2f s" % (kc, kl))
        if len(sizes) >= 2:
            for what, key in (("wall time", "wall_s"), ("peak RSS", "rss_mib")):
                pts = [(manifests[s]["partitions"], med("kafkalint live, text", s, key)) for s in sizes]
                e_all = exponent(pts)
                e_top = exponent(pts[-2:])
                target("6. growth of live %s, %s..%s partitions" % (what, sizes[-2], sizes[-1]), e_top,
                       "<= %.1f (linear)" % TARGETS["growth"], e_top <= TARGETS["growth"],
                       "exponent %.2f over the last two sizes, %.2f over all (%s)" % (
                           e_top, e_all, ", ".join("%s %.3g" % (s, y) for s, (_, y) in zip(sizes, pts))))
    ky = med("kafkalint spec, YAML", L)
    if ky:
        pyy = med("python PyYAML CLoader", L)
        split_k = next(r.get("timings_median_s", {}) for r in rows if r["scenario"] == "kafkalint spec, YAML"
                       and r["size"] == L)
        split_p = next(r.get("timings_median_s", {}) for r in rows if r["scenario"] == "python PyYAML CLoader"
                       and r["size"] == L)
        target("4. offline, Python PyYAML CLoader audit of the spec (%s)" % L, pyy / ky,
               ">= %.0fx faster" % TARGETS["python_offline"], pyy / ky >= TARGETS["python_offline"],
               "python %.2f s (parse %.2f, check %.2f) / kafkalint %.2f s (%s)" % (
                   pyy, split_p.get("parse", 0), split_p.get("check", 0), ky,
                   ", ".join("%s %.2f" % kv for kv in split_k.items())))
    sm = med("kafkalint small repo (10 files)", "10 files")
    if sm is not None:
        target("5. small job: 10 config files", sm * 1000, "<= %.0f ms" % TARGETS["small_ms"],
               sm * 1000 <= TARGETS["small_ms"],
               "median %.1f ms, process start included (spawning /bin/true the same way: %.1f ms)" % (
                   sm * 1000, (med("process start alone (/bin/true)", "10 files") or 0) * 1000))

    doc = {"generated": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
           "command": " ".join(["scripts/run-bench.sh"] + sys.argv[1:]),
           "machine": dict(machine(), load_average_at_start=load_at_start, load_average_at_end=os.getloadavg()[0]),
           "versions": versions(args), "repeat": args.repeat, "sizes": {s: SIZES[s] for s in sizes},
           "targets": checks, "results": rows, "micro": micro, "seconds": round(time.monotonic() - started, 1)}
    md = markdown(doc)
    with open(os.path.join(args.out, "latest.json"), "w") as f:
        json.dump(doc, f, indent=1)
    with open(os.path.join(args.out, "latest.md"), "w") as f:
        f.write(md)
    print(md)
    return 0


def markdown(doc):
    m, v = doc["machine"], doc["versions"]
    out = ["# kafkalint benchmarks", "",
           "`%s` (%s, %d runs per scenario, %.0f s in all)" % (doc["command"], doc["generated"], doc["repeat"],
                                                             doc["seconds"]), "",
           "Machine: %d cores (%d usable), %.1f GiB, %s, Linux %s; load average %.1f at the start, %.1f at the end." % (
               m["cores"], m["usable_cores"], m["memory_gib"], m["cpu"], m["kernel"], m["load_average_at_start"],
               m["load_average_at_end"]),
           "Versions: kafkalint %s (%s, %s), librdkafka %s, kcat %s, Python %s, confluent-kafka %s, PyYAML %s, %s." % (
               v["kafkalint"], v["kafkalint_commit"], v["build_type"], v["librdkafka"], v["kcat"], v["python"],
               v["confluent_kafka"], v["pyyaml"], v["compiler"]),
           "", "| scenario | size | wall median (s) | wall min-max | CPU median (s) | peak RSS median (MiB) | RSS min-max |",
           "|---|---|---:|---:|---:|---:|---:|"]
    for r in doc["results"]:
        size = r["size"] if "partitions" not in r else "%s (%d topics, %d partitions)" % (
            r["size"], r["topics"], r["partitions"])
        w, c, rss = r["wall_s"], r["cpu_s"], r["rss_mib"]
        out.append("| %s | %s | %.3f | %.3f-%.3f | %.3f | %.0f | %.0f-%.0f |" % (
            r["scenario"], size, w["median"], w["min"], w["max"], c["median"], rss["median"], rss["min"], rss["max"]))
    out += ["", "| target | value | goal | | detail |", "|---|---:|---|---|---|"]
    for t in doc["targets"]:
        out.append("| %s | %.2f | %s | **%s** | %s |" % (t["target"], t["value"], t["goal"], t["status"], t["detail"]))
    if doc.get("micro"):
        out += ["", "| micro benchmark | time | items/s | MB/s |", "|---|---:|---:|---:|"]
        for m in doc["micro"]:
            out.append("| %s | %.3g %s | %s | %s |" % (
                m["name"], m["time"], m["unit"], "%.3g" % m["items_per_second"] if m["items_per_second"] else "",
                "%.1f" % (m["bytes_per_second"] / 1e6) if m["bytes_per_second"] else ""))
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BenchError as e:
        log("error: %s" % e)
        sys.exit(1)
