#!/usr/bin/env python3
"""Rebuilds the oracle tables (tests/oracles/tables/*.tsv) by asking the real clients.

    python3 tests/oracles/refresh.py                  # every family
    python3 tests/oracles/refresh.py --family java    # java, sarama, spring, librdkafka (repeatable)

Needs the network for what is not cached yet (Maven Central, the Go module proxy, PyPI) and fails,
naming the step, when a registry cannot be reached; nothing is skipped. Downloads and builds are
cached under $KAFKALINT_ORACLE_CACHE (default ~/.cache/kafkalint-tests/oracles).
"""
import argparse
import datetime
import os
import pathlib
import shutil
import subprocess
import sys
import time

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import fetch  # noqa: E402
import matrix  # noqa: E402
import tables  # noqa: E402

FAMILY_TITLES = {
    "java": "Apache Kafka Java clients (org.apache.kafka:kafka-clients)",
    "sarama": "Sarama (Go): sarama.NewConfig() and Config.Validate()",
    "spring": "Spring Boot KafkaProperties and Spring Kafka listener containers",
    "librdkafka": "librdkafka: rd_kafka_conf_set, rd_kafka_new and the instance's configuration",
}


def write_cells(path, family):
    """The cells file every harness reads: role<TAB>id<TAB>key=value..."""
    lines = []
    for role in ("producer", "consumer"):
        for cell_id, settings in matrix.cells(family, role):
            lines.append("\t".join([role, cell_id] + [f"{k}={v}" for k, v in settings.items()]))
    path.write_text("\n".join(lines) + "\n")
    return len(lines)


def run_harness(cmd, what, env=None, timeout=3600):
    shown = " ".join(str(c) for c in cmd)
    print(f"[oracles] {what}: {shown[:400]}{' ...' if len(shown) > 400 else ''}", file=sys.stderr, flush=True)
    p = subprocess.run([str(c) for c in cmd], env=env, timeout=timeout, capture_output=True, text=True)
    for line in p.stderr.splitlines():
        if line.startswith("[oracles]"):
            print(line, file=sys.stderr)
    if p.returncode != 0:
        raise fetch.FetchError(f"{what} failed (exit {p.returncode}):\n" + "\n".join(p.stderr.splitlines()[-30:]))


# ---------------------------------------------------------------- families

def refresh_java(work):
    releases = {v: fetch.kafka_clients(v) for v in matrix.JAVA_RELEASES}
    classes = fetch.javac([HERE / "java" / "ClientOracle.java"], work / "java-classes")
    cells = work / "java-cells.tsv"
    write_cells(cells, "java")
    out = work / "java-results.tsv"
    run_harness(["java", "-cp", classes, "ClientOracle", cells, out]
                + [f"{v}={os.pathsep.join(jars)}" for v, jars in releases.items()], "Java clients")
    versions = {v: f"org.apache.kafka:kafka-clients:{v}" for v in releases}
    return out.read_text().splitlines(), versions


def sarama_module(path, version, work):
    """Builds the Sarama harness against one release. The resolved go.mod and go.sum are kept in the
    repository (sarama/sums/), so that a rebuild uses the same module versions and verifies every
    download against the sums recorded when the release was first fetched."""
    env = dict(os.environ)
    gocache = fetch.cache_dir() / "go"
    env.update({"GOPATH": str(gocache), "GOMODCACHE": str(gocache / "mod"), "GOTOOLCHAIN": "local",
                "GOFLAGS": "", "CGO_ENABLED": "0"})
    module = work / f"sarama-{version}"
    if module.exists():
        shutil.rmtree(module)
    module.mkdir(parents=True)
    source = (HERE / "sarama" / "main.go").read_text()
    (module / "main.go").write_text(source.replace('"github.com/IBM/sarama"', f'"{path}"'))
    (module / "go.mod").write_text(f"module kafkalint.oracles/sarama\n\ngo 1.21\n\nrequire {path} {version}\n")
    sums = HERE / "sarama" / "sums" / f"{path.split('/')[1]}-{version}.sum"
    mod = sums.with_suffix(".mod")
    if sums.exists() and mod.exists():
        shutil.copy(mod, module / "go.mod")
        shutil.copy(sums, module / "go.sum")
        # -mod=readonly: every module must already be in go.sum (fetched and verified against it).
        fetch.run(["go", "mod", "download", "all"], f"Go modules of sarama {version}", cwd=module, env=env)
        fetch.run(["go", "build", "-mod=readonly", "-o", "oracle", "."], f"go build (sarama {version})", cwd=module,
                  env=env)
    else:
        # First fetch of this release: resolve and record the sums (checked against the Go checksum
        # database by the go command), then commit tests/oracles/sarama/sums/*.sum.
        fetch.run(["go", "mod", "tidy"], f"Go modules of sarama {version}", cwd=module, env=env)
        fetch.run(["go", "build", "-mod=readonly", "-o", "oracle", "."], f"go build (sarama {version})", cwd=module,
                  env=env)
        sums.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(module / "go.sum", sums)
        shutil.copy(module / "go.mod", mod)
        print(f"[oracles] recorded {sums.relative_to(HERE.parent.parent)} (and .mod): commit them", file=sys.stderr)
    return module / "oracle"


def refresh_sarama(work):
    cells = work / "sarama-cells.tsv"
    write_cells(cells, "sarama")
    rows, versions = [], {}
    for path, version in matrix.SARAMA_RELEASES:
        binary = sarama_module(path, version, work)
        out = work / f"sarama-results-{version}.tsv"
        run_harness([binary, cells, out, version], f"Sarama {version}")
        rows += out.read_text().splitlines()
        versions[version] = f"{path}@{version}"
    return rows, versions


def refresh_spring(work):
    rows, versions = [], {}
    cells = work / "spring-cells.tsv"
    write_cells(cells, "spring")
    for label, boot in matrix.SPRING_RELEASES:
        jars = fetch.maven_classpath(
            f"spring-boot-{boot}",
            [("org.springframework.boot", matrix.SPRING_MODULES[label], None),
             ("org.springframework.kafka", "spring-kafka", None)],
            parent=("org.springframework.boot", "spring-boot-starter-parent", boot))
        classes = fetch.javac([HERE / "spring" / "SpringOracle.java", HERE / "java" / "ClientOracle.java"],
                             work / f"spring-classes-{label}", jars)
        out = work / f"spring-results-{label}.tsv"
        run_harness(["java", "-cp", os.pathsep.join([str(classes)] + jars), "SpringOracle", cells, out, label],
                    f"Spring Boot {boot}")
        rows += out.read_text().splitlines()
        names = sorted(pathlib.Path(j).name for j in jars)
        pick = [n[:-4] for n in names if n.startswith(("spring-boot-autoconfigure-", "spring-boot-kafka-", "spring-kafka-", "kafka-clients-"))]
        versions[label] = f"Spring Boot {boot} ({', '.join(pick)})"
    return rows, versions


def wheel_librdkafka():
    """The librdkafka shared library bundled by the pinned confluent-kafka wheel, in a venv."""
    venv = fetch.cache_dir() / "venv-confluent-kafka"
    python = venv / "bin" / "python"
    if not python.exists():
        fetch.run([sys.executable, "-m", "venv", venv], "python venv")
    env = dict(os.environ)
    env.pop("PIP_FIND_LINKS", None)  # the registry's wheel, not a local one
    fetch.run([python, "-m", "pip", "install", "--only-binary", ":all:", "--no-deps", matrix.LIBRDKAFKA_WHEEL],
              f"pip install {matrix.LIBRDKAFKA_WHEEL}", env=env)
    site = fetch.run([python, "-c", "import confluent_kafka, os; print(os.path.dirname(confluent_kafka.__file__))"],
                     "locate confluent_kafka").strip()
    libs = sorted(pathlib.Path(site).parent.glob("confluent_kafka.libs/librdkafka*.so*"))
    if not libs:
        raise fetch.FetchError(f"no librdkafka in the {matrix.LIBRDKAFKA_WHEEL} wheel ({site})")
    return libs[0]


def refresh_librdkafka(work):
    binary = work / "rdk_oracle"
    fetch.run(["cc", "-O1", "-Wall", "-Werror", "-o", binary, HERE / "librdkafka" / "rdk_oracle.c", "-ldl"],
              "cc rdk_oracle.c")
    cells = work / "librdkafka-cells.tsv"
    write_cells(cells, "librdkafka")
    libraries = {"debian12": pathlib.Path("/usr/lib/x86_64-linux-gnu/librdkafka.so.1"), "wheel": wheel_librdkafka()}
    if not libraries["debian12"].exists():
        raise fetch.FetchError("Debian 12's librdkafka1 is not installed (/usr/lib/x86_64-linux-gnu/librdkafka.so.1)")
    rows, versions = [], {}
    for label in matrix.LIBRDKAFKA_RELEASES:
        out = work / f"librdkafka-results-{label}.tsv"
        run_harness([binary, cells, out, label, libraries[label]], f"librdkafka ({label})")
        lines = out.read_text().splitlines()
        version = lines[0].split("\t", 1)[1] if lines and lines[0].startswith("#version") else "?"
        rows += [line for line in lines if not line.startswith("#")]
        origin = "Debian 12 librdkafka1 2.0.2-1" if label == "debian12" else f"bundled by {matrix.LIBRDKAFKA_WHEEL}"
        versions[label] = f"librdkafka {version} ({origin})"
    return rows, versions


REFRESHERS = {"java": refresh_java, "sarama": refresh_sarama, "spring": refresh_spring,
              "librdkafka": refresh_librdkafka}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--family", action="append", choices=sorted(REFRESHERS))
    ap.add_argument("--tables", default=str(HERE / "tables"), help="where the tables are written")
    args = ap.parse_args()
    families = args.family or list(REFRESHERS)
    work = fetch.cache_dir() / "work"
    work.mkdir(parents=True, exist_ok=True)
    failed = []
    for family in families:
        start = time.monotonic()
        try:
            rows, versions = REFRESHERS[family](work)
        except (fetch.FetchError, subprocess.TimeoutExpired, OSError) as e:
            print(f"[oracles] REFRESH FAILED for {family}: {e}", file=sys.stderr)
            failed.append(family)
            continue
        command = "python3 tests/oracles/refresh.py --family " + family
        path = pathlib.Path(args.tables) / f"{family}.tsv"
        tables.write(path, family, FAMILY_TITLES[family], versions, datetime.date.today().isoformat(), command, rows)
        print(f"[oracles] {family}: {len(rows)} rows written to {path} in {time.monotonic() - start:.0f} s",
              file=sys.stderr)
    if failed:
        print(f"[oracles] refresh failed for: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
