// Drives a real Kafka cluster for the real-Kafka tests (tests/realkafka/README.md) with Kafka's own
// Java clients: formats storage with Kafka's StorageTool, sets up the scenarios through the Admin
// API, producers and consumers, and reads back what Kafka says (the oracle the tests compare
// kafkalint's report with). Test-time only; compiled by cluster.py against the jars of the Kafka
// release under test.
//
// Protocol: one JSON request per line on stdin ({"op": "...", ...}), one JSON answer per line on
// stdout ({"ok": true, "result": ...} or {"ok": false, "error": "..."}). Kafka's own logging goes
// to stderr.
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.DescribeConfigsOptions;
import org.apache.kafka.clients.admin.FeatureMetadata;
import org.apache.kafka.clients.admin.FinalizedVersionRange;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

public final class KafkaDriver {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long TIMEOUT_MS = 30_000;

  private Admin admin;
  private String bootstrap;
  private final Map<String, BackgroundConsumer> consumers = new ConcurrentHashMap<>();

  public static void main(String[] args) throws Exception {
    // Kafka's clients log to stdout with some bindings: answers must be the only thing there.
    PrintStream answers = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, "UTF-8");
    System.setOut(System.err);
    KafkaDriver driver = new KafkaDriver();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line; (line = in.readLine()) != null; ) {
      if (line.isBlank()) continue;
      ObjectNode answer = JSON.createObjectNode();
      try {
        JsonNode request = JSON.readTree(line);
        if ("quit".equals(request.path("op").asText())) break;
        answer.put("ok", true);
        answer.set("result", driver.handle(request));
      } catch (Throwable t) {
        Throwable cause = t instanceof ExecutionException && t.getCause() != null ? t.getCause() : t;
        answer.removeAll();
        answer.put("ok", false);
        answer.put("error", cause.getClass().getSimpleName() + ": " + cause.getMessage());
      }
      answers.println(JSON.writeValueAsString(answer));
    }
    driver.close();
    answers.flush();
    System.exit(0);  // Kafka clients' threads must not keep the JVM alive
  }

  private JsonNode handle(JsonNode r) throws Exception {
    switch (r.path("op").asText()) {
      case "format":
        return format(r);
      case "connect":
        return connect(r);
      case "cluster":
        return cluster();
      case "features":
        return features();
      case "createTopic":
        return createTopic(r);
      case "alterConfigs":
        return alterConfigs(r);
      case "describeConfigs":
        return describeConfigs(r);
      case "topics":
        return topics();
      case "produce":
        return produce(r);
      case "consume":
        return consume(r);
      case "startConsumer":
        return startConsumer(r);
      case "stopConsumer":
        return stopConsumer(r);
      case "groups":
        return groups();
      case "findCoordinator":
        return findCoordinator(r);
      case "scramUser":
        return scramUser(r);
      case "addAcls":
        return addAcls(r);
      default:
        throw new IllegalArgumentException("unknown op " + r.path("op").asText());
    }
  }

  // kafka.tools.StorageTool.execute(String[], PrintStream), called in this JVM so that formatting
  // several nodes costs one JVM start. Same entry point in 3.9 and 4.1.
  private JsonNode format(JsonNode r) throws Exception {
    List<String> args = new ArrayList<>();
    r.path("args").forEach(a -> args.add(a.asText()));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(out, true, "UTF-8");
    Class<?> tool = Class.forName("kafka.tools.StorageTool");
    Object code = tool.getMethod("execute", String[].class, PrintStream.class)
        .invoke(null, (Object) args.toArray(new String[0]), print);
    ObjectNode result = JSON.createObjectNode();
    result.put("code", ((Number) code).intValue());
    result.put("output", out.toString(StandardCharsets.UTF_8));
    return result;
  }

  private JsonNode connect(JsonNode r) {
    bootstrap = r.path("bootstrap").asText();
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "15000");
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
    p.put(AdminClientConfig.CLIENT_ID_CONFIG, "realkafka-driver");
    if (admin != null) admin.close(Duration.ofSeconds(5));
    admin = Admin.create(p);
    return JSON.createObjectNode();
  }

  private JsonNode cluster() throws Exception {
    DescribeClusterResult d = admin.describeCluster();
    ObjectNode result = JSON.createObjectNode();
    result.put("clusterId", d.clusterId().get(TIMEOUT_MS, TimeUnit.MILLISECONDS));
    Node controller = d.controller().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
    result.put("controller", controller == null ? -1 : controller.id());
    ArrayNode nodes = result.putArray("nodes");
    List<Node> sorted = new ArrayList<>(d.nodes().get(TIMEOUT_MS, TimeUnit.MILLISECONDS));
    sorted.sort((a, b) -> Integer.compare(a.id(), b.id()));
    for (Node n : sorted) {
      ObjectNode o = nodes.addObject();
      o.put("id", n.id());
      o.put("host", n.host());
      o.put("port", n.port());
      if (n.hasRack()) o.put("rack", n.rack());
      else o.putNull("rack");
    }
    return result;
  }

  private JsonNode features() throws Exception {
    FeatureMetadata f = admin.describeFeatures().featureMetadata().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
    ObjectNode result = JSON.createObjectNode();
    for (Map.Entry<String, FinalizedVersionRange> e : new TreeMap<>(f.finalizedFeatures()).entrySet()) {
      result.put(e.getKey(), e.getValue().maxVersionLevel());
    }
    return result;
  }

  private static Map<String, String> stringMap(JsonNode node) {
    Map<String, String> out = new TreeMap<>();
    node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }

  private JsonNode createTopic(JsonNode r) throws Exception {
    String name = r.path("name").asText();
    NewTopic topic;
    if (r.has("assignment")) {
      Map<Integer, List<Integer>> assignment = new TreeMap<>();
      JsonNode a = r.path("assignment");
      for (int p = 0; p < a.size(); ++p) {
        List<Integer> replicas = new ArrayList<>();
        a.get(p).forEach(id -> replicas.add(id.asInt()));
        assignment.put(p, replicas);
      }
      topic = new NewTopic(name, assignment);
    } else {
      Optional<Integer> partitions = r.has("partitions") ? Optional.of(r.path("partitions").asInt()) : Optional.empty();
      Optional<Short> rf = r.has("rf") ? Optional.of((short) r.path("rf").asInt()) : Optional.empty();
      topic = new NewTopic(name, partitions, rf);
    }
    topic.configs(stringMap(r.path("configs")));
    admin.createTopics(List.of(topic)).all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
    return JSON.createObjectNode();
  }

  private static ConfigResource resource(JsonNode r) {
    String type = r.path("type").asText();
    return new ConfigResource("topic".equals(type) ? ConfigResource.Type.TOPIC : ConfigResource.Type.BROKER,
        r.path("name").asText());
  }

  private JsonNode alterConfigs(JsonNode r) throws Exception {
    List<AlterConfigOp> ops = new ArrayList<>();
    stringMap(r.path("set")).forEach((k, v) -> ops.add(new AlterConfigOp(new ConfigEntry(k, v), AlterConfigOp.OpType.SET)));
    r.path("delete").forEach(k -> ops.add(new AlterConfigOp(new ConfigEntry(k.asText(), ""), AlterConfigOp.OpType.DELETE)));
    admin.incrementalAlterConfigs(Map.of(resource(r), ops)).all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
    return JSON.createObjectNode();
  }

  private JsonNode describeConfigs(JsonNode r) throws Exception {
    ConfigResource resource = resource(r);
    Config config = admin.describeConfigs(List.of(resource), new DescribeConfigsOptions().includeSynonyms(true))
        .all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS).get(resource);
    Set<String> keys = new TreeSet<>();
    r.path("keys").forEach(k -> keys.add(k.asText()));
    ObjectNode result = JSON.createObjectNode();
    List<ConfigEntry> entries = new ArrayList<>(config.entries());
    entries.sort((a, b) -> a.name().compareTo(b.name()));
    for (ConfigEntry e : entries) {
      if (!keys.isEmpty() && !keys.contains(e.name())) continue;
      ObjectNode o = result.putObject(e.name());
      if (e.value() == null) o.putNull("value");
      else o.put("value", e.value());
      o.put("source", e.source().name());
      o.put("sensitive", e.isSensitive());
      o.put("readOnly", e.isReadOnly());
      ArrayNode synonyms = o.putArray("synonyms");
      for (ConfigEntry.ConfigSynonym s : e.synonyms()) {
        ObjectNode so = synonyms.addObject();
        so.put("name", s.name());
        if (s.value() == null) so.putNull("value");
        else so.put("value", s.value());
        so.put("source", s.source().name());
      }
    }
    return result;
  }

  private JsonNode topics() throws Exception {
    Set<String> names = admin.listTopics(new org.apache.kafka.clients.admin.ListTopicsOptions().listInternal(true))
        .names().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
    Map<String, TopicDescription> descriptions =
        admin.describeTopics(names).allTopicNames().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
    ObjectNode result = JSON.createObjectNode();
    for (String name : new TreeSet<>(names)) {
      TopicDescription d = descriptions.get(name);
      ObjectNode t = result.putObject(name);
      t.put("internal", d.isInternal());
      ArrayNode partitions = t.putArray("partitions");
      for (TopicPartitionInfo p : d.partitions()) {
        ObjectNode o = partitions.addObject();
        o.put("partition", p.partition());
        o.put("leader", p.leader() == null || p.leader().isEmpty() ? -1 : p.leader().id());
        ArrayNode replicas = o.putArray("replicas");
        p.replicas().forEach(n -> replicas.add(n.id()));
        ArrayNode isr = o.putArray("isr");
        p.isr().forEach(n -> isr.add(n.id()));
      }
    }
    return result;
  }

  private Properties clientProps(JsonNode r) {
    Properties p = new Properties();
    p.put("bootstrap.servers", r.has("bootstrap") ? r.path("bootstrap").asText() : bootstrap);
    r.path("config").fields().forEachRemaining(e -> p.put(e.getKey(), e.getValue().asText()));
    return p;
  }

  // Sends `count` records with the given acks; reports how many were acknowledged and the errors
  // of the others (e.g. NotEnoughReplicasException), so that tests can show what Kafka does.
  private JsonNode produce(JsonNode r) throws Exception {
    Properties p = clientProps(r);
    p.put(ProducerConfig.ACKS_CONFIG, r.path("acks").asText("all"));
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    int deliveryTimeoutMs = r.path("deliveryTimeoutMs").asInt(20000);
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.toString(deliveryTimeoutMs));
    p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Integer.toString(Math.min(10000, deliveryTimeoutMs / 2)));
    p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
    int count = r.path("count").asInt(1);
    String topic = r.path("topic").asText();
    int acked = 0;
    Set<String> errors = new TreeSet<>();
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
      List<java.util.concurrent.Future<RecordMetadata>> sent = new ArrayList<>();
      for (int i = 0; i < count; ++i) {
        ProducerRecord<String, String> record = r.has("partition")
            ? new ProducerRecord<>(topic, r.path("partition").asInt(), "k" + i, "v" + i)
            : new ProducerRecord<>(topic, "k" + i, "v" + i);
        sent.add(producer.send(record));
      }
      for (java.util.concurrent.Future<RecordMetadata> f : sent) {
        try {
          f.get(60, TimeUnit.SECONDS);
          ++acked;
        } catch (ExecutionException e) {
          errors.add(e.getCause().getClass().getSimpleName());
        }
      }
    }
    ObjectNode result = JSON.createObjectNode();
    result.put("acked", acked);
    ArrayNode e = result.putArray("errors");
    errors.forEach(e::add);
    return result;
  }

  private Properties consumerProps(JsonNode r) {
    Properties p = clientProps(r);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, r.path("group").asText());
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, r.path("clientId").asText(r.path("group").asText() + "-client"));
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.putIfAbsent("group.protocol", r.path("protocol").asText("classic"));
    return p;
  }

  // Joins the group, reads `count` records from the topics, commits their offsets and leaves: the
  // group stays with committed offsets and no member (state Empty).
  private JsonNode consume(JsonNode r) throws Exception {
    int count = r.path("count").asInt(1);
    int read = 0;
    List<String> topics = new ArrayList<>();
    r.path("topics").forEach(t -> topics.add(t.asText()));
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps(r))) {
      consumer.subscribe(topics);
      long deadline = System.currentTimeMillis() + 60_000;
      while (read < count && System.currentTimeMillis() < deadline) {
        ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
        read += records.count();
      }
      consumer.commitSync(Duration.ofSeconds(30));
    }
    ObjectNode result = JSON.createObjectNode();
    result.put("read", read);
    return result;
  }

  // A consumer that stays in its group (state Stable, one member) until stopConsumer.
  private static final class BackgroundConsumer implements Runnable {
    final Properties props;
    final List<String> topics;
    final AtomicBoolean stop = new AtomicBoolean();
    volatile Set<TopicPartition> assignment = Collections.emptySet();
    volatile String error;
    final Thread thread = new Thread(this, "background-consumer");

    BackgroundConsumer(Properties props, List<String> topics) {
      this.props = props;
      this.topics = topics;
    }

    public void run() {
      try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
        consumer.subscribe(topics);
        while (!stop.get()) {
          consumer.poll(Duration.ofMillis(200));
          assignment = new java.util.HashSet<>(consumer.assignment());
          if (!assignment.isEmpty()) consumer.commitSync(Duration.ofSeconds(10));
        }
      } catch (Throwable t) {
        error = t.toString();
      }
    }
  }

  private JsonNode startConsumer(JsonNode r) throws Exception {
    List<String> topics = new ArrayList<>();
    r.path("topics").forEach(t -> topics.add(t.asText()));
    BackgroundConsumer c = new BackgroundConsumer(consumerProps(r), topics);
    consumers.put(r.path("id").asText(), c);
    c.thread.setDaemon(true);
    c.thread.start();
    long deadline = System.currentTimeMillis() + 60_000;
    while (c.assignment.isEmpty() && c.error == null && System.currentTimeMillis() < deadline) Thread.sleep(100);
    if (c.error != null) throw new IllegalStateException("consumer failed: " + c.error);
    if (c.assignment.isEmpty()) throw new IllegalStateException("consumer got no assignment within 60 s");
    ObjectNode result = JSON.createObjectNode();
    ArrayNode a = result.putArray("assignment");
    new TreeSet<>(c.assignment.stream().map(TopicPartition::toString).toList()).forEach(a::add);
    return result;
  }

  private JsonNode stopConsumer(JsonNode r) throws Exception {
    BackgroundConsumer c = consumers.remove(r.path("id").asText());
    if (c != null) {
      c.stop.set(true);
      c.thread.join(30_000);
    }
    return JSON.createObjectNode();
  }

  @SuppressWarnings("deprecation")
  private JsonNode groups() throws Exception {
    Collection<ConsumerGroupListing> listings =
        admin.listConsumerGroups().all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
    List<String> ids = new ArrayList<>();
    listings.forEach(l -> ids.add(l.groupId()));
    Collections.sort(ids);
    ObjectNode result = JSON.createObjectNode();
    if (ids.isEmpty()) return result;
    Map<String, ConsumerGroupDescription> described =
        admin.describeConsumerGroups(ids).all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
    for (String id : ids) {
      ConsumerGroupDescription d = described.get(id);
      ObjectNode g = result.putObject(id);
      g.put("state", d.state().toString());
      g.put("simple", d.isSimpleConsumerGroup());
      g.put("coordinator", d.coordinator() == null ? -1 : d.coordinator().id());
      ArrayNode members = g.putArray("members");
      Set<String> topics = new TreeSet<>();
      for (MemberDescription m : d.members()) {
        ObjectNode mo = members.addObject();
        mo.put("clientId", m.clientId());
        ArrayNode parts = mo.putArray("assignment");
        new TreeSet<>(m.assignment().topicPartitions().stream().map(TopicPartition::toString).toList())
            .forEach(parts::add);
        m.assignment().topicPartitions().forEach(tp -> topics.add(tp.topic()));
      }
      ArrayNode t = g.putArray("topics");
      topics.forEach(t::add);
      Map<TopicPartition, OffsetAndMetadata> offsets =
          admin.listConsumerGroupOffsets(id).partitionsToOffsetAndMetadata().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
      ObjectNode o = g.putObject("offsets");
      new TreeMap<String, Long>(offsets.entrySet().stream().filter(e -> e.getValue() != null)
          .collect(java.util.stream.Collectors.toMap(e -> e.getKey().toString(), e -> e.getValue().offset())))
          .forEach(o::put);
    }
    return result;
  }

  // Describing a group sends FindCoordinator, which makes the brokers create __consumer_offsets
  // (without creating the group).
  private JsonNode findCoordinator(JsonNode r) throws Exception {
    ObjectNode result = JSON.createObjectNode();
    try {
      ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(r.path("group").asText()))
          .all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS).get(r.path("group").asText());
      result.put("state", d.state().toString());
    } catch (ExecutionException e) {
      // Kafka 4.x: an unknown group is GROUP_ID_NOT_FOUND (after FindCoordinator, all the same).
      if (!(e.getCause() instanceof org.apache.kafka.common.errors.GroupIdNotFoundException)) throw e;
      result.put("state", "not found");
    }
    return result;
  }

  private JsonNode scramUser(JsonNode r) throws Exception {
    ScramMechanism mechanism = ScramMechanism.fromMechanismName(r.path("mechanism").asText("SCRAM-SHA-256"));
    admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(r.path("user").asText(),
        new ScramCredentialInfo(mechanism, 4096), r.path("password").asText())))
        .all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
    return JSON.createObjectNode();
  }

  private JsonNode addAcls(JsonNode r) throws Exception {
    List<AclBinding> bindings = new ArrayList<>();
    for (JsonNode a : r.path("acls")) {
      ResourcePattern pattern = new ResourcePattern(ResourceType.fromString(a.path("resourceType").asText()),
          a.path("name").asText(), PatternType.fromString(a.path("pattern").asText("LITERAL")));
      AccessControlEntry entry = new AccessControlEntry(a.path("principal").asText(), "*",
          AclOperation.fromString(a.path("operation").asText()),
          AclPermissionType.fromString(a.path("permission").asText("ALLOW")));
      bindings.add(new AclBinding(pattern, entry));
    }
    admin.createAcls(bindings).all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
    return JSON.createObjectNode();
  }

  private void close() {
    for (BackgroundConsumer c : consumers.values()) c.stop.set(true);
    for (BackgroundConsumer c : consumers.values()) {
      try {
        c.thread.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (admin != null) admin.close(Duration.ofSeconds(5));
  }
}
