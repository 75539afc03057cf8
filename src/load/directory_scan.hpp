// The files of a directory that kafkalint reads.
#pragma once

#include <string>
#include <vector>

#include "kafkalint/load.hpp"

namespace kafkalint {

struct InputCandidate {
  std::string display;  // as named on the command line, or as found under it
  std::string real;     // what to open
  bool fromDirectory = false;
};

// Every *.properties, *.yaml, *.yml, *.toml and *.env file under `dir` (templates such as
// kafka.yaml.tpl too), hidden files and directories skipped, in the order of their names.
// Unreadable directories, and symbolic links that leave the readable roots, are errors in `result`.
std::vector<InputCandidate> scanDirectory(const std::string& dir, LoadResult& result);

}  // namespace kafkalint
