// Sarama (IBM/sarama, the Go client): the fields of sarama.Config as written in YAML/TOML configs,
// their Go spellings (WaitForAll, OffsetOldest, ReadCommitted, durations such as "10s") and the
// defaults of sarama.NewConfig(). Facts: ../shared/kafka/facts.md section 3 (the defaults are the
// same from v1.27 to v1.60). Sarama derives nothing: a config that contradicts itself (Idempotent
// without WaitForAll or with Net.MaxOpenRequests > 1) fails Config.Validate() at start-up.
#include <cctype>
#include <charconv>

#include "dialects.hpp"
#include "kafkalint/text.hpp"

namespace kafkalint {

namespace {

enum class FieldType { Acks, Int, Bool, Text, Duration, Offset, Isolation };

struct Field {
  std::string_view path;
  FieldType type;
  char scope;                    // 'p' producer, 'c' consumer, 's' both
  std::string_view ruleKey;      // the Java key it answers, or ""
  std::string_view defaultText;  // as sarama.NewConfig() sets it ("" = zero value / unset)
};

constexpr Field kFields[] = {
    {"Producer.RequiredAcks", FieldType::Acks, 'p', "acks", "WaitForLocal"},
    {"Producer.Retry.Max", FieldType::Int, 'p', "retries", "3"},
    {"Producer.Retry.Backoff", FieldType::Duration, 'p', "retry.backoff.ms", "100ms"},
    {"Producer.Idempotent", FieldType::Bool, 'p', "enable.idempotence", "false"},
    {"Producer.Transaction.ID", FieldType::Text, 'p', "transactional.id", ""},
    {"Producer.Transaction.Timeout", FieldType::Duration, 'p', "transaction.timeout.ms", "1m"},
    {"Producer.Transaction.Retry.Max", FieldType::Int, 'p', "", "50"},
    {"Producer.Transaction.Retry.Backoff", FieldType::Duration, 'p', "", "100ms"},
    {"Producer.Timeout", FieldType::Duration, 'p', "", "10s"},
    {"Producer.MaxMessageBytes", FieldType::Int, 'p', "", "1000000"},
    {"Producer.Compression", FieldType::Text, 'p', "", "none"},
    {"Producer.CompressionLevel", FieldType::Int, 'p', "", ""},
    {"Producer.Partitioner", FieldType::Text, 'p', "", ""},
    {"Producer.Return.Successes", FieldType::Bool, 'p', "", "false"},
    {"Producer.Return.Errors", FieldType::Bool, 'p', "", "true"},
    {"Producer.Flush.Bytes", FieldType::Int, 'p', "", "0"},
    {"Producer.Flush.Messages", FieldType::Int, 'p', "", "0"},
    {"Producer.Flush.Frequency", FieldType::Duration, 'p', "", "0"},
    {"Producer.Flush.MaxMessages", FieldType::Int, 'p', "", "0"},
    {"Consumer.Offsets.AutoCommit.Enable", FieldType::Bool, 'c', "enable.auto.commit", "true"},
    {"Consumer.Offsets.AutoCommit.Interval", FieldType::Duration, 'c', "auto.commit.interval.ms", "1s"},
    {"Consumer.Offsets.Initial", FieldType::Offset, 'c', "auto.offset.reset", "OffsetNewest"},
    {"Consumer.Offsets.Retention", FieldType::Duration, 'c', "", "0"},
    {"Consumer.Offsets.Retry.Max", FieldType::Int, 'c', "", "3"},
    {"Consumer.IsolationLevel", FieldType::Isolation, 'c', "isolation.level", "ReadUncommitted"},
    {"Consumer.Group.Session.Timeout", FieldType::Duration, 'c', "session.timeout.ms", "10s"},
    {"Consumer.Group.Heartbeat.Interval", FieldType::Duration, 'c', "heartbeat.interval.ms", "3s"},
    {"Consumer.Group.Rebalance.Timeout", FieldType::Duration, 'c', "", "60s"},
    {"Consumer.Group.Rebalance.Strategy", FieldType::Text, 'c', "", ""},
    {"Consumer.Group.Rebalance.GroupStrategies", FieldType::Text, 'c', "", ""},
    {"Consumer.Group.Rebalance.Retry.Max", FieldType::Int, 'c', "", "4"},
    {"Consumer.Group.Rebalance.Retry.Backoff", FieldType::Duration, 'c', "", "2s"},
    {"Consumer.Group.InstanceId", FieldType::Text, 'c', "group.instance.id", ""},
    {"Consumer.Group.ResetInvalidOffsets", FieldType::Bool, 'c', "", "true"},
    {"Consumer.Retry.Backoff", FieldType::Duration, 'c', "", "2s"},
    {"Consumer.Fetch.Min", FieldType::Int, 'c', "fetch.min.bytes", "1"},
    {"Consumer.Fetch.Default", FieldType::Int, 'c', "", "1048576"},
    {"Consumer.Fetch.Max", FieldType::Int, 'c', "", "0"},
    {"Consumer.MaxWaitTime", FieldType::Duration, 'c', "fetch.max.wait.ms", "500ms"},
    {"Consumer.MaxProcessingTime", FieldType::Duration, 'c', "", "100ms"},
    {"Consumer.Return.Errors", FieldType::Bool, 'c', "", "false"},
    {"Net.MaxOpenRequests", FieldType::Int, 's', "max.in.flight.requests.per.connection", "5"},
    {"Net.DialTimeout", FieldType::Duration, 's', "", "30s"},
    {"Net.ReadTimeout", FieldType::Duration, 's', "", "30s"},
    {"Net.WriteTimeout", FieldType::Duration, 's', "", "30s"},
    {"Net.KeepAlive", FieldType::Duration, 's', "", "0"},
    {"Net.TLS.Enable", FieldType::Bool, 's', "", "false"},
    {"Net.SASL.Enable", FieldType::Bool, 's', "", "false"},
    {"Net.SASL.Mechanism", FieldType::Text, 's', "", ""},
    {"Net.SASL.User", FieldType::Text, 's', "", ""},
    {"Net.SASL.Password", FieldType::Text, 's', "", ""},
    {"Net.SASL.Handshake", FieldType::Bool, 's', "", "true"},
    {"Metadata.Retry.Max", FieldType::Int, 's', "", "3"},
    {"Metadata.Retry.Backoff", FieldType::Duration, 's', "", "250ms"},
    {"Metadata.RefreshFrequency", FieldType::Duration, 's', "", "10m"},
    {"Metadata.Full", FieldType::Bool, 's', "", "true"},
    {"Metadata.AllowAutoTopicCreation", FieldType::Bool, 's', "", "true"},
    {"ClientID", FieldType::Text, 's', "client.id", "sarama"},
    {"RackID", FieldType::Text, 's', "client.rack", ""},
    {"ChannelBufferSize", FieldType::Int, 's', "", "256"},
    {"ApiVersionsRequest", FieldType::Bool, 's', "", "true"},
    {"Version", FieldType::Text, 's', "", ""},
};

std::string_view goName(std::string_view text) {
  text = trimView(text);
  if (startsWith(text, "sarama.")) text.remove_prefix(7);
  return text;
}

std::optional<std::int64_t> parseInt(std::string_view text) {
  text = trimView(text);
  std::int64_t n = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return n;
}

// A Go duration ("1m30s", "500ms", "10s") in milliseconds; a bare integer is nanoseconds, as
// time.Duration unmarshals it.
std::optional<std::int64_t> parseDurationMs(std::string_view text) {
  text = trimView(text);
  if (auto n = parseInt(text)) return *n / 1'000'000;
  double totalMs = 0;
  std::size_t i = 0;
  if (text.empty()) return std::nullopt;
  while (i < text.size()) {
    std::size_t start = i;
    while (i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.')) ++i;
    if (start == i) return std::nullopt;
    const double number = std::stod(std::string(text.substr(start, i - start)));
    std::size_t unitStart = i;
    while (i < text.size() && std::isalpha(static_cast<unsigned char>(text[i]))) ++i;
    const std::string_view unit = text.substr(unitStart, i - unitStart);
    if (unit == "h") {
      totalMs += number * 3'600'000;
    } else if (unit == "m") {
      totalMs += number * 60'000;
    } else if (unit == "s") {
      totalMs += number * 1000;
    } else if (unit == "ms") {
      totalMs += number;
    } else if (unit == "us" || unit == "µs") {
      totalMs += number / 1000;
    } else if (unit == "ns") {
      totalMs += number / 1'000'000;
    } else {
      return std::nullopt;
    }
  }
  return static_cast<std::int64_t>(totalMs);
}

// A Sarama value in Kafka's vocabulary, typed like the Java key it answers.
Value typed(const Field& f, std::string_view raw) {
  const std::string_view text = goName(raw);
  switch (f.type) {
    case FieldType::Acks:
      if (text == "WaitForAll" || text == "-1") return Value("all");
      if (text == "WaitForLocal" || text == "1") return Value("1");
      if (text == "NoResponse" || text == "0") return Value("0");
      return Value::unknown("not a RequiredAcks value");
    case FieldType::Offset:
      if (text == "OffsetOldest" || text == "-2") return Value("earliest");
      if (text == "OffsetNewest" || text == "-1") return Value("latest");
      return Value::unknown("not an Offsets.Initial value");
    case FieldType::Isolation:
      if (text == "ReadUncommitted" || text == "0") return Value("read_uncommitted");
      if (text == "ReadCommitted" || text == "1") return Value("read_committed");
      return Value::unknown("not an IsolationLevel value");
    case FieldType::Bool:
      if (text == "true") return Value(true);
      if (text == "false") return Value(false);
      return Value::unknown("not a boolean");
    case FieldType::Int: {
      auto n = parseInt(text);
      return n ? Value(*n) : Value::unknown("not an integer");
    }
    case FieldType::Duration: {
      auto ms = parseDurationMs(text);
      return ms ? Value(*ms) : Value::unknown("not a Go duration");
    }
    case FieldType::Text:
      return Value(std::string(trimView(raw)));
  }
  return Value(std::string(raw));
}

const char* expected(FieldType type) {
  switch (type) {
    case FieldType::Acks:
      return "NoResponse, WaitForLocal or WaitForAll (0, 1 or -1)";
    case FieldType::Offset:
      return "OffsetOldest or OffsetNewest (-2 or -1)";
    case FieldType::Isolation:
      return "ReadUncommitted or ReadCommitted (0 or 1)";
    case FieldType::Bool:
      return "true or false";
    case FieldType::Int:
      return "an integer";
    case FieldType::Duration:
      return "a Go duration such as 10s or 500ms";
    case FieldType::Text:
      break;
  }
  return "a value";
}

std::vector<std::string> fieldsFor(EntityKind kind) {
  std::vector<std::string> out;
  const char mine = kind == EntityKind::Producer ? 'p' : 'c';
  for (const Field& f : kFields) {
    if (f.scope == mine || f.scope == 's') out.emplace_back(f.path);
  }
  return out;
}

class SaramaDialect final : public Dialect {
 public:
  explicit SaramaDialect(EntityKind kind) : kind_(kind), suggester_(fieldsFor(kind)) {}

  [[nodiscard]] std::string_view id() const override { return "sarama"; }
  [[nodiscard]] std::string label() const override {
    return kind_ == EntityKind::Producer ? "Sarama producer" : "Sarama consumer";
  }

  [[nodiscard]] KeyLookup lookup(std::string_view key) const override {
    KeyLookup out;
    if (const Field* f = field(key)) {
      if (applies(*f)) {
        out.status = KeyLookup::Status::Known;
        out.canonical = std::string(f->path);
      } else {
        out.status = KeyLookup::Status::OtherScope;
        out.note = kind_ == EntityKind::Producer ? "it is a Sarama consumer field" : "it is a Sarama producer field";
      }
    }
    return out;
  }

  [[nodiscard]] std::optional<KeySuggester::Suggestion> suggest(std::string_view key) const override {
    return suggester_.closest(key);
  }

  [[nodiscard]] std::optional<std::string> nameFor(std::string_view ruleKey) const override {
    for (const Field& f : kFields) {
      if (f.ruleKey == ruleKey && applies(f)) return std::string(f.path);
    }
    return std::nullopt;
  }

  [[nodiscard]] std::optional<std::string> validate(const std::string& canonical,
                                                    std::string_view text) const override {
    const Field* f = field(canonical);
    if (f == nullptr || f->type == FieldType::Text) return std::nullopt;
    if (typed(*f, text).isUnknown()) return std::string("expected ") + expected(f->type);
    return std::nullopt;
  }

  [[nodiscard]] EffectiveValue resolve(std::string_view ruleKey, EntityView& view) const override {
    auto name = nameFor(ruleKey);
    if (!name) return absentValue(ruleKey, label() + " has no " + std::string(ruleKey) + " setting");
    const Field& f = *field(*name);
    if (const Setting* s = view.written(*name)) {
      return writtenValue(ruleKey, *s, [&f](std::string_view text) { return typed(f, text); });
    }
    if (f.defaultText.empty()) {
      return defaultValue(ruleKey, *name, "", Value::null(), ProvenanceKind::ClientDefault,
                          "not set (no default in Sarama)");
    }
    std::string detail = "Sarama default " + std::string(shortName(f.path)) + " is " + std::string(f.defaultText);
    if (ruleKey == "acks") detail += " (acks=1)";
    if (ruleKey == "auto.offset.reset") detail += " (latest)";
    if (ruleKey == "enable.auto.commit") detail += " (it commits the offsets the application marked)";
    return defaultValue(ruleKey, *name, std::string(f.defaultText), typed(f, f.defaultText),
                        ProvenanceKind::ClientDefault, std::move(detail));
  }

 private:
  static const Field* field(std::string_view path) {
    for (const Field& f : kFields) {
      if (f.path == path) return &f;
    }
    return nullptr;
  }
  // "RequiredAcks" for Producer.RequiredAcks: the name Sarama's documentation uses.
  static std::string_view shortName(std::string_view path) {
    if (startsWith(path, "Producer.")) return path.substr(9);
    return path;
  }
  [[nodiscard]] bool applies(const Field& f) const {
    return f.scope == 's' || f.scope == (kind_ == EntityKind::Producer ? 'p' : 'c');
  }

  EntityKind kind_;
  KeySuggester suggester_;
};

}  // namespace

std::unique_ptr<Dialect> makeSaramaDialect(EntityKind kind, const KafkaVersion& /*version*/) {
  return std::make_unique<SaramaDialect>(kind);
}

}  // namespace kafkalint
