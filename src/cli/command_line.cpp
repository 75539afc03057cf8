// kafkalint's options on CLI11 (command_line.hpp).
#include "kafkalint/command_line.hpp"

#include "kafkalint/dialect_table.hpp"
#include "kafkalint/load.hpp"

namespace kafkalint {

const char* const kExitCodesHelp =
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

void SettingOptions::addTo(CLI::App& command) {
  using List = ConfigSetting<std::vector<std::string>> ToolConfig::*;
  for (const SettingSpec& setting : toolSettings()) {
    for (const CommandLineForm& form : setting.commandLine) {
      Bound& b = bound_.emplace_back();
      b.setting = &setting;
      b.form = &form;
      const std::string name(form.option);
      if (form.fixedValue) {
        b.option = command.add_flag(name, b.flag, form.help);
      } else if (std::holds_alternative<List>(setting.field)) {
        b.takesList = true;
        b.option = command.add_option(name, b.texts, form.help)->allow_extra_args(false);
      } else {
        b.option = command.add_option(name, b.text, form.help);
        if (!setting.choices.empty()) b.option->check(CLI::IsMember(setting.choices));
      }
    }
  }
}

std::vector<CommandLineSetting> SettingOptions::given() const {
  std::vector<CommandLineSetting> out;
  for (const Bound& b : bound_) {
    if (b.option->count() == 0) continue;
    std::vector<std::string> values = b.form->fixedValue ? std::vector<std::string>{}
                                      : b.takesList      ? b.texts
                                                         : std::vector<std::string>{b.text};
    out.push_back({b.setting, b.form, std::move(values)});
  }
  return out;
}

CheckOptions::CheckOptions(CLI::App& check) : check_(&check) {
  check.add_option("paths", request_.paths, "files or directories (recursively: *.properties); - for stdin");
  addOutputOptions(check);
  settings_.addTo(check);
  std::string inputKinds;
  for (const std::string& id : inputReaderIds()) inputKinds += (inputKinds.empty() ? "" : ", ") + id;
  check
      .add_option("--kind", request_.kinds,
                  "KIND[:DIALECT]=PATH: what a file configures. For .properties files: broker, controller, "
                  "producer, consumer, client, connect (dialect " +
                      propertiesDialectList() + "). For YAML/TOML/.env files, the input kind: " + inputKinds)
      ->allow_extra_args(false);
  addGateOptions(check);
  check.add_option("--color", color_, "colour in the text report")->check(CLI::IsMember({"auto", "always", "never"}));
  addClusterOptions(check);
  check.add_flag("-v,--verbose", request_.verbose, "show how each file was classified and the effective values");
  check.add_flag("-q,--quiet", request_.quiet, "print nothing on success paths; rely on the exit code");
  check.add_flag("--allow-empty", request_.allowEmpty,
                 "exit 0 when no input is a Kafka configuration (for hooks given whatever files changed)");
}

void CheckOptions::addOutputOptions(CLI::App& check) {
  format_ = check
                .add_option("--format", formats_,
                            "FORMAT[:FILE]: report format, one of " + reportFormatList() + " (" +
                                reportFormatDefaults() + "); repeat it for several reports")
                ->allow_extra_args(false);
  output_ = check
                .add_option("-o,--output", outputs_,
                            "FILE: write the report of the --format before it to FILE (atomically) instead of "
                            "standard output")
                ->allow_extra_args(false);
}

void CheckOptions::addGateOptions(CLI::App& check) {
  ConfigSource& config = request_.config;
  check.add_option("--config", config.file,
                   "FILE: the tool configuration (default: .kafkalint.toml found from the working directory up to "
                   "the repository root, or KAFKALINT_CONFIG)");
  check.add_flag("--no-config", config.none, "ignore .kafkalint.toml and KAFKALINT_CONFIG");
  check.add_option("--profile", config.profile, "NAME: a [profiles.NAME] of the tool configuration, e.g. dev");
  check.add_option("--suppressions", config.suppressionFiles, "FILE: a TOML file of [[suppress]] entries; repeatable")
      ->allow_extra_args(false);
  check.add_flag("--show-suppressed", request_.showSuppressed,
                 "also report suppressed findings and those in the baseline, marked as such (text, json, sarif)");
  check.add_option("--write-baseline", request_.writeBaseline,
                   "FILE: record the unsuppressed findings in FILE (then the run reports against it)");
}

void CheckOptions::addClusterOptions(CLI::App& check) {
  ClusterRequest& cluster = request_.cluster;
  check
      .add_option("--bootstrap", cluster.bootstrap,
                  "HOST:PORT[,HOST:PORT...]: also audit this live cluster (read only: Metadata, DescribeConfigs, "
                  "ListGroups, DescribeGroups)")
      ->envname("KAFKALINT_BOOTSTRAP");
  check
      .add_option("-X", cluster.clientOverrides,
                  "KEY=VALUE: a librdkafka setting for the connection (security.protocol, sasl.mechanism, "
                  "ssl.ca.location...); secrets are better given as KAFKALINT_CLIENT_* environment variables "
                  "(KAFKALINT_CLIENT_SASL_PASSWORD is sasl.password)")
      ->allow_extra_args(false);
  clientConfigOption_ =
      check.add_option("--client-config", clientConfig_,
                       "client properties file for the connection (librdkafka or Java names, e.g. the "
                       "admin.properties given to kafka-topics.sh)");
  timeout_ = check.add_option("--timeout", timeoutSeconds_,
                              "seconds to wait for each request to the cluster (default 30); a request that times out "
                              "makes the checks that needed it fail closed (exit 3)");
}

CheckRequest CheckOptions::request(RunEnvironment environment) const {
  CheckRequest r = request_;
  std::size_t nextFormat = 0, nextOutput = 0;
  for (const CLI::Option* option : check_->parse_order()) {
    if (option == format_) r.outputs.push_back({OutputArgument::Kind::Format, formats_.at(nextFormat++)});
    if (option == output_) r.outputs.push_back({OutputArgument::Kind::Output, outputs_.at(nextOutput++)});
  }
  r.settings = settings_.given();
  r.config.fromEnvironment = environment.configFile;
  r.color = color_ == "always" ? ColorChoice::Always : color_ == "never" ? ColorChoice::Never : ColorChoice::Auto;
  if (clientConfigOption_->count() > 0) r.cluster.clientConfig = clientConfig_;
  if (timeout_->count() > 0) r.cluster.timeoutSeconds = timeoutSeconds_;
  r.environment = std::move(environment);
  return r;
}

ConfigShowOptions::ConfigShowOptions(CLI::App& show) {
  show.add_option("--config", source_.file, "FILE: the tool configuration (default: found as for check)");
  show.add_flag("--no-config", source_.none, "ignore .kafkalint.toml and KAFKALINT_CONFIG");
  show.add_option("--profile", source_.profile, "NAME: a [profiles.NAME] of the configuration");
  settings_.addTo(show);
  show.add_option("--format", format_, "text or json")->check(CLI::IsMember({"text", "json"}));
}

ConfigSource ConfigShowOptions::source(const RunEnvironment& environment) const {
  ConfigSource source = source_;
  source.fromEnvironment = environment.configFile;
  return source;
}

}  // namespace kafkalint
