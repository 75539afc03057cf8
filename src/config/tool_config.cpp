// The tool configuration: .kafkalint.toml (docs/configuration.md).
#include <toml++/toml.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <set>

#include "kafkalint/config.hpp"
#include "kafkalint/errors.hpp"
#include "kafkalint/glob.hpp"
#include "kafkalint/kafka_version.hpp"
#include "kafkalint/settings.hpp"
#include "kafkalint/text.hpp"
#include "kafkalint/text_file.hpp"
#include "kafkalint/toml_document.hpp"

namespace fs = std::filesystem;

namespace kafkalint {

std::string Date::str() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

std::optional<Date> parseDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  }
  auto number = [&](std::size_t at, std::size_t len) {
    int v = 0;
    for (std::size_t i = at; i < at + len; ++i) v = v * 10 + (text[i] - '0');
    return v;
  };
  Date d{number(0, 4), number(5, 2), number(8, 2)};
  const std::chrono::year_month_day ymd{std::chrono::year(d.year), std::chrono::month(unsigned(d.month)),
                                        std::chrono::day(unsigned(d.day))};
  if (!ymd.ok()) return std::nullopt;
  return d;
}

Date today() {
  if (const char* fixed = std::getenv("KAFKALINT_TODAY"); fixed != nullptr && fixed[0] != '\0') {
    if (auto d = parseDate(fixed)) return *d;
  }
  const std::chrono::year_month_day ymd{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
  return {int(ymd.year()), int(unsigned(ymd.month())), int(unsigned(ymd.day()))};
}

std::string ConfigOrigin::str() const {
  std::string where = file;
  if (line > 0) where.append(":").append(std::to_string(line));
  switch (kind) {
    case Kind::Default:
      return "default";
    case Kind::File:
      return where;
    case Kind::Profile:
      return "profile " + profile + " (" + where + ")";
    case Kind::CommandLine:
      return "command line";
  }
  return "default";
}

std::optional<fs::path> discoverToolConfig(const fs::path& start) {
  std::error_code ec;
  fs::path dir = fs::absolute(start, ec);
  if (ec) return std::nullopt;
  for (;;) {
    const fs::path candidate = dir / ".kafkalint.toml";
    if (fs::is_regular_file(candidate, ec)) return candidate;
    if (fs::exists(dir / ".git", ec)) return std::nullopt;  // the repository root: stop here
    if (!dir.has_parent_path() || dir.parent_path() == dir) return std::nullopt;
    dir = dir.parent_path();
  }
}

namespace {

constexpr std::string_view kSuppressKeys[] = {"rule", "entity", "file", "reason", "expires"};

// The keys of .kafkalint.toml: the settings the command line also sets, then the tables.
const std::vector<std::string>& knownKeys() {
  static const std::vector<std::string> keys = [] {
    std::vector<std::string> out;
    for (const SettingSpec& s : toolSettings()) out.emplace_back(s.key);
    for (const char* k : {"severity", "params", "suppress", "suppression-files", "profiles"}) out.emplace_back(k);
    return out;
  }();
  return keys;
}

const SettingSpec* findSetting(std::string_view key) {
  for (const SettingSpec& s : toolSettings()) {
    if (s.key == key) return &s;
  }
  return nullptr;
}

// "\"error\", \"warning\" or \"note\"".
std::string alternatives(const std::vector<std::string>& choices) {
  std::string out;
  for (std::size_t i = 0; i < choices.size(); ++i) {
    out += (i == 0 ? "" : i + 1 == choices.size() ? " or " : ", ") + ("\"" + choices[i] + "\"");
  }
  return out;
}

// Reads one TOML file of the tool configuration, reporting problems at file:line.
class ConfigReader {
 public:
  ConfigReader(ToolConfig& config, std::string path) : config_(config), path_(std::move(path)) {}

  toml::table parse() { return parse(readTextFile(path_, path_).content); }

  toml::table parse(std::string_view content) {
    checkText(path_, content);
    return parseTomlDocument(path_, content);
  }

  // The settings of the file's top level (profile "") or of one profile.
  void read(const toml::table& table, const std::string& profile) {
    for (const auto& [key, node] : table) {
      const std::string k(key.str());
      const std::vector<std::string>& known = knownKeys();
      if (std::find(known.begin(), known.end(), k) == known.end()) unknownKey(key, node, k, known);
      if (!profile.empty() && k == "profiles") fail(node, "profiles cannot be nested in a profile");
      if (const SettingSpec* setting = findSetting(k)) {
        readSetting(*setting, node, originOf(node, profile));
      } else if (k == "severity") {
        for (const auto& [rule, value] : table_(node, k)) {
          const std::string v = string(value, "severity." + std::string(rule.str()));
          if (!parseSeverity(v)) fail(value, "expected \"error\", \"warning\" or \"note\"");
          config_.severity[std::string(rule.str())] = {v, originOf(value, profile)};
        }
      } else if (k == "params") {
        readParams(table_(node, k), profile);
      } else if (k == "suppress") {
        const toml::array* entries = node.as_array();
        if (entries == nullptr) fail(node, "expected [[suppress]] entries (an array of tables)");
        for (const toml::node& entry : *entries) suppression(entry);
      } else if (k == "suppression-files") {
        for (const std::string& file : strings(node, k)) suppressionFiles_.push_back(relativeToFile(file));
      }
    }
  }

  // A setting of toolSettings(), as its row says.
  void readSetting(const SettingSpec& setting, const toml::node& node, const ConfigOrigin& origin) {
    const std::string key(setting.key);
    std::visit(
        [&](auto field) {
          using T = std::decay_t<decltype((config_.*field).value)>;
          if constexpr (std::is_same_v<T, bool>) {
            const auto* b = node.as_boolean();
            if (b == nullptr) fail(node, "expected " + key + " = true or false");
            config_.*field = {b->get(), origin};
          } else if constexpr (std::is_same_v<T, std::string>) {
            config_.*field = {checked(setting, node, string(node, key)), origin};
          } else {
            T list = strings(node, key);
            for (std::string& item : list) item = checked(setting, node, std::move(item));
            config_.*field = {std::move(list), origin};
          }
        },
        setting.field);
  }

  // [params] (a parameter for every rule having it) and [params.RULE].
  void readParams(const toml::table& params, const std::string& profile) {
    for (const auto& [name, value] : params) {
      if (const toml::table* perRule = value.as_table()) {
        for (const auto& [param, v] : *perRule) {
          config_.ruleParams[std::string(name.str())][std::string(param.str())] = {paramValue(v), originOf(v, profile)};
        }
      } else {
        config_.params[std::string(name.str())] = {paramValue(value), originOf(value, profile)};
      }
    }
  }

  void suppression(const toml::node& node) {
    const toml::table* entry = node.as_table();
    if (entry == nullptr) fail(node, "expected a table in [[suppress]]");
    SuppressionEntry s;
    s.sourceFile = path_;
    s.line = std::uint32_t(node.source().begin.line);
    for (const auto& [key, value] : *entry) {
      const std::string k(key.str());
      if (std::find(std::begin(kSuppressKeys), std::end(kSuppressKeys), k) == std::end(kSuppressKeys))
        unknownKey(key, value, k, {std::begin(kSuppressKeys), std::end(kSuppressKeys)});
      if (k == "rule") {
        s.rules = value.is_string() ? std::vector<std::string>{string(value, k)} : strings(value, k);
        if (s.rules.empty()) fail(value, "expected at least one rule id or name");
      } else if (k == "entity") {
        s.entity = string(value, k);
      } else if (k == "file") {
        s.file = string(value, k);
      } else if (k == "reason") {
        s.reason = string(value, k);
      } else if (k == "expires") {
        if (const auto* date = value.as_date()) {
          Date d{date->get().year, date->get().month, date->get().day};
          if (!parseDate(d.str())) fail(value, "expected a valid date");
          s.expires = d;
        } else if (value.is_string()) {
          s.expires = parseDate(string(value, k));
          if (!s.expires) fail(value, "expected a date: expires = 2027-03-31");
        } else {
          fail(value, "expected a date: expires = 2027-03-31");
        }
      }
    }
    if (s.rules.empty()) fail(node, "a [[suppress]] entry needs rule = \"KL0201\" (an id or name, or a list)");
    if (trimView(s.reason).empty())
      fail(node, "a [[suppress]] entry needs a reason: say why the finding is acceptable");
    config_.suppressions.push_back(std::move(s));
  }

  [[noreturn]] void fail(const toml::node& node, const std::string& what) const {
    throw InputError(path_, std::uint32_t(node.source().begin.line), std::uint32_t(node.source().begin.column), what);
  }

  [[nodiscard]] const std::vector<std::string>& suppressionFiles() const { return suppressionFiles_; }

 private:
  [[noreturn]] void unknownKey(const toml::key& key, const toml::node& node, const std::string& k,
                               const std::vector<std::string>& names) const {
    auto hint = closestMatch(k, names);
    std::string list;
    for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
    const auto& at = key.source().begin.line ? key.source() : node.source();
    throw InputError(path_, std::uint32_t(at.begin.line), std::uint32_t(at.begin.column),
                     "unknown key '" + k + "'" + (hint ? "; did you mean '" + *hint + "'?" : "") +
                         " (expected one of: " + list + ")");
  }

  // A text of the setting, checked as its row says (at the setting's node, for an item of a list).
  std::string checked(const SettingSpec& setting, const toml::node& node, std::string value) const {
    const std::vector<std::string>& choices = setting.choices;
    if (!choices.empty() && std::find(choices.begin(), choices.end(), value) == choices.end()) {
      fail(node, "expected " + std::string(setting.key) + " = " + alternatives(choices));
    }
    if (setting.invalid != nullptr) {
      if (const char* why = setting.invalid(value)) fail(node, why);
    }
    return setting.relativeToFile ? relativeToFile(value) : value;
  }

  [[nodiscard]] ConfigOrigin originOf(const toml::node& node, const std::string& profile) const {
    ConfigOrigin o;
    o.kind = profile.empty() ? ConfigOrigin::Kind::File : ConfigOrigin::Kind::Profile;
    o.file = path_;
    o.line = std::uint32_t(node.source().begin.line);
    o.profile = profile;
    return o;
  }

  std::string string(const toml::node& node, const std::string& key) const {
    const auto* s = node.as_string();
    if (s == nullptr) fail(node, "expected a string for '" + key + "'");
    return s->get();
  }

  std::vector<std::string> strings(const toml::node& node, const std::string& key) const {
    const toml::array* array = node.as_array();
    if (array == nullptr) fail(node, "expected a list of strings for '" + key + "', e.g. [\"KL0109\"]");
    std::vector<std::string> out;
    for (const toml::node& item : *array) out.push_back(string(item, key));
    return out;
  }

  const toml::table& table_(const toml::node& node, const std::string& key) const {
    const toml::table* t = node.as_table();
    if (t == nullptr) fail(node, "expected a table for '" + key + "'");
    return *t;
  }

  Value paramValue(const toml::node& node) const {
    if (const auto* i = node.as_integer()) return Value(std::int64_t(i->get()));
    if (const auto* d = node.as_floating_point()) return Value(d->get());
    if (const auto* b = node.as_boolean()) return Value(b->get());
    if (const auto* s = node.as_string()) return Value(s->get());
    if (const auto* a = node.as_array()) {
      Value::List items;
      for (const toml::node& item : *a) items.push_back(paramValue(item));
      return Value(std::move(items));
    }
    fail(node, "expected a number, boolean, string or list as a parameter value");
  }

  [[nodiscard]] std::string relativeToFile(const std::string& p) const {
    const fs::path path(p);
    if (path.is_absolute()) return p;
    return (fs::path(path_).parent_path() / path).lexically_normal().generic_string();
  }

  ToolConfig& config_;
  std::string path_;
  std::vector<std::string> suppressionFiles_;
};

}  // namespace

ToolConfig loadToolConfig(const std::string& path, const std::string& profile) {
  return parseToolConfig(path, readTextFile(path, path).content, profile);
}

ToolConfig parseToolConfig(const std::string& path, std::string_view content, const std::string& profile) {
  ToolConfig config;
  config.path = path;
  ConfigReader reader(config, path);
  const toml::table table = reader.parse(content);
  reader.read(table, "");
  const toml::node* profiles = table.get("profiles");
  if (profiles != nullptr) {
    const toml::table* all = profiles->as_table();
    if (all == nullptr) reader.fail(*profiles, "expected [profiles.NAME] tables");
    for (const auto& [name, body] : *all) {
      config.profiles.emplace_back(name.str());
      if (body.as_table() == nullptr)
        reader.fail(body, "expected a table for profile '" + std::string(name.str()) + "'");
    }
    if (!profile.empty()) {
      if (const toml::node* chosen = all->get(profile)) reader.read(*chosen->as_table(), profile);
    }
  }
  if (!profile.empty() && std::find(config.profiles.begin(), config.profiles.end(), profile) == config.profiles.end()) {
    std::string known;
    for (const std::string& p : config.profiles) known += (known.empty() ? "" : ", ") + p;
    throw InputError(path, 0, 0,
                     "--profile " + profile + ": no such profile" +
                         (known.empty() ? " (the file defines none)" : " (defined: " + known + ")"));
  }
  config.profile = profile;
  for (const std::string& file : reader.suppressionFiles()) loadSuppressionFile(config, file);
  return config;
}

void loadSuppressionFile(ToolConfig& config, const std::string& path) {
  ToolConfig entries;
  ConfigReader reader(entries, path);
  const toml::table table = reader.parse();
  for (const auto& [key, node] : table) {
    if (key.str() != "suppress") {
      reader.fail(node, "unknown key '" + std::string(key.str()) +
                            "' in a suppression file (expected only [[suppress]] entries)");
    }
  }
  if (const toml::node* list = table.get("suppress")) {
    const toml::array* array = list->as_array();
    if (array == nullptr) reader.fail(*list, "expected [[suppress]] entries (an array of tables)");
    for (const toml::node& entry : *array) reader.suppression(entry);
  }
  for (SuppressionEntry& s : entries.suppressions) config.suppressions.push_back(std::move(s));
}

}  // namespace kafkalint
