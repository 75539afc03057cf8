// `kafkalint rules` and `kafkalint explain`: rule documentation from the same registry the engine runs.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "kafkalint/report.hpp"

namespace kafkalint {

#ifndef KAFKALINT_VERSION
#define KAFKALINT_VERSION "0.0.0"
#endif

std::string_view toolVersion() { return KAFKALINT_VERSION; }

namespace {

std::string scopeList(const RuleInfo& r) {
  std::string out;
  for (EntityKind k : r.scope) out += (out.empty() ? "" : ", ") + std::string(entityKindId(k));
  return out;
}

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

}  // namespace

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
                     {"scope", scopeList(*r)},
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

void writeRuleExplanation(std::ostream& out, const RuleInfo& r) {
  out << r.id << " " << r.name << " (" << severityId(r.severity) << ")\n";
  out << "Applies to: " << scopeList(r) << "\n";
  out << r.summary << "\n\n";
  out << "Why it matters:\n";
  indented(out, r.rationale);
  out << "\nHow to fix:\n";
  indented(out, r.remediation);
  if (r.templateName == "expression") {
    out << "\nCondition:\n";
    if (!r.when.empty()) out << "  applies when: " << r.when << "\n";
    out << "  must hold:    " << r.require << "\n";
    out << "  keys:         ";
    for (std::size_t i = 0; i < r.keys.size(); ++i) out << (i ? ", " : "") << r.keys[i];
    out << "\n";
  } else {
    out << "\nCheck: implemented in code (template " << r.templateName << ")\n";
  }
  if (!r.params.empty()) {
    out << "\nParameters:\n";
    for (const RuleParam& p : r.params) {
      out << "  " << p.name << " = " << p.value.str();
      if (!p.description.empty()) out << "  (" << p.description << ")";
      out << "\n";
    }
  }
  if (!r.references.empty()) {
    out << "\nReferences:\n";
    for (const std::string& ref : r.references) out << "  - " << ref << "\n";
  }
  if (!r.tags.empty()) {
    out << "\nTags: ";
    for (std::size_t i = 0; i < r.tags.size(); ++i) out << (i ? ", " : "") << r.tags[i];
    out << "\n";
  }
  if (!r.suppressible) {
    out << "Suppressible: no (it reports checks that could not be made: it cannot be turned off, downgraded, "
           "suppressed or baselined)\n";
  }
  out << "Defined in: " << r.origin << (r.builtin ? " (built in)" : "") << "\n";
}

}  // namespace kafkalint
