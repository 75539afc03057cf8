#include "live/admin_client.hpp"

#include <algorithm>

#include "kafkalint/secrets.hpp"

namespace kafkalint {

namespace {

struct ConfDeleter {
  void operator()(rd_kafka_conf_t* c) const { rdk::rd_kafka_conf_destroy(c); }
};
using Conf = std::unique_ptr<rd_kafka_conf_t, ConfDeleter>;

void onError(rd_kafka_t* /*rk*/, int /*err*/, const char* reason, void* opaque) {
  auto* events = static_cast<ClientEvents*>(opaque);
  std::lock_guard lock(events->mutex);
  events->lastError = (*events->scrub)(reason != nullptr ? reason : "");
}

void onLog(const rd_kafka_t* rk, int level, const char* facility, const char* message) {
  auto* events = static_cast<ClientEvents*>(rdk::rd_kafka_opaque(rk));
  if (events == nullptr || events->log == nullptr || !*events->log) return;
  std::string line = "librdkafka " + std::to_string(level) + " " + (facility ? facility : "") + ": " +
                     (*events->scrub)(message != nullptr ? message : "");
  std::lock_guard lock(events->mutex);
  (*events->log)(line);
}

}  // namespace

SecretScrubber::SecretScrubber(const std::vector<ClientSetting>& settings) {
  for (const ClientSetting& s : settings) {
    if (isSecretKey(s.key) && s.value.size() >= 3) secrets_.push_back(s.value);
  }
  // Longest first, so that a secret containing another is replaced whole.
  std::sort(secrets_.begin(), secrets_.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
}

std::string SecretScrubber::operator()(std::string text) const {
  for (const std::string& secret : secrets_) {
    for (auto at = text.find(secret); at != std::string::npos; at = text.find(secret, at + kRedacted.size())) {
      text.replace(at, secret.size(), kRedacted);
    }
  }
  return text;
}

std::string errorText(rd_kafka_resp_err_t err, const char* message) {
  std::string out = rdk::rd_kafka_err2name(err);
  const std::string detail = message != nullptr && *message != '\0' ? message : rdk::rd_kafka_err2str(err);
  if (!detail.empty() && detail != out) out += " (" + detail + ")";
  return out;
}

AdminClient::AdminClient(const LiveOptions& options) : options_(options), scrub_(options.clientSettings) {
  events_.scrub = &scrub_;
  events_.log = &options_.log;
  rdk::load();
  Conf conf(rdk::rd_kafka_conf_new());
  set(conf.get(), "client.id", "kafkalint", "kafkalint");
  set(conf.get(), "log.connection.close", "false", "kafkalint");
  for (const ClientSetting& s : options_.clientSettings) set(conf.get(), s.key, s.value, s.origin);
  // After the user's settings: the audit must not write, nor refresh metadata on its own.
  set(conf.get(), "bootstrap.servers", options_.bootstrap, "--bootstrap");
  set(conf.get(), "enable.idempotence", "false", "kafkalint");
  set(conf.get(), "allow.auto.create.topics", "false", "kafkalint");
  set(conf.get(), "topic.metadata.refresh.interval.ms", "-1", "kafkalint");
  rdk::rd_kafka_conf_set_opaque(conf.get(), &events_);
  rdk::rd_kafka_conf_set_error_cb(conf.get(), onError);
  rdk::rd_kafka_conf_set_log_cb(conf.get(), onLog);
  char error[512];
  rd_kafka_t* rk = rdk::rd_kafka_new(RD_KAFKA_PRODUCER, conf.get(), error, sizeof error);
  if (rk == nullptr) throw InputError("--bootstrap", 0, 0, "cannot create the Kafka client: " + scrub_(error));
  static_cast<void>(conf.release());  // rdk::rd_kafka_new took it
  handle_.reset(rk);
}

void AdminClient::set(rd_kafka_conf_t* conf, const std::string& key, const std::string& value,
                      const std::string& origin) const {
  char error[512];
  if (rdk::rd_kafka_conf_set(conf, key.c_str(), value.c_str(), error, sizeof error) != RD_KAFKA_CONF_OK) {
    // librdkafka's message can quote the value: never for a secret.
    const std::string why = isSecretKey(key) ? "librdkafka does not accept the value" : scrub_(error);
    throw InputError(origin, 0, 0, "client setting " + key + ": " + why);
  }
}

std::string AdminClient::lastClientError() {
  rdk::rd_kafka_poll(handle_.get(), 0);  // error callbacks are served from the client's main queue
  std::lock_guard lock(events_.mutex);
  return events_.lastError;
}

AdminOptions AdminClient::adminOptions(rd_kafka_admin_op_t op, void* opaque) const {
  AdminOptions o(rdk::rd_kafka_AdminOptions_new(handle_.get(), op));
  char error[256];
  rdk::rd_kafka_AdminOptions_set_request_timeout(o.get(), timeoutMs(), error, sizeof error);
  rdk::rd_kafka_AdminOptions_set_opaque(o.get(), opaque);
  return o;
}

Event AdminClient::nextResult() const { return Event(rdk::rd_kafka_queue_poll(queue_.get(), timeoutMs() + 5000)); }

void AdminClient::newPhase() { queue_.reset(rdk::rd_kafka_queue_new(handle_.get())); }

}  // namespace kafkalint
