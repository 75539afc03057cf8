// The keys of a file that point to what it configures, with their lines, for the reasons
// classification gives ("broker: broker.id (line 3), log.dirs (line 7)").
#pragma once

#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "classify.hpp"

namespace kafkalint {

struct Evidence {
  std::vector<const KeyOccurrence*> hits;
  void add(const KeyOccurrence& k) { hits.push_back(&k); }
  [[nodiscard]] std::size_t size() const { return hits.size(); }
  [[nodiscard]] std::string describe() const {
    std::string out;
    for (std::size_t i = 0; i < hits.size() && i < 3; ++i) {
      if (!out.empty()) out += ", ";
      out += std::string(hits[i]->key) + " (line " + std::to_string(hits[i]->line) + ")";
    }
    if (hits.size() > 3) out += ", ...";
    return out;
  }
};

template <std::size_t N>
bool in(const std::string_view (&list)[N], std::string_view key) {
  return std::find(std::begin(list), std::end(list), key) != std::end(list);
}

// Keys only the Kafka 0.8 Scala producer has (client_dialect.cpp).
bool isScalaProducerKey(std::string_view key);

}  // namespace kafkalint
