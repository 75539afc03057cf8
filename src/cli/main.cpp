// kafkalint command line: check, rules, explain.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <set>
#include <sstream>

extern char** environ;

#include "kafkalint/budget.hpp"
#include "kafkalint/catalog.hpp"
#include "kafkalint/evaluate.hpp"
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
    "  0  no finding at or above --fail-on (default: error)\n"
    "  1  findings at or above --fail-on\n"
    "  2  usage error, or input that could not be used: a missing or unreadable file, binary\n"
    "     content, invalid UTF-8, a malformed \\uXXXX escape, a rule file that does not parse,\n"
    "     an invalid client setting, or nothing to check (no Kafka configuration found)\n"
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

bool useColor(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* noColor = std::getenv("NO_COLOR");
  if (noColor != nullptr && noColor[0] != '\0') return false;
  return ::isatty(STDOUT_FILENO) == 1;
}

// Writes to a temporary file beside `path` and renames it, so a report is never half written.
// Returns the reason when it fails.
std::optional<std::string> writeAtomically(const std::string& path, const std::string& content) {
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

std::optional<KafkaVersion> pickVersion(const std::string& text, const char* option) {
  const Catalog& catalog = Catalog::instance();
  if (text.empty()) return catalog.newest();
  auto v = KafkaVersion::parse(text);
  if (!v) {
    printError(std::string(option) + ": '" + text + "' is not a version (expected e.g. 2.8, 3.7.1 or 0.10.2)");
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
    printError(std::string(option) + ": Kafka " + v->str() + " is not a release kafkalint knows (known: " + known +
               ")");
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
std::optional<int> readCluster(const CheckOptions& o, const RuleSet& rules, Model& model) {
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

int runCheck(const CheckOptions& o) {
  std::vector<ReportOutput> outputs;
  try {
    const char* actions = std::getenv("GITHUB_ACTIONS");
    outputs = planOutputs(o.outputArguments, actions != nullptr && std::string_view(actions) == "true");
  } catch (const std::invalid_argument& e) {
    printError(e.what());
    return static_cast<int>(ExitCode::InputError);
  }
  auto version = pickVersion(o.kafkaVersion, "--kafka-version");
  if (!version) return static_cast<int>(ExitCode::InputError);
  auto clientVersion = o.clientVersion.empty() ? version : pickVersion(o.clientVersion, "--client-version");
  if (!clientVersion) return static_cast<int>(ExitCode::InputError);

  std::optional<Severity> failOn;
  if (o.failOn != "never") failOn = parseSeverity(o.failOn);

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
    rules = loadRules(o.ruleDirs);
  } catch (const InputError& e) {
    printError(std::string("rule file: ") + e.what());
    return static_cast<int>(ExitCode::InputError);
  }

  if (o.paths.empty() && o.bootstrap.empty()) {
    printError(
        "nothing to check: give configuration files or directories, or --bootstrap (see kafkalint check --help)");
    return static_cast<int>(ExitCode::InputError);
  }
  LoadResult loaded = o.paths.empty() ? LoadResult{} : loadInputs(o.paths, loadOptions);
  for (const std::string& unused : loaded.unusedKindOverrides) {
    loaded.errors.emplace_back(unused, 0, 0,
                               "--kind names a file that is not among the inputs, so it would have no effect");
  }
  for (const InputError& e : loaded.errors) printError(e.what());
  if (o.verbose) {
    for (const InputRecord& in : loaded.model.inputs) {
      std::cerr << "kafkalint: " << printable(loaded.model.files.path(in.file) + ": " + in.reason) << "\n";
    }
  }

  if (!o.bootstrap.empty()) {
    if (auto failed = readCluster(o, rules, loaded.model)) return *failed;
  }

  Resolver resolver(ResolveOptions{*version, *clientVersion});
  std::vector<Finding> findings = evaluate(loaded.model, rules, resolver);
  const std::vector<TopicBudget> budgets = durabilityBudgets(loaded.model, resolver);

  ExitCode exit = ExitCode::Ok;
  for (const Finding& f : findings) {
    if (failOn && f.severity >= *failOn && exit == ExitCode::Ok) exit = ExitCode::Findings;
  }
  for (const Finding& f : findings) {
    const RuleInfo* rule = rules.find(f.ruleId);
    if (rule != nullptr && rule->templateName == "cluster-unverified") exit = ExitCode::CouldNotVerify;
  }
  const bool nothingChecked = loaded.model.entities.empty() && !o.allowEmpty;
  if (!loaded.errors.empty() || nothingChecked) exit = ExitCode::InputError;

  Report report{loaded.model, rules, findings, loaded.errors, *version, *clientVersion, exit, &budgets};
  bool written = true;
  for (const ReportOutput& output : outputs) {
    std::ostringstream text;
    writeReport(text, output.format, report, {TextOptions{output.path.empty() && useColor(o.color), o.verbose}, {}});
    const bool human = output.format == ReportFormat::Text || output.format == ReportFormat::Github;
    if (output.path.empty()) {
      if (!(o.quiet && human)) std::cout << text.str();
    } else if (auto failure = writeAtomically(output.path, text.str())) {
      printError("cannot write " + output.path + ": " + *failure);
      written = false;
    }
  }
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
          "producer, consumer, client, connect (dialect java, librdkafka or scala). For YAML/TOML/.env "
          "files, the input kind: " +
              [] {
                std::string ids;
                for (const std::string& id : inputReaderIds()) ids += (ids.empty() ? "" : ", ") + id;
                return ids;
              }())
      ->allow_extra_args(false);
  checkCmd->add_option("--rules", check.ruleDirs, "directory of additional rule files (YAML)")->allow_extra_args(false);
  checkCmd->add_option("--fail-on", check.failOn, "lowest severity that fails the run")
      ->check(CLI::IsMember({"error", "warning", "note", "never"}));
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
    std::size_t nextFormat = 0, nextOutput = 0;
    for (const CLI::Option* option : checkCmd->parse_order()) {
      if (option == formatOption)
        check.outputArguments.push_back({OutputArgument::Kind::Format, check.formats.at(nextFormat++)});
      if (option == outputOption)
        check.outputArguments.push_back({OutputArgument::Kind::Output, check.outputs.at(nextOutput++)});
    }
    return runCheck(check);
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
