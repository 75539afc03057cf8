#include "rule_file/reader.hpp"

#include "checks/registry.hpp"
#include "kafkalint/config_tree.hpp"
#include "kafkalint/errors.hpp"
#include "kafkalint/text.hpp"
#include "rule_file/fields.hpp"

namespace kafkalint {

namespace {

class RuleReader {
 public:
  RuleReader(const std::string& path, std::string_view text, bool builtin)
      : in_(path, text), text_(text), builtin_(builtin) {}

  std::vector<std::unique_ptr<RuleSet::Compiled>> read() {
    const ConfigTree tree = parseYamlTree(kNoFile, in_.path(), text_);
    std::vector<std::unique_ptr<RuleSet::Compiled>> out;
    for (const TreeNode& doc : tree.documents) {
      if (doc.isNull()) continue;
      if (!doc.isMap())
        in_.fail(doc, "expected a rule (a mapping with id, name, severity, ...) or 'rules:' with a list");
      in_.checkDuplicateKeys(doc);
      const TreeNode* list = doc.get("rules");
      if (list == nullptr) {
        out.push_back(rule(doc));
        continue;
      }
      if (doc.entries.size() != 1) in_.fail(doc, "a file with 'rules:' must not have other top-level fields");
      if (!list->isSeq()) in_.fail(*list, "expected a list of rules under 'rules:'");
      for (const TreeNode& r : list->items) out.push_back(rule(r));
    }
    if (out.empty()) throw InputError(in_.path(), 1, 1, "no rules in file; expected a rule mapping or 'rules:' list");
    return out;
  }

 private:
  std::unique_ptr<RuleSet::Compiled> rule(const TreeNode& node) {
    if (!node.isMap()) in_.fail(node, "expected a rule: a mapping with id, name, severity, scope, ...");
    in_.checkDuplicateKeys(node);
    for (const TreeEntry& e : node.entries) {
      if (findField(e.first.scalar) == nullptr) unknownField(e.first);
    }
    auto rule = std::make_unique<RuleSet::Compiled>();
    rule->info.origin = in_.path();
    rule->info.builtin = builtin_;
    for (const RuleField& field : ruleFields()) {
      const TreeNode* value = node.get(field.name);
      const bool applies = appliesTo(field, rule->info.templateName);
      if (value == nullptr) {
        if (field.required && applies) in_.fail(node, std::string("missing required field '").append(field.name) + "'");
        continue;
      }
      if (!applies) {
        in_.fail(*value, std::string("'").append(field.name).append("' does not apply to template '") +
                             rule->info.templateName + "' (it is implemented in code)");
      }
      field.read(in_, *value, *rule);
    }
    try {
      rule->check = bindCheck(rule->info, rule->params);
    } catch (const TemplateError& e) {
      failAtCause(node, e);
    }
    return rule;
  }

  [[noreturn]] void unknownField(const TreeNode& key) const {
    std::vector<std::string> names;
    std::string list;
    for (const RuleField& f : ruleFields()) {
      names.emplace_back(f.name);
      list += (list.empty() ? "" : ", ") + std::string(f.name);
    }
    auto hint = closestMatch(key.scalar, names);
    in_.fail(key, "unknown field '" + key.scalar + "'" + (hint ? "; did you mean '" + *hint + "'?" : "") +
                      " (expected one of: " + list + ")");
  }

  // A rule its template refused: at the parameter or the field at fault (inside its text when the
  // error has an offset), else at the template.
  [[noreturn]] void failAtCause(const TreeNode& rule, const TemplateError& e) const {
    const TreeNode* templateNode = rule.get("template");
    const TreeNode& fallback = templateNode != nullptr ? *templateNode : rule;
    if (!e.param().empty()) {
      const TreeNode* params = rule.get("params");
      const TreeNode* param = params != nullptr ? params->get(e.param()) : nullptr;
      if (param != nullptr && param->isMap() && param->get("default") != nullptr) param = param->get("default");
      in_.fail(param != nullptr ? *param : fallback, e.what());
    }
    const TreeNode* field = e.field().empty() ? nullptr : rule.get(e.field());
    if (field == nullptr) in_.fail(fallback, e.what());
    if (field->isScalar() && e.offset() != std::string::npos) in_.failAt(*field, e.offset(), e.what());
    in_.fail(*field, e.what());
  }

  FieldValues in_;
  std::string_view text_;
  bool builtin_;
};

}  // namespace

std::vector<std::unique_ptr<RuleSet::Compiled>> readRuleFile(const std::string& displayPath, std::string_view text,
                                                             bool builtin) {
  return RuleReader(displayPath, text, builtin).read();
}

}  // namespace kafkalint
