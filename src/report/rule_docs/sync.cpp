// docs/rules/ written from the binary (`kafkalint rules --docs DIR`), or compared with what the
// binary would write (`--check`, the ctest rule-docs-up-to-date).
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "kafkalint/errors.hpp"
#include "kafkalint/rule_docs.hpp"

namespace kafkalint {

std::map<std::string, std::string> ruleDocPages(const RuleSet& rules) {
  std::map<std::string, std::string> pages;
  std::ostringstream index;
  writeRuleIndex(index, rules);
  pages["README.md"] = index.str();
  for (const RuleInfo* r : rules.rules()) {
    std::ostringstream page;
    writeRulePage(page, *r);
    pages[r->id + ".md"] = page.str();
  }
  return pages;
}

namespace {

std::optional<std::string> contentOf(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void write(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  if (!out.flush()) throw InputError(path.generic_string(), 0, 0, "cannot write the rule page");
}

}  // namespace

std::vector<std::string> syncRuleDocs(const RuleSet& rules, const std::string& dir, bool checkOnly) {
  namespace fs = std::filesystem;
  const auto pages = ruleDocPages(rules);
  std::error_code ec;
  if (!checkOnly) fs::create_directories(dir, ec);
  if (ec) throw InputError(dir, 0, 0, "cannot create the directory: " + ec.message());
  std::vector<std::string> changed;
  for (const auto& [name, text] : pages) {
    const fs::path path = fs::path(dir) / name;
    if (contentOf(path) == text) continue;
    changed.push_back(name);
    if (!checkOnly) write(path, text);
  }
  std::set<std::string> extra;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (it->path().extension() == ".md" && pages.count(name) == 0) extra.insert(name);
  }
  if (ec && !checkOnly) throw InputError(dir, 0, 0, "cannot read the directory: " + ec.message());
  for (const std::string& name : extra) {
    changed.push_back(name);
    if (!checkOnly) fs::remove(fs::path(dir) / name, ec);
  }
  return changed;
}

int runRuleDocs(std::ostream& log, const RuleSet& rules, const std::string& dir, bool checkOnly) {
  const std::vector<std::string> changed = syncRuleDocs(rules, dir, checkOnly);
  std::string names;
  for (const std::string& name : changed) names += (names.empty() ? "" : ", ") + name;
  if (checkOnly && !changed.empty()) {
    log << "kafkalint: " << dir << ": out of date: " << names << "; run kafkalint rules --docs " << dir << "\n";
    return 1;
  }
  if (!checkOnly && !changed.empty()) log << "kafkalint: " << dir << ": wrote " << names << "\n";
  return 0;
}

}  // namespace kafkalint
