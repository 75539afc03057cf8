// Rule selection, severities and parameters from the tool configuration (configureRules in
// config.hpp), applied to the rules before evaluation.
#include <algorithm>
#include <set>

#include "kafkalint/config.hpp"
#include "kafkalint/errors.hpp"
#include "kafkalint/text.hpp"

namespace kafkalint {

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

namespace {

// `select`: only these rules run; those that say a check could not be made always do.
void applySelect(RuleSet& rules, const ToolConfig& config) {
  if (config.select.value.empty()) return;
  bool byTag = false;
  std::set<std::string> keep;
  for (const std::string& s : config.select.value) {
    auto chosen = selected(rules, s, &byTag);
    if (chosen.empty()) throw settingError(config.select.origin, "select: " + unknownSelector(rules, s));
    for (const RuleInfo* r : chosen) keep.insert(r->id);
  }
  for (const RuleInfo* r : rules.rules()) {
    if (keep.count(r->id) == 0 && r->suppressible) rules.setEnabled(r->id, false);
  }
}

// `ignore`: a tag that spans the rules that cannot be turned off leaves them on; naming one is an error.
void applyIgnore(RuleSet& rules, const ToolConfig& config) {
  bool byTag = false;
  for (const std::string& s : config.ignore.value) {
    auto chosen = selected(rules, s, &byTag);
    if (chosen.empty()) throw settingError(config.ignore.origin, "ignore: " + unknownSelector(rules, s));
    for (const RuleInfo* r : chosen) {
      if (byTag && !r->suppressible) continue;
      try {
        rules.setEnabled(r->id, false);
      } catch (const std::invalid_argument& e) {
        throw settingError(config.ignore.origin, std::string("ignore: ") + e.what());
      }
    }
  }
}

void applySeverities(RuleSet& rules, const ToolConfig& config) {
  bool byTag = false;
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
}

void setParam(RuleSet& rules, const std::string& rule, const std::string& param, const ConfigSetting<Value>& setting) {
  try {
    rules.setParam(rule, param, setting.value);
  } catch (const std::invalid_argument& e) {
    throw settingError(setting.origin, std::string("params: ") + e.what());
  }
}

// [params] for every rule that has the parameter, [params.RULE] for one.
void applyParams(RuleSet& rules, const ToolConfig& config) {
  for (const auto& [name, setting] : config.params) {
    const std::string& param = name;  // lambdas cannot capture a structured binding (clang 14)
    bool any = false;
    for (const RuleInfo* r : rules.rules()) {
      if (std::none_of(r->params.begin(), r->params.end(), [&](const RuleParam& p) { return p.name == param; })) {
        continue;
      }
      any = true;
      setParam(rules, r->id, param, setting);
    }
    if (!any) throw settingError(setting.origin, "params: no rule has a parameter '" + param + "'");
  }
  for (const auto& [rule, params] : config.ruleParams) {
    if (rules.find(rule) == nullptr) {
      throw settingError(params.begin()->second.origin, "params: " + unknownSelector(rules, rule));
    }
    for (const auto& [param, setting] : params) setParam(rules, rule, param, setting);
  }
}

// "topic:x" names a kind; "x:y" that is no kind is taken as a name pattern, but a misspelt kind
// ("topics:x") would silently match nothing.
void checkExclusions(const ToolConfig& config) {
  for (const std::string& glob : config.exclude.value) {
    const auto colon = glob.find(':');
    if (colon == std::string::npos || colon == 0 || parseEntityKind(glob.substr(0, colon))) continue;
    const std::string kind = glob.substr(0, colon);
    if (kind.find_first_of("*?") == std::string::npos && kind.size() < 12 &&
        closestMatch(kind, {"cluster", "broker", "controller", "topic", "producer", "consumer", "connect", "file"})) {
      throw settingError(config.exclude.origin, "exclude: '" + kind + "' in '" + glob +
                                                    "' is not an entity kind (cluster, broker, controller, topic, "
                                                    "producer, consumer, connect, file)");
    }
  }
}

// Rule names in [[suppress]] entries become ids; a rule that cannot be suppressed is an error.
void resolveSuppressionRules(const RuleSet& rules, ToolConfig& config) {
  for (SuppressionEntry& entry : config.suppressions) {
    const ConfigOrigin origin{ConfigOrigin::Kind::File, entry.sourceFile, entry.line, ""};
    for (std::string& r : entry.rules) {
      const RuleInfo* info = rules.find(r);
      if (info == nullptr) throw settingError(origin, "[[suppress]] rule: " + unknownSelector(rules, r));
      if (!info->suppressible) {
        throw settingError(origin, "[[suppress]] rule: " + info->id + " [" + info->name +
                                       "] cannot be suppressed: it reports checks that could not be made");
      }
      r = info->id;
    }
  }
}

}  // namespace

void configureRules(RuleSet& rules, ToolConfig& config) {
  applySelect(rules, config);
  applyIgnore(rules, config);
  applySeverities(rules, config);
  applyParams(rules, config);
  checkExclusions(config);
  resolveSuppressionRules(rules, config);
}

}  // namespace kafkalint
