// Template "plaintext-secret": a credential written in plain text in a configuration file (a
// password, a private key, a JAAS password option, a URL with user:password@). The finding names
// the setting, never the value.
#include "checks/check.hpp"
#include "kafkalint/secrets.hpp"

namespace kafkalint {

namespace {

class PlaintextSecretCheck final : public Check {
 public:
  void checkEntity(const RuleSet::Compiled& rule, EntityView& view, CheckContext& ctx) const override {
    const Entity& entity = view.entity();
    if (!ownsWrittenSettings(entity)) return;  // live values are never returned by the cluster
    for (const Setting& s : entity.settings) {
      if (s.origin != ProvenanceKind::Explicit) continue;  // an image's base config, not the file
      const std::vector<std::string> credentials = plaintextCredentials(s.key, s.value);
      if (credentials.empty()) continue;
      std::string what = s.key + " holds a credential in plain text";
      if (credentials.front() != s.key) {
        std::vector<std::string> parts;
        std::string options;
        std::size_t optionCount = 0;
        for (const std::string& c : credentials) {
          if (c == "URL password") continue;
          options += (options.empty() ? "" : ", ") + c;
          ++optionCount;
        }
        if (optionCount > 0) parts.push_back("its " + options + (optionCount > 1 ? " options" : " option"));
        if (credentials.back() == "URL password") parts.emplace_back("a password in a URL");
        what = s.key + " has " + parts.front() + (parts.size() > 1 ? " and " + parts.back() : "") + " in plain text";
      }
      Finding f = makeFinding(rule.info, entity,
                              what +
                                  " (value not shown): anyone who can read this file or its history has it. Keep "
                                  "the secret out of the file: a config provider reference such as "
                                  "${file:/path:key} or ${env:NAME}, or the deployment's secret store.",
                              s.keyLocation);
      f.keys.push_back(s.key);
      ctx.findings.push_back(std::move(f));
    }
  }
};

}  // namespace

std::unique_ptr<const Check> bindPlaintextSecretCheck(const RuleInfo& /*rule*/, const RuleParams& /*params*/) {
  return std::make_unique<PlaintextSecretCheck>();
}

}  // namespace kafkalint
