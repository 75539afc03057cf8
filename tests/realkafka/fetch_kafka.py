#!/usr/bin/python3
"""Fetches a pinned Apache Kafka release from Maven Central into the test cache, for the real-Kafka
tests (tests/realkafka/README.md).

  fetch_kafka.py 3.9.2 [4.1.2 ...]       # prints each release's jar directory
  fetch_kafka.py --refresh 4.1.2         # fetch again even when the cache has it

Each release has a pom.xml in tests/realkafka/kafka/<version>/. Its runtime dependencies are copied
with `mvn -B -C dependency:copy-dependencies` (-C: a checksum that does not match fails the fetch)
into <cache>/kafka-<version>/libs. The cache is KAFKALINT_KAFKA_CACHE, else
~/.cache/kafkalint-tests; Maven's local repository is <cache>/m2 (KAFKALINT_MAVEN_REPO), so the
tests neither need nor touch ~/.m2. A release whose jars are in the cache, fetched from the same
pom.xml, is reused without running Maven. KAFKALINT_MAVEN_MIRROR=URL fetches through a mirror of
Maven Central instead.

When Maven cannot fetch a release, FetchError says which release and which artifacts could not be
fetched, and from where: the tests fail with it, they never skip.
"""
import argparse
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CENTRAL = "https://repo.maven.apache.org/maven2"
DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1"


class FetchError(Exception):
    pass


def cache_root():
    return os.environ.get("KAFKALINT_KAFKA_CACHE") or os.path.join(os.path.expanduser("~"), ".cache",
                                                                    "kafkalint-tests")


def maven_repo():
    return os.environ.get("KAFKALINT_MAVEN_REPO") or os.path.join(cache_root(), "m2")


def versions():
    """The releases that have a pinned pom.xml."""
    base = os.path.join(HERE, "kafka")
    return sorted((d for d in os.listdir(base) if os.path.exists(os.path.join(base, d, "pom.xml"))),
                  key=lambda v: [int(x) for x in v.split(".")])


def pom_of(version):
    pom = os.path.join(HERE, "kafka", version, "pom.xml")
    if not os.path.exists(pom):
        raise FetchError("no pinned pom.xml for Kafka %s (known: %s)" % (version, ", ".join(versions())))
    return pom


def _digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def _settings_file(workdir, mirror):
    path = os.path.join(workdir, "settings.xml")
    with open(path, "w") as f:
        f.write("<settings><mirrors><mirror><id>kafkalint-mirror</id><mirrorOf>*</mirrorOf>"
                "<url>%s</url></mirror></mirrors></settings>\n" % mirror)
    return path


def _unfetched(output):
    """The artifacts Maven names as not fetched, in the order it names them."""
    found = []
    patterns = [r"Could not transfer artifact (\S+)", r"Could not resolve dependencies for project \S+: (.*)",
                r"Plugin (\S+) or one of its dependencies could not be resolved", r"Failure to find (\S+)",
                r"Could not find artifact (\S+)", r"Checksum validation failed[^\n]*"]
    for line in output.splitlines():
        for p in patterns:
            for m in re.finditer(p, line):
                text = m.group(1) if m.groups() else m.group(0)
                text = text.strip().rstrip(":")
                if text and text not in found:
                    found.append(text)
    return found


def fetch(version, refresh=False, log=None):
    """Returns the directory holding every jar of Kafka `version`, fetching it when needed."""
    pom = pom_of(version)
    target = os.path.join(cache_root(), "kafka-" + version)
    libs = os.path.join(target, "libs")
    stamp = os.path.join(target, "fetched-from")
    wanted = "pom.xml sha256 " + _digest(pom) + "\n"
    if not refresh and os.path.isdir(libs) and os.path.exists(stamp):
        with open(stamp) as f:
            if f.read() == wanted:
                return libs
    if shutil.which("mvn") is None:
        raise FetchError("cannot fetch Apache Kafka %s: mvn (Maven) is not installed "
                         "(Debian package maven; scripts/setup.sh installs it)" % version)
    os.makedirs(target, exist_ok=True)
    staging = tempfile.mkdtemp(prefix="libs-", dir=target)
    mirror = os.environ.get("KAFKALINT_MAVEN_MIRROR")
    try:
        cmd = ["mvn", "-B", "-C", "-f", pom, "-Dmaven.repo.local=" + maven_repo(),
               DEPENDENCY_PLUGIN + ":copy-dependencies", "-DincludeScope=runtime", "-DoutputDirectory=" + staging]
        if mirror:
            cmd[1:1] = ["-s", _settings_file(staging, mirror)]
        if log:
            log("fetching Apache Kafka %s with Maven into %s" % (version, target))
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=1200,
                           cwd=os.path.dirname(pom))
        if p.returncode != 0:
            missing = _unfetched(p.stdout)
            errors = [l for l in p.stdout.splitlines() if l.startswith("[ERROR]")][:12]
            raise FetchError(
                "could not fetch Apache Kafka %s from %s (mvn exit %d)%s\nmvn said:\n%s" % (
                    version, mirror or "Maven Central (" + CENTRAL + ")", p.returncode,
                    "; not fetched: " + "; ".join(missing) if missing else "",
                    "\n".join(errors) or p.stdout[-3000:]))
        if os.path.exists(os.path.join(staging, "settings.xml")):
            os.remove(os.path.join(staging, "settings.xml"))
        jars = [j for j in os.listdir(staging) if j.endswith(".jar")]
        if not any(j.startswith("kafka_2.13-%s" % version) for j in jars):
            raise FetchError("Maven fetched Apache Kafka %s without kafka_2.13-%s.jar: %s" % (
                version, version, ", ".join(sorted(jars))))
        if os.path.isdir(libs):
            shutil.rmtree(libs)
        os.rename(staging, libs)
        with open(stamp, "w") as f:
            f.write(wanted)
        return libs
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("versions", nargs="*", help="Kafka releases (default: every pinned one: %s)" %
                        ", ".join(versions()))
    parser.add_argument("--refresh", action="store_true", help="fetch again even when cached")
    args = parser.parse_args()
    status = 0
    for v in args.versions or versions():
        try:
            print(fetch(v, refresh=args.refresh, log=lambda m: print(m, file=sys.stderr)))
        except FetchError as e:
            print("fetch_kafka: " + str(e), file=sys.stderr)
            status = 1
    sys.exit(status)


if __name__ == "__main__":
    main()
