// Asks real Spring Boot and Spring Kafka what they make of spring.kafka.* properties.
//
// Usage: java -cp CLASSES:SPRING_CLASSPATH SpringOracle CELLS OUT RELEASE
//   CELLS: "role<TAB>id<TAB>spring.kafka.some-property=value<TAB>..." (as application.yml sets them)
//   OUT:   "release<TAB>role<TAB>id<TAB>outcome<TAB>error<TAB>key=value<TAB>..."
//
// For each cell: Spring Boot's Binder binds the properties to KafkaProperties (relaxed binding, as
// for application.yml); buildProducerProperties()/buildConsumerProperties() give the client map
// ("boot.KEY" columns; "absent" when Boot does not write the key). Then the path Spring Boot's
// auto-configuration takes:
//   producer: a DefaultKafkaProducerFactory of that map (with the transaction-id prefix when set)
//     creates its producer; the configs it hands to KafkaProducer are captured, and the real
//     KafkaProducer is built from them (ClientOracle#producerWith) and closed;
//   consumer: a KafkaMessageListenerContainer over a DefaultKafkaConsumerFactory of that map is
//     started; the configs the container makes the factory hand to KafkaConsumer are captured (this
//     is where the container sets enable.auto.commit), the real KafkaConsumer is built from them
//     (ClientOracle#consumerWith) and closed, and the container's default AckMode is recorded.
// The key columns are the effective values of the real client, as in the Java table.
import java.io.BufferedReader;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;

public final class SpringOracle {
  static final String[] PRODUCER_KEYS = ClientOracle.PRODUCER_KEYS;
  static final String[] CONSUMER_KEYS = {"group.id", "enable.auto.commit", "isolation.level", "auto.offset.reset",
      "session.timeout.ms", "max.poll.interval.ms"};

  // Thrown from the factories once the client configs are captured: nothing is created by Spring.
  static final class Captured extends RuntimeException {
    Captured() {
      super("captured", null, false, false);
    }
  }

  public static void main(String[] args) throws Exception {
    String release = args[2];
    try (BufferedReader r = Files.newBufferedReader(Paths.get(args[0]), StandardCharsets.UTF_8);
         PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(args[1]), StandardCharsets.UTF_8))) {
      long start = System.nanoTime();
      int n = 0;
      for (String line; (line = r.readLine()) != null;) {
        if (line.isEmpty()) continue;
        String[] cell = line.split("\t", -1);
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("spring.kafka.bootstrap-servers", ClientOracle.BOOTSTRAP);
        for (int k = 2; k < cell.length; k++) {
          int e = cell[k].indexOf('=');
          source.put(cell[k].substring(0, e), cell[k].substring(e + 1));
        }
        String result = run(release, cell[0], source);
        out.println(release + "\t" + cell[0] + "\t" + cell[1] + "\t" + result);
        n++;
      }
      System.err.printf("[oracles] Spring %s: %d cells in %.1f s%n", release, n, (System.nanoTime() - start) / 1e9);
    }
  }

  static Class<?> kafkaPropertiesClass() throws ClassNotFoundException {
    try {
      return Class.forName("org.springframework.boot.autoconfigure.kafka.KafkaProperties");
    } catch (ClassNotFoundException e) {
      return Class.forName("org.springframework.boot.kafka.autoconfigure.KafkaProperties");  // Boot 4
    }
  }

  // buildXProperties() (Boot 2.x, 3.0, 3.1) or buildXProperties(SslBundles) (Boot 3.2+), without bundles.
  @SuppressWarnings("unchecked")
  static Map<String, Object> build(Object properties, String name) throws Exception {
    for (Method m : properties.getClass().getMethods()) {
      if (!m.getName().equals(name)) continue;
      if (m.getParameterCount() == 0) return (Map<String, Object>) m.invoke(properties);
    }
    for (Method m : properties.getClass().getMethods()) {
      if (m.getName().equals(name) && m.getParameterCount() == 1) {
        return (Map<String, Object>) m.invoke(properties, new Object[] {null});
      }
    }
    throw new NoSuchMethodException(name);
  }

  static String bootColumns(Map<String, Object> built, String[] keys) {
    StringBuilder sb = new StringBuilder();
    for (String k : keys) {
      sb.append("\tboot.").append(k).append('=').append(built.containsKey(k) ? ClientOracle.text(built.get(k)) : "absent");
    }
    return sb.toString();
  }

  static boolean captured(Throwable t) {
    for (; t != null; t = t.getCause()) {
      if (t instanceof Captured) return true;
    }
    return false;
  }

  static String run(String release, String role, Map<String, Object> source) throws Exception {
    ClassLoader loader = SpringOracle.class.getClassLoader();
    Class<?> type = kafkaPropertiesClass();
    Object properties;
    Map<String, Object> built;
    try {
      Binder binder = new Binder(new MapConfigurationPropertySource(source));
      @SuppressWarnings("unchecked")
      Class<Object> objectType = (Class<Object>) type;
      Object bound = binder.bind("spring.kafka", Bindable.of(objectType)).orElse(null);
      properties = bound != null ? bound : type.getConstructor().newInstance();
      built = build(properties, role.equals("producer") ? "buildProducerProperties" : "buildConsumerProperties");
    } catch (InvocationTargetException e) {
      return ClientOracle.refused("KafkaProperties", e.getCause());
    } catch (RuntimeException e) {
      return ClientOracle.refused("Binder", e);
    }
    Map<String, Object> configs = new LinkedHashMap<>();
    if (role.equals("producer")) {
      Object producer = properties.getClass().getMethod("getProducer").invoke(properties);
      String prefix = (String) producer.getClass().getMethod("getTransactionIdPrefix").invoke(producer);
      DefaultKafkaProducerFactory<Object, Object> factory = new DefaultKafkaProducerFactory<Object, Object>(built) {
        @Override
        protected Producer<Object, Object> createRawProducer(Map<String, Object> rawConfigs) {
          configs.putAll(rawConfigs);
          throw new Captured();
        }
      };
      if (prefix != null) factory.setTransactionIdPrefix(prefix);
      try {
        factory.createProducer();
      } catch (RuntimeException e) {
        if (!captured(e)) return ClientOracle.refused("DefaultKafkaProducerFactory", e) + bootColumns(built, PRODUCER_KEYS);
      }
      return ClientOracle.producerWith(loader, release, configs) + bootColumns(built, PRODUCER_KEYS);
    }
    DefaultKafkaConsumerFactory<Object, Object> factory = new DefaultKafkaConsumerFactory<Object, Object>(built) {
      @Override
      protected Consumer<Object, Object> createRawConsumer(Map<String, Object> rawConfigs) {
        configs.putAll(rawConfigs);
        throw new Captured();
      }
    };
    ContainerProperties container = new ContainerProperties("oracle-topic");
    container.setMessageListener((MessageListener<Object, Object>) record -> { });
    String ackMode = "container.ackMode=" + container.getAckMode();
    KafkaMessageListenerContainer<Object, Object> listener = new KafkaMessageListenerContainer<>(factory, container);
    try {
      listener.start();
    } catch (RuntimeException e) {
      if (!captured(e)) {
        return ClientOracle.refused("KafkaMessageListenerContainer", e) + bootColumns(built, CONSUMER_KEYS) + "\t" + ackMode;
      }
    }
    if (configs.isEmpty()) return "refused\tKafkaMessageListenerContainer: created no consumer" + bootColumns(built, CONSUMER_KEYS);
    String result = ClientOracle.consumerWith(loader, release, configs);
    // Only the keys this table records, in its order (consumerWith writes the Java table's keys).
    Map<String, String> values = new LinkedHashMap<>();
    String[] parts = result.split("\t", -1);
    if (!parts[0].equals("ok")) return result + bootColumns(built, CONSUMER_KEYS) + "\t" + ackMode;
    for (int i = 2; i < parts.length; i++) {
      int e = parts[i].indexOf('=');
      values.put(parts[i].substring(0, e), parts[i].substring(e + 1));
    }
    StringBuilder sb = new StringBuilder("ok\t");
    for (String k : CONSUMER_KEYS) sb.append('\t').append(k).append('=').append(values.getOrDefault(k, "n/a"));
    return sb + bootColumns(built, CONSUMER_KEYS) + "\t" + ackMode;
  }
}
