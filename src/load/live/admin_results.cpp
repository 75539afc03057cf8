#include "live/admin_results.hpp"

namespace kafkalint {

namespace {

LiveConfig::Source sourceOf(rd_kafka_ConfigSource_t source) {
  switch (source) {
    case RD_KAFKA_CONFIG_SOURCE_DYNAMIC_TOPIC_CONFIG:
      return LiveConfig::Source::TopicOverride;
    case RD_KAFKA_CONFIG_SOURCE_DYNAMIC_BROKER_CONFIG:
      return LiveConfig::Source::DynamicBroker;
    case RD_KAFKA_CONFIG_SOURCE_DYNAMIC_DEFAULT_BROKER_CONFIG:
      return LiveConfig::Source::DynamicDefaultBroker;
    case RD_KAFKA_CONFIG_SOURCE_STATIC_BROKER_CONFIG:
      return LiveConfig::Source::StaticBroker;
    case RD_KAFKA_CONFIG_SOURCE_DEFAULT_CONFIG:
      return LiveConfig::Source::Default;
    case RD_KAFKA_CONFIG_SOURCE_UNKNOWN_CONFIG:
      return LiveConfig::Source::Unknown;
    default:
      return LiveConfig::Source::Other;
  }
}

}  // namespace

std::vector<LiveConfig> readConfigs(const rd_kafka_ConfigResource_t* resource) {
  std::vector<LiveConfig> out;
  std::size_t count = 0;
  const rd_kafka_ConfigEntry_t** entries = rdk::rd_kafka_ConfigResource_configs(resource, &count);
  out.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    LiveConfig c;
    c.name = rdk::rd_kafka_ConfigEntry_name(entries[i]);
    c.sensitive = rdk::rd_kafka_ConfigEntry_is_sensitive(entries[i]) != 0;
    const char* value = rdk::rd_kafka_ConfigEntry_value(entries[i]);
    if (value != nullptr && !c.sensitive) c.value = value;
    c.source = sourceOf(rdk::rd_kafka_ConfigEntry_source(entries[i]));
    out.push_back(std::move(c));
  }
  return out;
}

std::string resourceError(const rd_kafka_ConfigResource_t* resource) {
  if (rdk::rd_kafka_ConfigResource_error(resource) == RD_KAFKA_RESP_ERR_NO_ERROR) return {};
  return errorText(rdk::rd_kafka_ConfigResource_error(resource), rdk::rd_kafka_ConfigResource_error_string(resource));
}

std::string eventError(const Event& ev) {
  if (rdk::rd_kafka_event_error(ev.get()) == RD_KAFKA_RESP_ERR_NO_ERROR) return {};
  return errorText(rdk::rd_kafka_event_error(ev.get()), rdk::rd_kafka_event_error_string(ev.get()));
}

std::span<const rd_kafka_ConfigResource_t*> describedResources(const Event& ev) {
  std::size_t count = 0;
  const rd_kafka_ConfigResource_t** resources =
      rdk::rd_kafka_DescribeConfigs_result_resources(rdk::rd_kafka_event_DescribeConfigs_result(ev.get()), &count);
  return {resources, count};
}

std::string seconds(std::chrono::milliseconds ms) {
  const auto tenths = ms.count() / 100;
  std::string out = std::to_string(tenths / 10);
  if (tenths % 10 != 0) out.append(".").append(std::to_string(tenths % 10));
  out += " s";
  return out;
}

}  // namespace kafkalint
