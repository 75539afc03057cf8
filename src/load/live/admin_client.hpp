// The connection kafkalint audits a cluster through: a librdkafka producer that never produces
// (idempotence off, topic auto-creation off, no periodic metadata refresh), used for its admin API.
// It owns the client's handle and the queue admin results arrive on, and keeps every secret the
// user gave out of the text that comes back from librdkafka.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "kafkalint/live.hpp"
#include "live/rdkafka_api.hpp"

namespace kafkalint {

struct HandleDeleter {
  void operator()(rd_kafka_t* rk) const { rdk::rd_kafka_destroy(rk); }
};
struct QueueDeleter {
  void operator()(rd_kafka_queue_t* q) const { rdk::rd_kafka_queue_destroy(q); }
};
struct EventDeleter {
  void operator()(rd_kafka_event_t* e) const { rdk::rd_kafka_event_destroy(e); }
};
struct OptionsDeleter {
  void operator()(rd_kafka_AdminOptions_t* o) const { rdk::rd_kafka_AdminOptions_destroy(o); }
};
using Event = std::unique_ptr<rd_kafka_event_t, EventDeleter>;
using AdminOptions = std::unique_ptr<rd_kafka_AdminOptions_t, OptionsDeleter>;

// Replaces every secret the user gave with [REDACTED] in text that came from librdkafka (its
// errors and logs can quote configuration).
class SecretScrubber {
 public:
  explicit SecretScrubber(const std::vector<ClientSetting>& settings);
  [[nodiscard]] std::string operator()(std::string text) const;

 private:
  std::vector<std::string> secrets_;  // longest first
};

// "UNKNOWN_TOPIC_OR_PART (Broker: Unknown topic or partition)": librdkafka's name of an error and
// what it says about it.
std::string errorText(rd_kafka_resp_err_t err, const char* message);

// "Connect to ipv4#127.0.0.1:9 failed": what librdkafka's callbacks report, read by the audit thread.
struct ClientEvents {
  const SecretScrubber* scrub = nullptr;
  const std::function<void(std::string_view)>* log = nullptr;
  std::mutex mutex;
  std::string lastError;
};

class AdminClient {
 public:
  // Connects with the user's settings, then kafkalint's own; throws InputError for a setting
  // librdkafka refuses.
  explicit AdminClient(const LiveOptions& options);

  [[nodiscard]] rd_kafka_t* handle() const { return handle_.get(); }
  [[nodiscard]] rd_kafka_queue_t* queue() const { return queue_.get(); }
  [[nodiscard]] int timeoutMs() const { return static_cast<int>(options_.timeout.count()); }
  [[nodiscard]] const SecretScrubber& scrub() const { return scrub_; }

  // The last error librdkafka's error callback reported ("" when none).
  std::string lastClientError();
  // Options for one admin request; `opaque` comes back with its result.
  AdminOptions adminOptions(rd_kafka_admin_op_t op, void* opaque) const;
  // Waits for one admin result; null when none came in time (librdkafka times requests out
  // itself, so this is a safety net against a hang).
  Event nextResult() const;
  // Each phase gets its own result queue: an answer to a request given up on (no result in time)
  // lands in the old queue and can never be taken for an answer of the next phase.
  void newPhase();

 private:
  void set(rd_kafka_conf_t* conf, const std::string& key, const std::string& value, const std::string& origin) const;

  const LiveOptions& options_;
  SecretScrubber scrub_;
  ClientEvents events_;
  std::unique_ptr<rd_kafka_t, HandleDeleter> handle_;
  std::unique_ptr<rd_kafka_queue_t, QueueDeleter>
      queue_;  // after the client: destroyed before it, as librdkafka requires
};

}  // namespace kafkalint
