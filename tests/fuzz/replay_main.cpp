// kafkalint_fuzz_replay TARGET PATH...: runs saved inputs (files, or every file under a directory)
// through a fuzz target, so that seed corpora and crash regressions run in every build, with or
// without libFuzzer. `kafkalint_fuzz_replay --list` names the targets; `--expect NAME...` fails
// unless they are exactly the targets CMake made tests of (tests/fuzz/CMakeLists.txt).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>

#include "fuzz/fuzz_target.hpp"

namespace fs = std::filesystem;

namespace {

// Every target registered has its tests, and every test its target.
int expectTargets(std::vector<std::string> expected) {
  std::vector<std::string> registered = kafkalint::fuzz::targetNames();
  std::sort(expected.begin(), expected.end());
  std::sort(registered.begin(), registered.end());
  if (expected == registered) {
    std::cout << registered.size() << " fuzz targets, each with its tests\n";
    return 0;
  }
  std::vector<std::string> untested, missing;
  std::set_difference(registered.begin(), registered.end(), expected.begin(), expected.end(),
                      std::back_inserter(untested));
  std::set_difference(expected.begin(), expected.end(), registered.begin(), registered.end(),
                      std::back_inserter(missing));
  for (const std::string& name : untested) std::cerr << "fuzz target " << name << " has no tests\n";
  for (const std::string& name : missing) std::cerr << "tests of fuzz target " << name << ", which is not defined\n";
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 2 && std::string_view(argv[1]) == "--list") {
    for (const std::string& name : kafkalint::fuzz::targetNames()) std::cout << name << "\n";
    return 0;
  }
  if (argc >= 2 && std::string_view(argv[1]) == "--expect") return expectTargets({argv + 2, argv + argc});
  if (argc < 3) {
    std::cerr << "usage: kafkalint_fuzz_replay TARGET PATH... | --list\n";
    return 2;
  }
  const auto target = kafkalint::fuzz::findTarget(argv[1]);
  if (target == nullptr) {
    std::cerr << "kafkalint_fuzz_replay: no target named " << argv[1] << " (--list names them)\n";
    return 2;
  }
  std::vector<fs::path> inputs;
  for (int i = 2; i < argc; ++i) {
    const fs::path path = argv[i];
    if (fs::is_directory(path)) {
      for (const auto& entry : fs::recursive_directory_iterator(path)) {
        if (entry.is_regular_file()) inputs.push_back(entry.path());
      }
    } else if (fs::exists(path)) {
      inputs.push_back(path);
    }
  }
  std::sort(inputs.begin(), inputs.end());
  for (const fs::path& input : inputs) {
    std::ifstream in(input, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::cout << "  " << input.generic_string() << " (" << bytes.size() << " bytes)" << std::endl;
    target(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
  }
  std::cout << argv[1] << ": " << inputs.size() << " inputs replayed without a crash\n";
  return 0;
}
