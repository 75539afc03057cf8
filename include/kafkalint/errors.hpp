// Exit codes and the error type for input kafkalint cannot use.
#pragma once

#include <stdexcept>
#include <string>

#include "kafkalint/source_location.hpp"

namespace kafkalint {

// Documented in README.md and `kafkalint --help`; identical for every output format.
enum class ExitCode : int {
  Ok = 0,              // no finding at or above --fail-on
  Findings = 1,        // findings at or above --fail-on
  InputError = 2,      // usage error, unreadable or invalid input, rule file error, nothing to check
  CouldNotVerify = 3,  // a check could not be made (live cluster unreachable, timeout, not authorized)
};

// Something the user must fix before the run can go on (exit 2): an option that cannot take
// effect, a configuration, rule file or baseline that cannot be used. The message says what.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Input that cannot be used at all: the message names file, line and what was expected.
class InputError : public UsageError {
 public:
  InputError(std::string path, std::uint32_t line, std::uint32_t column, const std::string& what)
      : UsageError(format(path, line, column, what)), path_(std::move(path)), line_(line), column_(column) {}

  [[nodiscard]] const std::string& path() const { return path_; }
  [[nodiscard]] std::uint32_t line() const { return line_; }
  [[nodiscard]] std::uint32_t column() const { return column_; }

 private:
  static std::string format(const std::string& path, std::uint32_t line, std::uint32_t column,
                            const std::string& what) {
    // Appended to one string: `":" + std::to_string(n)` inserts in front of a temporary, which GCC 12
    // at -O3 reports as a possible overlap (-Wrestrict).
    std::string out = path;
    if (line > 0) appendNumber(out, line);
    if (line > 0 && column > 0) appendNumber(out, column);
    out += ": ";
    out += what;
    return out;
  }
  static void appendNumber(std::string& out, std::uint32_t n) {
    out += ':';
    out += std::to_string(n);
  }
  std::string path_;
  std::uint32_t line_;
  std::uint32_t column_;
};

}  // namespace kafkalint
