#include "kafkalint/secrets.hpp"

#include "kafkalint/catalog.hpp"
#include "kafkalint/text.hpp"

namespace kafkalint {

bool isSecretKey(std::string_view key) {
  const std::string k = toLower(key);
  static constexpr std::string_view kMarkers[] = {
      "password", "passwd",      "secret",     "jaas",    "credential", "token",      "user.info",
      "userinfo", "private.key", "privatekey", "api.key", "apikey",     "passphrase", "keystore.key",
  };
  for (std::string_view m : kMarkers) {
    if (k.find(m) != std::string::npos) return true;
  }
  return Catalog::instance().isPasswordKey(k);
}

std::string displayValue(std::string_view key, std::string_view value) {
  if (isSecretKey(key)) return std::string(kRedacted);
  // Mask user-info in URLs anywhere in the value: scheme://user:pass@host -> scheme://[REDACTED]@host
  std::string out;
  std::size_t pos = 0;
  while (true) {
    std::size_t scheme = value.find("://", pos);
    if (scheme == std::string_view::npos) break;
    std::size_t start = scheme + 3;
    std::size_t end = start;
    while (end < value.size() && value[end] != '/' && value[end] != '@' && value[end] != ',' && value[end] != ' ' &&
           value[end] != ';') {
      ++end;
    }
    out.append(value.substr(pos, start - pos));
    if (end < value.size() && value[end] == '@') {
      out.append(kRedacted);
    } else {
      out.append(value.substr(start, end - start));
    }
    pos = end;
  }
  out.append(value.substr(pos));
  return out;
}

}  // namespace kafkalint
