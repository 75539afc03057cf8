// docs/rules/ID.md: a rule's page in Markdown.
#include "kafkalint/rule_docs.hpp"
#include "rule_docs/markdown.hpp"
#include "rule_docs/rule_page.hpp"

namespace kafkalint {

namespace {

void facts(std::ostream& out, const RulePage& p) {
  out << "| | |\n|---|---|\n";
  out << "| Severity | " << p.severity << " |\n";
  out << "| Applies to | " << p.appliesTo << " |\n";
  if (!p.tags.empty()) out << "| Tags | " << cell(joined(p.tags, ", ")) << " |\n";
  if (!p.suppressible) {
    out << "| Suppressible | no: it reports checks that could not be made, so it cannot be turned off, downgraded, "
           "suppressed or baselined ([docs/configuration.md](../configuration.md)) |\n";
  }
  out << "| Template | [`" << p.templateName << "`](README.md#templates) |\n";
  out << "| Defined in | `" << p.definedIn << "` |\n";
}

void codeBlock(std::ostream& out, const std::string& label, const std::string& code) {
  out << label << ":\n\n```\n" << code << "\n```\n\n";
}

void check(std::ostream& out, const RulePage& p) {
  if (p.expression) {
    std::vector<std::string> keys;
    for (const std::string& k : p.keys) keys.push_back("`" + k + "`");
    out << "## Condition\n\nKeys: " << (keys.empty() ? "none" : joined(keys, ", ")) << "\n\n";
    if (!p.when.empty()) codeBlock(out, "Applies when", p.when);
    codeBlock(out, "Must hold", p.require);
    codeBlock(out, "Message", p.message);
    return;
  }
  out << "## Check\n\nImplemented in code, in `src/evaluate/checks/`: template `" << p.templateName << "`, "
      << p.templateDoc << ".\n\n";
}

void params(std::ostream& out, const RulePage& p) {
  if (p.params.empty()) return;
  out << "## Parameters\n\n| name | default | meaning |\n|---|---|---|\n";
  for (const RulePage::Param& param : p.params) {
    out << "| `" << param.name << "` | `" << cell(param.value) << "` | " << cell(param.description) << " |\n";
  }
  out << "\n";
}

}  // namespace

void writeRulePage(std::ostream& out, const RuleInfo& rule) {
  const RulePage p = rulePage(rule);
  std::string summary = p.summary;
  while (!summary.empty() && summary.back() == '.') summary.pop_back();
  out << "# " << p.id << " " << p.name << "\n\n" << summary << "\n\n";
  facts(out, p);
  out << "\n## Why it matters\n\n" << paragraphs(p.rationale) << "\n\n";
  out << "## How to fix\n\n" << paragraphs(p.remediation) << "\n\n";
  check(out, p);
  params(out, p);
  if (!p.references.empty()) {
    out << "## References\n\n";
    for (const std::string& ref : p.references) out << "- " << ref << "\n";
    out << "\n";
  }
  out << "*Generated from `" << p.definedIn << "` by `kafkalint rules --docs`.*\n";
}

}  // namespace kafkalint
