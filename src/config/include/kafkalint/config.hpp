// The tool configuration, applied before a run: .kafkalint.toml (found, or named), its profiles and
// the command line select the rules, their severities and parameters, the entities out of scope,
// and the suppression entries and baseline the gate then applies. Docs: docs/configuration.md.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "kafkalint/rules.hpp"
#include "kafkalint/source_location.hpp"
#include "kafkalint/value.hpp"

namespace kafkalint {

// A calendar date (suppression expiry).
struct Date {
  int year = 0, month = 0, day = 0;
  friend auto operator<=>(const Date&, const Date&) = default;
  [[nodiscard]] std::string str() const;  // YYYY-MM-DD
};
std::optional<Date> parseDate(std::string_view text);  // YYYY-MM-DD
// Today (UTC), or KAFKALINT_TODAY=YYYY-MM-DD when set (reproducible runs and tests).
Date today();

// Where a setting of the tool configuration came from, for `kafkalint config show`.
struct ConfigOrigin {
  enum class Kind { Default, File, Profile, CommandLine } kind = Kind::Default;
  std::string file;  // the configuration file (File, Profile)
  std::uint32_t line = 0;
  std::string profile;
  [[nodiscard]] std::string str() const;  // "default", ".kafkalint.toml:3", "profile dev (.kafkalint.toml:12)"...
};

template <class T>
struct ConfigSetting {
  T value{};
  ConfigOrigin origin;
};

// One [[suppress]] entry: findings of `rules` on entities matching `entity` and in files matching
// `file` are accepted for `reason` until `expires`.
struct SuppressionEntry {
  std::vector<std::string> rules;  // rule ids (names are resolved when rules are configured)
  std::string entity;              // "topic:legacy-*", "payments-*" ("" = any entity)
  std::string file;                // a path glob ("" = any file)
  std::string reason;
  std::optional<Date> expires;
  SourceLocation location;  // of the entry in its file, once located (locateSuppressionEntries)
  std::string sourceFile;   // that file's path
  std::uint32_t line = 0;
};

struct ToolConfig {
  std::string path;                   // the file read; "" when none
  std::vector<std::string> profiles;  // the profiles it defines
  std::string profile;                // the one chosen with --profile

  ConfigSetting<std::string> kafkaVersion;
  ConfigSetting<std::string> clientVersion;
  ConfigSetting<std::string> failOn{"error", {}};
  ConfigSetting<std::string> minSeverity{"note", {}};
  ConfigSetting<std::vector<std::string>> ruleDirs;  // relative to the configuration file, resolved
  ConfigSetting<std::vector<std::string>> select;    // ids, names or tags; empty = every rule
  ConfigSetting<std::vector<std::string>> ignore;
  ConfigSetting<std::vector<std::string>> exclude;  // entity globs: "topic:_confluent-*", "_schemas"
  ConfigSetting<std::string> baseline;              // resolved path; "" = none
  ConfigSetting<bool> inlineSuppressions{true, {}};
  std::map<std::string, ConfigSetting<std::string>> severity;  // rule id or name -> severity
  std::map<std::string, ConfigSetting<Value>> params;          // parameter -> value, for every rule having it
  std::map<std::string, std::map<std::string, ConfigSetting<Value>>> ruleParams;  // rule -> parameter -> value
  std::vector<SuppressionEntry> suppressions;
};

// Which tool configuration a run reads, and what it adds to it.
struct ConfigSource {
  std::string file;                           // --config FILE
  bool none = false;                          // --no-config
  std::string fromEnvironment;                // KAFKALINT_CONFIG
  std::string profile;                        // --profile NAME
  std::vector<std::string> suppressionFiles;  // --suppressions FILE
};

// The tool configuration of a run: the file named (--config, else KAFKALINT_CONFIG) or found from
// the working directory up (none with --no-config), with the profile applied and the suppression
// files read. Throws UsageError: a file that cannot be used, a profile without a file.
ToolConfig readToolConfig(const ConfigSource& source);

// The files of the [[suppress]] entries are files of the run like its inputs: findings about an
// entry (unused, expired) point at it. Adds them to `files` and sets each entry's location.
void locateSuppressionEntries(ToolConfig& config, SourceFiles& files);

// The .kafkalint.toml that applies in `start`: the first found from there upwards, stopping at the
// repository root (a directory holding .git). nullopt when there is none.
std::optional<std::filesystem::path> discoverToolConfig(const std::filesystem::path& start);

// Reads a tool configuration file and applies `profile` ("" = none). Throws InputError naming
// file, line and what was expected: unknown keys, wrong types, an unknown profile.
ToolConfig loadToolConfig(const std::string& path, const std::string& profile);
// The same, on text already read (suppression files it names are still read from disk).
ToolConfig parseToolConfig(const std::string& path, std::string_view content, const std::string& profile);

// Reads the [[suppress]] entries of a suppression file into `config`. Throws InputError.
void loadSuppressionFile(ToolConfig& config, const std::string& path);

// Applies selection, severity overrides and parameters to the rules, and resolves rule names in
// the suppression entries to ids. Throws InputError (at the setting's origin) for a rule, tag or
// parameter that does not exist, a value of the wrong type, or a rule that cannot be turned off.
void configureRules(RuleSet& rules, ToolConfig& config);

// `kafkalint config show`.
void writeToolConfig(std::ostream& out, const ToolConfig& config, const RuleSet& rules, bool json);

}  // namespace kafkalint
