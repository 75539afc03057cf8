// The settings that .kafkalint.toml and the command line both set, declared once: one row each,
// which the TOML reader, the command-line options, the merge of the two and `kafkalint config
// show` all read. A new one is a ToolConfig field and a row of toolSettings() (settings.cpp).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "kafkalint/config.hpp"

namespace kafkalint {

// How a setting is spelt on the command line.
struct CommandLineForm {
  std::string_view option = {};  // "--fail-on"
  std::string help = {};
  // A flag that sets this value (--exit-zero: fail-on "never"); nullopt: the option takes a value.
  std::optional<std::string_view> fixedValue = {};
};

// How a value from the command line combines with the file's.
enum class CommandLineMerge {
  Replace,  // the command line wins
  Append,   // the command line adds to the file's list
};

// Where ToolConfig keeps the setting; also its type: a text, a list of texts, or a switch.
using SettingField =
    std::variant<ConfigSetting<std::string> ToolConfig::*, ConfigSetting<std::vector<std::string>> ToolConfig::*,
                 ConfigSetting<bool> ToolConfig::*>;

struct SettingSpec {
  std::string_view key = {};  // in .kafkalint.toml and `kafkalint config show`
  SettingField field = {};
  std::vector<CommandLineForm> commandLine = {};
  CommandLineMerge merge = CommandLineMerge::Replace;
  std::vector<std::string> choices = {};  // a text: the values it may take (empty: any)
  bool relativeToFile = false;            // paths: in a file, relative to that file
  // What a value of the file is checked with (each item of a list): the message when it cannot be
  // used, nullptr when it can.
  const char* (*invalid)(std::string_view value) = nullptr;
  std::string_view unsetText = {};  // `config show` of an empty text or list, e.g. "(newest known)"
};

// Every such setting, in the order `config show` prints them.
const std::vector<SettingSpec>& toolSettings();

// A setting given on the command line: its form and the values given (a flag: none).
struct CommandLineSetting {
  const SettingSpec* setting = nullptr;
  const CommandLineForm* form = nullptr;
  std::vector<std::string> values = {};
};

// Puts the command line on top of the configuration, each setting as its row says.
void applyCommandLine(ToolConfig& config, const std::vector<CommandLineSetting>& given);

}  // namespace kafkalint
