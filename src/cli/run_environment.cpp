// What a run reads from its process (RunEnvironment::ofProcess), and the stage timer.
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "kafkalint/check.hpp"

extern char** environ;

namespace kafkalint {

namespace {

bool isSet(const char* variable) {
  const char* value = std::getenv(variable);
  return value != nullptr && value[0] != '\0';
}

}  // namespace

RunEnvironment RunEnvironment::ofProcess() {
  RunEnvironment e;
  const char* actions = std::getenv("GITHUB_ACTIONS");
  e.githubActions = actions != nullptr && std::string_view(actions) == "true";
  if (isSet("KAFKALINT_CONFIG")) e.configFile = std::getenv("KAFKALINT_CONFIG");
  e.noColor = isSet("NO_COLOR");
  e.stdoutIsTerminal = ::isatty(STDOUT_FILENO) == 1;
  e.timings = isSet("KAFKALINT_TIMINGS");
  for (char** v = environ; v != nullptr && *v != nullptr; ++v) e.variables.emplace_back(*v);
  e.today = kafkalint::today();
  if (::isatty(STDERR_FILENO) == 1) e.progress = &std::cerr;
  e.clusterLog = &std::cerr;
  return e;
}

void StageTimer::stage(const char* name) {
  const auto now = std::chrono::steady_clock::now();
  if (on_) {
    line_ += (line_.empty() ? "" : ", ") + std::string(name) + " " +
             std::to_string(std::chrono::duration<double>(now - last_).count()) + " s";
  }
  last_ = now;
}

void StageTimer::print(std::ostream& err) const {
  if (!on_) return;
  err << "kafkalint: timings: " << line_ << ", total "
      << std::to_string(std::chrono::duration<double>(last_ - start_).count()) << " s\n";
}

}  // namespace kafkalint
