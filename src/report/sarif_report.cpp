// The SARIF 2.1.0 report, shaped for GitHub code scanning (docs/ci.md): one run, every rule in
// tool.driver.rules, one result per finding with a repository-relative location.
#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "ci_support.hpp"
#include "kafkalint/report_formats.hpp"
#include "kafkalint/secrets.hpp"
#include "kafkalint/text.hpp"

#ifndef KAFKALINT_HOMEPAGE
#define KAFKALINT_HOMEPAGE "https://kafkalint.dev"
#endif

namespace kafkalint {

using Json = nlohmann::ordered_json;

namespace {

constexpr std::string_view kSchema =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
constexpr std::string_view kSourceRoot = "%SRCROOT%";
constexpr std::size_t kMaxDescription = 1024;  // GitHub's limit for short and full descriptions

std::string clipped(std::string text) {
  if (text.size() <= kMaxDescription) return text;
  std::size_t cut = text.rfind(' ', kMaxDescription - 4);
  if (cut == std::string::npos) cut = kMaxDescription - 4;
  return text.substr(0, cut) + " ...";
}

// Rule texts are wrapped in their YAML files: one line per paragraph reads better in CI tools.
std::string unwrapped(const std::string& text) {
  std::string out(trimView(text));
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (out[i] != '\n') continue;
    if (i + 1 < out.size() && out[i + 1] == '\n') {
      i += 1;  // a paragraph break stays
    } else {
      out[i] = ' ';
    }
  }
  return out;
}

std::string ruleDocUri(const RuleInfo& rule) {
  return std::string(KAFKALINT_HOMEPAGE) + "/docs/rules/" + ci::percentEncodePath(rule.id) + ".md";
}

// The rule page (docs/rules/ID.md) in short: GitHub shows it under each alert.
std::string ruleMarkdown(const RuleInfo& rule) {
  std::string scope;
  for (EntityKind k : rule.scope) scope += (scope.empty() ? "" : ", ") + std::string(entityKindId(k));
  std::string md = "**" + rule.id + " " + rule.name + "** (" + std::string(severityId(rule.severity)) +
                   "; applies to " + scope + "): " + std::string(trimView(rule.summary)) + "\n\n## Why it matters\n\n" +
                   std::string(trimView(rule.rationale)) + "\n\n## How to fix\n\n" +
                   std::string(trimView(rule.remediation)) + "\n";
  if (!rule.references.empty()) {
    md += "\n## References\n\n";
    for (const std::string& ref : rule.references) md += "- " + ref + "\n";
  }
  return md;
}

std::string_view problemSeverity(Severity s) {
  switch (s) {
    case Severity::Error:
      return "error";
    case Severity::Warning:
      return "warning";
    case Severity::Note:
      return "recommendation";
  }
  return "warning";
}

Json ruleDescriptor(const RuleInfo& rule) {
  Json tags = Json::array();
  for (const std::string& tag : rule.tags) {
    if (std::find(tags.begin(), tags.end(), tag) == tags.end()) tags.push_back(tag);  // SARIF: tags are unique
  }
  Json help{{"text", unwrapped(rule.remediation)}, {"markdown", ruleMarkdown(rule)}};
  Json d{{"id", rule.id},
         {"name", rule.name},
         {"shortDescription", {{"text", clipped(unwrapped(rule.summary))}}},
         {"fullDescription", {{"text", clipped(unwrapped(rule.rationale))}}},
         {"help", std::move(help)}};
  if (rule.builtin) d["helpUri"] = ruleDocUri(rule);  // a user's rule has no page of ours
  d["defaultConfiguration"] = {{"level", severityId(rule.severity)}};
  // Rules read configuration values; they do not guess.
  d["properties"] = {
      {"tags", std::move(tags)}, {"precision", "very-high"}, {"problem.severity", problemSeverity(rule.severity)}};
  return d;
}

Json physicalLocation(const ci::FilePlace& place) {
  Json artifact = place.relative ? Json{{"uri", ci::percentEncodePath(place.path)}, {"uriBaseId", kSourceRoot}}
                                 : Json{{"uri", ci::fileUri(place.path, false)}};
  Json region{{"startLine", place.line}};
  if (place.column > 0) region["startColumn"] = place.column;
  return Json{{"artifactLocation", std::move(artifact)}, {"region", std::move(region)}};
}

std::string_view baselineStateId(BaselineState s) {
  switch (s) {
    case BaselineState::New:
      return "new";
    case BaselineState::Unchanged:
      return "unchanged";
    case BaselineState::Updated:
      return "updated";
    case BaselineState::Absent:
      return "absent";
    case BaselineState::None:
      break;
  }
  return "";
}

Json result(const Finding& f, const std::string& id, const std::map<std::string, std::size_t, std::less<>>& ruleIndex,
            const ci::Places& places) {
  const std::string live = places.liveSubject(f);
  Json r{{"ruleId", f.ruleId}};
  if (auto it = ruleIndex.find(f.ruleId); it != ruleIndex.end()) r["ruleIndex"] = it->second;
  r["level"] = severityId(f.severity);
  r["message"] = {{"text", live.empty() ? f.message : live + ": " + f.message}};

  std::string keys;
  for (const std::string& k : f.keys) keys += (keys.empty() ? "" : ",") + k;
  Json location = Json::object();
  if (auto place = places.of(f)) location["physicalLocation"] = physicalLocation(*place);
  location["logicalLocations"] =
      Json::array({{{"name", f.entityName},
                    {"fullyQualifiedName", places.qualifiedEntityName(f) + (keys.empty() ? "" : "/config/" + keys)},
                    {"kind", "resource"}}});
  r["locations"] = Json::array({std::move(location)});
  r["partialFingerprints"] = {{kSarifFingerprintKey, id}};
  if (f.baselineState != BaselineState::None) r["baselineState"] = baselineStateId(f.baselineState);
  if (!f.suppressions.empty()) {
    Json suppressions = Json::array();
    for (const Suppression& s : f.suppressions) {
      Json item{{"kind", s.kind == Suppression::Kind::InSource ? "inSource" : "external"}, {"status", "accepted"}};
      if (!s.justification.empty()) item["justification"] = s.justification;
      suppressions.push_back(std::move(item));
    }
    r["suppressions"] = std::move(suppressions);
  }
  r["properties"] = {{"entityKind", entityKindId(f.entityKind)}, {"entity", f.entityName}, {"keys", f.keys}};
  return r;
}

// Input errors, an audit with nothing to check, checks a live cluster did not allow: the run did
// not do all it was asked.
Json notifications(const Report& report, const ci::Places& places) {
  Json out = Json::array();
  for (const InputError& e : report.errors) {
    Json n{{"level", "error"}, {"message", {{"text", std::string(e.what())}}}};
    if (auto place = places.ofPath(e.path(), e.line(), e.column())) {
      n["locations"] = Json::array({{{"physicalLocation", physicalLocation(*place)}}});
    }
    out.push_back(std::move(n));
  }
  if (report.verdict.nothingChecked) {
    out.push_back({{"level", "error"}, {"message", {{"text", "nothing checked: no Kafka configuration found."}}}});
  }
  if (report.gate != nullptr && !report.gate->staleBaseline.empty()) {
    out.push_back({{"level", "note"},
                   {"message",
                    {{"text", std::to_string(report.gate->staleBaseline.size()) + " entries of the baseline " +
                                  report.gate->baselinePath +
                                  " match no finding any more; write it again with --write-baseline to drop them."}}}});
  }
  if (report.verdict.exitCode == ExitCode::CouldNotVerify) {
    out.push_back({{"level", "error"},
                   {"message",
                    {{"text", "some checks could not be made against the live cluster: " +
                                  std::to_string(report.verdict.unverified) +
                                  " cluster-unverified results say what could not be read."}}}});
  }
  return out;
}

// A stale baseline entry as a finding, for an "absent" result.
Finding absentFinding(const BaselineEntry& e, const Report& report) {
  Finding f;
  f.ruleId = e.identity.rule;
  const RuleInfo* rule = report.rules.find(e.identity.rule);
  f.ruleName = rule != nullptr ? rule->name : "";
  f.severity = rule != nullptr ? rule->severity : Severity::Warning;
  const std::size_t colon = e.identity.entity.find(':');
  if (auto kind = parseEntityKind(e.identity.entity.substr(0, colon))) f.entityKind = *kind;
  f.entityName = colon == std::string::npos ? e.identity.entity : e.identity.entity.substr(colon + 1);
  f.cluster = e.identity.cluster;
  f.relatedTopic = e.identity.topic;
  f.keys = e.identity.keys;
  f.message = "baseline entry with no matching finding any more (" + report.gate->baselinePath + ":" +
              std::to_string(e.line) + "): fixed or renamed";
  f.baselineState = BaselineState::Absent;
  return f;
}

}  // namespace

void writeSarif(std::ostream& out, const Report& report, const std::filesystem::path& workingDirectory) {
  const ci::Places places(report.model, workingDirectory);

  Json rules = Json::array();
  std::map<std::string, std::size_t, std::less<>> ruleIndex;
  for (const RuleInfo* rule : report.rules.rules()) {
    if (!rule->enabled) continue;  // rules[] lists the rules that ran
    ruleIndex[rule->id] = rules.size();
    rules.push_back(ruleDescriptor(*rule));
  }

  Json results = Json::array();
  const std::vector<std::string> ids = ci::uniqueFingerprints(report.findings);
  for (std::size_t i = 0; i < report.findings.size(); ++i) {
    results.push_back(result(report.findings[i], ids[i], ruleIndex, places));
  }
  // Baseline entries no finding matches any more: "absent" results, shown with --show-suppressed
  // only (GitHub ignores baselineState and would open alerts for them).
  if (report.gate != nullptr && report.gate->showSuppressed) {
    for (const BaselineEntry& e : report.gate->staleBaseline) {
      const Finding f = absentFinding(e, report);
      results.push_back(result(f, fingerprint(f), ruleIndex, places));
    }
  }

  Json invocation{{"executionSuccessful", report.verdict.auditComplete()},
                  {"exitCode", static_cast<int>(report.verdict.exitCode)},
                  {"exitCodeDescription", report.verdict.description()}};
  if (Json n = notifications(report, places); !n.empty()) invocation["toolExecutionNotifications"] = std::move(n);
  invocation["workingDirectory"] = {{"uri", ci::fileUri(workingDirectory, true)}};

  // A category per live cluster, so that uploads for different clusters do not replace each other.
  std::string category = "kafkalint/";
  for (const LiveCluster& live : report.model.live) category += live.bootstrap + "/";

  Json run{{"tool",
            {{"driver",
              {{"name", "kafkalint"},
               {"version", toolVersion()},
               {"semanticVersion", toolVersion()},
               {"informationUri", KAFKALINT_HOMEPAGE},
               {"rules", std::move(rules)}}}}},
           {"invocations", Json::array({std::move(invocation)})},
           {"automationDetails", {{"id", category}}},
           {"originalUriBaseIds", {{kSourceRoot, {{"uri", ci::fileUri(workingDirectory, true)}}}}}};
  // Columns count code points; SARIF wants the unit only when text files were read.
  if (!report.model.inputs.empty()) run["columnKind"] = "unicodeCodePoints";
  run["redactionTokens"] = Json::array({kRedacted});
  run["results"] = std::move(results);
  run["properties"] = {{"kafkaVersion", report.kafkaVersion.str()}, {"clientVersion", report.clientVersion.str()}};

  Json doc{{"$schema", kSchema}, {"version", "2.1.0"}, {"runs", Json::array({std::move(run)})}};
  out << doc.dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
}

}  // namespace kafkalint
