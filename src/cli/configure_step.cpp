// The first step of a check: the tool configuration, options that cannot take effect, the Kafka
// releases audited, --kind, the rules and the baseline (check_steps.hpp).
#include "check_steps.hpp"
#include "kafkalint/catalog.hpp"
#include "kafkalint/errors.hpp"
#include "kafkalint/rule_commands.hpp"

namespace kafkalint::check {

namespace {

const CommandLineSetting* given(const CheckRequest& request, std::string_view option) {
  for (const CommandLineSetting& s : request.settings) {
    if (s.form->option == option) return &s;
  }
  return nullptr;
}

// Options that cannot take effect together: an error, never a silent no-op.
void rejectConflicts(const CheckRequest& request, const ToolConfig& config) {
  if (given(request, "--exit-zero") != nullptr) {
    if (const CommandLineSetting* failOn = given(request, "--fail-on")) {
      throw UsageError("--exit-zero and --fail-on " + failOn->values.front() +
                       " contradict each other: --exit-zero never fails on findings");
    }
  }
  if (config.failOn.value != "never" &&
      *parseSeverity(config.failOn.value) < *parseSeverity(config.minSeverity.value)) {
    throw UsageError("fail-on " + config.failOn.value + " (" + config.failOn.origin.str() + ") would fail the run on " +
                     config.failOn.value + "s that min-severity " + config.minSeverity.value + " (" +
                     config.minSeverity.origin.str() +
                     ") leaves out of the report; lower min-severity or raise fail-on");
  }
  if (request.verbose && request.quiet) throw UsageError("--verbose and --quiet contradict each other");
  const ClusterRequest& cluster = request.cluster;
  if (cluster.bootstrap.empty()) {
    const char* option = !cluster.clientOverrides.empty() ? "-X"
                         : cluster.clientConfig           ? "--client-config"
                         : cluster.timeoutSeconds         ? "--timeout"
                                                          : nullptr;
    if (option != nullptr) {
      throw UsageError(std::string(option) + " applies to the connection to a cluster: give --bootstrap too");
    }
  }
}

// A release to audit with, named by `option` in messages (`--kafka-version`, or the file's line).
KafkaVersion release(const ConfigSetting<std::string>& setting, const char* option, RunResult& run) {
  const bool fromCommandLine =
      setting.origin.kind == ConfigOrigin::Kind::CommandLine || setting.origin.kind == ConfigOrigin::Kind::Default;
  const std::string label = fromCommandLine ? std::string(option) : setting.origin.str() + ": " + (option + 2);
  const Catalog& catalog = Catalog::instance();
  if (setting.value.empty()) return catalog.newest();
  const std::optional<KafkaVersion> v = KafkaVersion::parse(setting.value);
  if (!v) throw UsageError(label + ": '" + setting.value + "' is not a version (expected e.g. 2.8, 3.7.1 or 0.10.2)");
  if (catalog.isKnownRelease(*v)) return *v;
  if (*v > catalog.newest()) {
    run.messages.push_back("kafkalint: warning: Kafka " + v->str() +
                           " is newer than the newest release kafkalint knows (" + catalog.newest().str() +
                           "); auditing with Kafka " + catalog.newest().str() + " data");
    return *v;
  }
  std::string known;
  for (const auto& line : catalog.versionLines()) known += (known.empty() ? "" : ", ") + line;
  throw UsageError(label + ": Kafka " + v->str() + " is not a release kafkalint knows (known: " + known + ")");
}

LoadOptions loadOptions(const CheckRequest& request) {
  LoadOptions options;
  for (const std::string& k : request.kinds) {
    try {
      options.kindOverrides.push_back(parseKindOverride(k));
    } catch (const std::invalid_argument& e) {
      throw UsageError(std::string("--kind: ") + e.what());
    }
  }
  return options;
}

}  // namespace

Configured configure(const CheckRequest& request, RunResult& run) {
  Configured c{readToolConfig(request.config), {}, {}, {}, {}, {}};
  applyCommandLine(c.config, request.settings);
  rejectConflicts(request, c.config);
  c.version = release(c.config.kafkaVersion, "--kafka-version", run);
  c.clientVersion =
      c.config.clientVersion.value.empty() ? c.version : release(c.config.clientVersion, "--client-version", run);
  c.load = loadOptions(request);
  c.rules = loadRules(c.config.ruleDirs.value);
  configureRules(c.rules, c.config);
  if (!c.config.baseline.value.empty()) c.baseline = readBaseline(c.config.baseline.value);
  run.timer.stage("rules");
  return c;
}

}  // namespace kafkalint::check
