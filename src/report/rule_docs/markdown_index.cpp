// docs/rules/README.md: every rule, then the reference of what a rule file can say (templates,
// fields, functions), from the tables the rule loader and the engine use.
#include "kafkalint/rule_docs.hpp"
#include "kafkalint/rule_reference.hpp"
#include "rule_docs/markdown.hpp"
#include "rule_docs/rule_page.hpp"

namespace kafkalint {

namespace {

void ruleIndex(std::ostream& out, const RuleSet& rules) {
  out << "| id | name | severity | applies to | summary |\n|---|---|---|---|---|\n";
  for (const RuleInfo* r : rules.rules()) {
    const RulePage p = rulePage(*r);
    out << "| [" << p.id << "](" << p.id << ".md) | " << p.name << " | " << p.severity << " | " << p.appliesTo << " | "
        << cell(p.summary) << " |\n";
  }
}

void templates(std::ostream& out) {
  out << "## Templates\n\n"
         "A rule's `template` names the check that runs it: `expression` (the default) evaluates the rule's "
         "conditions, the others are implemented in code (`src/evaluate/checks/`) and take no `keys`, `when`, "
         "`require` or `message`.\n\n"
         "| template | reports | parameters |\n|---|---|---|\n";
  for (const TemplateReference& t : ruleTemplateReference()) {
    out << "| `" << t.name << "` | " << cell(std::string(t.doc)) << " | " << cell(std::string(t.params)) << " |\n";
  }
}

void fields(std::ostream& out) {
  out << "## Rule-file fields\n\n"
         "The fields of a rule ([docs/rule-language.md](../rule-language.md)); any other field is an error.\n\n"
         "| field | required | for | meaning |\n|---|---|---|---|\n";
  for (const FieldReference& f : ruleFieldReference()) {
    out << "| `" << f.name << "` | " << (f.required ? "yes" : "no") << " | "
        << (f.expressionOnly ? "expression rules" : "every rule") << " | " << cell(std::string(f.doc)) << " |\n";
  }
}

void functions(std::ostream& out) {
  out << "## Functions\n\n"
         "The functions of the rule language ([docs/rule-language.md](../rule-language.md#conditions)).\n\n"
         "| function | result |\n|---|---|\n";
  for (const FunctionReference& f : ruleFunctionReference()) {
    out << "| `" << f.signature << "` | " << cell(std::string(f.doc)) << " |\n";
  }
}

}  // namespace

void writeRuleIndex(std::ostream& out, const RuleSet& rules) {
  out << "# kafkalint rules\n\n"
         "Every rule kafkalint runs, written by `kafkalint rules --docs docs/rules` from the rules compiled into it "
         "(`rules/`); `kafkalint explain <ID>` prints the same pages as text.\n\n";
  ruleIndex(out, rules);
  out << "\n";
  templates(out);
  out << "\n";
  fields(out);
  out << "\n";
  functions(out);
}

}  // namespace kafkalint
