// `kafkalint config show`: the effective tool configuration and where each value came from.
#include <nlohmann/json.hpp>

#include "kafkalint/config.hpp"
#include "kafkalint/settings.hpp"

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

// A setting of toolSettings() as `config show` prints it, and as its JSON gives it.
std::string settingText(const SettingSpec& setting, const ToolConfig& c) {
  return std::visit(
      [&](auto field) -> std::string {
        const auto& value = (c.*field).value;
        using T = std::decay_t<decltype(value)>;
        if constexpr (std::is_same_v<T, bool>) {
          return value ? "true" : "false";
        } else {
          if (value.empty() && !setting.unsetText.empty()) return std::string(setting.unsetText);
          if constexpr (std::is_same_v<T, std::string>) return Json(value).dump();
          if constexpr (!std::is_same_v<T, std::string>) return listText(value);
        }
      },
      setting.field);
}

Json settingJson(const SettingSpec& setting, const ToolConfig& c) {
  return std::visit(
      [&](auto field) {
        const auto& s = c.*field;
        using T = std::decay_t<decltype(s.value)>;
        Json value = s.value;
        if constexpr (std::is_same_v<T, std::string>) {
          if (s.value.empty()) value = nullptr;  // not set: the default applies
        }
        return Json{{"value", std::move(value)}, {"origin", s.origin.str()}};
      },
      setting.field);
}

const ConfigOrigin& settingOrigin(const SettingSpec& setting, const ToolConfig& c) {
  return std::visit([&](auto field) -> const ConfigOrigin& { return (c.*field).origin; }, setting.field);
}

void writeJson(std::ostream& out, const ToolConfig& c, const std::vector<std::string>& off) {
  auto setting = [](Json value, const ConfigOrigin& origin) {
    return Json{{"value", std::move(value)}, {"origin", origin.str()}};
  };
  Json j;
  j["file"] = c.path.empty() ? Json(nullptr) : Json(c.path);
  j["profile"] = c.profile.empty() ? Json(nullptr) : Json(c.profile);
  j["profiles"] = c.profiles;
  for (const SettingSpec& spec : toolSettings()) j[std::string(spec.key)] = settingJson(spec, c);
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
}

void writeText(std::ostream& out, const ToolConfig& c, const RuleSet& rules, const std::vector<std::string>& off) {
  out << "# configuration file: " << (c.path.empty() ? "none" : c.path);
  if (!c.profile.empty()) out << " (profile " << c.profile << ")";
  out << "\n";
  if (!c.profiles.empty()) out << "# profiles: " << listText(c.profiles) << "\n";
  auto line = [&out](std::string key, const std::string& value, const ConfigOrigin& origin) {
    std::string text = key + " = " + value;
    if (text.size() < 40) text.resize(40, ' ');
    out << text << "  # " << origin.str() << "\n";
  };
  for (const SettingSpec& spec : toolSettings()) {
    line(std::string(spec.key), settingText(spec, c), settingOrigin(spec, c));
  }
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

}  // namespace

void writeToolConfig(std::ostream& out, const ToolConfig& c, const RuleSet& rules, bool json) {
  std::vector<std::string> off;
  for (const RuleInfo* r : rules.rules()) {
    if (!r->enabled) off.push_back(r->id);
  }
  if (json) return writeJson(out, c, off);
  writeText(out, c, rules, off);
}

}  // namespace kafkalint
