#include "kafkalint/secrets.hpp"

#include <algorithm>
#include <cctype>

#include "kafkalint/catalog.hpp"
#include "kafkalint/text.hpp"

namespace kafkalint {

bool isSecretKey(std::string_view key) {
  const std::string k = toLower(key);
  static constexpr std::string_view kMarkers[] = {
      "password", "passwd",      "secret",     "jaas",    "credential", "token",      "user.info",
      "userinfo", "private.key", "privatekey", "api.key", "apikey",     "passphrase", "keystore.key",
      "key.pem",  // librdkafka ssl.key.pem: the private key itself
  };
  for (std::string_view m : kMarkers) {
    if (k.find(m) != std::string::npos) return true;
  }
  return Catalog::instance().isPasswordKey(k);
}

namespace {

bool urlEnd(char c) {
  return c == '/' || c == '?' || c == '#' || c == ',' || c == ' ' || c == ';' || c == '"' || c == '\'' || c == '\t' ||
         c == '\n' || c == '\r';
}

// Each URL's user-info in `value`: [start, end) of "user:password" before the host. The host
// starts after the last '@' of the authority, so a password holding '@' is masked whole.
template <typename F>
void forEachUserInfo(std::string_view value, F&& visit) {
  std::size_t pos = 0;
  while (true) {
    const std::size_t scheme = value.find("://", pos);
    if (scheme == std::string_view::npos) return;
    const std::size_t start = scheme + 3;
    std::size_t end = start;
    std::size_t at = std::string_view::npos;
    while (end < value.size() && !urlEnd(value[end])) {
      if (value[end] == '@') at = end;
      ++end;
    }
    if (at != std::string_view::npos) visit(start, at);
    pos = end;
  }
}

// A reference or a placeholder rather than the secret: ${file:...}, ${env:...}, {{ ... }}, {% ... %},
// or text made only of <PLACEHOLDER>s and punctuation ("<API_KEY>:<API_SECRET>", as documentation
// writes them).
bool isPlaceholderText(std::string_view text) {
  if (text.find("${") != std::string_view::npos || text.find("{{") != std::string_view::npos ||
      text.find("{%") != std::string_view::npos) {
    return true;
  }
  bool placeholder = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '<') {
      const std::size_t close = text.find('>', i + 1);
      if (close == std::string_view::npos || close == i + 1) return false;
      placeholder = true;
      i = close;
    } else if (std::isalnum(static_cast<unsigned char>(text[i])) != 0 || static_cast<unsigned char>(text[i]) >= 0x80) {
      return false;
    }
  }
  return placeholder;
}

bool identChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
}

}  // namespace

std::string displayValue(std::string_view key, std::string_view value) {
  if (isSecretKey(key)) return std::string(kRedacted);
  // Mask user-info in URLs anywhere in the value: scheme://user:pass@host -> scheme://[REDACTED]@host
  std::string out;
  std::size_t copied = 0;
  forEachUserInfo(value, [&](std::size_t start, std::size_t at) {
    out.append(value.substr(copied, start - copied));
    out.append(kRedacted);
    copied = at;
  });
  out.append(value.substr(copied));
  return out;
}

bool holdsCredential(std::string_view key) {
  const std::string k = toLower(key);
  const Catalog& catalog = Catalog::instance();
  if (catalog.isPasswordKey(k)) return true;
  for (ConfigScope scope : {ConfigScope::Broker, ConfigScope::Topic, ConfigScope::Producer, ConfigScope::Consumer,
                            ConfigScope::Admin, ConfigScope::Connect, ConfigScope::Streams}) {
    if (catalog.knownInAnyRelease(scope, k)) return false;  // a Kafka key that is not a password
  }
  if (!isSecretKey(k)) return false;
  static constexpr std::string_view kNotCredentials[] = {
      ".url",  ".uri",       ".endpoint",  ".source",   ".location", ".type",   ".class",
      ".path", ".algorithm", ".ms",        ".seconds",  ".enable",   ".length", ".iterations",
      ".file", ".format",    ".mechanism", ".provider", ".size",     ".name",   ".expiry",
  };
  for (std::string_view suffix : kNotCredentials) {
    if (k.ends_with(suffix)) return false;
  }
  return true;
}

std::vector<std::string> plaintextCredentials(std::string_view key, std::string_view value) {
  std::vector<std::string> found;
  const std::string k = toLower(key);
  if (k.find("jaas") != std::string::npos) {
    // name=value options of the login module: password="..." and the like.
    for (std::size_t eq = value.find('='); eq != std::string_view::npos; eq = value.find('=', eq + 1)) {
      std::size_t nameEnd = eq;
      while (nameEnd > 0 && (value[nameEnd - 1] == ' ' || value[nameEnd - 1] == '\t')) --nameEnd;
      std::size_t nameStart = nameEnd;
      while (nameStart > 0 && identChar(value[nameStart - 1])) --nameStart;
      const std::string name(value.substr(nameStart, nameEnd - nameStart));
      std::size_t v = eq + 1;
      while (v < value.size() && (value[v] == ' ' || value[v] == '\t')) ++v;
      std::size_t vEnd = v;
      if (v < value.size() && (value[v] == '"' || value[v] == '\'')) {
        vEnd = value.find(value[v], v + 1);
        if (vEnd == std::string_view::npos) vEnd = value.size();
        ++v;
      } else {
        while (vEnd < value.size() && value[vEnd] != ' ' && value[vEnd] != ';' && value[vEnd] != '\t') ++vEnd;
      }
      const std::string_view optionValue = value.substr(v, vEnd - v);
      if (!name.empty() && holdsCredential(name) && !optionValue.empty() && !isPlaceholderText(optionValue) &&
          std::find(found.begin(), found.end(), name) == found.end()) {
        found.push_back(name);
      }
    }
  } else if (holdsCredential(key)) {
    if (!value.empty() && !isPlaceholderText(value)) found.emplace_back(key);
  }
  bool urlPassword = false;
  forEachUserInfo(value, [&](std::size_t start, std::size_t at) {
    const std::string_view info = value.substr(start, at - start);
    const std::size_t colon = info.find(':');
    if (colon != std::string_view::npos && colon + 1 < info.size() && !isPlaceholderText(info.substr(colon + 1))) {
      urlPassword = true;
    }
  });
  if (urlPassword) found.emplace_back("URL password");
  return found;
}

}  // namespace kafkalint
