/* Asks a real librdkafka what it does with a configuration.
 *
 * Usage: rdk_oracle CELLS OUT LABEL LIBRARY
 *   CELLS:   "role<TAB>id<TAB>key=value<TAB>..." (role: producer or consumer)
 *   OUT:     first "#version<TAB>VERSION", then
 *            "label<TAB>role<TAB>id<TAB>outcome<TAB>error<TAB>key=value<TAB>..."
 *   LIBRARY: the librdkafka shared object to load (dlopen), so that one build of this program asks
 *            Debian's librdkafka.so.1 and the one bundled by a confluent-kafka wheel alike.
 *
 * For every cell: rd_kafka_conf_set() of each setting (a failure is recorded with its error text),
 * then rd_kafka_new() with a bootstrap address nobody listens on (a failure is recorded with its
 * error string), then rd_kafka_conf_get() on the instance's own configuration (rd_kafka_conf(),
 * after librdkafka's finalisation: caps, values derived from other settings) for each recorded key,
 * and, for topic-level properties, on its default topic configuration (rd_kafka_default_topic_conf_dup()),
 * asked by the Java name (librdkafka resolves its aliases; "n/a": no such property), and the
 * instance is destroyed at once. Only the header of librdkafka-dev is used, for the types.
 */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <librdkafka/rdkafka.h>

static const char *producer_keys[] = {"acks", "enable.idempotence", "retries", "max.in.flight.requests.per.connection",
                                      "transactional.id", "delivery.timeout.ms", "linger.ms", "request.timeout.ms",
                                      "socket.timeout.ms", "transaction.timeout.ms", NULL};
static const char *consumer_keys[] = {"group.id", "enable.auto.commit", "enable.auto.offset.store",
                                      "auto.offset.reset", "isolation.level", "session.timeout.ms",
                                      "heartbeat.interval.ms", "max.poll.interval.ms", "group.protocol", NULL};

static const char *(*p_version_str)(void);
static rd_kafka_conf_t *(*p_conf_new)(void);
static void (*p_conf_destroy)(rd_kafka_conf_t *);
static rd_kafka_conf_res_t (*p_conf_set)(rd_kafka_conf_t *, const char *, const char *, char *, size_t);
static void (*p_conf_set_log_cb)(rd_kafka_conf_t *, void (*)(const rd_kafka_t *, int, const char *, const char *));
static rd_kafka_t *(*p_new)(rd_kafka_type_t, rd_kafka_conf_t *, char *, size_t);
static const rd_kafka_conf_t *(*p_conf)(rd_kafka_t *);
static rd_kafka_conf_res_t (*p_conf_get)(const rd_kafka_conf_t *, const char *, char *, size_t *);
static void (*p_destroy_flags)(rd_kafka_t *, int);
static rd_kafka_topic_conf_t *(*p_default_topic_conf_dup)(rd_kafka_t *);
static rd_kafka_conf_res_t (*p_topic_conf_get)(const rd_kafka_topic_conf_t *, const char *, char *, size_t *);
static void (*p_topic_conf_destroy)(rd_kafka_topic_conf_t *);

static void *need(void *lib, const char *name) {
  void *f = dlsym(lib, name);
  if (!f) {
    fprintf(stderr, "rdk_oracle: %s not found: %s\n", name, dlerror());
    exit(2);
  }
  return f;
}

static void quiet(const rd_kafka_t *rk, int level, const char *fac, const char *buf) {
  (void)rk, (void)level, (void)fac, (void)buf;
}

/* Tabs and newlines would break the table. */
static void clean(char *s) {
  for (; *s; s++)
    if (*s == '\t' || *s == '\n' || *s == '\r') *s = ' ';
}

int main(int argc, char **argv) {
  if (argc != 5) {
    fprintf(stderr, "usage: rdk_oracle CELLS OUT LABEL LIBRARY\n");
    return 2;
  }
  void *lib = dlopen(argv[4], RTLD_NOW | RTLD_LOCAL);
  if (!lib) {
    fprintf(stderr, "rdk_oracle: %s\n", dlerror());
    return 2;
  }
  p_version_str = (const char *(*)(void))need(lib, "rd_kafka_version_str");
  p_conf_new = (rd_kafka_conf_t * (*)(void)) need(lib, "rd_kafka_conf_new");
  p_conf_destroy = (void (*)(rd_kafka_conf_t *))need(lib, "rd_kafka_conf_destroy");
  p_conf_set = (rd_kafka_conf_res_t(*)(rd_kafka_conf_t *, const char *, const char *, char *, size_t))need(
      lib, "rd_kafka_conf_set");
  p_conf_set_log_cb = (void (*)(rd_kafka_conf_t *, void (*)(const rd_kafka_t *, int, const char *, const char *)))need(
      lib, "rd_kafka_conf_set_log_cb");
  p_new = (rd_kafka_t * (*)(rd_kafka_type_t, rd_kafka_conf_t *, char *, size_t)) need(lib, "rd_kafka_new");
  p_conf = (const rd_kafka_conf_t *(*)(rd_kafka_t *))need(lib, "rd_kafka_conf");
  p_conf_get = (rd_kafka_conf_res_t(*)(const rd_kafka_conf_t *, const char *, char *, size_t *))need(
      lib, "rd_kafka_conf_get");
  p_destroy_flags = (void (*)(rd_kafka_t *, int))need(lib, "rd_kafka_destroy_flags");
  p_default_topic_conf_dup = (rd_kafka_topic_conf_t * (*)(rd_kafka_t *)) need(lib, "rd_kafka_default_topic_conf_dup");
  p_topic_conf_get = (rd_kafka_conf_res_t(*)(const rd_kafka_topic_conf_t *, const char *, char *, size_t *))need(
      lib, "rd_kafka_topic_conf_get");
  p_topic_conf_destroy = (void (*)(rd_kafka_topic_conf_t *))need(lib, "rd_kafka_topic_conf_destroy");

  FILE *in = fopen(argv[1], "r");
  FILE *out = fopen(argv[2], "w");
  if (!in || !out) {
    perror("rdk_oracle");
    return 2;
  }
  fprintf(out, "#version\t%s\n", p_version_str());
  char line[8192];
  int cells = 0;
  while (fgets(line, sizeof line, in)) {
    line[strcspn(line, "\n")] = 0;
    if (!line[0]) continue;
    char *save = NULL;
    char *role = strtok_r(line, "\t", &save);
    char *id = strtok_r(NULL, "\t", &save);
    int producer = strcmp(role, "producer") == 0;
    char errstr[512] = "";
    char error[1024] = "";
    rd_kafka_conf_t *conf = p_conf_new();
    p_conf_set_log_cb(conf, quiet);
    p_conf_set(conf, "bootstrap.servers", "127.0.0.1:9", errstr, sizeof errstr);
    for (char *kv; (kv = strtok_r(NULL, "\t", &save));) {
      char *eq = strchr(kv, '=');
      *eq = 0;
      if (p_conf_set(conf, kv, eq + 1, errstr, sizeof errstr) != RD_KAFKA_CONF_OK) {
        snprintf(error, sizeof error, "rd_kafka_conf_set(%s=%s): %s", kv, eq + 1, errstr);
        break;
      }
    }
    rd_kafka_t *rk = NULL;
    if (!error[0]) {
      rk = p_new(producer ? RD_KAFKA_PRODUCER : RD_KAFKA_CONSUMER, conf, errstr, sizeof errstr);
      if (!rk) snprintf(error, sizeof error, "rd_kafka_new: %s", errstr);
    }
    clean(error);
    fprintf(out, "%s\t%s\t%s\t%s\t%s", argv[3], role, id, error[0] ? "refused" : "ok", error);
    if (rk) {
      const rd_kafka_conf_t *effective = p_conf(rk);
      /* Topic-level properties (acks, message.timeout.ms, auto.offset.reset...) live in the
       * instance's default topic configuration. */
      rd_kafka_topic_conf_t *topic = p_default_topic_conf_dup(rk);
      for (const char **k = producer ? producer_keys : consumer_keys; *k; k++) {
        char value[1024];
        size_t size = sizeof value;
        /* UNKNOWN: no such property ("n/a"); INVALID: a property without a value ("null"). */
        rd_kafka_conf_res_t res = p_conf_get(effective, *k, value, &size);
        if (res == RD_KAFKA_CONF_UNKNOWN) {
          size = sizeof value;
          res = p_topic_conf_get(topic, *k, value, &size);
        }
        if (res == RD_KAFKA_CONF_UNKNOWN) strcpy(value, "n/a");
        if (res == RD_KAFKA_CONF_INVALID) strcpy(value, "null");
        clean(value);
        fprintf(out, "\t%s=%s", *k, value);
      }
      p_topic_conf_destroy(topic);
      p_destroy_flags(rk, RD_KAFKA_DESTROY_F_NO_CONSUMER_CLOSE);
    } else {
      p_conf_destroy(conf);
    }
    fputc('\n', out);
    cells++;
  }
  fclose(in);
  fclose(out);
  fprintf(stderr, "[oracles] librdkafka %s (%s): %d cells\n", p_version_str(), argv[3], cells);
  return 0;
}
