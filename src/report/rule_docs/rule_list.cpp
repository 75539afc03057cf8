// `kafkalint rules`: one line per rule (text, JSON, or the Markdown table of the README).
#include <algorithm>
#include <nlohmann/json.hpp>

#include "kafkalint/rule_docs.hpp"
#include "rule_docs/markdown.hpp"
#include "rule_docs/rule_page.hpp"

namespace kafkalint {

void writeRuleList(std::ostream& out, const RuleSet& rules, bool json) {
  auto list = rules.rules();
  if (json) {
    nlohmann::ordered_json doc = nlohmann::ordered_json::array();
    for (const RuleInfo* r : list) {
      nlohmann::ordered_json params = nlohmann::ordered_json::object();
      for (const RuleParam& p : r->params) params[p.name] = p.value.str();
      doc.push_back({{"id", r->id},
                     {"name", r->name},
                     {"severity", severityId(r->severity)},
                     {"scope", rulePage(*r).appliesTo},
                     {"template", r->templateName},
                     {"summary", r->summary},
                     {"tags", r->tags},
                     {"params", params},
                     {"builtin", r->builtin},
                     {"origin", r->origin}});
    }
    out << doc.dump(2) << "\n";
    return;
  }
  std::size_t nameWidth = 4;
  for (const RuleInfo* r : list) nameWidth = std::max(nameWidth, r->name.size());
  for (const RuleInfo* r : list) {
    std::string sev(severityId(r->severity));
    out << r->id << "  " << sev << std::string(8 - sev.size(), ' ') << r->name
        << std::string(nameWidth - r->name.size() + 2, ' ') << r->summary << "\n";
  }
}

void writeRuleTable(std::ostream& out, const RuleSet& rules) {
  out << "| id | severity | name | summary |\n|---|---|---|---|\n";
  for (const RuleInfo* r : rules.rules()) {
    out << "| " << r->id << " | " << severityId(r->severity) << " | " << r->name << " | " << cell(r->summary) << " |\n";
  }
}

}  // namespace kafkalint
