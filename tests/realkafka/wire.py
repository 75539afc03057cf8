"""A minimal Kafka protocol client (Python standard library only) that asks a broker exactly what
kafkalint's librdkafka 2.0.2 asks, at the same versions and with the same request bodies
(../../shared/kafka/facts.md §5.2-5.4): ApiVersions v3, Metadata v4, DescribeConfigs v1 (with
synonyms), ListGroups v4, FindCoordinator v2, DescribeGroups v4; and SaslHandshake v1 /
SaslAuthenticate v1 with SCRAM-SHA-256 for a SASL listener. The answers are decoded into plain
dicts, so that what a real Kafka broker says and what the test broker says can be compared field
by field (test_realkafka.py, TestBrokerVsKafka).

Written from the protocol's message definitions (../../shared/kafka/protocol/), not from any
client library.
"""
import base64
import hashlib
import hmac
import os
import socket
import struct

API_VERSIONS, METADATA, DESCRIBE_CONFIGS, LIST_GROUPS, FIND_COORDINATOR, DESCRIBE_GROUPS = 18, 3, 32, 16, 10, 15
SASL_HANDSHAKE, SASL_AUTHENTICATE = 17, 36
RESOURCE_TOPIC, RESOURCE_BROKER = 2, 4
SOURCES = {0: "UNKNOWN", 1: "DYNAMIC_TOPIC_CONFIG", 2: "DYNAMIC_BROKER_CONFIG", 3: "DYNAMIC_DEFAULT_BROKER_CONFIG",
           4: "STATIC_BROKER_CONFIG", 5: "DEFAULT_CONFIG", 6: "DYNAMIC_BROKER_LOGGER_CONFIG",
           7: "CLIENT_METRICS_CONFIG", 8: "GROUP_CONFIG"}
ERRORS = {0: "NONE", 3: "UNKNOWN_TOPIC_OR_PARTITION", 5: "LEADER_NOT_AVAILABLE", 14: "COORDINATOR_LOAD_IN_PROGRESS",
          15: "COORDINATOR_NOT_AVAILABLE", 16: "NOT_COORDINATOR", 19: "NOT_ENOUGH_REPLICAS",
          29: "TOPIC_AUTHORIZATION_FAILED", 30: "GROUP_AUTHORIZATION_FAILED", 31: "CLUSTER_AUTHORIZATION_FAILED",
          33: "UNSUPPORTED_SASL_MECHANISM", 35: "UNSUPPORTED_VERSION", 42: "INVALID_REQUEST",
          58: "SASL_AUTHENTICATION_FAILED", 69: "GROUP_ID_NOT_FOUND", 72: "LISTENER_NOT_FOUND"}


def error_name(code):
    return ERRORS.get(code, str(code))


class ProtocolError(Exception):
    pass


# ---- encoding

def i8(v):
    return struct.pack(">b", v)


def i16(v):
    return struct.pack(">h", v)


def i32(v):
    return struct.pack(">i", v)


def string(s):
    if s is None:
        return i16(-1)
    b = s.encode()
    return i16(len(b)) + b


def array(items, enc):
    if items is None:
        return i32(-1)
    return i32(len(items)) + b"".join(enc(x) for x in items)


def uvarint(v):
    out = b""
    while True:
        byte = v & 0x7F
        v >>= 7
        if v:
            out += bytes([byte | 0x80])
        else:
            return out + bytes([byte])


def compact_string(s):
    if s is None:
        return uvarint(0)
    b = s.encode()
    return uvarint(len(b) + 1) + b


# ---- decoding

class Reader:
    def __init__(self, data):
        self.data = data
        self.at = 0

    def take(self, n):
        if self.at + n > len(self.data):
            raise ProtocolError("response ends early (need %d bytes at %d of %d)" % (n, self.at, len(self.data)))
        b = self.data[self.at:self.at + n]
        self.at += n
        return b

    def i8(self):
        return struct.unpack(">b", self.take(1))[0]

    def boolean(self):
        return self.i8() != 0

    def i16(self):
        return struct.unpack(">h", self.take(2))[0]

    def i32(self):
        return struct.unpack(">i", self.take(4))[0]

    def i64(self):
        return struct.unpack(">q", self.take(8))[0]

    def string(self):
        n = self.i16()
        return None if n < 0 else self.take(n).decode()

    def bytes_(self):
        n = self.i32()
        return None if n < 0 else self.take(n)

    def array(self, item):
        n = self.i32()
        return None if n < 0 else [item(self) for _ in range(n)]

    def uvarint(self):
        shift = value = 0
        while True:
            b = self.take(1)[0]
            value |= (b & 0x7F) << shift
            if not b & 0x80:
                return value
            shift += 7

    def compact_string(self):
        n = self.uvarint()
        return None if n == 0 else self.take(n - 1).decode()

    def compact_array(self, item):
        n = self.uvarint()
        return None if n == 0 else [item(self) for _ in range(n - 1)]

    def tagged_fields(self):
        for _ in range(self.uvarint()):
            self.uvarint()
            self.take(self.uvarint())


# ---- connection

class Connection:
    def __init__(self, host, port, timeout=15, client_id="kafkalint"):
        self.sock = socket.create_connection((host, port), timeout=timeout)
        self.correlation = 0
        self.client_id = client_id

    def close(self):
        self.sock.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def _recv(self, n):
        out = b""
        while len(out) < n:
            chunk = self.sock.recv(n - len(out))
            if not chunk:
                raise ProtocolError("connection closed by the broker")
            out += chunk
        return out

    def request(self, api_key, version, body, flexible=False, response_flexible=None):
        """Sends one request and returns a Reader over the response body (after its header)."""
        self.correlation += 1
        header = i16(api_key) + i16(version) + i32(self.correlation) + string(self.client_id)
        if flexible:
            header += uvarint(0)
        frame = header + body
        self.sock.sendall(i32(len(frame)) + frame)
        size = struct.unpack(">i", self._recv(4))[0]
        r = Reader(self._recv(size))
        if r.i32() != self.correlation:
            raise ProtocolError("correlation id mismatch")
        if (flexible if response_flexible is None else response_flexible):
            r.tagged_fields()
        return r

    # ApiVersions v3, as librdkafka 2.0.2 sends it; response header v0 (KIP-511).
    def api_versions(self):
        r = self.request(API_VERSIONS, 3, compact_string("librdkafka") + compact_string("2.0.2") + uvarint(0),
                         flexible=True, response_flexible=False)
        error = r.i16()

        def api(x):
            key, lo, hi = x.i16(), x.i16(), x.i16()
            x.tagged_fields()
            return key, (lo, hi)

        apis = dict(r.compact_array(api) or [])
        return {"error": error_name(error), "apis": apis}

    # Metadata v4: topics None = all (librdkafka's second request), [] = brokers only.
    def metadata(self, topics=None, allow_auto_create=False):
        body = (i32(-1) if topics is None else array(topics, string)) + i8(1 if allow_auto_create else 0)
        r = self.request(METADATA, 4, body)
        r.i32()  # throttle
        brokers = r.array(lambda x: {"id": x.i32(), "host": x.string(), "port": x.i32(), "rack": x.string()})
        cluster_id = r.string()
        controller = r.i32()

        def partition(x):
            return {"error": error_name(x.i16()), "partition": x.i32(), "leader": x.i32(),
                    "replicas": x.array(lambda y: y.i32()), "isr": x.array(lambda y: y.i32())}

        def topic(x):
            return {"error": error_name(x.i16()), "name": x.string(), "internal": x.boolean(),
                    "partitions": x.array(partition)}

        return {"brokers": brokers, "cluster_id": cluster_id, "controller": controller, "topics": r.array(topic)}

    # DescribeConfigs v1 with IncludeSynonyms, as librdkafka sends it. resources: [(type, name, keys or None)].
    def describe_configs(self, resources):
        body = array(resources, lambda res: i8(res[0]) + string(res[1]) + array(res[2], string)) + i8(1)
        r = self.request(DESCRIBE_CONFIGS, 1, body)
        r.i32()

        def synonym(x):
            return {"name": x.string(), "value": x.string(), "source": SOURCES.get(x.i8())}

        def config(x):
            return {"name": x.string(), "value": x.string(), "read_only": x.boolean(),
                    "source": SOURCES.get(x.i8()), "sensitive": x.boolean(), "synonyms": x.array(synonym)}

        def result(x):
            return {"error": error_name(x.i16()), "error_message": x.string(), "type": x.i8(), "name": x.string(),
                    "configs": x.array(config)}

        return r.array(result)

    # ListGroups v4 with librdkafka 2.0.2's body: an empty states filter (01), its extra 00 byte, then
    # the tagged fields (00).
    def list_groups(self):
        r = self.request(LIST_GROUPS, 4, b"\x01\x00\x00", flexible=True)

        def group(x):
            g = {"group_id": x.compact_string(), "protocol_type": x.compact_string(), "state": x.compact_string()}
            x.tagged_fields()
            return g

        r.i32()
        error = r.i16()
        return {"error": error_name(error), "groups": r.compact_array(group)}

    def find_coordinator(self, key, key_type=0):
        r = self.request(FIND_COORDINATOR, 2, string(key) + i8(key_type))
        r.i32()
        return {"error": error_name(r.i16()), "error_message": r.string(), "node_id": r.i32(), "host": r.string(),
                "port": r.i32()}

    def describe_groups(self, groups):
        r = self.request(DESCRIBE_GROUPS, 4, array(groups, string) + i8(0))
        r.i32()

        def member(x):
            return {"member_id": x.string(), "group_instance_id": x.string(), "client_id": x.string(),
                    "client_host": x.string(), "metadata": x.bytes_(), "assignment": x.bytes_()}

        def group(x):
            g = {"error": error_name(x.i16()), "group_id": x.string(), "state": x.string(),
                 "protocol_type": x.string(), "protocol": x.string(), "members": x.array(member)}
            x.i32()  # authorized operations
            return g

        return r.array(group)

    # SASL/SCRAM-SHA-256 (RFC 5802, RFC 7677) through SaslHandshake v1 and SaslAuthenticate v1.
    def scram_sha256(self, user, password):
        r = self.request(SASL_HANDSHAKE, 1, string("SCRAM-SHA-256"))
        error = r.i16()
        if error:
            raise ProtocolError("SaslHandshake: %s" % error_name(error))
        nonce = base64.b64encode(os.urandom(18)).decode()
        first_bare = "n=%s,r=%s" % (user.replace("=", "=3D").replace(",", "=2C"), nonce)
        server_first = self._sasl(("n,," + first_bare).encode()).decode()
        fields = dict(f.split("=", 1) for f in server_first.split(","))
        if not fields["r"].startswith(nonce):
            raise ProtocolError("SCRAM: the server's nonce does not extend ours")
        salted = hashlib.pbkdf2_hmac("sha256", password.encode(), base64.b64decode(fields["s"]), int(fields["i"]))
        client_key = hmac.new(salted, b"Client Key", hashlib.sha256).digest()
        stored_key = hashlib.sha256(client_key).digest()
        final_bare = "c=biws,r=" + fields["r"]
        auth_message = ",".join([first_bare, server_first, final_bare]).encode()
        signature = hmac.new(stored_key, auth_message, hashlib.sha256).digest()
        proof = bytes(a ^ b for a, b in zip(client_key, signature))
        self._sasl((final_bare + ",p=" + base64.b64encode(proof).decode()).encode())

    def _sasl(self, data):
        r = self.request(SASL_AUTHENTICATE, 1, i32(len(data)) + data)
        error, message, answer = r.i16(), r.string(), r.bytes_()
        if error:
            raise ProtocolError("SaslAuthenticate: %s (%s)" % (error_name(error), message))
        return answer


def decode_assignment(data):
    """ConsumerProtocolAssignment (v0-v3 share the prefix): {topic: [partitions]}."""
    if not data:
        return {}
    r = Reader(data)
    r.i16()
    out = r.array(lambda x: (x.string(), x.array(lambda y: y.i32())))
    return {t: sorted(p) for t, p in out or []}


def decode_subscription(data):
    if not data:
        return []
    r = Reader(data)
    r.i16()
    return sorted(r.array(lambda x: x.string()) or [])


def connect(address, sasl=None, timeout=15):
    host, port = address.rsplit(":", 1)
    c = Connection(host, int(port), timeout=timeout)
    if sasl:
        c.scram_sha256(*sasl)
    return c
