// `kafkalint explain ID`: a rule's page as text for a terminal.
#include "kafkalint/rule_docs.hpp"
#include "rule_docs/rule_page.hpp"

namespace kafkalint {

namespace {

void indented(std::ostream& out, const std::string& text) {
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + start, end - start);
    if (!line.empty()) out << "  " << line;
    out << "\n";
    start = end + 1;
  }
}

void check(std::ostream& out, const RulePage& p) {
  if (p.expression) {
    out << "\nCondition:\n";
    if (!p.when.empty()) out << "  applies when: " << p.when << "\n";
    out << "  must hold:    " << p.require << "\n";
    out << "  keys:         " << joined(p.keys, ", ") << "\n";
    return;
  }
  out << "\nCheck: implemented in code (template " << p.templateName << ")";
  if (!p.templateDoc.empty()) out << ": " << p.templateDoc;
  out << "\n";
}

}  // namespace

void writeRuleExplanation(std::ostream& out, const RuleInfo& rule) {
  const RulePage p = rulePage(rule);
  out << p.id << " " << p.name << " (" << p.severity << ")\n";
  out << "Applies to: " << p.appliesTo << "\n";
  out << p.summary << "\n\n";
  out << "Why it matters:\n";
  indented(out, p.rationale);
  out << "\nHow to fix:\n";
  indented(out, p.remediation);
  check(out, p);
  if (!p.params.empty()) {
    out << "\nParameters:\n";
    for (const RulePage::Param& param : p.params) {
      out << "  " << param.name << " = " << param.value;
      if (!param.description.empty()) out << "  (" << param.description << ")";
      out << "\n";
    }
  }
  if (!p.references.empty()) {
    out << "\nReferences:\n";
    for (const std::string& ref : p.references) out << "  - " << ref << "\n";
  }
  if (!p.tags.empty()) out << "\nTags: " << joined(p.tags, ", ") << "\n";
  if (!p.suppressible) {
    out << "Suppressible: no (it reports checks that could not be made: it cannot be turned off, downgraded, "
           "suppressed or baselined)\n";
  }
  out << "Defined in: " << p.definedIn << (p.builtin ? " (built in)" : "") << "\n";
}

}  // namespace kafkalint
