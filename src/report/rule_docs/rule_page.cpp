#include "rule_docs/rule_page.hpp"

#include "kafkalint/rule_reference.hpp"
#include "kafkalint/text.hpp"

namespace kafkalint {

namespace {

std::string trimmed(const std::string& text) { return std::string(trimView(text)); }

// A message template on one line, as the finding prints it.
std::string oneLine(const std::string& text) {
  std::string out;
  for (std::string_view word : splitView(text, ' ')) {
    for (std::string_view part : splitView(word, '\n')) {
      if (!part.empty()) out.append(out.empty() ? "" : " ").append(part);
    }
  }
  return out;
}

}  // namespace

std::string joined(const std::vector<std::string>& items, const std::string& separator) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : separator) + item;
  return out;
}

RulePage rulePage(const RuleInfo& r) {
  RulePage p;
  p.id = r.id;
  p.name = r.name;
  p.severity = std::string(severityId(r.severity));
  std::vector<std::string> scope;
  for (EntityKind k : r.scope) scope.emplace_back(entityKindId(k));
  p.appliesTo = joined(scope, ", ");
  p.summary = r.summary;
  p.rationale = r.rationale;
  p.remediation = r.remediation;
  p.expression = r.templateName == "expression";
  p.keys = r.keys;
  p.when = trimmed(r.when);
  p.require = trimmed(r.require);
  p.message = oneLine(r.message);
  p.templateName = r.templateName;
  if (const TemplateReference* t = findTemplateReference(r.templateName)) p.templateDoc = std::string(t->doc);
  for (const RuleParam& param : r.params) p.params.push_back({param.name, param.value.str(), param.description});
  p.references = r.references;
  p.tags = r.tags;
  p.suppressible = r.suppressible;
  p.definedIn = r.origin;
  p.builtin = r.builtin;
  return p;
}

}  // namespace kafkalint
