#include "kafkalint/text_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <memory>

#include "kafkalint/errors.hpp"

namespace kafkalint {

namespace {

// Length of the UTF-8 sequence starting at s[i], or 0 when it is not well-formed (RFC 3629:
// no overlongs, no surrogates, nothing above U+10FFFF).
std::size_t utf8SequenceLength(std::string_view s, std::size_t i) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
  const unsigned char c = b(0);
  if (c < 0x80) return 1;
  std::size_t len = 0;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  if (b(1) < lo || b(1) > hi) return 0;
  for (std::size_t k = 2; k < len; ++k) {
    if (b(k) < 0x80 || b(k) > 0xBF) return 0;
  }
  return len;
}

}  // namespace

void checkText(const std::string& displayPath, std::string_view content) {
  std::uint32_t line = 1;
  std::uint32_t column = 1;
  for (std::size_t i = 0; i < content.size();) {
    const unsigned char c = static_cast<unsigned char>(content[i]);
    if (c == 0) {
      throw InputError(displayPath, line, column, "binary content (NUL byte); expected a text configuration file");
    }
    const std::size_t len = utf8SequenceLength(content, i);
    if (len == 0) {
      constexpr std::string_view kDigits = "0123456789ABCDEF";
      const std::string hex = {'0', 'x', kDigits[c >> 4], kDigits[c & 0xF]};
      throw InputError(displayPath, line, column, "invalid UTF-8 (byte " + hex + "); expected UTF-8 text");
    }
    if (c == '\n') {
      ++line;
      column = 1;
    } else if (c == '\r') {
      if (i + 1 >= content.size() || content[i + 1] != '\n') {
        ++line;
        column = 1;
      }
    } else {
      ++column;
    }
    i += len;
  }
}

TextFile readTextFile(const std::filesystem::path& path, const std::string& displayPath) {
  std::error_code ec;
  auto status = std::filesystem::status(path, ec);
  if (ec) throw InputError(displayPath, 0, 0, "cannot read: " + ec.message());
  if (std::filesystem::is_directory(status)) {
    throw InputError(displayPath, 0, 0, "is a directory; expected a file");
  }
  // Opened without blocking and checked on the descriptor, so that a FIFO (which would wait for a
  // writer forever), a device (/dev/zero never ends) or a socket is refused, even one that replaced
  // the file after the check above.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) throw InputError(displayPath, 0, 0, std::string("cannot read: ") + std::strerror(errno));
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    const char* what = S_ISFIFO(st.st_mode)                         ? "a named pipe (FIFO)"
                       : S_ISSOCK(st.st_mode)                       ? "a socket"
                       : S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) ? "a device"
                                                                    : "not a regular file";
    ::close(fd);
    throw InputError(displayPath, 0, 0, std::string("is ") + what + "; expected a regular configuration file");
  }
  if (st.st_size > 0 && static_cast<std::uint64_t>(st.st_size) > kMaxInputBytes) {
    ::close(fd);
    throw InputError(
        displayPath, 0, 0,
        "file is larger than " + std::to_string(kMaxInputBytes >> 20) + " MiB; expected a configuration file");
  }
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(::fdopen(fd, "rb"), &std::fclose);
  if (!f) {
    ::close(fd);
    throw InputError(displayPath, 0, 0, std::string("cannot read: ") + std::strerror(errno));
  }

  TextFile out;
  out.displayPath = displayPath;
  char buf[1 << 16];
  while (true) {
    std::size_t n = std::fread(buf, 1, sizeof buf, f.get());
    if (n > 0) {
      if (out.content.size() + n > kMaxInputBytes) {
        throw InputError(
            displayPath, 0, 0,
            "file is larger than " + std::to_string(kMaxInputBytes >> 20) + " MiB; expected a configuration file");
      }
      out.content.append(buf, n);
    }
    if (n < sizeof buf) {
      if (std::ferror(f.get())) throw InputError(displayPath, 0, 0, std::string("read error: ") + std::strerror(errno));
      break;
    }
  }
  if (out.content.size() >= 3 && out.content.compare(0, 3, "\xEF\xBB\xBF") == 0) {
    out.content.erase(0, 3);
    out.hadByteOrderMark = true;
  }
  checkText(displayPath, out.content);
  return out;
}

}  // namespace kafkalint
