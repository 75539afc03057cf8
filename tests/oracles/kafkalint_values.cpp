// Test-only: what kafkalint claims about each oracle cell, through the public API.
//
// Usage: kafkalint_oracle_values CASES OUT
//   CASES: JSON lines, one case each: {"id", "name" (the file name, whose extension decides the
//          parser), "content", "kind" (a --kind override: "producer:java", "consumer:librdkafka",
//          "sarama", "spring"), "version" (--kafka-version), "keys" (rule keys to resolve)}
//   OUT:   JSON lines, one per case: {"id", "errors": [input errors], "entities": [{"kind",
//          "dialect", "values": {key: {"value", "text", "provenance", "detail", "exists"}}}],
//          "findings": [{"rule", "severity", "entityKind", "message"}]}
//
// Each case is loaded with loadText (as a file named on the command line), resolved with a Resolver
// for its version (EntityView::get per key) and evaluated with the built-in rules.
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "kafkalint/errors.hpp"
#include "kafkalint/evaluate.hpp"
#include "kafkalint/load.hpp"
#include "kafkalint/resolve.hpp"
#include "kafkalint/rules.hpp"

namespace {

using nlohmann::json;
using namespace kafkalint;

json valueJson(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::Null:
      return nullptr;
    case Value::Kind::Unknown:
      return json{{"unknown", v.str()}};
    case Value::Kind::Bool:
      return v.asBool();
    case Value::Kind::Int:
      return v.asInt();
    case Value::Kind::Double:
      return v.asDouble();
    case Value::Kind::String:
      return v.asString();
    case Value::Kind::List:
      return v.str();
  }
  return nullptr;
}

json runCase(const json& c, const RuleSet& rules) {
  json out = {{"id", c.at("id")}, {"errors", json::array()}, {"entities", json::array()}, {"findings", json::array()}};
  const std::string name = c.at("name");
  LoadOptions options;
  options.kindOverrides.push_back(parseKindOverride(c.at("kind").get<std::string>() + "=" + name));
  LoadResult loaded;
  try {
    loadText(loaded, name, c.at("content").get<std::string>(), options);
  } catch (const InputError& e) {
    out["errors"].push_back(e.what());
    return out;
  }
  for (const InputError& e : loaded.errors) out["errors"].push_back(e.what());
  auto version = KafkaVersion::parse(c.at("version").get<std::string>());
  if (!version) throw std::runtime_error("bad version in case " + c.at("id").get<std::string>());
  ResolveOptions resolveOptions;
  resolveOptions.kafkaVersion = *version;
  Resolver resolver(resolveOptions);
  for (const Entity& entity : loaded.model.entities) {
    if (entity.kind != EntityKind::Producer && entity.kind != EntityKind::Consumer) continue;
    EntityView view(resolver, entity);
    json values = json::object();
    for (const json& k : c.at("keys")) {
      const std::string key = k.get<std::string>();
      const EffectiveValue& ev = view.get(key);
      values[key] = {{"value", valueJson(ev.value)},
                     {"text", ev.text},
                     {"provenance", provenanceKindId(ev.provenance.kind)},
                     {"detail", ev.provenance.detail},
                     {"exists", ev.exists}};
    }
    out["entities"].push_back(
        {{"kind", entityKindId(entity.kind)}, {"dialect", view.dialect().id()}, {"values", values}});
  }
  for (const Finding& f : evaluate(loaded.model, rules, resolver)) {
    out["findings"].push_back({{"rule", f.ruleId},
                               {"severity", severityId(f.severity)},
                               {"entityKind", entityKindId(f.entityKind)},
                               {"message", f.message}});
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: kafkalint_oracle_values CASES OUT\n";
    return 2;
  }
  std::ifstream in(argv[1]);
  std::ofstream out(argv[2]);
  if (!in || !out) {
    std::cerr << "kafkalint_oracle_values: cannot open the case or output file\n";
    return 2;
  }
  const RuleSet rules = RuleSet::builtin();
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    out << runCase(json::parse(line), rules).dump() << '\n';
  }
  return out.good() ? 0 : 1;
}
