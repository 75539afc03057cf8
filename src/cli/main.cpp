// kafkalint command line: check, rules, explain.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <functional>
#include <iostream>
#include <set>
#include <sstream>

extern char** environ;

#include "kafkalint/budget.hpp"
#include "kafkalint/catalog.hpp"
#include "kafkalint/dialect_table.hpp"
#include "kafkalint/evaluate.hpp"
#include "kafkalint/gate.hpp"
#include "kafkalint/live.hpp"
#include "kafkalint/load.hpp"
#include "kafkalint/report.hpp"
#include "kafkalint/report_formats.hpp"
#include "kafkalint/resolve.hpp"
#include "kafkalint/rules.hpp"
#include "kafkalint/text.hpp"

namespace kafkalint {
namespace {

constexpr const char* kExitCodes =
    "Exit codes (the same for every output format):\n"
    "  0  no finding at or above --fail-on (default: error), leaving out suppressed findings\n"
    "     and those in the --baseline; always 0 with --exit-zero unless 2 or 3 applies\n"
    "  1  findings at or above --fail-on\n"
    "  2  usage error, or input that could not be used: a missing or unreadable file, binary\n"
    "     content, invalid UTF-8, a malformed \\uXXXX escape, a rule file that does not parse,\n"
    "     an invalid client setting, an invalid .kafkalint.toml, suppression file or baseline,\n"
    "     an option that cannot take effect, or nothing to check (no Kafka configuration found)\n"
    "  3  a check could not be made against the live cluster (--bootstrap): unreachable, timed\n"
    "     out, a broker down, or not authorized; the report says what was not checked (KL9009).\n"
    "     Exit code 2 wins over 3, and 3 over 1.";

struct CheckOptions {
  std::vector<std::string> paths;
  std::vector<std::string> formats;  // FORMAT or FORMAT:FILE
  std::vector<std::string> outputs;
  std::vector<OutputArgument> outputArguments;  // both, in command-line order (planOutputs pairs them)
  std::string kafkaVersion;
  std::string clientVersion;
  std::vector<std::string> kinds;
  std::vector<std::string> ruleDirs;
  std::string failOn = "error";
  std::string minSeverity = "note";
  bool exitZero = false;
  // The tool configuration and the gate
  std::string configFile;
  bool noConfig = false;
  std::string profile;
  std::vector<std::string> select;
  std::vector<std::string> ignore;
  std::vector<std::string> exclude;
  std::vector<std::string> suppressionFiles;
  bool noInlineSuppressions = false;
  bool showSuppressed = false;
  std::string baseline;
  std::string writeBaseline;
  // Which options were given on the command line (they override the configuration file).
  std::set<std::string> given;
  std::string color = "auto";
  bool verbose = false;
  bool quiet = false;
  bool allowEmpty = false;  // no Kafka configuration among the inputs is not an error (pre-commit hooks)
  // Live cluster
  std::string bootstrap;
  std::vector<std::string> clientOverrides;  // -X key=value
  std::string clientConfig;
  double timeoutSeconds = 30;
};

void printError(const std::string& message) { std::cerr << "kafkalint: error: " << printable(message) << "\n"; }

// KAFKALINT_TIMINGS=1: one line on stderr with the seconds each stage took (for the benchmarks).
class StageTimer {
 public:
  void stage(const char* name) {
    const auto now = std::chrono::steady_clock::now();
    if (on_) line_ += (line_.empty() ? "" : ", ") + std::string(name) + " " + seconds(now - last_);
    last_ = now;
  }
  ~StageTimer() {
    if (on_) std::cerr << "kafkalint: timings: " << line_ << ", total " << seconds(last_ - start_) << "\n";
  }

 private:
  static std::string seconds(std::chrono::steady_clock::duration d) {
    return std::to_string(std::chrono::duration<double>(d).count()) + " s";
  }
  const char* env_ = std::getenv("KAFKALINT_TIMINGS");
  bool on_ = env_ != nullptr && env_[0] != '\0';
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now(), last_ = start_;
  std::string line_;
};

bool useColor(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* noColor = std::getenv("NO_COLOR");
  if (noColor != nullptr && noColor[0] != '\0') return false;
  return ::isatty(STDOUT_FILENO) == 1;
}

// Writes to a temporary file beside `path` and renames it, so a report is never half written.
// Returns the reason when it fails.
std::optional<std::string> writeAtomically(const std::string& path, std::string_view content) {
  const std::string tmp = path + ".tmp." + std::to_string(::getpid());
  std::FILE* f = std::fopen(tmp.c_str(), "wb");
  if (f == nullptr) return std::string(std::strerror(errno));
  const bool written = std::fwrite(content.data(), 1, content.size(), f) == content.size();
  const int writeErrno = errno;
  if (std::fclose(f) != 0 || !written) {
    const std::string reason = std::strerror(written ? errno : writeErrno);
    std::remove(tmp.c_str());
    return reason;
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    const std::string reason = std::strerror(errno);
    std::remove(tmp.c_str());
    return reason;
  }
  return std::nullopt;
}

// Built-in rules plus --rules directories. Throws InputError.
RuleSet loadRules(const std::vector<std::string>& dirs) {
  RuleSet rules = RuleSet::builtin();
  for (const std::string& d : dirs) rules.addDirectory(d);
  return rules;
}

std::optional<KafkaVersion> pickVersion(const std::string& text, const std::string& option) {
  const Catalog& catalog = Catalog::instance();
  if (text.empty()) return catalog.newest();
  auto v = KafkaVersion::parse(text);
  if (!v) {
    printError(option + ": '" + text + "' is not a version (expected e.g. 2.8, 3.7.1 or 0.10.2)");
    return std::nullopt;
  }
  if (!catalog.isKnownRelease(*v)) {
    if (*v > catalog.newest()) {
      std::cerr << "kafkalint: warning: Kafka " << v->str() << " is newer than the newest release kafkalint knows ("
                << catalog.newest().str() << "); auditing with Kafka " << catalog.newest().str() << " data\n";
      return v;
    }
    std::string known;
    for (const auto& line : catalog.versionLines()) known += (known.empty() ? "" : ", ") + line;
    printError(option + ": Kafka " + v->str() + " is not a release kafkalint knows (known: " + known + ")");
    return std::nullopt;
  }
  return v;
}

// The topic configs the rules read: the only ones requested from the cluster, so that the
// answers for 100,000 topics stay small.
std::set<std::string> topicConfigKeys(const RuleSet& rules) {
  std::set<std::string> keys = {"min.insync.replicas", "unclean.leader.election.enable"};  // the budget
  const Catalog& catalog = Catalog::instance();
  for (const std::string& key : rules.checkedKeys(EntityKind::Topic)) {
    if (key.find(':') == std::string::npos && catalog.knownInAnyRelease(ConfigScope::Topic, key)) keys.insert(key);
  }
  return keys;
}

// Reads the cluster at --bootstrap into the model. Returns an exit code when the run must stop
// (a client setting that cannot be used).
// `onTopic` gets each live topic as soon as it is complete, while the rest are still being read.
std::optional<int> readCluster(const CheckOptions& o, const RuleSet& rules, Model& model,
                               std::function<void(const Entity&)> onTopic) {
  LiveOptions live;
  live.bootstrap = o.bootstrap;
  try {
    ClientSettingsInput input;
    input.clientConfigFile = o.clientConfig;
    input.overrides = o.clientOverrides;
    for (char** e = environ; e != nullptr && *e != nullptr; ++e) input.environment.emplace_back(*e);
    ClientSettings settings = collectClientSettings(input);
    for (const std::string& w : settings.warnings) std::cerr << "kafkalint: warning: " << w << "\n";
    live.clientSettings = std::move(settings.settings);
  } catch (const InputError& e) {
    printError(e.what());
    return static_cast<int>(ExitCode::InputError);
  }
  if (!(o.timeoutSeconds > 0) || o.timeoutSeconds > 3600) {
    printError("--timeout: expected a number of seconds above 0 and at most 3600");
    return static_cast<int>(ExitCode::InputError);
  }
  live.timeout = std::chrono::milliseconds(static_cast<long long>(o.timeoutSeconds * 1000));
  live.topicConfigKeys = topicConfigKeys(rules);
  live.onTopic = std::move(onTopic);
  if (!o.quiet && ::isatty(STDERR_FILENO) == 1) {
    live.progress = [](std::string_view line) { std::cerr << "\rkafkalint: " << line << "\x1b[K" << std::flush; };
  }
  if (o.verbose) live.log = [](std::string_view line) { std::cerr << "kafkalint: " << line << "\n"; };
  try {
    const LiveStats stats = loadLiveCluster(model, live);
    if (live.progress) std::cerr << "\r\x1b[K" << std::flush;
    if (o.verbose) {
      std::cerr << "kafkalint: read " << o.bootstrap << ": " << stats.brokers << " brokers, " << stats.topics
                << " topics, " << stats.partitions << " partitions, " << stats.groups << " consumer groups, "
                << stats.describeConfigsRequests << " topic DescribeConfigs requests, " << stats.seconds << " s\n";
    }
  } catch (const InputError& e) {
    printError(e.what());
    return static_cast<int>(ExitCode::InputError);
  }
  linkConsumerGroups(model);
  return std::nullopt;
}

// The tool configuration of the run: .kafkalint.toml (found, or --config, or KAFKALINT_CONFIG),
// with the profile applied and the command line on top. nullopt after printing the error.
std::optional<ToolConfig> runConfiguration(const CheckOptions& o) {
  ToolConfig config;
  try {
    std::string path = o.configFile;
    if (path.empty() && !o.noConfig) {
      if (const char* env = std::getenv("KAFKALINT_CONFIG"); env != nullptr && env[0] != '\0') path = env;
    }
    if (path.empty() && !o.noConfig) {
      if (auto found = discoverToolConfig(std::filesystem::current_path())) {
        path = std::filesystem::relative(*found).generic_string();
        if (path.empty() || path.starts_with("../../../..")) path = found->generic_string();
      }
    }
    if (!o.profile.empty() && path.empty()) {
      printError("--profile " + o.profile +
                 ": there is no .kafkalint.toml to take it from (none found from here up to the repository root" +
                 std::string(o.noConfig ? ", and --no-config was given" : "") + ")");
      return std::nullopt;
    }
    if (!path.empty()) config = loadToolConfig(path, o.profile);
    for (const std::string& file : o.suppressionFiles) loadSuppressionFile(config, file);
  } catch (const InputError& e) {
    printError(e.what());
    return std::nullopt;
  } catch (const std::filesystem::filesystem_error& e) {
    printError(std::string("cannot find the working directory: ") + e.what());
    return std::nullopt;
  }
  const ConfigOrigin cli{ConfigOrigin::Kind::CommandLine, "", 0, ""};
  auto given = [&o](const char* name) { return o.given.count(name) > 0; };
  if (given("--kafka-version")) config.kafkaVersion = {o.kafkaVersion, cli};
  if (given("--client-version")) config.clientVersion = {o.clientVersion, cli};
  if (given("--fail-on")) config.failOn = {o.failOn, cli};
  if (given("--exit-zero")) config.failOn = {"never", cli};
  if (given("--min-severity")) config.minSeverity = {o.minSeverity, cli};
  if (given("--rules")) {
    config.ruleDirs.value.insert(config.ruleDirs.value.end(), o.ruleDirs.begin(), o.ruleDirs.end());
    config.ruleDirs.origin = cli;
  }
  if (given("--select")) config.select = {o.select, cli};
  if (given("--ignore")) config.ignore = {o.ignore, cli};
  if (given("--exclude")) {
    config.exclude.value.insert(config.exclude.value.end(), o.exclude.begin(), o.exclude.end());
    config.exclude.origin = cli;
  }
  if (given("--baseline")) config.baseline = {o.baseline, cli};
  if (given("--no-inline-suppressions")) config.inlineSuppressions = {false, cli};
  return config;
}

// Options that cannot take effect together: an error, never a silent no-op.
std::optional<std::string> conflictingOptions(const CheckOptions& o, const ToolConfig& config) {
  auto given = [&o](const char* name) { return o.given.count(name) > 0; };
  if (given("--exit-zero") && given("--fail-on")) {
    return "--exit-zero and --fail-on " + o.failOn + " contradict each other: --exit-zero never fails on findings";
  }
  if (config.failOn.value != "never") {
    const Severity failOn = *parseSeverity(config.failOn.value);
    const Severity shown = *parseSeverity(config.minSeverity.value);
    if (failOn < shown) {
      return "fail-on " + config.failOn.value + " (" + config.failOn.origin.str() + ") would fail the run on " +
             config.failOn.value + "s that min-severity " + config.minSeverity.value + " (" +
             config.minSeverity.origin.str() + ") leaves out of the report; lower min-severity or raise fail-on";
    }
  }
  if (o.verbose && o.quiet) return "--verbose and --quiet contradict each other";
  if (o.bootstrap.empty()) {
    for (const char* option : {"-X", "--client-config", "--timeout"}) {
      if (given(option)) return std::string(option) + " applies to the connection to a cluster: give --bootstrap too";
    }
  }
  return std::nullopt;
}

int runCheck(const CheckOptions& o) {
  StageTimer timer;
  std::vector<ReportOutput> outputs;
  try {
    const char* actions = std::getenv("GITHUB_ACTIONS");
    outputs = planOutputs(o.outputArguments, actions != nullptr && std::string_view(actions) == "true");
  } catch (const std::invalid_argument& e) {
    printError(e.what());
    return static_cast<int>(ExitCode::InputError);
  }
  std::optional<ToolConfig> configured = runConfiguration(o);
  if (!configured) return static_cast<int>(ExitCode::InputError);
  ToolConfig& config = *configured;
  if (auto conflict = conflictingOptions(o, config)) {
    printError(*conflict);
    return static_cast<int>(ExitCode::InputError);
  }
  auto versionLabel = [](const ConfigSetting<std::string>& s, const char* option) {
    return s.origin.kind == ConfigOrigin::Kind::CommandLine || s.origin.kind == ConfigOrigin::Kind::Default
               ? std::string(option)
               : s.origin.str() + ": " + (option + 2);
  };
  auto version = pickVersion(config.kafkaVersion.value, versionLabel(config.kafkaVersion, "--kafka-version"));
  if (!version) return static_cast<int>(ExitCode::InputError);
  auto clientVersion =
      config.clientVersion.value.empty()
          ? version
          : pickVersion(config.clientVersion.value, versionLabel(config.clientVersion, "--client-version"));
  if (!clientVersion) return static_cast<int>(ExitCode::InputError);

  std::optional<Severity> failOn;
  if (config.failOn.value != "never") failOn = parseSeverity(config.failOn.value);

  LoadOptions loadOptions;
  for (const std::string& k : o.kinds) {
    try {
      loadOptions.kindOverrides.push_back(parseKindOverride(k));
    } catch (const std::invalid_argument& e) {
      printError(std::string("--kind: ") + e.what());
      return static_cast<int>(ExitCode::InputError);
    }
  }

  RuleSet rules;
  try {
    rules = loadRules(config.ruleDirs.value);
  } catch (const InputError& e) {
    printError(std::string("rule file: ") + e.what());
    return static_cast<int>(ExitCode::InputError);
  }
  std::optional<Baseline> baseline;
  try {
    configureRules(rules, config);
    if (!config.baseline.value.empty()) baseline = readBaseline(config.baseline.value);
  } catch (const InputError& e) {
    printError(e.what());
    return static_cast<int>(ExitCode::InputError);
  }
  timer.stage("rules");

  if (o.paths.empty() && o.bootstrap.empty()) {
    printError(
        "nothing to check: give configuration files or directories, or --bootstrap (see kafkalint check --help)");
    return static_cast<int>(ExitCode::InputError);
  }
  LoadResult loaded = o.paths.empty() ? LoadResult{} : loadInputs(o.paths, loadOptions);
  timer.stage("load");
  for (const std::string& unused : loaded.unusedKindOverrides) {
    loaded.errors.emplace_back(unused, 0, 0,
                               "--kind names a file that is not among the inputs, so it would have no effect");
  }
  for (const InputError& e : loaded.errors) printError(e.what());
  if (o.verbose) {
    if (!config.path.empty()) {
      std::cerr << "kafkalint: configuration " << config.path
                << (config.profile.empty() ? "" : " (profile " + config.profile + ")") << "\n";
    }
    for (const InputRecord& in : loaded.model.inputs) {
      std::cerr << "kafkalint: " << printable(loaded.model.files.path(in.file) + ": " + in.reason) << "\n";
    }
  }

  Resolver resolver(ResolveOptions{*version, *clientVersion});
  Evaluation evaluation(loaded.model, rules, resolver);
  DurabilityBudgets budgeting(loaded.model, resolver);
  if (!o.bootstrap.empty()) {
    // Live topics are evaluated as they arrive, while the cluster answers for the next ones.
    auto onTopic = [&](const Entity& topic) {
      evaluation.entity(topic);
      budgeting.topic(topic);
    };
    if (auto failed = readCluster(o, rules, loaded.model, onTopic)) return *failed;
    timer.stage("cluster");
  }

  std::vector<Finding> findings = evaluation.finish();
  timer.stage("evaluate");
  std::vector<TopicBudget> budgets = budgeting.finish();
  timer.stage("budget");
  std::erase_if(budgets,
                [&config](const TopicBudget& b) { return isExcluded(config, EntityKind::Topic, b.topic->name); });

  GateOptions gateOptions;
  gateOptions.config = &config;
  gateOptions.baseline = baseline ? &*baseline : nullptr;
  gateOptions.minSeverity = *parseSeverity(config.minSeverity.value);
  gateOptions.showSuppressed = o.showSuppressed;
  gateOptions.today = today();
  // Findings are kept for a second pass only when a baseline is written.
  GateResult gate = o.writeBaseline.empty() ? applyGate(std::move(findings), loaded.model, rules, gateOptions)
                                            : applyGate(findings, loaded.model, rules, gateOptions);
  if (!o.writeBaseline.empty()) {
    if (auto failure = writeAtomically(o.writeBaseline, baselineText(gate.accepted, loaded.model.files))) {
      printError("cannot write " + o.writeBaseline + ": " + *failure);
      return static_cast<int>(ExitCode::InputError);
    }
    if (!o.quiet) {
      std::cerr << "kafkalint: wrote " << o.writeBaseline << ": " << gate.accepted.size()
                << (gate.accepted.size() == 1 ? " finding" : " findings") << " accepted\n";
    }
    // The run then reports as if the new baseline had been given.
    const Baseline written = baselineOf(gate.accepted, o.writeBaseline);
    gateOptions.baseline = &written;
    gate = applyGate(std::move(findings), loaded.model, rules, gateOptions);
  }

  ExitCode exit = ExitCode::Ok;
  for (const Finding& f : gate.reported) {
    if (failOn && countsForGate(f) && f.severity >= *failOn && exit == ExitCode::Ok) exit = ExitCode::Findings;
  }
  for (const Finding& f : gate.reported) {
    const RuleInfo* rule = rules.find(f.ruleId);
    if (rule != nullptr && rule->templateName == "cluster-unverified") exit = ExitCode::CouldNotVerify;
  }
  const bool nothingChecked = loaded.model.entities.empty() && !o.allowEmpty;
  if (!loaded.errors.empty() || nothingChecked) exit = ExitCode::InputError;

  Report report{loaded.model,   rules, gate.reported, loaded.errors, *version,
                *clientVersion, exit,  &budgets,      &gate.summary};
  bool written = true;
  for (const ReportOutput& output : outputs) {
    std::ostringstream text;
    writeReport(text, output.format, report, {TextOptions{output.path.empty() && useColor(o.color), o.verbose}, {}});
    const bool human = output.format == ReportFormat::Text || output.format == ReportFormat::Github;
    if (output.path.empty()) {
      if (!(o.quiet && human)) std::cout << text.view();
    } else if (auto failure = writeAtomically(output.path, text.view())) {
      printError("cannot write " + output.path + ": " + *failure);
      written = false;
    }
  }
  timer.stage("report");
  if (!written) return static_cast<int>(ExitCode::InputError);
  if (nothingChecked && loaded.errors.empty()) {
    std::string inputs;
    for (const std::string& p : o.paths) inputs += (inputs.empty() ? "" : ", ") + p;
    printError("nothing checked: no Kafka configuration found in " + inputs +
               (loaded.model.inputs.empty() ? " (no *.properties files)" : " (see the notes above; -v lists why)"));
  }
  return static_cast<int>(exit);
}

int run(int argc, char** argv) {
  CLI::App app{"kafkalint: finds Kafka configurations that can lose messages", "kafkalint"};
  app.footer(kExitCodes);
  app.set_version_flag("--version", std::string(toolVersion()));
  app.require_subcommand(1);

  CheckOptions check;
  CLI::App* checkCmd = app.add_subcommand("check", "audit configuration files and directories");
  checkCmd->footer(kExitCodes);
  checkCmd->add_option("paths", check.paths, "files or directories (recursively: *.properties); - for stdin");
  CLI::Option* formatOption =
      checkCmd
          ->add_option("--format", check.formats,
                       "FORMAT[:FILE]: report format, one of " + reportFormatList() +
                           " (default text, plus github when GITHUB_ACTIONS=true); repeat it for several reports")
          ->allow_extra_args(false);
  CLI::Option* outputOption =
      checkCmd
          ->add_option("-o,--output", check.outputs,
                       "FILE: write the report of the --format before it to FILE (atomically) instead of standard "
                       "output")
          ->allow_extra_args(false);
  checkCmd->add_option("--kafka-version", check.kafkaVersion,
                       "Kafka release of brokers and Java clients, e.g. 2.8 or 3.7.1 (default: newest known, " +
                           Catalog::instance().newest().str() + ")");
  checkCmd->add_option("--client-version", check.clientVersion,
                       "Kafka release of the Java producers and consumers, when it differs from --kafka-version");
  checkCmd
      ->add_option(
          "--kind", check.kinds,
          "KIND[:DIALECT]=PATH: what a file configures. For .properties files: broker, controller, "
          "producer, consumer, client, connect (dialect " +
              propertiesDialectList() + "). For YAML/TOML/.env files, the input kind: " +
              [] {
                std::string ids;
                for (const std::string& id : inputReaderIds()) ids += (ids.empty() ? "" : ", ") + id;
                return ids;
              }())
      ->allow_extra_args(false);
  checkCmd->add_option("--rules", check.ruleDirs, "directory of additional rule files (YAML)")->allow_extra_args(false);
  checkCmd
      ->add_option("--fail-on", check.failOn,
                   "lowest severity that fails the run (default error); independent of what is reported")
      ->check(CLI::IsMember({"error", "warning", "note", "never"}));
  checkCmd
      ->add_option("--min-severity", check.minSeverity,
                   "lowest severity reported (default note); cannot be above --fail-on")
      ->check(CLI::IsMember({"error", "warning", "note"}));
  checkCmd->add_flag("--exit-zero", check.exitZero,
                     "report, but exit 0 whatever the findings (report-only roll-outs); 2 and 3 still apply");
  checkCmd->add_option("--config", check.configFile,
                       "FILE: the tool configuration (default: .kafkalint.toml found from the working directory up to "
                       "the repository root, or KAFKALINT_CONFIG)");
  checkCmd->add_flag("--no-config", check.noConfig, "ignore .kafkalint.toml and KAFKALINT_CONFIG");
  checkCmd->add_option("--profile", check.profile, "NAME: a [profiles.NAME] of the tool configuration, e.g. dev");
  checkCmd
      ->add_option("--select", check.select,
                   "ID|NAME|TAG: run only these rules (replaces the configuration's select); repeatable")
      ->allow_extra_args(false);
  checkCmd
      ->add_option("--ignore", check.ignore,
                   "ID|NAME|TAG: do not run these rules (replaces the configuration's "
                   "ignore); repeatable")
      ->allow_extra_args(false);
  checkCmd
      ->add_option("--exclude", check.exclude,
                   "[KIND:]GLOB: leave out findings on these entities, e.g. 'topic:_confluent-*'; repeatable")
      ->allow_extra_args(false);
  checkCmd
      ->add_option("--suppressions", check.suppressionFiles, "FILE: a TOML file of [[suppress]] entries; repeatable")
      ->allow_extra_args(false);
  checkCmd->add_flag("--no-inline-suppressions", check.noInlineSuppressions,
                     "ignore `kafkalint: ignore` comments in the inputs (a central gate)");
  checkCmd->add_flag("--show-suppressed", check.showSuppressed,
                     "also report suppressed findings and those in the baseline, marked as such (text, json, sarif)");
  checkCmd->add_option("--baseline", check.baseline,
                       "FILE: accept the findings recorded in FILE; only new ones fail the run");
  checkCmd->add_option("--write-baseline", check.writeBaseline,
                       "FILE: record the unsuppressed findings in FILE (then the run reports against it)");
  checkCmd->add_option("--color", check.color, "colour in the text report")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  checkCmd
      ->add_option("--bootstrap", check.bootstrap,
                   "HOST:PORT[,HOST:PORT...]: also audit this live cluster (read only: Metadata, DescribeConfigs, "
                   "ListGroups, DescribeGroups)")
      ->envname("KAFKALINT_BOOTSTRAP");
  checkCmd
      ->add_option("-X", check.clientOverrides,
                   "KEY=VALUE: a librdkafka setting for the connection (security.protocol, sasl.mechanism, "
                   "ssl.ca.location...); secrets are better given as KAFKALINT_CLIENT_* environment variables "
                   "(KAFKALINT_CLIENT_SASL_PASSWORD is sasl.password)")
      ->allow_extra_args(false);
  checkCmd->add_option("--client-config", check.clientConfig,
                       "client properties file for the connection (librdkafka or Java names, e.g. the admin.properties "
                       "given to kafka-topics.sh)");
  checkCmd->add_option("--timeout", check.timeoutSeconds,
                       "seconds to wait for each request to the cluster (default 30); a request that times out makes "
                       "the checks that needed it fail closed (exit 3)");
  checkCmd->add_flag("-v,--verbose", check.verbose, "show how each file was classified and the effective values");
  checkCmd->add_flag("-q,--quiet", check.quiet, "print nothing on success paths; rely on the exit code");
  checkCmd->add_flag("--allow-empty", check.allowEmpty,
                     "exit 0 when no input is a Kafka configuration (for hooks given whatever files changed)");

  std::string rulesFormat = "text";
  std::vector<std::string> rulesDirs;
  CLI::App* rulesCmd = app.add_subcommand("rules", "list every rule: id, severity, name, summary");
  rulesCmd->add_option("--format", rulesFormat, "list format")->check(CLI::IsMember({"text", "json"}));
  rulesCmd->add_option("--rules", rulesDirs, "directory of additional rule files (YAML)")->allow_extra_args(false);

  std::string showFormat = "text";
  CheckOptions showOptions;
  CLI::App* configCmd = app.add_subcommand("config", "the tool configuration (.kafkalint.toml)");
  configCmd->require_subcommand(1);
  CLI::App* showCmd =
      configCmd->add_subcommand("show", "print the effective configuration and where each value comes from");
  showCmd->add_option("--config", showOptions.configFile, "FILE: the tool configuration (default: found as for check)");
  showCmd->add_flag("--no-config", showOptions.noConfig, "ignore .kafkalint.toml and KAFKALINT_CONFIG");
  showCmd->add_option("--profile", showOptions.profile, "NAME: a [profiles.NAME] of the configuration");
  showCmd->add_option("--rules", showOptions.ruleDirs, "directory of additional rule files (YAML)")
      ->allow_extra_args(false);
  showCmd->add_option("--format", showFormat, "text or json")->check(CLI::IsMember({"text", "json"}));

  std::string explainId;
  std::vector<std::string> explainDirs;
  CLI::App* explainCmd = app.add_subcommand("explain", "full text of one rule: why it matters, how to fix it");
  explainCmd->add_option("rule", explainId, "rule id or name, e.g. KL0102")->required();
  explainCmd->add_option("--rules", explainDirs, "directory of additional rule files (YAML)")->allow_extra_args(false);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    printError(e.what());
    std::cerr << "Run 'kafkalint --help' for usage.\n";
    return static_cast<int>(ExitCode::InputError);
  }

  if (*checkCmd) {
    for (const char* name :
         {"--kafka-version", "--client-version", "--fail-on", "--min-severity", "--exit-zero", "--rules", "--select",
          "--ignore", "--exclude", "--baseline", "--no-inline-suppressions", "-X", "--client-config", "--timeout"}) {
      if (checkCmd->get_option(name)->count() > 0) check.given.insert(name);
    }
    std::size_t nextFormat = 0, nextOutput = 0;
    for (const CLI::Option* option : checkCmd->parse_order()) {
      if (option == formatOption)
        check.outputArguments.push_back({OutputArgument::Kind::Format, check.formats.at(nextFormat++)});
      if (option == outputOption)
        check.outputArguments.push_back({OutputArgument::Kind::Output, check.outputs.at(nextOutput++)});
    }
    return runCheck(check);
  }
  if (*showCmd) {
    for (const char* name : {"--rules"}) {
      if (showCmd->get_option(name)->count() > 0) showOptions.given.insert(name);
    }
    std::optional<ToolConfig> config = runConfiguration(showOptions);
    if (!config) return static_cast<int>(ExitCode::InputError);
    try {
      RuleSet rules = loadRules(config->ruleDirs.value);
      configureRules(rules, *config);
      writeToolConfig(std::cout, *config, rules, showFormat == "json");
    } catch (const InputError& e) {
      printError(e.what());
      return static_cast<int>(ExitCode::InputError);
    }
    return 0;
  }
  try {
    if (*rulesCmd) {
      writeRuleList(std::cout, loadRules(rulesDirs), rulesFormat == "json");
      return 0;
    }
    if (*explainCmd) {
      RuleSet rules = loadRules(explainDirs);
      const RuleInfo* rule = rules.find(explainId);
      if (rule == nullptr) {
        printError("no rule with id or name '" + explainId + "' (kafkalint rules lists them)");
        return static_cast<int>(ExitCode::InputError);
      }
      writeRuleExplanation(std::cout, *rule);
      return 0;
    }
  } catch (const InputError& e) {
    printError(std::string("rule file: ") + e.what());
    return static_cast<int>(ExitCode::InputError);
  }
  return static_cast<int>(ExitCode::InputError);
}

}  // namespace
}  // namespace kafkalint

int main(int argc, char** argv) {
  try {
    return kafkalint::run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "kafkalint: internal error: " << e.what() << "\n";
    return 2;
  }
}
