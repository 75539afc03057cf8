// Reading rule files (YAML) into a RuleSet, rejecting anything malformed with file, line, column
// and what was expected.
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <set>

#include "checks/check.hpp"
#include "compiled_rule.hpp"
#include "kafkalint/catalog.hpp"
#include "kafkalint/config_tree.hpp"
#include "kafkalint/errors.hpp"
#include "kafkalint/resolve.hpp"
#include "kafkalint/text.hpp"
#include "kafkalint/text_file.hpp"

namespace kafkalint {

struct EmbeddedFile {
  std::string_view path;
  std::string_view content;
};
// Generated at build time from rules/ (cmake/EmbedRules.cmake).
extern const std::vector<EmbeddedFile>& builtinRuleFiles();

const std::vector<std::string_view>& builtinTemplates() {
  static const std::vector<std::string_view> templates = {
      "unknown-key",          "invalid-value",
      "duplicate-key",        "could-not-verify",
      "unclassified-input",   "byte-order-mark",
      "evaluation-error",     "ignored-setting",
      "unresolved-reference", "read-uncommitted-transactional",
      "cluster-unverified",   "partition-state",
      "suppression-invalid",  "suppression-unused",
      "suppression-expired",  "plaintext-secret",
  };
  return templates;
}

namespace {

constexpr std::string_view kFields[] = {"id",      "name",      "severity",    "scope",      "for_each",    "template",
                                        "summary", "rationale", "remediation", "references", "tags",        "keys",
                                        "params",  "when",      "require",     "message",    "suppressible"};

// Names in rule files, checked by hand: std::regex recurses once per character, so a long enough
// id in a hostile rule file overflowed the stack.
bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isLower(char c) { return c >= 'a' && c <= 'z'; }
bool isUpper(char c) { return c >= 'A' && c <= 'Z'; }

// [A-Z][A-Z0-9]*[0-9]+, at most 32 characters
bool isRuleId(std::string_view id) {
  if (id.size() < 2 || id.size() > 32 || !isUpper(id.front()) || !isDigit(id.back())) return false;
  return std::all_of(id.begin(), id.end(), [](char c) { return isUpper(c) || isDigit(c); });
}

// [a-z][a-z0-9]*(-[a-z0-9]+)*, at most 128 characters
bool isKebabName(std::string_view name) {
  if (name.empty() || name.size() > 128 || !isLower(name.front()) || name.back() == '-') return false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    if (c == '-' ? name[i - 1] == '-' : !(isLower(c) || isDigit(c))) return false;
  }
  return true;
}

// [a-z_][a-z0-9_]*, at most 128 characters
bool isSnakeName(std::string_view name) {
  if (name.empty() || name.size() > 128 || isDigit(name.front())) return false;
  return std::all_of(name.begin(), name.end(), [](char c) { return isLower(c) || isDigit(c) || c == '_'; });
}

class RuleFileReader {
 public:
  RuleFileReader(std::string path, std::string_view text) : path_(std::move(path)), text_(text) {
    std::size_t start = 0;
    while (start <= text_.size()) {
      std::size_t end = text_.find('\n', start);
      if (end == std::string_view::npos) end = text_.size();
      lines_.push_back(text_.substr(start, end - start));
      start = end + 1;
    }
  }

  std::vector<std::unique_ptr<RuleSet::Compiled>> read(bool builtin) {
    std::vector<YAML::Node> docs;
    try {
      // The built-in rules are part of the binary: only files from elsewhere need the bound.
      if (!builtin) checkYamlNodeCount(path_, text_);
      docs = YAML::LoadAll(std::string(text_));
    } catch (const YAML::DeepRecursion& e) {
      throw InputError(path_, std::uint32_t(e.mark.line + 1), std::uint32_t(e.mark.column + 1),
                       "YAML nested too deeply (more than " + std::to_string(e.depth() - 1) +
                           " levels of the parser); expected a rule file");
    } catch (const YAML::ParserException& e) {
      throw InputError(path_, std::uint32_t(e.mark.line + 1), std::uint32_t(e.mark.column + 1),
                       "YAML syntax error: " + e.msg);
    } catch (const YAML::Exception& e) {
      throw InputError(path_, e.mark.is_null() ? 0 : std::uint32_t(e.mark.line + 1),
                       e.mark.is_null() ? 0 : std::uint32_t(e.mark.column + 1),
                       std::string("cannot read YAML: ") + e.what());
    }
    std::vector<std::unique_ptr<RuleSet::Compiled>> out;
    for (const YAML::Node& doc : docs) {
      if (doc.IsNull()) continue;
      if (!doc.IsMap()) fail(doc, "expected a rule (a mapping with id, name, severity, ...) or 'rules:' with a list");
      checkDuplicateKeys(doc);
      if (doc["rules"]) {
        if (doc.size() != 1) fail(doc, "a file with 'rules:' must not have other top-level fields");
        const YAML::Node list = doc["rules"];
        if (!list.IsSequence()) fail(list, "expected a list of rules under 'rules:'");
        for (const YAML::Node& r : list) out.push_back(readRule(r, builtin));
      } else {
        out.push_back(readRule(doc, builtin));
      }
    }
    if (out.empty()) throw InputError(path_, 1, 1, "no rules in file; expected a rule mapping or 'rules:' list");
    return out;
  }

 private:
  [[noreturn]] void fail(const YAML::Node& node, const std::string& what) const {
    const YAML::Mark m = node.Mark();
    throw InputError(path_, m.line >= 0 ? std::uint32_t(m.line + 1) : 0,
                     m.column >= 0 ? std::uint32_t(m.column + 1) : 0, what);
  }

  // Where byte `offset` of a scalar's text is in the file: scalars can be quoted or block scalars,
  // so find the scalar's line of text in the raw file rather than trusting the mark column.
  [[noreturn]] void failAt(const YAML::Node& node, std::size_t offset, const std::string& what) const {
    const std::string& scalar = node.Scalar();
    const YAML::Mark m = node.Mark();
    std::size_t lineStart = scalar.rfind('\n', offset == 0 ? 0 : offset - 1);
    lineStart = (lineStart == std::string::npos || offset == 0) ? 0 : lineStart + 1;
    std::size_t lineIndex = std::size_t(std::count(scalar.begin(), scalar.begin() + std::ptrdiff_t(lineStart), '\n'));
    std::string_view scalarLine = std::string_view(scalar).substr(lineStart);
    scalarLine = scalarLine.substr(0, scalarLine.find('\n'));
    for (std::size_t l = std::size_t(std::max(0, m.line)) + lineIndex;
         l < lines_.size() && l < std::size_t(m.line) + lineIndex + 64; ++l) {
      std::size_t col = lines_[l].find(scalarLine);
      if (!scalarLine.empty() && col != std::string_view::npos) {
        throw InputError(path_, std::uint32_t(l + 1), std::uint32_t(col + (offset - lineStart) + 1), what);
      }
    }
    fail(node, what);
  }

  // A set, not a list: a hostile file may have a mapping of a million fields.
  void checkDuplicateKeys(const YAML::Node& map) const {
    std::set<std::string, std::less<>> seen;
    for (auto it = map.begin(); it != map.end(); ++it) {
      if (!it->first.IsScalar()) fail(it->first, "expected a field name");
      const std::string& k = it->first.Scalar();
      if (!seen.insert(k).second) fail(it->first, "duplicate field '" + k + "'");
    }
  }

  std::string scalar(const YAML::Node& node, const std::string& field) const {
    if (!node.IsScalar()) fail(node, "expected text for '" + field + "'");
    return node.Scalar();
  }

  std::vector<std::string> stringList(const YAML::Node& node, const std::string& field) const {
    std::vector<std::string> out;
    if (node.IsScalar()) {
      out.push_back(node.Scalar());
      return out;
    }
    if (!node.IsSequence()) fail(node, "expected a list for '" + field + "'");
    for (const YAML::Node& item : node) out.push_back(scalar(item, field));
    return out;
  }

  // Parameter values are small: lists of a few values. Aliases can make a short text stand for
  // an exponential number of them ("billion laughs"), so the values are counted and nested lists
  // limited as they are read.
  Value paramValue(const YAML::Node& node, int depth = 0) {
    if (++paramNodes_ > kMaxParamNodes) {
      fail(node, "parameter values of more than " + std::to_string(kMaxParamNodes) +
                     " items in this file (repeated aliases?); parameters are single values or short lists");
    }
    if (node.IsSequence()) {
      if (depth >= kMaxParamDepth) {
        fail(node, "lists nested more than " + std::to_string(kMaxParamDepth) + " levels deep in a parameter value");
      }
      Value::List items;
      for (const YAML::Node& item : node) items.push_back(paramValue(item, depth + 1));
      return Value(std::move(items));
    }
    if (!node.IsScalar()) fail(node, "expected a value (number, boolean, text or list)");
    const std::string& s = node.Scalar();
    if (node.Tag() == "!") return Value(s);  // quoted: always text
    if (s == "true") return Value(true);
    if (s == "false") return Value(false);
    if (s == "null" || s == "~") return Value::null();
    std::int64_t i = 0;
    if (!s.empty() && std::from_chars(s.data(), s.data() + s.size(), i).ptr == s.data() + s.size()) return Value(i);
    double d = 0;
    if (!s.empty() && std::from_chars(s.data(), s.data() + s.size(), d).ptr == s.data() + s.size()) return Value(d);
    return Value(s);
  }

  std::unique_ptr<RuleSet::Compiled> readRule(const YAML::Node& node, bool builtin) {
    if (!node.IsMap()) fail(node, "expected a rule: a mapping with id, name, severity, scope, ...");
    checkDuplicateKeys(node);
    for (auto it = node.begin(); it != node.end(); ++it) {
      const std::string& k = it->first.Scalar();
      if (std::find(std::begin(kFields), std::end(kFields), k) == std::end(kFields)) {
        std::vector<std::string> fields(std::begin(kFields), std::end(kFields));
        auto hint = closestMatch(k, fields);
        fail(it->first, "unknown field '" + k + "'" + (hint ? "; did you mean '" + *hint + "'?" : "") +
                            " (expected one of: id, name, severity, scope, template, summary, rationale, remediation, "
                            "references, tags, keys, params, when, require, message, suppressible)");
      }
    }
    auto rule = std::make_unique<RuleSet::Compiled>();
    RuleInfo& info = rule->info;
    info.origin = path_;
    info.builtin = builtin;
    auto required = [&](const char* field) -> YAML::Node {
      YAML::Node n = node[field];
      if (!n) fail(node, std::string("missing required field '") + field + "'");
      return n;
    };

    const YAML::Node id = required("id");
    info.id = scalar(id, "id");
    if (!isRuleId(info.id))
      fail(id, "expected an id of capital letters then digits (at most 32 characters), such as KL0102");
    const YAML::Node name = required("name");
    info.name = scalar(name, "name");
    if (!isKebabName(info.name)) fail(name, "expected a kebab-case name, such as broker-min-insync-replicas");
    const YAML::Node severity = required("severity");
    auto sev = parseSeverity(scalar(severity, "severity"));
    if (!sev) fail(severity, "expected severity error, warning or note");
    info.severity = *sev;

    const YAML::Node scope = required("scope");
    for (const std::string& s : stringList(scope, "scope")) {
      if (s == "client") {
        info.scope.push_back(EntityKind::Producer);
        info.scope.push_back(EntityKind::Consumer);
      } else if (s == "any") {
        info.scope.assign(std::begin(kAllEntityKinds), std::end(kAllEntityKinds));
      } else if (auto k = parseEntityKind(s)) {
        info.scope.push_back(*k);
      } else {
        fail(scope,
             "unknown scope '" + s +
                 "' (expected broker, controller, topic, producer, consumer, client, connect, cluster, file or any)");
      }
    }
    if (info.scope.empty()) fail(scope, "expected at least one scope");
    if (const YAML::Node each = node["for_each"]) {
      info.forEach = scalar(each, "for_each");
      if (info.forEach != "topic") fail(each, "expected for_each: topic");
      for (EntityKind k : info.scope) {
        if (k != EntityKind::Producer && k != EntityKind::Consumer) {
          fail(each, "for_each: topic applies to producer and consumer rules only");
        }
      }
    }

    if (const YAML::Node t = node["template"]) {
      info.templateName = scalar(t, "template");
      const auto& builtins = builtinTemplates();
      if (info.templateName != "expression" &&
          std::find(builtins.begin(), builtins.end(), info.templateName) == builtins.end()) {
        std::string list = "expression";
        for (auto b : builtins) list += ", " + std::string(b);
        fail(t, "unknown template '" + info.templateName + "' (expected one of: " + list + ")");
      }
    }
    info.summary = scalar(required("summary"), "summary");
    info.rationale = scalar(required("rationale"), "rationale");
    info.remediation = scalar(required("remediation"), "remediation");
    if (const YAML::Node r = node["references"]) info.references = stringList(r, "references");
    if (const YAML::Node t = node["tags"]) info.tags = stringList(t, "tags");
    if (const YAML::Node sup = node["suppressible"]) {
      const std::string text = scalar(sup, "suppressible");
      if (text != "true" && text != "false") fail(sup, "expected suppressible: true or false");
      info.suppressible = text == "true";
    }

    if (const YAML::Node p = node["params"]) {
      if (!p.IsMap()) fail(p, "expected a mapping of parameter names to default values under 'params'");
      checkDuplicateKeys(p);
      for (auto it = p.begin(); it != p.end(); ++it) {
        RuleParam param;
        param.name = it->first.Scalar();
        if (!isSnakeName(param.name)) fail(it->first, "expected a snake_case parameter name");
        if (it->second.IsMap()) {
          checkDuplicateKeys(it->second);
          for (auto f = it->second.begin(); f != it->second.end(); ++f) {
            if (f->first.Scalar() != "default" && f->first.Scalar() != "description") {
              fail(f->first, "expected 'default' or 'description' in a parameter");
            }
          }
          if (!it->second["default"]) fail(it->second, "missing 'default' for parameter '" + param.name + "'");
          param.value = paramValue(it->second["default"]);
          if (it->second["description"]) param.description = scalar(it->second["description"], "description");
        } else {
          param.value = paramValue(it->second);
        }
        rule->params[param.name] = param.value;
        info.params.push_back(std::move(param));
      }
    }

    ExpressionNames names;
    names.checkKey = [&info](std::string_view key) { return checkKey(info, key); };
    names.checkParam = [&rule](std::string_view p) -> std::optional<std::string> {
      if (rule->params.count(std::string(p)) == 0)
        return "unknown parameter $" + std::string(p) + " (declare it under 'params')";
      return std::nullopt;
    };

    const bool expression = info.templateName == "expression";
    if (expression) {
      const YAML::Node keys = required("keys");
      info.keys = stringList(keys, "keys");
      for (const std::string& k : info.keys) {
        if (auto err = checkKey(info, k)) fail(keys, *err);
      }
      if (const YAML::Node w = node["when"]) {
        info.when = scalar(w, "when");
        rule->when = compileExpression(w, info.when, names);
      }
      const YAML::Node req = required("require");
      info.require = scalar(req, "require");
      rule->require = compileExpression(req, info.require, names);
      const YAML::Node msg = required("message");
      info.message = scalar(msg, "message");
      try {
        rule->message = MessageTemplate::compile(info.message, names);
      } catch (const ExpressionError& e) {
        failAt(msg, e.offset(), std::string("in message: ") + e.what());
      }
      if (rule->when) rule->readKeys.insert(rule->when->keys().begin(), rule->when->keys().end());
      rule->readKeys.insert(rule->require->keys().begin(), rule->require->keys().end());
    } else {
      for (const char* field : {"when", "require", "message", "keys"}) {
        if (node[field]) {
          fail(node[field], std::string("'") + field + "' does not apply to template '" + info.templateName +
                                "' (it is implemented in code)");
        }
      }
      if (auto error = templateParamError(info.templateName, rule->params)) {
        fail(node["params"] ? node["params"] : node["template"], *error);
      }
    }
    return rule;
  }

  Expression compileExpression(const YAML::Node& node, const std::string& text, const ExpressionNames& names) const {
    try {
      return Expression::compile(text, names);
    } catch (const ExpressionError& e) {
      failAt(node, e.offset(), e.what());
    }
  }

  static bool keyValidFor(EntityKind kind, std::string_view key) {
    const Catalog& c = Catalog::instance();
    if (kind == EntityKind::File) return false;
    if (entityProperty(kind, key) != nullptr) return true;
    if (kind == EntityKind::Cluster) return false;
    if (c.knownInAnyRelease(scopeOf(kind), key)) return true;
    if (kind == EntityKind::Producer || kind == EntityKind::Consumer) {
      if (c.librdkafka(key) != nullptr) return true;
      if (c.scala(key, kind == EntityKind::Producer) != nullptr) return true;
    }
    return false;
  }

  // A key of the entity itself, or `target:key` of a related one (docs/rule-language.md).
  static std::optional<std::string> checkKey(const RuleInfo& info, std::string_view written) {
    TargetKey tk = splitTargetKey(written);
    if (tk.target.empty()) return checkKey(info.scope, tk.key);
    auto kind = targetKind(tk.target);
    if (!kind) {
      return "unknown target '" + std::string(tk.target) + ":' (expected cluster:, topic: or broker:)";
    }
    if (*kind == EntityKind::Topic && info.forEach != "topic") {
      return "topic: keys need 'for_each: topic' (a rule over the topics a client uses)";
    }
    if (*kind == EntityKind::Broker) {
      for (EntityKind k : info.scope) {
        if (k != EntityKind::Topic) return std::string("broker: keys apply to topic rules only");
      }
    }
    if (*kind == EntityKind::Cluster && !keyValidFor(EntityKind::Cluster, tk.key)) {
      std::string names;
      for (const EntityProperty* p : entityProperties(EntityKind::Cluster))
        names += (names.empty() ? "" : ", ") + std::string(p->key);
      return "unknown cluster property '" + std::string(tk.key) + "' (expected one of: " + names + ")";
    }
    return checkKey({*kind}, tk.key);
  }

  static std::optional<std::string> checkKey(const std::vector<EntityKind>& scope, std::string_view key) {
    for (EntityKind k : scope) {
      if (keyValidFor(k, key)) return std::nullopt;
    }
    std::string scopes;
    for (EntityKind k : scope) scopes.append(scopes.empty() ? "" : "/").append(entityKindId(k));
    std::vector<std::string> candidates;
    for (EntityKind k : scope) {
      if (k == EntityKind::File) continue;
      for (std::string_view n : Catalog::instance().names(scopeOf(k))) candidates.emplace_back(n);
    }
    auto hint = closestMatch(key, candidates);
    return "unknown configuration key '" + std::string(key) + "' for " + scopes + " configs" +
           (hint ? "; did you mean '" + *hint + "'?" : "");
  }

  static constexpr std::size_t kMaxParamNodes = 10000;
  static constexpr int kMaxParamDepth = 16;

  std::string path_;
  std::string_view text_;
  std::vector<std::string_view> lines_;
  std::size_t paramNodes_ = 0;
};

}  // namespace

RuleSet::RuleSet() = default;
RuleSet::~RuleSet() = default;
RuleSet::RuleSet(RuleSet&&) noexcept = default;
RuleSet& RuleSet::operator=(RuleSet&&) noexcept = default;

RuleSet RuleSet::builtin() {
  RuleSet set;
  for (const EmbeddedFile& f : builtinRuleFiles()) set.addFile(std::string(f.path), f.content, true);
  return set;
}

void RuleSet::addFile(const std::string& displayPath, std::string_view yamlText, bool builtin) {
  checkText(displayPath, yamlText);
  RuleFileReader reader(displayPath, yamlText);
  auto rules = reader.read(builtin);
  for (auto& r : rules) {
    const RuleInfo& info = r->info;
    if (auto it = byId_.find(info.id); it != byId_.end()) {
      throw InputError(displayPath, 0, 0,
                       "rule id " + info.id + " is already defined in " + compiled_[it->second]->info.origin);
    }
    if (auto it = byName_.find(info.name); it != byName_.end()) {
      throw InputError(displayPath, 0, 0,
                       "rule name " + info.name + " is already used by " + compiled_[it->second]->info.id);
    }
    byId_[info.id] = compiled_.size();
    byName_[info.name] = compiled_.size();
    for (EntityKind kind : info.scope) {
      checkedByKind_[kind].insert(r->readKeys.begin(), r->readKeys.end());
      checkedByKind_[kind].insert(info.keys.begin(), info.keys.end());
    }
    checkedAnywhere_.insert(r->readKeys.begin(), r->readKeys.end());
    checkedAnywhere_.insert(info.keys.begin(), info.keys.end());
    compiled_.push_back(std::move(r));
  }
}

void RuleSet::addDirectory(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    throw InputError(dir, 0, 0, "not a directory; --rules expects a directory of rule files");
  std::vector<fs::path> files;
  for (fs::recursive_directory_iterator it(dir, ec), end; it != end; it.increment(ec)) {
    if (ec) throw InputError(dir, 0, 0, "cannot read directory: " + ec.message());
    const auto ext = it->path().extension();
    if (it->is_regular_file(ec) && (ext == ".yaml" || ext == ".yml")) files.push_back(it->path());
  }
  if (ec) throw InputError(dir, 0, 0, "cannot read directory: " + ec.message());
  std::sort(files.begin(), files.end());
  if (files.empty()) throw InputError(dir, 0, 0, "no rule files (*.yaml, *.yml) in directory");
  for (const fs::path& f : files) {
    TextFile text = readTextFile(f, f.generic_string());
    addFile(text.displayPath, text.content, false);
  }
}

std::vector<const RuleInfo*> RuleSet::rules() const {
  std::vector<const RuleInfo*> out;
  out.reserve(compiled_.size());
  for (const auto& [id, index] : byId_) out.push_back(&compiled_[index]->info);
  return out;
}

const RuleInfo* RuleSet::find(std::string_view idOrName) const {
  if (auto it = byId_.find(idOrName); it != byId_.end()) return &compiled_[it->second]->info;
  if (auto it = byName_.find(idOrName); it != byName_.end()) return &compiled_[it->second]->info;
  return nullptr;
}

namespace {

RuleSet::Compiled& mutableRule(const std::vector<std::unique_ptr<RuleSet::Compiled>>& compiled, const RuleSet& set,
                               std::string_view idOrName) {
  const RuleInfo* info = set.find(idOrName);
  if (info == nullptr) throw std::invalid_argument("no rule with id or name '" + std::string(idOrName) + "'");
  for (const auto& c : compiled) {
    if (&c->info == info) return *c;
  }
  throw std::logic_error("rule index out of date");
}

}  // namespace

void RuleSet::setEnabled(std::string_view idOrName, bool enabled) {
  Compiled& rule = mutableRule(compiled_, *this, idOrName);
  if (!enabled && !rule.info.suppressible) {
    throw std::invalid_argument(rule.info.id + " [" + rule.info.name +
                                "] cannot be turned off: it reports checks that could not be made, and a gate fails "
                                "closed");
  }
  rule.info.enabled = enabled;
}

void RuleSet::setSeverity(std::string_view idOrName, Severity severity) {
  Compiled& rule = mutableRule(compiled_, *this, idOrName);
  if (!rule.info.suppressible && severity != rule.info.severity) {
    throw std::invalid_argument(rule.info.id + " [" + rule.info.name +
                                "] keeps its severity: it reports checks that could not be made");
  }
  rule.info.severity = severity;
}

void RuleSet::setParam(std::string_view idOrName, const std::string& param, const Value& value) {
  Compiled& rule = mutableRule(compiled_, *this, idOrName);
  auto it = rule.params.find(param);
  if (it == rule.params.end()) {
    std::string known;
    for (const auto& [name, v] : rule.params) known += (known.empty() ? "" : ", ") + name;
    throw std::invalid_argument(rule.info.id + " [" + rule.info.name + "] has no parameter '" + param + "'" +
                                (known.empty() ? " (it has none)" : " (it has: " + known + ")"));
  }
  const Value& old = it->second;
  const bool sameKind = old.kind() == value.kind() || (old.kind() == Value::Kind::Double && value.isNumber());
  if (!sameKind) {
    throw std::invalid_argument("parameter '" + param + "' of " + rule.info.id + " expects " + kindName(old.kind()) +
                                " (default " + old.str() + "), got " + kindName(value.kind()));
  }
  auto params = rule.params;
  params[param] = value;
  if (auto error = templateParamError(rule.info.templateName, params)) {
    throw std::invalid_argument("parameter '" + param + "' of " + rule.info.id + ": " + *error);
  }
  rule.params = std::move(params);
  for (RuleParam& p : rule.info.params) {
    if (p.name == param) p.value = value;
  }
}

const std::set<std::string>& RuleSet::checkedKeys(EntityKind kind) const {
  static const std::set<std::string> kNone;
  auto it = checkedByKind_.find(kind);
  return it == checkedByKind_.end() ? kNone : it->second;
}

}  // namespace kafkalint
