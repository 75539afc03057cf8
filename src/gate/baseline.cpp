// Baselines: the findings accepted when the file was written, keyed by identity, in TOML so that
// a reviewer can read the diff and errors point at a line.
#include <toml++/toml.h>

#include <algorithm>
#include <map>

#include "kafkalint/errors.hpp"
#include "kafkalint/gate.hpp"
#include "kafkalint/text_file.hpp"
#include "kafkalint/toml_document.hpp"

namespace kafkalint {

namespace {

constexpr std::string_view kEntryKeys[] = {"rule", "name",  "entity", "cluster", "topic",
                                           "keys", "count", "file",   "message"};

// A TOML basic string.
std::string tomlString(std::string_view text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (c < 0x20 || c == 0x7f) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

}  // namespace

std::string baselineText(const std::vector<Finding>& findings, const SourceFiles& files) {
  struct Group {
    std::size_t count = 0;
    std::string ruleName, file, message;
  };
  std::map<FindingIdentity, Group> groups;  // sorted: the file does not depend on the input order
  for (const Finding& f : findings) {
    Group& g = groups[identityOf(f)];
    if (g.count++ == 0) {
      g.ruleName = f.ruleName;
      g.file = f.location.valid() ? files.path(f.location.file) : "";
      g.message = f.message;
    }
  }
  std::string out =
      "# kafkalint baseline: the findings accepted when this file was written (kafkalint check --write-baseline).\n"
      "# A finding matches an entry by rule, entity, cluster, topic and keys, not by line, so edits around it do\n"
      "# not matter; `name`, `file` and `message` are for reviewers. Entries no finding matches any more are\n"
      "# reported as stale: write the file again to drop them.\n"
      "version = 1\n";
  for (const auto& [id, g] : groups) {
    out += "\n[[finding]]\nrule = " + tomlString(id.rule) + "\nname = " + tomlString(g.ruleName) +
           "\nentity = " + tomlString(id.entity) + "\n";
    if (!id.cluster.empty()) out += "cluster = " + tomlString(id.cluster) + "\n";
    if (!id.topic.empty()) out += "topic = " + tomlString(id.topic) + "\n";
    out += "keys = [";
    for (std::size_t i = 0; i < id.keys.size(); ++i) out += (i ? ", " : "") + tomlString(id.keys[i]);
    out += "]\n";
    if (g.count > 1) out += "count = " + std::to_string(g.count) + "\n";
    if (!g.file.empty()) out += "file = " + tomlString(g.file) + "\n";
    out += "message = " + tomlString(g.message) + "\n";
  }
  return out;
}

Baseline readBaseline(const std::string& path) { return parseBaseline(path, readTextFile(path, path).content); }

namespace {

[[noreturn]] void fail(const std::string& path, const toml::node& node, const std::string& what) {
  throw InputError(path, std::uint32_t(node.source().begin.line), std::uint32_t(node.source().begin.column), what);
}

// One [[finding]] table.
BaselineEntry baselineEntry(const std::string& path, const toml::node& node) {
  const toml::table* entry = node.as_table();
  if (entry == nullptr) fail(path, node, "expected a table in [[finding]]");
  BaselineEntry e;
  e.line = std::uint32_t(node.source().begin.line);
  auto string = [&](std::string_view key, bool required) -> std::string {
    const toml::node* v = entry->get(key);
    if (v == nullptr) {
      if (required) fail(path, node, "a [[finding]] entry needs '" + std::string(key) + "'");
      return "";
    }
    if (!v->is_string()) fail(path, *v, "expected a string for '" + std::string(key) + "'");
    return v->as_string()->get();
  };
  for (const auto& [key, value] : *entry) {
    if (std::find(std::begin(kEntryKeys), std::end(kEntryKeys), key.str()) == std::end(kEntryKeys)) {
      fail(path, value,
           "unknown key '" + std::string(key.str()) +
               "' in [[finding]] (expected rule, name, entity, cluster, topic, keys, count, file, message)");
    }
  }
  e.identity.rule = string("rule", true);
  e.identity.entity = string("entity", true);
  if (e.identity.entity.find(':') == std::string::npos) {
    fail(path, *entry->get("entity"), "expected entity = \"KIND:NAME\", e.g. \"topic:orders\"");
  }
  e.identity.cluster = string("cluster", false);
  e.identity.topic = string("topic", false);
  e.file = string("file", false);
  e.message = string("message", false);
  if (const toml::node* keys = entry->get("keys")) {
    const toml::array* list = keys->as_array();
    if (list == nullptr) fail(path, *keys, "expected a list of strings for 'keys'");
    for (const toml::node& k : *list) {
      if (!k.is_string()) fail(path, k, "expected a string in 'keys'");
      e.identity.keys.push_back(k.as_string()->get());
    }
  }
  if (const toml::node* count = entry->get("count")) {
    if (!count->is_integer() || count->as_integer()->get() < 1) fail(path, *count, "expected a count of 1 or more");
    e.count = std::size_t(count->as_integer()->get());
  }
  return e;
}

}  // namespace

Baseline parseBaseline(const std::string& path, std::string_view content) {
  checkText(path, content);
  const toml::table table = parseTomlDocument(path, content);
  const toml::node* version = table.get("version");
  if (version == nullptr || !version->is_integer()) {
    throw InputError(path, 1, 0,
                     "not a kafkalint baseline: expected version = 1 (write one with kafkalint check "
                     "--write-baseline FILE)");
  }
  if (version->as_integer()->get() != 1) fail(path, *version, "unsupported baseline version (this kafkalint reads 1)");
  Baseline baseline;
  baseline.path = path;
  for (const auto& [key, node] : table) {
    if (key.str() != "version" && key.str() != "finding") {
      fail(path, node, "unknown key '" + std::string(key.str()) + "' (expected version and [[finding]] entries)");
    }
  }
  const toml::node* findings = table.get("finding");
  if (findings == nullptr) return baseline;
  const toml::array* array = findings->as_array();
  if (array == nullptr) fail(path, *findings, "expected [[finding]] entries");
  for (const toml::node& node : *array) baseline.entries.push_back(baselineEntry(path, node));
  return baseline;
}

}  // namespace kafkalint
