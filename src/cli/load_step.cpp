// Loading the inputs of a check (check_steps.hpp): files and directories into the model, what
// could not be read, and (-v) how each file was classified.
#include "check_steps.hpp"
#include "kafkalint/errors.hpp"
#include "kafkalint/text.hpp"

namespace kafkalint::check {

LoadResult load(const CheckRequest& request, Configured& configured, RunResult& run) {
  if (request.paths.empty() && request.cluster.bootstrap.empty()) {
    throw UsageError(
        "nothing to check: give configuration files or directories, or --bootstrap (see kafkalint check --help)");
  }
  LoadResult loaded = request.paths.empty() ? LoadResult{} : loadInputs(request.paths, configured.load);
  run.timer.stage("load");
  for (const std::string& unused : loaded.unusedKindOverrides) {
    loaded.errors.emplace_back(unused, 0, 0,
                               "--kind names a file that is not among the inputs, so it would have no effect");
  }
  for (const InputError& e : loaded.errors) run.messages.push_back(errorLine(e.what()));
  const ToolConfig& config = configured.config;
  if (request.verbose) {
    if (!config.path.empty()) {
      run.messages.push_back("kafkalint: configuration " + config.path +
                             (config.profile.empty() ? "" : " (profile " + config.profile + ")"));
    }
    for (const InputRecord& in : loaded.model.inputs) {
      run.messages.push_back("kafkalint: " + printable(loaded.model.files.path(in.file) + ": " + in.reason));
    }
  }
  locateSuppressionEntries(configured.config, loaded.model.files);
  return loaded;
}

}  // namespace kafkalint::check
