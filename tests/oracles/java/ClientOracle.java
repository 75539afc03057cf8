// Asks real Apache Kafka Java clients what they do with a configuration.
//
// Usage: java ClientOracle CELLS OUT RELEASE=CLASSPATH...
//   CELLS: one cell a line, "role<TAB>id<TAB>key=value<TAB>..." (role: producer or consumer)
//   OUT:   one result a line, "release<TAB>role<TAB>id<TAB>outcome<TAB>error<TAB>key=value<TAB>..."
//
// Each release is loaded in its own class loader (parent: the platform loader, so nothing of this
// program or of another release is visible to it). For every cell the program builds the real
// ProducerConfig/ConsumerConfig, then constructs KafkaProducer/KafkaConsumer with a bootstrap
// address nobody listens on and closes it at once. It records either the exception (the stage that
// threw, the outermost and the root exception with their messages) or the effective values: what
// the constructed client runs with, read from its fields where the client keeps a value of its own
// (the Sender's acks and retries, whether a TransactionManager exists, the accumulator's delivery
// timeout, the group coordinator's auto-commit flag), otherwise the post-processed config value.
// Uses reflection only, so one build of this program serves every release.
import java.io.BufferedReader;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

public final class ClientOracle {
  static final String BOOTSTRAP = "127.0.0.1:9";  // the discard port: nothing answers there

  static final String[] PRODUCER_KEYS = {"acks", "enable.idempotence", "retries",
      "max.in.flight.requests.per.connection", "transactional.id", "delivery.timeout.ms", "linger.ms",
      "request.timeout.ms"};
  static final String[] CONSUMER_KEYS = {"group.id", "enable.auto.commit", "group.protocol",
      "session.timeout.ms", "heartbeat.interval.ms", "max.poll.interval.ms", "auto.offset.reset",
      "isolation.level"};

  // Where each runtime value was read from, per release (printed to stderr at the end).
  static final Map<String, TreeSet<String>> SOURCES = new LinkedHashMap<>();

  public static void main(String[] args) throws Exception {
    List<String[]> cells = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(Paths.get(args[0]), StandardCharsets.UTF_8)) {
      for (String line; (line = r.readLine()) != null;) {
        if (!line.isEmpty()) cells.add(line.split("\t", -1));
      }
    }
    try (PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(args[1]), StandardCharsets.UTF_8))) {
      for (int i = 2; i < args.length; i++) {
        int eq = args[i].indexOf('=');
        String release = args[i].substring(0, eq);
        String[] jars = args[i].substring(eq + 1).split(java.io.File.pathSeparator);
        URL[] urls = new URL[jars.length];
        for (int j = 0; j < jars.length; j++) urls[j] = Paths.get(jars[j]).toUri().toURL();
        long start = System.nanoTime();
        try (URLClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
          ClassLoader previous = Thread.currentThread().getContextClassLoader();
          Thread.currentThread().setContextClassLoader(loader);
          try {
            for (String[] cell : cells) {
              Map<String, String> settings = new LinkedHashMap<>();
              for (int k = 2; k < cell.length; k++) {
                int e = cell[k].indexOf('=');
                settings.put(cell[k].substring(0, e), cell[k].substring(e + 1));
              }
              String result = cell[0].equals("producer") ? producer(loader, release, settings)
                                                         : consumer(loader, release, settings);
              out.println(release + "\t" + cell[0] + "\t" + cell[1] + "\t" + result);
            }
          } finally {
            awaitClosed();
            Thread.currentThread().setContextClassLoader(previous);
          }
        }
        System.err.printf("[oracles] kafka-clients %s: %d cells in %.1f s%n", release, cells.size(),
            (System.nanoTime() - start) / 1e9);
      }
    }
    if (LEFT_OPEN[0] > 0) System.err.println("[oracles] clients whose close() had not returned 5 s after their release's last cell: " + LEFT_OPEN[0]);
    for (Map.Entry<String, TreeSet<String>> e : SOURCES.entrySet()) {
      System.err.println("[oracles] " + e.getKey() + " read from " + String.join(", ", e.getValue()));
    }
  }

  static String producer(ClassLoader loader, String release, Map<String, String> settings) throws Exception {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("bootstrap.servers", BOOTSTRAP);
    props.put("key.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer");
    props.put("value.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer");
    props.putAll(settings);
    return producerWith(loader, release, props);
  }

  // The real ProducerConfig and KafkaProducer of exactly these configs (also used by SpringOracle
  // with the map Spring Kafka hands to KafkaProducer).
  static String producerWith(ClassLoader loader, String release, Map<String, Object> props) throws Exception {
    Object config;
    try {
      config = loader.loadClass("org.apache.kafka.clients.producer.ProducerConfig")
                   .getConstructor(Map.class).newInstance(props);
    } catch (InvocationTargetException e) {
      return refused("ProducerConfig", e.getCause());
    }
    Map<String, String> values = configValues(config, PRODUCER_KEYS);
    Object client;
    try {
      client = loader.loadClass("org.apache.kafka.clients.producer.KafkaProducer")
                   .getConstructor(Map.class).newInstance(props);
    } catch (InvocationTargetException e) {
      return refused("KafkaProducer", e.getCause());
    }
    try {
      Object sender = field(client, "sender");
      runtime(values, release, "acks", sender, "acks", "Sender.acks");
      runtime(values, release, "retries", sender, "retries", "Sender.retries");
      Field tm = findField(client.getClass(), "transactionManager");
      if (tm != null) {
        values.put("enable.idempotence", String.valueOf(tm.get(client) != null));
        source(release, "enable.idempotence", "KafkaProducer.transactionManager != null");
      }
      if (values.containsKey("delivery.timeout.ms")) {
        runtime(values, release, "delivery.timeout.ms", field(client, "accumulator"), "deliveryTimeoutMs",
            "RecordAccumulator.deliveryTimeoutMs");
      }
    } finally {
      close(client);
    }
    return ok(values, PRODUCER_KEYS);
  }

  static String consumer(ClassLoader loader, String release, Map<String, String> settings) throws Exception {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("bootstrap.servers", BOOTSTRAP);
    props.put("key.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer");
    props.put("value.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer");
    props.putAll(settings);
    return consumerWith(loader, release, props);
  }

  static String consumerWith(ClassLoader loader, String release, Map<String, Object> props) throws Exception {
    Object config;
    try {
      config = loader.loadClass("org.apache.kafka.clients.consumer.ConsumerConfig")
                   .getConstructor(Map.class).newInstance(props);
    } catch (InvocationTargetException e) {
      return refused("ConsumerConfig", e.getCause());
    }
    Map<String, String> values = configValues(config, CONSUMER_KEYS);
    Object client;
    try {
      client = loader.loadClass("org.apache.kafka.clients.consumer.KafkaConsumer")
                   .getConstructor(Map.class).newInstance(props);
    } catch (InvocationTargetException e) {
      return refused("KafkaConsumer", e.getCause());
    }
    try {
      // The classic consumer keeps auto-commit in its ConsumerCoordinator (none without a group);
      // the KIP-848 consumer (AsyncKafkaConsumer) in its CommitRequestManager's auto-commit state.
      Object[] found = search(client, 3);
      if (found[0] != null) {
        values.put("enable.auto.commit", String.valueOf(found[0]));
        source(release, "enable.auto.commit", (String) found[1]);
      } else if (found[2] != null) {
        values.put("enable.auto.commit", "false");
        source(release, "enable.auto.commit", found[2] + " == null (no group: nothing is committed)");
      } else {
        source(release, "enable.auto.commit", "ConsumerConfig (no runtime field found)");
      }
    } finally {
      close(client);
    }
    return ok(values, CONSUMER_KEYS);
  }

  // Breadth-first search over the client's own objects (org.apache.kafka classes) for the
  // auto-commit decision. Returns {Boolean value, where, name of a null coordinator field}.
  static Object[] search(Object root, int depth) throws Exception {
    Deque<Object[]> queue = new ArrayDeque<>();
    IdentityHashMap<Object, Boolean> seen = new IdentityHashMap<>();
    queue.add(new Object[] {root, root.getClass().getSimpleName(), 0});
    String nullCoordinator = null;
    while (!queue.isEmpty()) {
      Object[] item = queue.poll();
      Object obj = item[0];
      String path = (String) item[1];
      int level = (Integer) item[2];
      if (obj == null || seen.put(obj, true) != null) continue;
      for (Class<?> c = obj.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
        for (Field f : c.getDeclaredFields()) {
          if (java.lang.reflect.Modifier.isStatic(f.getModifiers())) continue;
          if (f.getType().isPrimitive() && !f.getName().equals("autoCommitEnabled")) continue;
          try {
            f.setAccessible(true);
          } catch (RuntimeException e) {
            continue;
          }
          Object v = f.get(obj);
          String here = path + "." + f.getName();
          if (f.getName().equals("autoCommitEnabled") && v instanceof Boolean) return new Object[] {v, here, null};
          if (f.getName().equals("autoCommitState") && v instanceof Optional) {
            return new Object[] {((Optional<?>) v).isPresent(), here + ".isPresent()", null};
          }
          if (v == null && (f.getName().equals("coordinator") || f.getName().equals("commitRequestManager"))
              && level <= 1) {
            nullCoordinator = here;
          }
          if (v == null || level >= depth) continue;
          if (v instanceof Optional) v = ((Optional<?>) v).orElse(null);
          if (v != null && v.getClass().getName().startsWith("org.apache.kafka.")) {
            queue.add(new Object[] {v, here, level + 1});
          }
        }
      }
    }
    return new Object[] {null, null, nullCoordinator};
  }

  static void runtime(Map<String, String> values, String release, String key, Object obj, String name, String where)
      throws Exception {
    if (obj == null) return;
    Field f = findField(obj.getClass(), name);
    if (f == null) return;
    values.put(key, String.valueOf(f.get(obj)));
    source(release, key, where);
  }

  static void source(String release, String key, String where) {
    SOURCES.computeIfAbsent(release + " " + key, k -> new TreeSet<>()).add(where);
  }

  static Field findField(Class<?> c, String name) {
    for (; c != null; c = c.getSuperclass()) {
      try {
        Field f = c.getDeclaredField(name);
        f.setAccessible(true);
        return f;
      } catch (NoSuchFieldException e) {
        // look in the superclass
      }
    }
    return null;
  }

  static Object field(Object obj, String name) throws Exception {
    Field f = findField(obj.getClass(), name);
    return f == null ? null : f.get(obj);
  }

  // AbstractConfig#values(): the parsed values after the config's own post-processing. A key the
  // release does not define is absent ("n/a").
  @SuppressWarnings("unchecked")
  static Map<String, String> configValues(Object config, String[] keys) throws Exception {
    Map<String, ?> parsed = (Map<String, ?>) config.getClass().getMethod("values").invoke(config);
    Map<String, String> out = new LinkedHashMap<>();
    for (String k : keys) {
      if (!parsed.containsKey(k)) continue;
      out.put(k, text(parsed.get(k)));
    }
    return out;
  }

  static String text(Object v) {
    if (v == null) return "null";
    if (v instanceof Class) return ((Class<?>) v).getName();
    if (v instanceof Collection) {
      List<String> parts = new ArrayList<>();
      for (Object o : (Collection<?>) v) parts.add(text(o));
      return String.join(",", parts);
    }
    return String.valueOf(v);
  }

  // Closes the client on a daemon thread without waiting: an idempotent 2.0 producer's close() can
  // wait forever for a producer id that no broker will send (its sender thread is a daemon too).
  // Values are read before, so a client left behind changes nothing recorded. awaitClosed() waits
  // for them all, at most 5 s, after each release.
  static final List<Thread> CLOSING = new ArrayList<>();

  static void awaitClosed() throws InterruptedException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    for (Thread t : CLOSING) {
      long left = (deadline - System.nanoTime()) / 1_000_000;
      if (left > 0) t.join(left);
      if (t.isAlive()) LEFT_OPEN[0]++;
    }
    CLOSING.clear();
  }

  static void close(Object client) throws InterruptedException {
    Thread t = new Thread(() -> {
      try {
        Method m = client.getClass().getMethod("close", Duration.class);
        m.invoke(client, Duration.ZERO);
      } catch (ReflectiveOperationException e) {
        try {
          client.getClass().getMethod("close").invoke(client);
        } catch (ReflectiveOperationException e2) {
          // nothing more to do
        }
      }
    }, "oracle-close");
    t.setDaemon(true);
    t.start();
    CLOSING.add(t);
  }

  static final int[] LEFT_OPEN = {0};

  static String ok(Map<String, String> values, String[] keys) {
    StringBuilder sb = new StringBuilder("ok\t");
    for (String k : keys) sb.append('\t').append(k).append('=').append(values.getOrDefault(k, "n/a"));
    return sb.toString();
  }

  static String refused(String stage, Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) root = root.getCause();
    String msg = stage + ": " + t.getClass().getSimpleName();
    if (root != t) msg += " (" + String.valueOf(t.getMessage()) + ") <- " + root.getClass().getSimpleName();
    msg += ": " + String.valueOf(root.getMessage());
    return "refused\t" + msg.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
  }
}
