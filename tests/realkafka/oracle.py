"""What a real cluster says, through the wire client, seen by one principal exactly as kafkalint's
librdkafka sees it: Metadata, DescribeConfigs of every broker and topic, consumer groups. Used for
the expectations (model.py) and for the test-broker mirror (mirror.py)."""
import time

import wire

TOPIC_KEYS = ["min.insync.replicas", "unclean.leader.election.enable"]  # what kafkalint asks for topics


class View:
    """One principal's view: `addresses` {broker id: "host:port"} of the listener to use."""

    def __init__(self, addresses, sasl=None):
        self.addresses = dict(addresses)
        self.sasl = sasl

    def connect(self, broker_id):
        return wire.connect(self.addresses[broker_id], sasl=self.sasl)

    def metadata_by_broker(self):
        out = {}
        for i in sorted(self.addresses):
            try:
                with self.connect(i) as c:
                    out[i] = c.metadata()
            except (OSError, wire.ProtocolError):
                pass  # stopped
        return out

    def settle(self, timeout=90, quiet_s=1.0, check=None):
        """Waits until every reachable broker gives the same metadata (controller ids aside) for
        `quiet_s`, and `check(metadata)` (if given) holds. Returns that metadata."""
        deadline = time.monotonic() + timeout
        last, since = None, None
        while time.monotonic() < deadline:
            views = self.metadata_by_broker()
            norm = [normal_metadata(m) for m in views.values()]
            if norm and all(n == norm[0] for n in norm) and (check is None or check(next(iter(views.values())))):
                if norm[0] == last:
                    if time.monotonic() - since >= quiet_s:
                        return next(iter(views.values()))
                else:
                    last, since = norm[0], time.monotonic()
            else:
                last = None
            time.sleep(0.2)
        raise AssertionError("the cluster's metadata did not settle within %d s: %s" % (
            timeout, {i: normal_metadata(m) for i, m in self.metadata_by_broker().items()}))

    def state(self, version, answering_broker, metadata=None):
        """The model.py state: brokers and their configs, topics with placement and the configs kafkalint
        asks for, as `answering_broker` (the broker kafkalint's topic DescribeConfigs went to) answers."""
        with self.connect(answering_broker) as c:
            md = metadata or c.metadata()
            listed = {b["id"]: b for b in md["brokers"]}
            topics = {}
            names = [t["name"] for t in md["topics"] if t["error"] == "NONE"]
            configs = {r["name"]: r for r in c.describe_configs([(wire.RESOURCE_TOPIC, n, TOPIC_KEYS) for n in names])} \
                if names else {}
        down = set()
        for t in md["topics"]:
            cfg = configs.get(t["name"])
            ok = cfg is not None and cfg["error"] == "NONE"
            topics[t["name"]] = {
                "internal": t["internal"], "partitions": t["partitions"],
                "configs": {x["name"]: x for x in cfg["configs"]} if ok else None,
                "error": "" if ok else (cfg["error"] if cfg else "no answer")}
            for p in t["partitions"]:
                down.update(r for r in p["replicas"] if r not in listed)
        brokers = {}
        for i, b in sorted(listed.items()):
            with self.connect(i) as c:
                r = c.describe_configs([(wire.RESOURCE_BROKER, str(i), None)])[0]
            brokers[i] = {"rack": b["rack"], "configs": {x["name"]: x for x in r["configs"]} if r["error"] == "NONE"
                          else None, "error": r["error"]}
        return {"version": version, "cluster_id": md["cluster_id"], "brokers": brokers, "down": sorted(down),
                "topics": topics, "answering": answering_broker}


def normal_metadata(md):
    return (tuple(sorted((b["id"], b["rack"]) for b in md["brokers"])), md["cluster_id"],
            tuple(sorted((t["name"], t["error"], t["internal"],
                          tuple(sorted((p["partition"], p["error"], p["leader"], tuple(p["replicas"]), tuple(p["isr"]))
                                       for p in t["partitions"])))
                         for t in md["topics"])))
