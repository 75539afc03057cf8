"""Real Apache Kafka KRaft clusters on loopback for the real-Kafka tests (README.md here).

A KafkaCluster is a few JVMs started from the jars fetch_kafka.py put in the cache: brokers and
controllers (a separate controller quorum, or combined broker+controller nodes), storage formatted
with Kafka's own StorageTool, free ports picked at run time, small heaps, logs in a temporary
directory. Every JVM is started with PR_SET_PDEATHSIG, so it is killed when the test process dies,
whatever kills it; close() (also run at exit) stops what is left.

The Driver is one JVM running driver/KafkaDriver.java (compiled at test time against the release's
jars) that formats storage and sets up scenarios with Kafka's Admin API, producers and consumers.
"""
import atexit
import base64
import ctypes
import hashlib
import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
DRIVER_SOURCE = os.path.join(HERE, "driver", "KafkaDriver.java")
JAVA_HOME = os.environ.get("KAFKALINT_JAVA_HOME") or "/usr/lib/jvm/java-17-openjdk-amd64"
# Small, quick-starting JVMs: 2 shared cores run 4 brokers/controllers and the driver.
JVM_OPTIONS = ["-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData",
               "-Djava.awt.headless=true", "-Dfile.encoding=UTF-8"]
PR_SET_PDEATHSIG = 1
_live = set()  # every process started here, for the exit handler


def _die_with_parent():
    """In the child before exec: the kernel kills it when the process that started it dies."""
    libc = ctypes.CDLL("libc.so.6", use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    os.setpgrp()  # its own process group: a ^C to the test is handled by the test, not the JVMs


def _kill_all():
    for p in list(_live):
        if p.poll() is None:
            p.kill()
    for p in list(_live):
        try:
            p.wait(10)
        except subprocess.TimeoutExpired:
            pass
    _live.clear()


atexit.register(_kill_all)


def _on_signal(signum, frame):
    _kill_all()
    raise SystemExit(128 + signum)


for _sig in (signal.SIGTERM, signal.SIGHUP):
    signal.signal(_sig, _on_signal)


def java(tool="java"):
    path = os.path.join(JAVA_HOME, "bin", tool)
    if not os.path.exists(path):
        raise RuntimeError("no %s in %s (set KAFKALINT_JAVA_HOME to a JDK 17 or newer)" % (tool, JAVA_HOME))
    return path


def free_ports(count):
    """`count` distinct free loopback ports (held open together so that none is picked twice)."""
    socks = []
    try:
        for _ in range(count):
            s = socket.socket()
            s.bind(("127.0.0.1", 0))
            socks.append(s)
        return [s.getsockname()[1] for s in socks]
    finally:
        for s in socks:
            s.close()


def cluster_id():
    """A Kafka cluster id: 16 random bytes, URL-safe base64 without padding (what random-uuid prints).
    Like Kafka's Uuid.randomUuid(), never one that starts with '-', which command lines take for an option."""
    while True:
        text = base64.urlsafe_b64encode(uuid.uuid4().bytes).decode().rstrip("=")
        if not text.startswith("-"):
            return text


def compile_driver(libs, cache_dir):
    """Compiles KafkaDriver.java against `libs`; the classes are kept in the cache per source and release."""
    with open(DRIVER_SOURCE, "rb") as f:
        key = hashlib.sha256(f.read() + libs.encode()).hexdigest()[:16]
    out = os.path.join(cache_dir, "driver-" + key)
    if os.path.exists(os.path.join(out, "KafkaDriver.class")):
        return out
    staging = tempfile.mkdtemp(prefix="driver-", dir=cache_dir)
    p = subprocess.run([java("javac"), "-nowarn", "-Xlint:none", "-encoding", "UTF-8", "-d", staging,
                        "-cp", os.path.join(libs, "*"), DRIVER_SOURCE], capture_output=True, text=True)
    if p.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        raise RuntimeError("javac KafkaDriver.java against %s failed:\n%s" % (libs, p.stdout + p.stderr))
    try:
        os.rename(staging, out)
    except OSError:  # compiled meanwhile by another run
        shutil.rmtree(staging, ignore_errors=True)
    return out


def log_config(version, path, level="INFO"):
    """Kafka's logging, to the JVM's stdout (which goes to the node's log file)."""
    if version.startswith("3."):  # SLF4J 1.7 + reload4j (log4j 1.2 API)
        text = ("log4j.rootLogger=LEVEL, stdout\n"
                "log4j.appender.stdout=org.apache.log4j.ConsoleAppender\n"
                "log4j.appender.stdout.layout=org.apache.log4j.PatternLayout\n"
                "log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n\n"
                "log4j.logger.kafka.request.logger=WARN\n"
                "log4j.logger.org.apache.kafka.clients=WARN\n").replace("LEVEL", level)
        option = "-Dlog4j.configuration=file:" + path
    else:  # Log4j 2
        text = ("status = warn\n"
                "appender.stdout.type = Console\n"
                "appender.stdout.name = STDOUT\n"
                "appender.stdout.layout.type = PatternLayout\n"
                "appender.stdout.layout.pattern = [%d] %p %m (%c)%n\n"
                "rootLogger.level = LEVEL\n"
                "rootLogger.appenderRef.stdout.ref = STDOUT\n"
                "logger.clients.name = org.apache.kafka.clients\n"
                "logger.clients.level = warn\n").replace("LEVEL", level.lower())
        option = "-Dlog4j2.configurationFile=" + path
    with open(path, "w") as f:
        f.write(text)
    return option


class DriverError(Exception):
    pass


class Driver:
    """One KafkaDriver JVM; call(op, **args) sends a request and returns its result."""

    def __init__(self, libs, classes, workdir, version):
        self.log_path = os.path.join(workdir, "driver.log")
        self.log = open(self.log_path, "ab")
        logging = log_config(version, os.path.join(workdir, "driver-log4j.properties"), level="WARN")
        self.process = subprocess.Popen(
            [java(), *JVM_OPTIONS, logging, "-cp", classes + os.pathsep + os.path.join(libs, "*"), "KafkaDriver"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.log, preexec_fn=_die_with_parent)
        _live.add(self.process)
        self.lock = threading.Lock()

    def call(self, op, timeout=120, **args):
        with self.lock:
            if self.process.poll() is not None:
                raise DriverError("the Kafka driver exited (%s); see %s" % (self.process.returncode, self.log_path))
            self.process.stdin.write((json.dumps(dict(args, op=op)) + "\n").encode())
            self.process.stdin.flush()
            line = self._readline(timeout)
        answer = json.loads(line)
        if not answer["ok"]:
            raise DriverError("%s: %s" % (op, answer["error"]))
        return answer["result"]

    def _readline(self, timeout):
        result = []
        t = threading.Thread(target=lambda: result.append(self.process.stdout.readline()), daemon=True)
        t.start()
        t.join(timeout)
        if not result or not result[0]:
            self.process.kill()
            raise DriverError("no answer from the Kafka driver within %d s; see %s" % (timeout, self.log_path))
        return result[0]

    def close(self):
        if self.process.poll() is None:
            try:
                self.process.stdin.write(b'{"op": "quit"}\n')
                self.process.stdin.flush()
                self.process.wait(15)
            except (OSError, subprocess.TimeoutExpired):
                self.process.kill()
                self.process.wait()
        _live.discard(self.process)
        self.log.close()


class Node:
    def __init__(self, node_id, roles, workdir):
        self.id = node_id
        self.roles = roles  # "broker", "controller" or "broker,controller"
        self.dir = os.path.join(workdir, "node-%d" % node_id)
        self.data = os.path.join(self.dir, "data")
        self.config = os.path.join(self.dir, "server.properties")
        self.log_path = os.path.join(self.dir, "server.log")
        self.process = None
        self.port = None  # PLAINTEXT client listener (brokers)
        self.sasl_port = None
        self.controller_port = None
        self.extra = {}

    @property
    def is_broker(self):
        return "broker" in self.roles

    @property
    def is_controller(self):
        return "controller" in self.roles


class KafkaCluster:
    """A KRaft cluster of `brokers` (ids 1..n) and, when `separate_controller`, one controller (id 100);
    otherwise the brokers are combined broker+controller nodes forming the quorum.

    broker_config: static configs of every broker (server.properties); per_broker: {id: {...}} on top;
    controller_config: static configs of controller-only nodes. sasl: add a SASL_PLAINTEXT listener
    with SCRAM-SHA-256 (users created with the Admin API) and PLAIN (users `plain_users`, {name:
    password}, in the listener's JAAS config), and StandardAuthorizer (PLAINTEXT stays the
    inter-broker listener; its ANONYMOUS principal is a super user)."""

    def __init__(self, version, libs, cache_dir, brokers=3, separate_controller=True, broker_config=None,
                 per_broker=None, controller_config=None, sasl=False, plain_users=None, keep_logs=None):
        self.version = version
        self.libs = libs
        self.cache_dir = cache_dir
        self.sasl = sasl
        self.plain_users = dict(plain_users or {})
        self.separate_controller = separate_controller
        self.workdir = tempfile.mkdtemp(prefix="kafkalint-realkafka-%s-" % version)
        self.keep_logs = keep_logs
        self.cluster_id = cluster_id()
        self.nodes = {}
        roles = "broker" if separate_controller else "broker,controller"
        for i in range(1, brokers + 1):
            self.nodes[i] = Node(i, roles, self.workdir)
        if separate_controller:
            self.nodes[100] = Node(100, "controller", self.workdir)
        self.broker_config = dict(broker_config or {})
        self.per_broker = {int(k): dict(v) for k, v in (per_broker or {}).items()}
        self.controller_config = dict(controller_config or {})
        self.driver = None
        self.started = False

    # ---- layout

    @property
    def brokers(self):
        return [n for n in self.nodes.values() if n.is_broker]

    @property
    def controllers(self):
        return [n for n in self.nodes.values() if n.is_controller]

    def bootstrap(self, sasl=False):
        return ",".join("127.0.0.1:%d" % (n.sasl_port if sasl else n.port) for n in self.brokers)

    def _assign_ports(self):
        wanted = sum((2 + (1 if self.sasl else 0)) if n.is_broker else 0 for n in self.nodes.values()) + \
            len(self.controllers)
        ports = iter(free_ports(wanted))
        for n in self.nodes.values():
            if n.is_broker:
                n.port = next(ports)
                if self.sasl:
                    n.sasl_port = next(ports)
            if n.is_controller:
                n.controller_port = next(ports)

    def _properties(self, node):
        voters = ",".join("%d@127.0.0.1:%d" % (c.id, c.controller_port) for c in self.controllers)
        listeners, advertised, protocols = [], [], ["CONTROLLER:PLAINTEXT", "PLAINTEXT:PLAINTEXT"]
        if node.is_broker:
            listeners.append("PLAINTEXT://127.0.0.1:%d" % node.port)
            advertised.append("PLAINTEXT://127.0.0.1:%d" % node.port)
            if self.sasl:
                listeners.append("SASL_PLAINTEXT://127.0.0.1:%d" % node.sasl_port)
                advertised.append("SASL_PLAINTEXT://127.0.0.1:%d" % node.sasl_port)
        if self.sasl:
            protocols.append("SASL_PLAINTEXT:SASL_PLAINTEXT")
        if node.is_controller:
            listeners.append("CONTROLLER://127.0.0.1:%d" % node.controller_port)
        props = {
            "process.roles": node.roles,
            "node.id": str(node.id),
            "controller.quorum.voters": voters,
            "controller.listener.names": "CONTROLLER",
            "listeners": ",".join(listeners),
            "listener.security.protocol.map": ",".join(protocols),
            "log.dirs": node.data,
            # Quick start-up and shut-down where no scenario looks.
            "num.network.threads": "2",
            "num.io.threads": "2",
            "num.recovery.threads.per.data.dir": "1",
            "background.threads": "2",
            "group.initial.rebalance.delay.ms": "0",
            "offsets.topic.num.partitions": "3",
            "controlled.shutdown.enable": "true",
            "log.segment.bytes": "1048576",
        }
        if node.is_broker:
            props["advertised.listeners"] = ",".join(advertised)
            props["inter.broker.listener.name"] = "PLAINTEXT"
        if self.sasl:
            plain = "".join(' user_%s="%s"' % (u, p) for u, p in sorted(self.plain_users.items()))
            props.update({
                "sasl.enabled.mechanisms": "SCRAM-SHA-256,PLAIN",
                "listener.name.sasl_plaintext.scram-sha-256.sasl.jaas.config":
                    "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "listener.name.sasl_plaintext.plain.sasl.jaas.config":
                    "org.apache.kafka.common.security.plain.PlainLoginModule required%s;" % plain,
                "authorizer.class.name": "org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                "super.users": "User:ANONYMOUS",
                "allow.everyone.if.no.acl.found": "false",
            })
        if node.is_broker:
            props.update(self.broker_config)
            props.update(self.per_broker.get(node.id, {}))
        else:
            props.update(self.controller_config)
        props.update(node.extra)
        return props

    def _write_config(self, node):
        os.makedirs(node.dir, exist_ok=True)
        with open(node.config, "w") as f:
            f.write("# written by tests/realkafka/cluster.py\n")
            for k, v in self._properties(node).items():
                f.write("%s=%s\n" % (k, v.replace("\\", "\\\\")))

    # ---- life cycle

    def start(self, timeout=180):
        classes = compile_driver(self.libs, self.cache_dir)
        self.driver = Driver(self.libs, classes, self.workdir, self.version)
        self._assign_ports()
        for n in self.nodes.values():
            self._write_config(n)
            r = self.driver.call("format", args=["format", "-t", self.cluster_id, "-c", n.config, "--ignore-formatted"])
            if r["code"] != 0:
                self.driver.log.flush()
                with open(self.driver.log_path, errors="replace") as f:
                    log = f.read()[-3000:]
                raise RuntimeError("formatting node %d failed (%d): %s\n%s" % (n.id, r["code"], r["output"], log))
        for n in sorted(self.nodes.values(), key=lambda n: not n.is_controller):
            self._start_node(n)
        self.driver.call("connect", bootstrap=self.bootstrap())
        self.wait_for_brokers([n.id for n in self.brokers], timeout)
        self.started = True
        return self

    def _start_node(self, node):
        logging = log_config(self.version, os.path.join(node.dir, "log4j.properties"))
        log = open(node.log_path, "ab")
        node.process = subprocess.Popen(
            [java(), *JVM_OPTIONS, logging, "-cp", os.path.join(self.libs, "*"), "kafka.Kafka", node.config],
            stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, preexec_fn=_die_with_parent)
        log.close()
        _live.add(node.process)

    def wait_for_brokers(self, ids, timeout=120):
        """Until the cluster's metadata lists exactly these brokers."""
        deadline = time.monotonic() + timeout
        last = None
        while time.monotonic() < deadline:
            for n in self.nodes.values():
                if n.process is not None and n.process.poll() is not None and n.id in ids:
                    raise RuntimeError("node %d exited with %s; log: %s\n%s" % (
                        n.id, n.process.returncode, n.log_path, self.tail(n.id)))
            try:
                last = self.driver.call("cluster", timeout=60)
                if sorted(x["id"] for x in last["nodes"]) == sorted(ids):
                    return last
            except Exception as e:  # not up yet
                last = str(e)
            time.sleep(0.5)
        raise RuntimeError("the cluster did not list brokers %s within %d s (last: %s)" % (ids, timeout, last))

    def stop_node(self, node_id, timeout=60):
        """A clean shutdown (SIGTERM: controlled shutdown moves leadership away first)."""
        n = self.nodes[node_id]
        if n.process is None or n.process.poll() is not None:
            return
        n.process.terminate()
        try:
            n.process.wait(timeout)
        except subprocess.TimeoutExpired:
            n.process.kill()
            n.process.wait()
        _live.discard(n.process)

    def start_node(self, node_id):
        self._start_node(self.nodes[node_id])

    def tail(self, node_id, lines=40):
        try:
            with open(self.nodes[node_id].log_path, errors="replace") as f:
                return "".join(f.readlines()[-lines:])
        except OSError:
            return ""

    def close(self):
        if self.driver is not None:
            self.driver.close()
            self.driver = None
        for n in self.nodes.values():
            if n.process is not None and n.process.poll() is None:
                n.process.kill()
                n.process.wait()
            if n.process is not None:
                _live.discard(n.process)
        if self.keep_logs:
            os.makedirs(self.keep_logs, exist_ok=True)
            for n in self.nodes.values():
                if os.path.exists(n.log_path):
                    shutil.copy(n.log_path, os.path.join(self.keep_logs, "%s-node-%d.log" % (self.version, n.id)))
        shutil.rmtree(self.workdir, ignore_errors=True)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.close()
