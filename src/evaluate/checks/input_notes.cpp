// Templates "unclassified-input", "byte-order-mark", "ignored-setting" and "unresolved-reference":
// what the loader noticed about files.
#include "checks/check.hpp"

namespace kafkalint {

namespace {

Entity fileEntity(const Model& model, const SourceLocation& location) {
  Entity e;
  e.kind = EntityKind::File;
  e.name = model.files.path(location.file);
  e.origin = {location.file, 1, 1};
  return e;
}

class UnclassifiedInputCheck final : public Check {
 public:
  void checkModel(const RuleSet::Compiled& rule, CheckContext& ctx) const override {
    for (const InputNote& note : ctx.model.notes) {
      if (note.kind != InputNote::Kind::Unclassified) continue;
      Finding f = makeFinding(rule.info, fileEntity(ctx.model, note.location),
                              "not checked: " + note.detail +
                                  ". Name its kind with --kind KIND=PATH (broker, controller, producer, consumer, "
                                  "client or connect) if it is a Kafka config.",
                              note.location);
      ctx.findings.push_back(std::move(f));
    }
  }
};

class ByteOrderMarkCheck final : public Check {
 public:
  void checkModel(const RuleSet::Compiled& rule, CheckContext& ctx) const override {
    for (const InputNote& note : ctx.model.notes) {
      if (note.kind != InputNote::Kind::ByteOrderMark) continue;
      Finding f = makeFinding(rule.info, fileEntity(ctx.model, note.location),
                              "the file starts with a UTF-8 byte-order mark: Kafka reads .properties files as "
                              "ISO-8859-1, so the first key becomes \"\xC3\xAF\xC2\xBB\xC2\xBF" +
                                  note.detail + "\" and " + note.detail + " is not set.",
                              note.location);
      f.keys.push_back(note.detail);
      ctx.findings.push_back(std::move(f));
    }
  }
};

// Notes a loader attaches to a setting or file: the detail is the whole message.
class NoteCheck final : public Check {
 public:
  explicit NoteCheck(InputNote::Kind kind) : kind_(kind) {}
  void checkModel(const RuleSet::Compiled& rule, CheckContext& ctx) const override {
    for (const InputNote& note : ctx.model.notes) {
      if (note.kind != kind_) continue;
      Finding f = makeFinding(rule.info, fileEntity(ctx.model, note.location), note.detail, note.location);
      if (!note.key.empty()) f.keys.push_back(note.key);
      ctx.findings.push_back(std::move(f));
    }
  }

 private:
  InputNote::Kind kind_;
};

}  // namespace

std::unique_ptr<const Check> bindUnclassifiedInputCheck(const RuleInfo& /*rule*/, const RuleParams& /*params*/) {
  return std::make_unique<UnclassifiedInputCheck>();
}
std::unique_ptr<const Check> bindByteOrderMarkCheck(const RuleInfo& /*rule*/, const RuleParams& /*params*/) {
  return std::make_unique<ByteOrderMarkCheck>();
}
std::unique_ptr<const Check> bindIgnoredSettingCheck(const RuleInfo& /*rule*/, const RuleParams& /*params*/) {
  return std::make_unique<NoteCheck>(InputNote::Kind::Ignored);
}
std::unique_ptr<const Check> bindUnresolvedReferenceCheck(const RuleInfo& /*rule*/, const RuleParams& /*params*/) {
  return std::make_unique<NoteCheck>(InputNote::Kind::Unresolved);
}

}  // namespace kafkalint
