// What the CI reports (SARIF, GitHub, JUnit, GitLab) share: where a finding is in the repository,
// result identities that are unique within a report, and path encoding.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kafkalint/entity.hpp"
#include "kafkalint/errors.hpp"
#include "kafkalint/finding.hpp"

namespace kafkalint::ci {

// A line of a file, with the path relative to the working directory ('/' separated, as CI systems
// expect) or absolute when the file is outside it.
struct FilePlace {
  std::string path;
  bool relative = true;
  std::uint32_t line = 1;    // 1-based
  std::uint32_t column = 0;  // 1-based; 0: unknown
};

class Places {
 public:
  Places(const Model& model, std::filesystem::path workingDirectory);

  // Where a CI report points a finding: its own file and line; for an entity of a live cluster,
  // which has no file, the line of a file in the same run that describes it (the topic's entry,
  // else the cluster's when the files describe exactly one cluster); nullopt when there is none.
  [[nodiscard]] std::optional<FilePlace> of(const Finding& finding) const;
  // A path as the loader displays it; nullopt for what is not a file (<stdin>, kafka://...).
  [[nodiscard]] std::optional<FilePlace> ofPath(const std::string& displayPath, std::uint32_t line,
                                                std::uint32_t column) const;

  // "kafka://HOST:PORT topic orders" for a finding about an entity of a live cluster, else "".
  [[nodiscard]] std::string liveSubject(const Finding& finding) const;
  // A name for the finding's entity that says where it lives, e.g. "cluster/prod/topic/orders",
  // "kafka://HOST:PORT/broker/1", "producer/conf/p.properties".
  [[nodiscard]] std::string qualifiedEntityName(const Finding& finding) const;
  // Same, for an entity of the model.
  [[nodiscard]] std::string qualifiedEntityName(const Entity& entity) const;

  [[nodiscard]] const std::filesystem::path& workingDirectory() const { return workingDirectory_; }

 private:
  [[nodiscard]] bool isLive(const Finding& finding) const;
  [[nodiscard]] const Entity* entityOf(const Finding& finding) const;

  const Model& model_;
  std::filesystem::path workingDirectory_;
  std::map<FileId, std::string> liveFiles_;  // kafka://BOOTSTRAP file -> bootstrap
  std::map<std::pair<EntityKind, std::string>, std::vector<const Entity*>> entities_;
  std::map<std::string, std::vector<const Entity*>> fileTopics_;  // topics described by files, by name
  std::vector<const Entity*> fileClusters_;                       // clusters described by files
};

// One identity per finding, unique within the report: fingerprint(), then "-2", "-3"... appended
// for later findings with the same identity (a producer reported for each of two topics).
std::vector<std::string> uniqueFingerprints(const std::vector<Finding>& findings);
// The same for identities of other things: "-2", "-3"... appended to repeats.
std::vector<std::string> uniqueIds(std::vector<std::string> ids);

// RFC 3986 percent-encoding of a path: every byte but unreserved characters and '/'.
std::string percentEncodePath(std::string_view path);
// file:///... URI of an absolute path; with a trailing slash for a directory.
std::string fileUri(const std::filesystem::path& absolute, bool directory);

}  // namespace kafkalint::ci
