// kafkalint_fuzz_replay TARGET PATH...: runs saved inputs (files, or every file under a directory)
// through a fuzz target, so that seed corpora and crash regressions run in every build, with or
// without libFuzzer. `kafkalint_fuzz_replay --list` names the targets.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>

#include "fuzz/fuzz_target.hpp"

namespace fs = std::filesystem;

int main(int argc, char** argv) {
  if (argc == 2 && std::string_view(argv[1]) == "--list") {
    for (const std::string& name : kafkalint::fuzz::targetNames()) std::cout << name << "\n";
    return 0;
  }
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
