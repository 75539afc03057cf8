// Where the files a run may read live (LoadResult::readableRoots; withinRoots() is in load.hpp).
#pragma once

#include <string>
#include <vector>

namespace kafkalint {

// The current directory, each input directory (the parent of an input file) and the git work tree
// around each, canonical and without repetition.
std::vector<std::string> readableRoots(const std::vector<std::string>& paths);

}  // namespace kafkalint
