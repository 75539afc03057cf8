"""Network-facing steps of a refresh, each cached under the oracle cache directory.

Every download goes through the ordinary client of its registry (Maven with strict checksums,
the Go toolchain with committed go.sum files, pip with a pinned version). A failure raises
FetchError with the command and its output: a refresh fails, it never skips.
"""
import os
import pathlib
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent
MAVEN_DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1"


class FetchError(RuntimeError):
    pass


def cache_dir():
    """$KAFKALINT_ORACLE_CACHE, else ~/.cache/kafkalint-tests/oracles."""
    d = os.environ.get("KAFKALINT_ORACLE_CACHE")
    path = pathlib.Path(d) if d else pathlib.Path.home() / ".cache" / "kafkalint-tests" / "oracles"
    path.mkdir(parents=True, exist_ok=True)
    return path


def run(cmd, what, cwd=None, env=None, timeout=1800):
    """Runs a command; on failure raises FetchError naming `what` with the tail of its output."""
    shown = " ".join(str(c) for c in cmd)
    print(f"[oracles] {what}: {shown[:400]}{' ...' if len(shown) > 400 else ''}", file=sys.stderr, flush=True)
    try:
        p = subprocess.run([str(c) for c in cmd], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    except FileNotFoundError as e:
        raise FetchError(f"{what}: {e}") from e
    except subprocess.TimeoutExpired as e:
        raise FetchError(f"{what}: timed out after {timeout} s (registry unreachable?)") from e
    if p.returncode != 0:
        tail = "\n".join((p.stdout + p.stderr).strip().splitlines()[-25:])
        raise FetchError(f"{what} failed (exit {p.returncode}):\n{tail}")
    return p.stdout


POM = """<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>kafkalint.oracles</groupId>
  <artifactId>{artifact}</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
{parent}
  <dependencies>
{dependencies}
  </dependencies>
</project>
"""


def maven_classpath(name, dependencies, parent=None):
    """The runtime class path (list of jar paths) of `dependencies` [(group, artifact, version|None)],
    resolved by Maven with strict checksums into the cache's own local repository."""
    root = cache_dir() / "maven"
    work = root / "projects" / name
    work.mkdir(parents=True, exist_ok=True)
    deps = "\n".join(
        f"    <dependency><groupId>{g}</groupId><artifactId>{a}</artifactId>"
        + (f"<version>{v}</version>" if v else "") + "</dependency>" for g, a, v in dependencies)
    par = ""
    if parent:
        g, a, v = parent
        par = f"  <parent><groupId>{g}</groupId><artifactId>{a}</artifactId><version>{v}</version></parent>"
    pom = POM.format(artifact=name, parent=par, dependencies=deps)
    cp_file = work / "classpath.txt"
    pom_file = work / "pom.xml"
    if pom_file.exists() and pom_file.read_text() == pom and cp_file.exists():
        jars = [p for p in cp_file.read_text().strip().split(os.pathsep) if p]
        if jars and all(pathlib.Path(j).exists() for j in jars):
            return jars
    pom_file.write_text(pom)
    run(["mvn", "-B", "-q", "-C", f"-Dmaven.repo.local={root / 'repository'}", "-f", pom_file,
         f"{MAVEN_DEPENDENCY_PLUGIN}:build-classpath", "-Dmdep.includeScope=runtime",
         f"-Dmdep.outputFile={cp_file}"], f"Maven resolution of {name}")
    jars = [p for p in cp_file.read_text().strip().split(os.pathsep) if p]
    if not jars:
        raise FetchError(f"Maven resolution of {name}: empty class path")
    return jars


def kafka_clients(version):
    return maven_classpath(f"kafka-clients-{version}", [("org.apache.kafka", "kafka-clients", version)])


def javac(sources, out_dir, classpath=(), release="17"):
    out_dir.mkdir(parents=True, exist_ok=True)
    cmd = ["javac", "--release", release, "-nowarn", "-d", out_dir]
    if classpath:
        cmd += ["-cp", os.pathsep.join(classpath)]
    run(cmd + list(sources), f"javac {', '.join(pathlib.Path(s).name for s in sources)}")
    return out_dir


if __name__ == "__main__":
    # fetch.py java  -> resolves every modelled kafka-clients release (warms the cache).
    import matrix
    for v in matrix.JAVA_RELEASES:
        print(v, len(kafka_clients(v)), "jars")
