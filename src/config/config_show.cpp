// `kafkalint config show`: the effective tool configuration and where each value came from.
#include <nlohmann/json.hpp>

#include "kafkalint/config.hpp"

namespace kafkalint {

namespace {

using Json = nlohmann::ordered_json;

std::string listText(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + Json(items[i]).dump();
  return out + "]";
}

std::string valueText(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::String:
      return Json(v.asString()).dump();
    case Value::Kind::List: {
      std::string out = "[";
      for (std::size_t i = 0; i < v.asList().size(); ++i) out += (i ? ", " : "") + valueText(v.asList()[i]);
      return out + "]";
    }
    default:
      return v.str();
  }
}

Json valueJson(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::Bool:
      return v.asBool();
    case Value::Kind::Int:
      return v.asInt();
    case Value::Kind::Double:
      return v.asDouble();
    case Value::Kind::String:
      return v.asString();
    case Value::Kind::List: {
      Json a = Json::array();
      for (const Value& item : v.asList()) a.push_back(valueJson(item));
      return a;
    }
    default:
      return nullptr;
  }
}

}  // namespace

void writeToolConfig(std::ostream& out, const ToolConfig& c, const RuleSet& rules, bool json) {
  std::vector<std::string> off;
  for (const RuleInfo* r : rules.rules()) {
    if (!r->enabled) off.push_back(r->id);
  }
  if (json) {
    auto setting = [](Json value, const ConfigOrigin& origin) {
      return Json{{"value", std::move(value)}, {"origin", origin.str()}};
    };
    Json j;
    j["file"] = c.path.empty() ? Json(nullptr) : Json(c.path);
    j["profile"] = c.profile.empty() ? Json(nullptr) : Json(c.profile);
    j["profiles"] = c.profiles;
    j["kafka-version"] =
        setting(c.kafkaVersion.value.empty() ? Json(nullptr) : Json(c.kafkaVersion.value), c.kafkaVersion.origin);
    j["client-version"] =
        setting(c.clientVersion.value.empty() ? Json(nullptr) : Json(c.clientVersion.value), c.clientVersion.origin);
    j["fail-on"] = setting(c.failOn.value, c.failOn.origin);
    j["min-severity"] = setting(c.minSeverity.value, c.minSeverity.origin);
    j["rule-dirs"] = setting(c.ruleDirs.value, c.ruleDirs.origin);
    j["select"] = setting(c.select.value, c.select.origin);
    j["ignore"] = setting(c.ignore.value, c.ignore.origin);
    j["exclude"] = setting(c.exclude.value, c.exclude.origin);
    j["baseline"] = setting(c.baseline.value.empty() ? Json(nullptr) : Json(c.baseline.value), c.baseline.origin);
    j["inline-suppressions"] = setting(c.inlineSuppressions.value, c.inlineSuppressions.origin);
    Json severity = Json::object();
    for (const auto& [rule, s] : c.severity) severity[rule] = setting(s.value, s.origin);
    j["severity"] = std::move(severity);
    Json params = Json::object();
    for (const auto& [name, s] : c.params) params[name] = setting(valueJson(s.value), s.origin);
    for (const auto& [rule, ps] : c.ruleParams) {
      for (const auto& [name, s] : ps) params[rule][name] = setting(valueJson(s.value), s.origin);
    }
    j["params"] = std::move(params);
    Json suppress = Json::array();
    for (const SuppressionEntry& e : c.suppressions) {
      Json item{{"rule", e.rules}, {"reason", e.reason}, {"origin", e.sourceFile + ":" + std::to_string(e.line)}};
      if (!e.entity.empty()) item["entity"] = e.entity;
      if (!e.file.empty()) item["file"] = e.file;
      if (e.expires) item["expires"] = e.expires->str();
      suppress.push_back(std::move(item));
    }
    j["suppress"] = std::move(suppress);
    j["rulesOff"] = off;
    out << j.dump(2) << "\n";
    return;
  }
  out << "# configuration file: " << (c.path.empty() ? "none" : c.path);
  if (!c.profile.empty()) out << " (profile " << c.profile << ")";
  out << "\n";
  if (!c.profiles.empty()) out << "# profiles: " << listText(c.profiles) << "\n";
  auto line = [&out](std::string key, const std::string& value, const ConfigOrigin& origin) {
    std::string text = key + " = " + value;
    if (text.size() < 40) text.resize(40, ' ');
    out << text << "  # " << origin.str() << "\n";
  };
  line("kafka-version", c.kafkaVersion.value.empty() ? "(newest known)" : Json(c.kafkaVersion.value).dump(),
       c.kafkaVersion.origin);
  line("client-version", c.clientVersion.value.empty() ? "(as kafka-version)" : Json(c.clientVersion.value).dump(),
       c.clientVersion.origin);
  line("fail-on", Json(c.failOn.value).dump(), c.failOn.origin);
  line("min-severity", Json(c.minSeverity.value).dump(), c.minSeverity.origin);
  line("rule-dirs", listText(c.ruleDirs.value), c.ruleDirs.origin);
  line("select", c.select.value.empty() ? "[] (every rule)" : listText(c.select.value), c.select.origin);
  line("ignore", listText(c.ignore.value), c.ignore.origin);
  line("exclude", listText(c.exclude.value), c.exclude.origin);
  line("baseline", c.baseline.value.empty() ? "(none)" : Json(c.baseline.value).dump(), c.baseline.origin);
  line("inline-suppressions", c.inlineSuppressions.value ? "true" : "false", c.inlineSuppressions.origin);
  if (!c.severity.empty()) {
    out << "\n[severity]\n";
    for (const auto& [rule, s] : c.severity) line(Json(rule).dump(), Json(s.value).dump(), s.origin);
  }
  if (!c.params.empty() || !c.ruleParams.empty()) {
    out << "\n[params]\n";
    for (const auto& [name, s] : c.params) line(name, valueText(s.value), s.origin);
    for (const auto& [rule, ps] : c.ruleParams) {
      for (const auto& [name, s] : ps) line(Json(rule).dump() + "." + name, valueText(s.value), s.origin);
    }
  }
  for (const SuppressionEntry& e : c.suppressions) {
    out << "\n[[suppress]]  # " << e.sourceFile << ":" << e.line << "\n";
    out << "rule = " << listText(e.rules) << "\n";
    if (!e.entity.empty()) out << "entity = " << Json(e.entity).dump() << "\n";
    if (!e.file.empty()) out << "file = " << Json(e.file).dump() << "\n";
    out << "reason = " << Json(e.reason).dump() << "\n";
    if (e.expires) out << "expires = " << e.expires->str() << "\n";
  }
  std::size_t enabled = rules.rules().size() - off.size();
  out << "\n# rules: " << enabled << " of " << rules.rules().size() << " on";
  if (!off.empty()) out << "; off: " << listText(off);
  out << "\n";
}

}  // namespace kafkalint
