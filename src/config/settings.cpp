// The settings .kafkalint.toml and the command line both set (settings.hpp): the one table.
#include "kafkalint/settings.hpp"

#include "kafkalint/catalog.hpp"
#include "kafkalint/kafka_version.hpp"

namespace kafkalint {

namespace {

const char* notARelease(std::string_view v) {
  return KafkaVersion::parse(v) ? nullptr : "expected a Kafka release such as \"3.7\" or \"2.8.2\"";
}
const char* emptyPath(std::string_view v) { return v.empty() ? "expected the path of a baseline file" : nullptr; }
const char* emptyGlob(std::string_view v) { return v.empty() ? "an empty exclusion would match nothing" : nullptr; }

std::vector<SettingSpec> makeSettings() {
  using M = CommandLineMerge;
  const std::string newest = Catalog::instance().newest().str();
  return {
      {.key = "kafka-version",
       .field = &ToolConfig::kafkaVersion,
       .commandLine = {{"--kafka-version",
                        "Kafka release of brokers and Java clients, e.g. 2.8 or 3.7.1 (default: newest known, " +
                            newest + ")"}},
       .invalid = notARelease,
       .unsetText = "(newest known)"},
      {.key = "client-version",
       .field = &ToolConfig::clientVersion,
       .commandLine = {{"--client-version",
                        "Kafka release of the Java producers and consumers, when it differs from --kafka-version"}},
       .invalid = notARelease,
       .unsetText = "(as kafka-version)"},
      {.key = "fail-on",
       .field = &ToolConfig::failOn,
       .commandLine = {{"--fail-on",
                        "lowest severity that fails the run (default error); independent of what is reported"},
                       {"--exit-zero",
                        "report, but exit 0 whatever the findings (report-only roll-outs); 2 and 3 still apply",
                        "never"}},
       .choices = {"error", "warning", "note", "never"}},
      {.key = "min-severity",
       .field = &ToolConfig::minSeverity,
       .commandLine = {{"--min-severity", "lowest severity reported (default note); cannot be above --fail-on"}},
       .choices = {"error", "warning", "note"}},
      {.key = "rule-dirs",
       .field = &ToolConfig::ruleDirs,
       .commandLine = {{"--rules", "directory of additional rule files (YAML)"}},
       .merge = M::Append,
       .relativeToFile = true},
      {.key = "select",
       .field = &ToolConfig::select,
       .commandLine = {{"--select",
                        "ID|NAME|TAG: run only these rules (replaces the configuration's select); repeatable"}},
       .unsetText = "[] (every rule)"},
      {.key = "ignore",
       .field = &ToolConfig::ignore,
       .commandLine = {{"--ignore",
                        "ID|NAME|TAG: do not run these rules (replaces the configuration's ignore); repeatable"}}},
      {.key = "exclude",
       .field = &ToolConfig::exclude,
       .commandLine = {{"--exclude",
                        "[KIND:]GLOB: leave out findings on these entities, e.g. 'topic:_confluent-*'; repeatable"}},
       .merge = M::Append,
       .invalid = emptyGlob},
      {.key = "baseline",
       .field = &ToolConfig::baseline,
       .commandLine = {{"--baseline", "FILE: accept the findings recorded in FILE; only new ones fail the run"}},
       .relativeToFile = true,
       .invalid = emptyPath,
       .unsetText = "(none)"},
      {.key = "inline-suppressions",
       .field = &ToolConfig::inlineSuppressions,
       .commandLine = {{"--no-inline-suppressions",
                        "ignore `kafkalint: ignore` comments in the inputs (a central gate)", "false"}}},
  };
}

// The value a command-line form gives a setting of type T.
template <class T>
T commandLineValue(const CommandLineSetting& given);
template <>
std::string commandLineValue(const CommandLineSetting& given) {
  if (given.form->fixedValue) return std::string(*given.form->fixedValue);
  return given.values.empty() ? "" : given.values.front();
}
template <>
std::vector<std::string> commandLineValue(const CommandLineSetting& given) {
  return given.values;
}
template <>
bool commandLineValue(const CommandLineSetting& given) {
  return given.form->fixedValue.value_or("true") == "true";
}

}  // namespace

const std::vector<SettingSpec>& toolSettings() {
  static const std::vector<SettingSpec> settings = makeSettings();
  return settings;
}

void applyCommandLine(ToolConfig& config, const std::vector<CommandLineSetting>& given) {
  const ConfigOrigin commandLine{ConfigOrigin::Kind::CommandLine, "", 0, ""};
  for (const CommandLineSetting& g : given) {
    std::visit(
        [&](auto field) {
          auto& setting = config.*field;
          using T = std::decay_t<decltype(setting.value)>;
          T value = commandLineValue<T>(g);
          if constexpr (std::is_same_v<T, std::vector<std::string>>) {
            if (g.setting->merge == CommandLineMerge::Append)
              value.insert(value.begin(), setting.value.begin(), setting.value.end());
          }
          setting = {std::move(value), commandLine};
        },
        g.setting->field);
  }
}

}  // namespace kafkalint
