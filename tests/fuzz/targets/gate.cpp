// The gate's parsers: suppression comments in inputs (and their matching with findings), the tool
// configuration (.kafkalint.toml, with profiles), and baselines.
#include "kafkalint/gate.hpp"

#include "fuzz/fuzz_target.hpp"
#include "kafkalint/errors.hpp"
#include "kafkalint/evaluate.hpp"
#include "kafkalint/resolve.hpp"
#include "kafkalint/text_file.hpp"

namespace {

const kafkalint::RuleSet& builtinRules() {
  static const kafkalint::RuleSet rules = kafkalint::RuleSet::builtin();
  return rules;
}

// Loads the input as the given file, evaluates it and applies the gate with a baseline made of its
// own findings: directives of every shape are parsed and matched, and the baseline path runs.
void gateText(const std::string& fileName, std::string_view content) {
  std::string text(content);
  try {
    kafkalint::checkText(fileName, text);
  } catch (const kafkalint::InputError&) {
    return;
  }
  kafkalint::LoadResult loaded;
  kafkalint::loadText(loaded, fileName, std::move(text), {});
  const kafkalint::KafkaVersion version = *kafkalint::KafkaVersion::parse("4.1");
  kafkalint::Resolver resolver(kafkalint::ResolveOptions{version, version});
  std::vector<kafkalint::Finding> findings = kafkalint::evaluate(loaded.model, builtinRules(), resolver);
  const kafkalint::Baseline baseline = kafkalint::baselineOf(findings, "baseline.toml");
  kafkalint::GateOptions options;
  options.baseline = &baseline;
  options.showSuppressed = true;
  kafkalint::GateResult gate = kafkalint::applyGate(findings, loaded.model, builtinRules(), options);
  (void)kafkalint::baselineText(gate.accepted, loaded.model.files);
}

}  // namespace

// The first byte picks the syntax: .properties (whole-line comments) or YAML (comments after values).
KAFKALINT_FUZZ_TARGET(suppression_comments) {
  if (size == 0) return 0;
  gateText(data[0] % 2 == 0 ? "input.properties" : "input.yaml", kafkalint::fuzz::text(data + 1, size - 1));
  return 0;
}

KAFKALINT_FUZZ_TARGET(tool_config) {
  const std::string_view text = kafkalint::fuzz::text(data, size);
  for (const char* profile : {"", "dev"}) {
    try {
      kafkalint::ToolConfig config = kafkalint::parseToolConfig(".kafkalint.toml", text, profile);
      kafkalint::RuleSet rules = kafkalint::RuleSet::builtin();
      kafkalint::configureRules(rules, config);
    } catch (const kafkalint::InputError&) {
    }
  }
  return 0;
}

KAFKALINT_FUZZ_TARGET(baseline) {
  try {
    const kafkalint::Baseline b = kafkalint::parseBaseline("baseline.toml", kafkalint::fuzz::text(data, size));
    (void)b;
  } catch (const kafkalint::InputError&) {
  }
  return 0;
}
