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
  const std::string where = file + (line > 0 ? ":" + std::to_string(line) : "");
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

constexpr std::string_view kKeys[] = {
    "kafka-version", "client-version", "fail-on",  "min-severity",      "rule-dirs",
    "select",        "ignore",         "exclude",  "baseline",          "inline-suppressions",
    "severity",      "params",         "suppress", "suppression-files", "profiles"};
constexpr std::string_view kSuppressKeys[] = {"rule", "entity", "file", "reason", "expires"};

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
      if (std::find(std::begin(kKeys), std::end(kKeys), k) == std::end(kKeys)) unknownKey(key, node, k, kKeys);
      if (!profile.empty() && k == "profiles") fail(node, "profiles cannot be nested in a profile");
      const ConfigOrigin origin = originOf(node, profile);
      if (k == "kafka-version" || k == "client-version") {
        std::string v = string(node, k);
        if (!KafkaVersion::parse(v)) fail(node, "expected a Kafka release such as \"3.7\" or \"2.8.2\"");
        (k == "kafka-version" ? config_.kafkaVersion : config_.clientVersion) = {std::move(v), origin};
      } else if (k == "fail-on") {
        std::string v = string(node, k);
        if (v != "error" && v != "warning" && v != "note" && v != "never")
          fail(node, "expected fail-on = \"error\", \"warning\", \"note\" or \"never\"");
        config_.failOn = {std::move(v), origin};
      } else if (k == "min-severity") {
        std::string v = string(node, k);
        if (!parseSeverity(v)) fail(node, "expected min-severity = \"error\", \"warning\" or \"note\"");
        config_.minSeverity = {std::move(v), origin};
      } else if (k == "rule-dirs") {
        std::vector<std::string> dirs;
        for (const std::string& d : strings(node, k)) dirs.push_back(relativeToFile(d));
        config_.ruleDirs = {std::move(dirs), origin};
      } else if (k == "select" || k == "ignore" || k == "exclude") {
        std::vector<std::string> list = strings(node, k);
        if (k == "exclude") {
          for (const std::string& glob : list) {
            if (glob.empty()) fail(node, "an empty exclusion would match nothing");
          }
        }
        (k == "select" ? config_.select : k == "ignore" ? config_.ignore : config_.exclude) = {std::move(list), origin};
      } else if (k == "baseline") {
        const std::string v = string(node, k);
        if (v.empty()) fail(node, "expected the path of a baseline file");
        config_.baseline = {relativeToFile(v), origin};
      } else if (k == "inline-suppressions") {
        const auto* b = node.as_boolean();
        if (b == nullptr) fail(node, "expected inline-suppressions = true or false");
        config_.inlineSuppressions = {b->get(), origin};
      } else if (k == "severity") {
        for (const auto& [rule, value] : table_(node, k)) {
          const std::string v = string(value, "severity." + std::string(rule.str()));
          if (!parseSeverity(v)) fail(value, "expected \"error\", \"warning\" or \"note\"");
          config_.severity[std::string(rule.str())] = {v, originOf(value, profile)};
        }
      } else if (k == "params") {
        for (const auto& [name, value] : table_(node, k)) {
          if (const toml::table* perRule = value.as_table()) {  // [params.KL0201]
            for (const auto& [param, v] : *perRule) {
              config_.ruleParams[std::string(name.str())][std::string(param.str())] = {paramValue(v),
                                                                                       originOf(v, profile)};
            }
          } else {
            config_.params[std::string(name.str())] = {paramValue(value), originOf(value, profile)};
          }
        }
      } else if (k == "suppress") {
        const toml::array* entries = node.as_array();
        if (entries == nullptr) fail(node, "expected [[suppress]] entries (an array of tables)");
        for (const toml::node& entry : *entries) suppression(entry);
      } else if (k == "suppression-files") {
        for (const std::string& file : strings(node, k)) suppressionFiles_.push_back(relativeToFile(file));
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
        unknownKey(key, value, k, kSuppressKeys);
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
    std::string reason = s.reason;
    reason.erase(0, reason.find_first_not_of(" \t\r\n"));
    if (reason.empty()) fail(node, "a [[suppress]] entry needs a reason: say why the finding is acceptable");
    config_.suppressions.push_back(std::move(s));
  }

  [[noreturn]] void fail(const toml::node& node, const std::string& what) const {
    throw InputError(path_, std::uint32_t(node.source().begin.line), std::uint32_t(node.source().begin.column), what);
  }

  [[nodiscard]] const std::vector<std::string>& suppressionFiles() const { return suppressionFiles_; }

 private:
  template <std::size_t N>
  [[noreturn]] void unknownKey(const toml::key& key, const toml::node& node, const std::string& k,
                               const std::string_view (&known)[N]) const {
    std::vector<std::string> names(std::begin(known), std::end(known));
    auto hint = closestMatch(k, names);
    std::string list;
    for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
    const auto& at = key.source().begin.line ? key.source() : node.source();
    throw InputError(path_, std::uint32_t(at.begin.line), std::uint32_t(at.begin.column),
                     "unknown key '" + k + "'" + (hint ? "; did you mean '" + *hint + "'?" : "") +
                         " (expected one of: " + list + ")");
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

namespace {

InputError settingError(const ConfigOrigin& origin, const std::string& what) {
  if (origin.kind == ConfigOrigin::Kind::CommandLine) return InputError("command line", 0, 0, what);
  return InputError(origin.file, origin.line, 0, what);
}

// The rules a selector names: an id, a name, or a tag.
std::vector<const RuleInfo*> selected(const RuleSet& rules, const std::string& selector, bool* byTag) {
  if (const RuleInfo* r = rules.find(selector)) {
    *byTag = false;
    return {r};
  }
  *byTag = true;
  std::vector<const RuleInfo*> out;
  for (const RuleInfo* r : rules.rules()) {
    if (std::find(r->tags.begin(), r->tags.end(), selector) != r->tags.end()) out.push_back(r);
  }
  return out;
}

std::string unknownSelector(const RuleSet& rules, const std::string& selector) {
  std::vector<std::string> names;
  std::set<std::string> tags;
  for (const RuleInfo* r : rules.rules()) {
    names.push_back(r->id);
    names.push_back(r->name);
    tags.insert(r->tags.begin(), r->tags.end());
  }
  names.insert(names.end(), tags.begin(), tags.end());
  auto hint = closestMatch(selector, names);
  return "'" + selector + "' is not a rule id, rule name or tag" + (hint ? "; did you mean '" + *hint + "'?" : "") +
         " (kafkalint rules lists them)";
}

}  // namespace

void configureRules(RuleSet& rules, ToolConfig& config) {
  bool byTag = false;
  if (!config.select.value.empty()) {
    std::set<std::string> keep;
    for (const std::string& s : config.select.value) {
      auto chosen = selected(rules, s, &byTag);
      if (chosen.empty()) throw settingError(config.select.origin, "select: " + unknownSelector(rules, s));
      for (const RuleInfo* r : chosen) keep.insert(r->id);
    }
    for (const RuleInfo* r : rules.rules()) {
      // Rules that say a check could not be made always run.
      if (keep.count(r->id) == 0 && r->suppressible) rules.setEnabled(r->id, false);
    }
  }
  for (const std::string& s : config.ignore.value) {
    auto chosen = selected(rules, s, &byTag);
    if (chosen.empty()) throw settingError(config.ignore.origin, "ignore: " + unknownSelector(rules, s));
    for (const RuleInfo* r : chosen) {
      if (byTag && !r->suppressible) continue;  // a tag spans them; naming one is an error
      try {
        rules.setEnabled(r->id, false);
      } catch (const std::invalid_argument& e) {
        throw settingError(config.ignore.origin, std::string("ignore: ") + e.what());
      }
    }
  }
  for (const auto& [selector, setting] : config.severity) {
    auto chosen = selected(rules, selector, &byTag);
    if (chosen.empty()) throw settingError(setting.origin, "severity: " + unknownSelector(rules, selector));
    for (const RuleInfo* r : chosen) {
      if (byTag && !r->suppressible) continue;
      try {
        rules.setSeverity(r->id, *parseSeverity(setting.value));
      } catch (const std::invalid_argument& e) {
        throw settingError(setting.origin, std::string("severity: ") + e.what());
      }
    }
  }
  for (const auto& [name, setting] : config.params) {
    const std::string& param = name;  // lambdas cannot capture a structured binding (clang 14)
    bool any = false;
    for (const RuleInfo* r : rules.rules()) {
      const bool has =
          std::any_of(r->params.begin(), r->params.end(), [&](const RuleParam& p) { return p.name == param; });
      if (!has) continue;
      any = true;
      try {
        rules.setParam(r->id, param, setting.value);
      } catch (const std::invalid_argument& e) {
        throw settingError(setting.origin, std::string("params: ") + e.what());
      }
    }
    if (!any) throw settingError(setting.origin, "params: no rule has a parameter '" + param + "'");
  }
  for (const auto& [rule, params] : config.ruleParams) {
    if (rules.find(rule) == nullptr) {
      throw settingError(params.begin()->second.origin, "params: " + unknownSelector(rules, rule));
    }
    for (const auto& [param, setting] : params) {
      try {
        rules.setParam(rule, param, setting.value);
      } catch (const std::invalid_argument& e) {
        throw settingError(setting.origin, std::string("params: ") + e.what());
      }
    }
  }
  for (const std::string& glob : config.exclude.value) {
    const auto colon = glob.find(':');
    if (colon != std::string::npos && colon > 0 && !parseEntityKind(glob.substr(0, colon))) {
      // "topic:x" names a kind; "x:y" that is no kind is taken as a name pattern, but a misspelt
      // kind ("topics:x") would silently match nothing.
      const std::string kind = glob.substr(0, colon);
      if (kind.find_first_of("*?") == std::string::npos && kind.size() < 12 &&
          closestMatch(kind, {"cluster", "broker", "controller", "topic", "producer", "consumer", "connect", "file"})) {
        throw settingError(config.exclude.origin, "exclude: '" + kind + "' in '" + glob +
                                                      "' is not an entity kind (cluster, broker, controller, topic, "
                                                      "producer, consumer, connect, file)");
      }
    }
  }
  for (SuppressionEntry& entry : config.suppressions) {
    for (std::string& r : entry.rules) {
      const RuleInfo* info = rules.find(r);
      const ConfigOrigin origin{ConfigOrigin::Kind::File, entry.sourceFile, entry.line, ""};
      if (info == nullptr) throw settingError(origin, "[[suppress]] rule: " + unknownSelector(rules, r));
      if (!info->suppressible) {
        throw settingError(origin, "[[suppress]] rule: " + info->id + " [" + info->name +
                                       "] cannot be suppressed: it reports checks that could not be made");
      }
      r = info->id;
    }
  }
}

}  // namespace kafkalint
