#!/usr/bin/python3
"""The catalogue of hostile inputs (docs/hostile-inputs.md): runs kafkalint on every case of
manifest.yaml and checks its documented outcome.

  run_hostile.py --kafkalint build/kafkalint --catalogue tests/hostile [--sanitized] [-k PATTERN] [--list]

Each case is a file of files/ (copied into a fresh directory) or an input made at test time (a
100 MB file, a FIFO, symbolic link loops, unreadable files...: the generators below). kafkalint
runs in that directory under resource limits, and the case passes when:
  - it ended by itself: no signal (a crash, or the CPU-time limit RLIMIT_CPU), no sanitizer report
    (exit 86), no "internal error", and not killed by the hang guard (a wall-clock timeout far
    above the CPU limit, for runs that block without using CPU, such as reading a FIFO);
  - its exit code is the documented one;
  - every expected fragment (file:line:column and the message) is in its output;
  - its peak memory (RSS, from wait4) is within the case's bound; without sanitizers the address
    space is also limited (RLIMIT_AS), so a runaway allocation fails fast instead of swapping.
The table printed at the end gives each case's exit code, CPU seconds and peak RSS.
"""
import argparse
import fnmatch
import os
import resource
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time

import yaml

SANITIZER_EXIT = 86  # tests/sanitizer/defaults.cpp
DEFAULT_CPU_S = 20
DEFAULT_MEM_MB = 512


# ---------------------------------------------------------------------------------------------
# Inputs made at test time: each writes into `work` and returns the paths to give kafkalint.

def write(path, data, mode="w"):
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, mode) as f:
        f.write(data)


BROKER = "broker.id=1\nlog.dirs=/var/lib/kafka\n"
SPEC_HEAD = "kafkalint: cluster-spec/v1\ncluster: {name: c, brokers: 3}\n"


def gen_big_100mb(work):
    with open(os.path.join(work, "big.properties"), "wb") as f:
        f.write(b"broker.id=1\n")
        f.truncate(100 * 1024 * 1024)  # sparse: 100 MB without writing them
    return ["big.properties"]


def gen_large_10mb(work):
    lines = [BROKER] + ["plugin.setting.%d=value-%d\n" % (i, i) for i in range(330000)]
    write(os.path.join(work, "large.properties"), "".join(lines))
    return ["large.properties"]


def gen_line_1mb_properties(work):
    write(os.path.join(work, "long-line.properties"), BROKER + "custom.long.value=" + "x" * (1 << 20) + "\n")
    return ["long-line.properties"]


def gen_line_1mb_yaml_flow(work):
    topics = ", ".join("{name: t%d, partitions: 1, replication_factor: 3}" % i for i in range(21000))
    write(os.path.join(work, "one-line.yaml"), SPEC_HEAD + "topics: [" + topics + "]\n")
    return ["one-line.yaml"]


def gen_line_1mb_yaml_scalar(work):
    write(os.path.join(work, "long-scalar.yaml"),
          "kafkalint: cluster-spec/v1\ncluster: {name: c, brokers: 3}\ntopics:\n  - name: " + "t" * (1 << 20) +
          "\n    partitions: 1\n    replication_factor: 1\n")
    return ["long-scalar.yaml"]


def gen_line_1mb_toml(work):
    write(os.path.join(work, "long-array.toml"),
          'kafkalint = "cluster-spec/v1"\n[cluster]\nname = "c"\nbrokers = 3\n'
          '[cluster.broker_config]\n"listeners" = [' + ", ".join(['"PLAINTEXT://h:9092"'] * 50000) + "]\n")
    return ["long-array.toml"]


def gen_yaml_deep_flow(work):
    write(os.path.join(work, "deep-flow.yaml"), "a: " + "[" * 100000 + "]" * 100000 + "\n")
    return ["deep-flow.yaml"]


def gen_yaml_deep_block(work):
    write(os.path.join(work, "deep-block.yaml"), "".join(" " * i + "k:\n" for i in range(5000)))
    return ["deep-block.yaml"]


def gen_yaml_many_documents(work):
    write(os.path.join(work, "documents.yaml"), "---\n" * 2000000)
    return ["documents.yaml"]


def gen_yaml_flow_million(work):
    write(os.path.join(work, "million.yaml"), "a: [" + "1," * 1100000 + "1]\n")
    return ["million.yaml"]


def gen_toml_deep_arrays(work):
    write(os.path.join(work, "deep-arrays.toml"), "a = " + "[" * 100000 + "]" * 100000 + "\n")
    return ["deep-arrays.toml"]


def gen_toml_dotted_100k(work):
    write(os.path.join(work, "dotted.toml"), "[" + ".".join(["a"] * 100000) + "]\n")
    return ["dotted.toml"]


def gen_toml_dotted_300(work):
    write(os.path.join(work, "dotted-300.toml"), "[" + ".".join(["a"] * 300) + "]\nx = 1\n")
    return ["dotted-300.toml"]


def gen_properties_continuations(work):
    write(os.path.join(work, "continued.properties"), BROKER + "custom.list=a,\\\n" + "  b,\\\n" * 100000 + "  c\n")
    return ["continued.properties"]


def gen_rule_expression_1mb(work):
    write(os.path.join(work, "rules", "long.yaml"), rule("X0101", "long-expression", "true or " * 131072 + "true"))
    return ["--rules", "rules", "producer.properties"]


def gen_rule_id_2mb(work):
    write(os.path.join(work, "rules", "id.yaml"), rule("X" + "1" * (2 << 20), "long-id", "true"))
    return ["--rules", "rules", "producer.properties"]


def gen_rule_many_fields(work):
    write(os.path.join(work, "rules", "fields.yaml"), "".join("field%d: x\n" % i for i in range(100000)))
    return ["--rules", "rules", "producer.properties"]


def gen_rules_empty_dir(work):
    os.makedirs(os.path.join(work, "rules"))
    return ["--rules", "rules", "producer.properties"]


def rule(rule_id, name, require):
    return ("id: %s\nname: %s\nseverity: warning\nscope: producer\nsummary: s\nrationale: r\nremediation: m\n"
            "keys: [acks]\nrequire: \"%s\"\nmessage: m\n" % (rule_id, name, require))


def gen_dir_empty(work):
    os.makedirs(os.path.join(work, "empty"))
    return ["empty"]


def gen_dir_only_ci_yaml(work):
    write(os.path.join(work, "repo", ".github", "workflows", "ci.yml"), "on: push\njobs: {}\n")
    write(os.path.join(work, "repo", "deploy", "app.yaml"), "apiVersion: apps/v1\nkind: Deployment\n")
    return ["repo"]


def good_broker(work, directory):
    write(os.path.join(work, directory, "broker.properties"),
          BROKER + "min.insync.replicas=2\ndefault.replication.factor=3\nauto.create.topics.enable=false\n")


def gen_dir_symlink_loop(work):
    good_broker(work, "scan")
    os.symlink("loop2.properties", os.path.join(work, "scan", "loop1.properties"))
    os.symlink("loop1.properties", os.path.join(work, "scan", "loop2.properties"))
    return ["scan"]


def gen_dir_parent_link(work):
    good_broker(work, "scan")
    os.makedirs(os.path.join(work, "scan", "sub"))
    os.symlink("..", os.path.join(work, "scan", "sub", "up"))
    os.symlink(".", os.path.join(work, "scan", "self"))
    return ["scan"]


def gen_dir_link_outside(work):
    good_broker(work, "scan")
    os.symlink("/etc/passwd", os.path.join(work, "scan", "passwd.properties"))
    return ["scan"]


def gen_dir_link_inside(work):
    write(os.path.join(work, "shared", "broker.properties"), BROKER + "min.insync.replicas=1\n")
    os.makedirs(os.path.join(work, "scan"))
    os.symlink("../shared/broker.properties", os.path.join(work, "scan", "linked.properties"))
    return ["scan"]


def gen_dir_link_device(work):
    good_broker(work, "scan")
    os.symlink("/dev/zero", os.path.join(work, "scan", "zero.properties"))
    return ["scan"]


def gen_dir_fifo(work):
    good_broker(work, "scan")
    os.mkfifo(os.path.join(work, "scan", "pipe.properties"))
    return ["scan"]


def gen_spec_ref_fifo(work):
    os.mkfifo(os.path.join(work, "pipe.properties"))
    write(os.path.join(work, "spec.yaml"), SPEC_HEAD.replace("brokers: 3}", "brokers: 3, broker_config_file: "
                                                             "pipe.properties}"))
    return ["spec.yaml"]


def gen_dir_unreadable_file(work):
    good_broker(work, "scan")
    write(os.path.join(work, "scan", "secret.properties"), BROKER)
    os.chmod(os.path.join(work, "scan", "secret.properties"), 0)
    return ["scan"]


def gen_dir_unreadable_subdir(work):
    good_broker(work, "scan")
    write(os.path.join(work, "scan", "locked", "b.properties"), BROKER)
    os.chmod(os.path.join(work, "scan", "locked"), 0)
    return ["scan"]


def gen_dir_many_files(work):
    for i in range(3000):
        write(os.path.join(work, "many", "d%02d" % (i % 50), "broker-%d.properties" % i), BROKER)
    return ["many"]


def gen_dir_injection_names(work):
    good = BROKER + "min.insync.replicas=1\n"
    write(os.path.join(work, "scan", "x\n::error file=pwned.txt,line=1::injected\n.properties"), good)
    write(os.path.join(work, "scan", "esc\x1b[2Jape.properties"), good)
    return ["scan"]


def gen_tool_config_dotted(work):
    write(os.path.join(work, ".kafkalint.toml"), "[" + ".".join(["a"] * 100000) + "]\n")
    return ["producer.properties"]


def gen_baseline_dotted(work):
    write(os.path.join(work, "baseline.toml"), "version = 1\n[" + ".".join(["finding"] * 100000) + "]\n")
    return ["--baseline", "baseline.toml", "producer.properties"]


def gen_suppressions_dotted(work):
    write(os.path.join(work, "suppress.toml"), "[[" + ".".join(["suppress"] * 100000) + "]]\n")
    return ["--suppressions", "suppress.toml", "producer.properties"]


def gen_directives_100k(work):
    lines = ["bootstrap.servers=h:9092\nacks=1\n"]
    lines += ["# kafkalint: ignore KL0301, KL0302 -- reason %d\nretries.%d=1\n" % (i, i) for i in range(50000)]
    write(os.path.join(work, "directives.properties"), "".join(lines))
    return ["directives.properties"]


def gen_stdin_binary(work):
    write(os.path.join(work, "stdin.bin"), b"\x7fELF\x02\x01\x01\x00\x00", "wb")
    return ["-"]


def gen_missing_file(work):
    return ["does-not-exist.properties"]


GENERATORS = {name[4:].replace("_", "-"): f for name, f in globals().items() if name.startswith("gen_")}


# ---------------------------------------------------------------------------------------------

class Result:
    def __init__(self, case, code, stdout, stderr, cpu, rss_mb, seconds, hung):
        self.case, self.code, self.stdout, self.stderr = case, code, stdout, stderr
        self.cpu, self.rss_mb, self.seconds, self.hung = cpu, rss_mb, seconds, hung


def prepare(case, catalogue, work):
    if "config" in case:  # a tool configuration, found in the working directory
        shutil.copy(os.path.join(catalogue, "files", case["config"]), os.path.join(work, ".kafkalint.toml"))
        args = ["producer.properties"]
    elif "file" in case:
        shutil.copy(os.path.join(catalogue, "files", case["file"]), os.path.join(work, case["file"]))
        args = [case["file"]]
    elif "rules" in case:
        os.makedirs(os.path.join(work, "rules"))
        shutil.copy(os.path.join(catalogue, "files", case["rules"]), os.path.join(work, "rules", case["rules"]))
        args = ["--rules", "rules", "producer.properties"]
    else:
        args = GENERATORS[case["generate"]](work)
    shutil.copy(os.path.join(catalogue, "files", "producer.properties"), os.path.join(work, "producer.properties"))
    return case.get("args_before", []) + args + case.get("args", [])


def run_case(case, args, kafkalint, work, sanitized):
    cpu_limit = case.get("cpu", DEFAULT_CPU_S) * (6 if sanitized else 1)
    mem_mb = case.get("mem", DEFAULT_MEM_MB)
    as_nobody = case.get("as_nobody", False) and os.geteuid() == 0

    def limits():
        resource.setrlimit(resource.RLIMIT_CPU, (cpu_limit, cpu_limit + 5))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        if not sanitized:  # ASan reserves terabytes of address space for its shadow memory
            limit = (mem_mb + 256) * 1024 * 1024
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        if as_nobody:  # root reads anything: the unreadable cases run as nobody
            os.setgroups([])
            os.setgid(65534)
            os.setuid(65534)

    stdin = subprocess.DEVNULL
    if os.path.exists(os.path.join(work, "stdin.bin")):
        stdin = open(os.path.join(work, "stdin.bin"), "rb")
    env = {k: v for k, v in os.environ.items() if not k.startswith("KAFKALINT_") and k != "GITHUB_ACTIONS"}
    out_path, err_path = work + ".stdout", work + ".stderr"  # beside the directory, never scanned
    started = time.monotonic()
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        p = subprocess.Popen([kafkalint, "check", *args], cwd=work, stdin=stdin, stdout=out, stderr=err,
                             preexec_fn=limits, env=env)
    hang_guard = max(60, cpu_limit * 3)
    hung = False
    # wait4, not wait: the rusage of this one process (its CPU time and peak RSS).
    while True:
        pid, status, usage = os.wait4(p.pid, os.WNOHANG)
        if pid == p.pid:
            break
        if time.monotonic() - started > hang_guard:
            hung = True
            p.kill()
            pid, status, usage = os.wait4(p.pid, 0)
            break
        time.sleep(0.01)
    p.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.monotonic() - started
    if stdin is not subprocess.DEVNULL:
        stdin.close()
    with open(out_path, "rb") as f:
        stdout = f.read().decode("utf-8", "replace")
    with open(err_path, "rb") as f:
        stderr = f.read().decode("utf-8", "replace")
    return Result(case, p.returncode, stdout, stderr, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024,
                  seconds, hung)


def check(result, sanitized):
    case = result.case
    problems = []
    if result.hung:
        problems.append("hung: killed by the hang guard")
    elif result.code < 0:
        name = signal.Signals(-result.code).name
        problems.append("died of %s%s" % (name, " (CPU-time limit)" if name == "SIGXCPU" else ""))
    elif result.code == SANITIZER_EXIT:
        problems.append("sanitizer report")
    for bad in ("internal error", "AddressSanitizer", "runtime error:", "LeakSanitizer"):
        if bad in result.stderr:
            problems.append("stderr has %r" % bad)
    if result.code != case["exit"] and not problems:
        problems.append("exit %d, expected %d" % (result.code, case["exit"]))
    for stream, text in (("stdout", result.stdout), ("stderr", result.stderr)):
        for fragment in case.get(stream, []):
            if fragment not in text:
                problems.append("%s lacks %r" % (stream, fragment))
    for fragment in case.get("absent", []):
        if fragment in result.stdout or fragment in result.stderr:
            problems.append("output has %r" % fragment)
    for prefix in case.get("no_line_starts_with", []):
        for line in (result.stdout + result.stderr).splitlines():
            if line.startswith(prefix):
                problems.append("a line starts with %r" % prefix)
    mem_bound = case.get("mem", DEFAULT_MEM_MB) * (4 if sanitized else 1) + (300 if sanitized else 0)
    if result.rss_mb > mem_bound:
        problems.append("peak RSS %d MB above %d MB" % (result.rss_mb, mem_bound))
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kafkalint", required=True)
    parser.add_argument("--catalogue", required=True)
    parser.add_argument("--sanitized", action="store_true", help="the binary is built with ASan/UBSan")
    parser.add_argument("-k", dest="pattern", default="*", help="run the cases whose id matches (glob)")
    parser.add_argument("--list", action="store_true")
    args = parser.parse_args()
    kafkalint = os.path.abspath(args.kafkalint)
    with open(os.path.join(args.catalogue, "manifest.yaml")) as f:
        cases = yaml.safe_load(f)["cases"]

    ids = [c["id"] for c in cases]
    assert len(ids) == len(set(ids)), "duplicate case ids"
    committed = set(os.listdir(os.path.join(args.catalogue, "files"))) - {"producer.properties"}
    used = {c.get("file") or c.get("rules") or c.get("config") for c in cases}
    assert committed <= used, "files without a case: %s" % sorted(committed - used)
    for c in cases:
        assert ("generate" not in c) or c["generate"] in GENERATORS, "no generator " + c["generate"]
    if args.list:
        for c in cases:
            print("%-32s %-22s exit %d" % (c["id"], c["category"], c["exit"]))
        return 0

    failures = 0
    rows = []
    base = tempfile.mkdtemp(prefix="kafkalint-hostile-")
    os.chmod(base, 0o755)  # the unreadable cases run as nobody
    try:
        for case in cases:
            if not fnmatch.fnmatch(case["id"], args.pattern):
                continue
            work = os.path.join(base, case["id"])
            os.makedirs(work)
            os.chmod(work, 0o755)
            cmd = prepare(case, args.catalogue, work)
            result = run_case(case, cmd, kafkalint, work, args.sanitized)
            problems = check(result, args.sanitized)
            rows.append((case["id"], case["category"], result.code, result.cpu, result.rss_mb,
                         "ok" if not problems else "FAILED"))
            if problems:
                failures += 1
                print("FAILED %s (%s): %s\n  kafkalint check %s\n  stdout: %s\n  stderr: %s" % (
                    case["id"], case["category"], "; ".join(problems), " ".join(cmd), result.stdout[-1500:],
                    result.stderr[-1500:]))
            # Make everything removable again.
            for root, dirs, files in os.walk(work):
                for d in dirs:
                    p = os.path.join(root, d)
                    if not os.path.islink(p):
                        os.chmod(p, 0o755)
    finally:
        for root, dirs, files in os.walk(base):
            for d in dirs:
                p = os.path.join(root, d)
                if not os.path.islink(p):
                    os.chmod(p, stat.S_IRWXU)
        shutil.rmtree(base, ignore_errors=True)

    print("\n%-32s %-24s %4s %8s %8s  %s" % ("case", "category", "exit", "cpu s", "rss MB", "outcome"))
    for row in rows:
        print("%-32s %-24s %4d %8.2f %8.0f  %s" % row)
    by_exit = {}
    for row in rows:
        by_exit[row[2]] = by_exit.get(row[2], 0) + 1
    print("%d cases: %s; %d failed" % (len(rows), ", ".join("exit %d: %d" % kv for kv in sorted(by_exit.items())),
                                        failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
