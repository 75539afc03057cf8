// Template definitions for dialects.hpp.
#pragma once

#include "kafkalint/secrets.hpp"
#include "kafkalint/text.hpp"
#include "kafkalint/typed_value.hpp"

namespace kafkalint {

template <typename TypedFn>
EffectiveValue writtenValue(std::string_view ruleKey, const Setting& setting, TypedFn typed) {
  EffectiveValue ev;
  ev.key = std::string(ruleKey);
  ev.name = setting.key;
  ev.text = std::string(trimView(setting.value));
  ev.secret = isSecretKey(setting.key);
  ev.provenance.kind = setting.origin;
  ev.provenance.location = setting.keyLocation;
  ev.provenance.detail = setting.detail;
  if (auto why = placeholderReason(ev.text)) {
    ev.value = Value::unknown(ev.secret ? std::string("the value is a placeholder") : "the value is " + *why);
  } else {
    ev.value = typed(ev.text);
    if (ev.value.isUnknown()) {
      ev.invalid = true;
      ev.value = Value::unknown(ev.secret ? std::string("the value is not valid")
                                          : "the value '" + ev.text + "' is not valid");
    }
  }
  return ev;
}

}  // namespace kafkalint
