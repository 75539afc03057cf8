// The JSON report (schemaVersion 1): documented in docs/json-report.md and docs/report.schema.json.
#include <nlohmann/json.hpp>

#include "ci_support.hpp"
#include "kafkalint/catalog.hpp"
#include "kafkalint/report.hpp"
#include "kafkalint/resolve.hpp"

namespace kafkalint {

using Json = nlohmann::ordered_json;

namespace {

Json location(const SourceLocation& loc, const SourceFiles& files) {
  if (!loc.valid()) return nullptr;
  // Line 0: a live cluster (kafka://bootstrap), which has no lines.
  return Json{{"file", files.path(loc.file)},
              {"line", loc.line > 0 ? Json(loc.line) : Json(nullptr)},
              {"column", loc.line > 0 ? Json(loc.column) : Json(nullptr)}};
}

std::string_view statusId(InputRecord::Status s) {
  switch (s) {
    case InputRecord::Status::Checked:
      return "checked";
    case InputRecord::Status::Skipped:
      return "skipped";
    case InputRecord::Status::Unclassified:
      return "unclassified";
  }
  return "?";
}

Json count(std::int64_t n) { return n < 0 ? Json(-1) : Json(n); }

Json budgetJson(const TopicBudget& b, const SourceFiles& files) {
  const bool placement = b.basis == TopicBudget::Basis::Placement;
  Json item{{"topic", b.topic->name},
            {"cluster", b.clusterName().empty() ? Json(nullptr) : Json(b.clusterName())},
            {"location", location(b.topic->origin, files)},
            {"basis", placement ? "placement" : "nominal"}};
  item["partitions"] = b.partitions ? Json(*b.partitions) : Json(nullptr);
  item["replicationFactor"] = b.replicationFactor > 0 ? Json(b.replicationFactor) : Json(nullptr);
  item["maxReplicationFactor"] = b.maxReplicationFactor > 0 ? Json(b.maxReplicationFactor) : Json(nullptr);
  item["minInsyncReplicas"] = b.computed() ? Json(b.minInsyncReplicas) : Json(nullptr);
  item["uncleanLeaderElection"] = b.uncleanElection ? Json(*b.uncleanElection) : Json(nullptr);
  if (!b.computed()) {
    item["writes"] = nullptr;
    item["ackedWrites"] = nullptr;
    item["reason"] = b.notComputed;
    return item;
  }
  auto side = [&](const FailureBudget& f) {
    return Json{{"brokers", count(f.brokers)},
                {"racks", f.racks ? count(*f.racks) : Json(nullptr)},
                {"partition", placement ? Json(f.partition) : Json(nullptr)}};
  };
  Json writes = side(b.writes);
  writes["state"] = b.neverWritable ? "never-writable" : b.writes.brokers < 0 ? "stopped" : "accepted";
  Json acked = side(b.ackedWrites);
  acked["lostBy"] = b.uncleanElection.value_or(true) ? "crash" : "disk-loss";
  item["writes"] = std::move(writes);
  item["ackedWrites"] = std::move(acked);
  item["reason"] = nullptr;
  return item;
}

// Writes the document as it goes, in nlohmann's dump(2) layout: each top-level field, and each
// element of the long arrays (findings, budgets), is built and written on its own, so that a report
// on a million partitions never holds its whole DOM in memory.
class JsonStream {
 public:
  explicit JsonStream(std::ostream& out) : out_(out) {}
  void field(std::string_view key, const Json& value) {
    begin(key);
    write(value, 2);
  }
  void beginArray(std::string_view key) {
    begin(key);
    out_ << '[';
    elements_ = 0;
  }
  void element(const Json& value) {
    out_ << (elements_++ == 0 ? "\n    " : ",\n    ");
    write(value, 4);
  }
  void endArray() { out_ << (elements_ == 0 ? "]" : "\n  ]"); }
  void end() { out_ << (first_ ? "{}\n" : "\n}\n"); }

 private:
  void begin(std::string_view key) {
    out_ << (first_ ? "{\n  " : ",\n  ") << Json(std::string(key)).dump() << ": ";
    first_ = false;
  }
  // Strings are escaped in the dump: a raw newline is always the layout's.
  void write(const Json& value, int indent) {
    const std::string text = value.dump(2);
    std::size_t from = 0;
    for (std::size_t nl = text.find('\n'); nl != std::string::npos; nl = text.find('\n', from)) {
      out_.write(text.data() + from, static_cast<std::streamsize>(nl + 1 - from));
      out_.write("    ", indent);
      from = nl + 1;
    }
    out_.write(text.data() + from, static_cast<std::streamsize>(text.size() - from));
  }
  std::ostream& out_;
  bool first_ = true;
  std::size_t elements_ = 0;
};

}  // namespace

namespace {

Json inputsJson(const Model& model) {
  Json inputs = Json::array();
  for (const InputRecord& in : model.inputs) {
    Json kinds = Json::array();
    for (EntityKind k : in.kinds) kinds.push_back(entityKindId(k));
    Json item{{"file", model.files.path(in.file)}, {"status", statusId(in.status)}, {"kinds", kinds}};
    item["dialect"] = in.dialect.empty() ? Json(nullptr) : Json(in.dialect);
    item["reason"] = in.reason;
    inputs.push_back(std::move(item));
  }
  return inputs;
}

Json findingJson(const Finding& f, const SourceFiles& files) {
  Json effective = Json::object();
  for (const EffectiveEntry& e : f.effective) {
    Json v{{"value", e.isSet ? Json(e.value) : Json(nullptr)},
           {"source", provenanceKindId(e.provenance.kind)},
           {"detail", describeProvenance(e.provenance, files)}};
    if (e.provenance.location.valid()) v["location"] = location(e.provenance.location, files);
    effective[e.key] = std::move(v);
  }
  Json entity{{"kind", entityKindId(f.entityKind)}, {"name", f.entityName}};
  if (!f.cluster.empty()) entity["cluster"] = f.cluster;
  if (!f.relatedTopic.empty()) entity["topic"] = f.relatedTopic;
  Json item{{"ruleId", f.ruleId},
            {"ruleName", f.ruleName},
            {"severity", severityId(f.severity)},
            {"entity", std::move(entity)},
            {"keys", f.keys},
            {"message", f.message},
            {"location", location(f.location, files)},
            {"effective", std::move(effective)},
            {"fingerprint", fingerprint(f)}};
  if (!f.suppressions.empty()) {
    Json suppressions = Json::array();
    for (const Suppression& s : f.suppressions) {
      suppressions.push_back(Json{{"kind", s.kind == Suppression::Kind::InSource ? "inSource" : "external"},
                                  {"justification", s.justification}});
    }
    item["suppressions"] = std::move(suppressions);
  }
  if (f.baselineState != BaselineState::None) {
    item["baselineState"] = f.baselineState == BaselineState::New ? "new" : "unchanged";
  }
  return item;
}

Json errorsJson(const std::vector<InputError>& inputErrors) {
  Json errors = Json::array();
  for (const InputError& e : inputErrors) {
    Json item{{"file", e.path()}};
    item["line"] = e.line() > 0 ? Json(e.line()) : Json(nullptr);
    item["column"] = e.column() > 0 ? Json(e.column()) : Json(nullptr);
    item["message"] = e.what();
    errors.push_back(std::move(item));
  }
  return errors;
}

Json clusterJson(const LiveCluster& live, const Model& model) {
  std::size_t brokers = 0, topics = 0, partitions = 0;
  for (const Entity& e : model.entities) {
    if (e.cluster != live.entity) continue;
    brokers += e.kind == EntityKind::Broker ? 1 : 0;
    topics += e.kind == EntityKind::Topic ? 1 : 0;
    partitions += e.placement ? e.placement->partitions.size() : 0;
  }
  Json racks = Json::object();
  for (const auto& [id, rack] : live.racks) racks[std::to_string(id)] = rack.empty() ? Json(nullptr) : Json(rack);
  Json groups = Json::array();
  for (const ConsumerGroupState& g : live.groups) {
    groups.push_back(Json{{"id", g.id},
                          {"state", g.state},
                          {"members", g.members},
                          {"topics", g.topics},
                          {"error", g.error.empty() ? Json(nullptr) : Json(g.error)}});
  }
  return Json{{"bootstrap", live.bootstrap},
              {"clusterId", live.clusterId.empty() ? Json(nullptr) : Json(live.clusterId)},
              {"controllerId", live.controllerId},
              {"read", live.entity != nullptr && live.entity->unverified.empty()},
              {"unverified", live.entity == nullptr || live.entity->unverified.empty() ? Json(nullptr)
                                                                                       : Json(live.entity->unverified)},
              {"brokers", brokers},
              {"topics", topics},
              {"partitions", partitions},
              {"racks", std::move(racks)},
              {"groups", std::move(groups)},
              {"groupsError", live.groupsError.empty() ? Json(nullptr) : Json(live.groupsError)}};
}

Json gateJson(const GateSummary& gate) {
  Json g{{"suppressedInline", gate.suppressedInline},
         {"suppressedByEntry", gate.suppressedByEntry},
         {"excluded", gate.excluded},
         {"belowMinSeverity", gate.belowMinSeverity},
         {"suppressedShown", gate.showSuppressed}};
  if (!gate.baselineUsed) return g;
  Json stale = Json::array();
  for (const BaselineEntry& e : gate.staleBaseline) {
    Json item{{"ruleId", e.identity.rule},
              {"entity", e.identity.entity},
              {"keys", e.identity.keys},
              {"count", e.count},
              {"line", e.line}};
    if (!e.identity.cluster.empty()) item["cluster"] = e.identity.cluster;
    if (!e.identity.topic.empty()) item["topic"] = e.identity.topic;
    stale.push_back(std::move(item));
  }
  g["baseline"] = Json{{"file", gate.baselinePath}, {"matched", gate.baselined}, {"stale", std::move(stale)}};
  return g;
}

}  // namespace

void writeJson(std::ostream& out, const Report& report) {
  const SourceFiles& files = report.model.files;
  JsonStream doc(out);
  doc.field("schemaVersion", kJsonSchemaVersion);
  doc.field("tool", {{"name", "kafkalint"},
                     {"version", toolVersion()},
                     {"kafkaVersion", report.kafkaVersion.str()},
                     {"clientVersion", report.clientVersion.str()},
                     {"rules", report.rules.compiled().size()}});
  doc.field("inputs", inputsJson(report.model));

  std::size_t counts[3] = {0, 0, 0};
  doc.beginArray("findings");
  for (const Finding& f : report.findings) {
    if (countsForGate(f)) ++counts[static_cast<int>(f.severity)];
    doc.element(findingJson(f, files));
  }
  doc.endArray();
  doc.field("errors", errorsJson(report.errors));

  if (!report.model.live.empty()) {
    Json clusters = Json::array();
    for (const LiveCluster& live : report.model.live) clusters.push_back(clusterJson(live, report.model));
    doc.field("clusters", clusters);
  }
  if (report.budgets != nullptr) {
    doc.beginArray("durabilityBudget");
    for (const TopicBudget& b : *report.budgets) doc.element(budgetJson(b, files));
    doc.endArray();
  }
  if (report.gate != nullptr) doc.field("gate", gateJson(*report.gate));

  std::size_t checked = 0;
  for (const InputRecord& in : report.model.inputs) checked += in.status == InputRecord::Status::Checked ? 1 : 0;
  doc.field("summary", {{"errors", counts[2]},
                        {"warnings", counts[1]},
                        {"notes", counts[0]},
                        {"files", report.model.inputs.size()},
                        {"filesChecked", checked},
                        {"entities", report.model.entities.size()},
                        {"inputErrors", report.errors.size()},
                        {"exitCode", static_cast<int>(report.verdict.exitCode)}});
  doc.end();
}

}  // namespace kafkalint
