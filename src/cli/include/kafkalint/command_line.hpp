// kafkalint's options on CLI11: `check`'s (and the requests they make), the settings of
// toolSettings() on any command, and the exit codes --help documents.
#pragma once

#include <CLI/CLI.hpp>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "kafkalint/check.hpp"
#include "kafkalint/settings.hpp"

namespace kafkalint {

// The footer of --help (README.md, Exit codes).
extern const char* const kExitCodesHelp;

// Each setting of toolSettings() as options of a command, as its row says. CLI11 writes into it:
// it stays where it is.
class SettingOptions {
 public:
  SettingOptions() = default;
  SettingOptions(const SettingOptions&) = delete;
  SettingOptions& operator=(const SettingOptions&) = delete;
  void addTo(CLI::App& command);
  // The settings given, in table order.
  [[nodiscard]] std::vector<CommandLineSetting> given() const;

 private:
  struct Bound {
    const SettingSpec* setting = nullptr;
    const CommandLineForm* form = nullptr;
    CLI::Option* option = nullptr;
    bool takesList = false;
    std::string text;
    std::vector<std::string> texts;
    bool flag = false;
  };
  std::deque<Bound> bound_;  // CLI11 keeps pointers into it
};

// kafkalint check's options (CLI11 writes into them: they stay where they are).
class CheckOptions {
 public:
  explicit CheckOptions(CLI::App& check);
  CheckOptions(const CheckOptions&) = delete;
  CheckOptions& operator=(const CheckOptions&) = delete;
  // The request the parsed command line makes.
  [[nodiscard]] CheckRequest request(RunEnvironment environment) const;

 private:
  void addOutputOptions(CLI::App& check);
  void addGateOptions(CLI::App& check);
  void addClusterOptions(CLI::App& check);

  CheckRequest request_;  // what the options fill directly
  SettingOptions settings_;
  std::vector<std::string> formats_, outputs_;
  std::string color_ = "auto";
  std::string clientConfig_;
  double timeoutSeconds_ = 30;
  CLI::App* check_ = nullptr;
  CLI::Option* format_ = nullptr;
  CLI::Option* output_ = nullptr;
  CLI::Option* clientConfigOption_ = nullptr;
  CLI::Option* timeout_ = nullptr;
};

// kafkalint config show's options.
class ConfigShowOptions {
 public:
  explicit ConfigShowOptions(CLI::App& show);
  ConfigShowOptions(const ConfigShowOptions&) = delete;
  ConfigShowOptions& operator=(const ConfigShowOptions&) = delete;
  [[nodiscard]] ConfigSource source(const RunEnvironment& environment) const;
  [[nodiscard]] std::vector<CommandLineSetting> settings() const { return settings_.given(); }
  [[nodiscard]] bool json() const { return format_ == "json"; }

 private:
  ConfigSource source_;
  SettingOptions settings_;
  std::string format_ = "text";
};

}  // namespace kafkalint
