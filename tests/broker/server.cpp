#include "broker/server.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <iostream>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace kafkalint::testbroker {

namespace {

// Kafka's socket.request.max.bytes default: a bigger frame is refused and the connection closed.
constexpr std::int64_t kMaxRequestBytes = 104857600;
constexpr std::size_t kReadChunk = 64 * 1024;

std::runtime_error systemError(const std::string& what) {
  return std::runtime_error(what + ": " + std::strerror(errno));
}

void setNonBlocking(int fd) {
  const int flags = fcntl(fd, F_GETFL, 0);
  if (flags < 0 || fcntl(fd, F_SETFL, flags | O_NONBLOCK) < 0) throw systemError("fcntl");
}

}  // namespace

RequestLog::RequestLog(const std::string& path) {
  file_ = std::fopen(path.c_str(), "a");
  if (!file_) throw systemError("cannot open request log " + path);
}

RequestLog::~RequestLog() {
  if (file_) std::fclose(file_);
}

void RequestLog::record(std::int32_t brokerId, std::uint64_t connectionId, const Reply& reply,
                        const std::string& outcome) {
  nlohmann::ordered_json line;
  line["time_ms"] =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
          .count();
  line["broker_id"] = brokerId;
  line["connection"] = connectionId;
  if (reply.header) {
    line["api_key"] = reply.header->apiKey;
    line["api_name"] = apiName(reply.header->apiKey);
    line["api_version"] = reply.header->apiVersion;
    line["correlation_id"] = reply.header->correlationId;
    line["client_id"] = reply.header->clientId ? nlohmann::ordered_json(*reply.header->clientId) : nullptr;
  } else {
    line["api_key"] = nullptr;
  }
  line["outcome"] = outcome;
  if (!reply.closeReason.empty()) line["detail"] = reply.closeReason;
  const std::string text = line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  std::fwrite(text.data(), 1, text.size(), file_);
  std::fflush(file_);
}

Server::Server(Cluster cluster, RequestLog* log) : cluster_(std::move(cluster)), log_(log) {
  for (auto& broker : cluster_.brokers) {
    Listener listener;
    listener.brokerId = broker.id;
    listener.fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (listener.fd < 0) throw systemError("socket");
    const int yes = 1;
    setsockopt(listener.fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(broker.port);
    if (inet_pton(AF_INET, broker.host.c_str(), &address.sin_addr) != 1) {
      throw std::runtime_error("broker " + std::to_string(broker.id) + ": host must be an IPv4 address, not " +
                               broker.host);
    }
    if (bind(listener.fd, reinterpret_cast<sockaddr*>(&address), sizeof address) < 0) {
      throw systemError("broker " + std::to_string(broker.id) + ": bind " + broker.host + ":" +
                        std::to_string(broker.port));
    }
    socklen_t length = sizeof address;
    if (getsockname(listener.fd, reinterpret_cast<sockaddr*>(&address), &length) < 0) throw systemError("getsockname");
    broker.port = ntohs(address.sin_port);
    // A down or unreachable broker keeps its port bound but never listens: a connect() is refused.
    listener.accepting = !broker.down && !broker.unreachable;
    if (listener.accepting) {
      if (listen(listener.fd, 128) < 0) throw systemError("listen");
      setNonBlocking(listener.fd);
    }
    listeners_.push_back(std::move(listener));
  }
  // Handlers read the final ports, so they are made once every port is known.
  for (auto& listener : listeners_) {
    listener.faults = cluster_.faultsFor(listener.brokerId);
    listener.handler = std::make_unique<ProtocolHandler>(cluster_, listener.brokerId);
  }
}

Server::~Server() {
  for (auto& [fd, connection] : connections_) ::close(fd);
  for (auto& listener : listeners_) ::close(listener.fd);
}

Server::Listener& Server::listenerOf(const Connection& connection) {
  for (auto& listener : listeners_) {
    if (listener.brokerId == connection.brokerId) return listener;
  }
  throw std::logic_error("connection without a listener");
}

void Server::acceptAll(Listener& listener) {
  for (;;) {
    const int fd = accept4(listener.fd, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd < 0) {
      if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
        std::cerr << "broker " << listener.brokerId << ": accept: " << std::strerror(errno) << "\n";
      }
      return;
    }
    const int yes = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
    Connection connection;
    connection.id = nextConnectionId_++;
    connection.fd = fd;
    connection.brokerId = listener.brokerId;
    connections_.emplace(fd, std::move(connection));
  }
}

bool Server::readFrom(Connection& connection) {
  for (;;) {
    const std::size_t old = connection.input.size();
    connection.input.resize(old + kReadChunk);
    const ssize_t n = ::recv(connection.fd, connection.input.data() + old, kReadChunk, 0);
    connection.input.resize(old + static_cast<std::size_t>(std::max<ssize_t>(n, 0)));
    if (n > 0) continue;
    if (n == 0) return false;  // the client went away
    if (errno == EAGAIN || errno == EWOULDBLOCK) return true;
    if (errno == EINTR) continue;
    return false;
  }
}

bool Server::processFrames(Connection& connection) {
  Listener& listener = listenerOf(connection);
  std::size_t consumed = 0;
  bool keepOpen = true;
  while (keepOpen && !listener.vanishing && connection.input.size() - consumed >= 4) {
    const std::uint8_t* p = connection.input.data() + consumed;
    const std::int32_t size = static_cast<std::int32_t>((std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) |
                                                        (std::uint32_t{p[2]} << 8) | std::uint32_t{p[3]});
    if (size < 0 || size > kMaxRequestBytes) {
      Reply bad;
      bad.closeReason = "request frame size " + std::to_string(size) + " out of range";
      log_->record(connection.brokerId, connection.id, bad, "closed");
      return false;
    }
    if (connection.input.size() - consumed - 4 < static_cast<std::size_t>(size)) break;
    const std::span<const std::uint8_t> frame(p + 4, static_cast<std::size_t>(size));
    consumed += 4 + static_cast<std::size_t>(size);
    ++connection.requests;

    Reply reply = listener.handler->handle(frame);
    const std::int16_t apiKey = reply.header ? reply.header->apiKey : -1;
    const Faults& faults = listener.faults;
    if (reply.closeConnection) {
      log_->record(connection.brokerId, connection.id, reply, "closed");
      keepOpen = false;
      break;
    }
    if (faults.dropOnApis.contains(apiKey) ||
        (faults.dropAfterRequests > 0 && connection.requests > faults.dropAfterRequests)) {
      reply.closeReason = "fault injection: dropped connection";
      log_->record(connection.brokerId, connection.id, reply, "dropped");
      keepOpen = false;
      break;
    }
    std::string outcome = "answered";
    if (faults.truncateApis.contains(apiKey) && reply.frame.size() > 8) {
      // A consistent frame whose body stops half-way: the client fails to decode it.
      const std::size_t bodyAndHeader = reply.frame.size() - 4;
      reply.frame.resize(4 + std::max<std::size_t>(4, bodyAndHeader / 2));
      const auto newSize = static_cast<std::uint32_t>(reply.frame.size() - 4);
      for (int i = 0; i < 4; ++i)
        reply.frame[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(newSize >> (24 - 8 * i));
      outcome = "truncated";
    }
    if (auto corrupt = faults.corruptApis.find(apiKey); corrupt != faults.corruptApis.end() && reply.frame.size() > 8) {
      auto& bytes = reply.frame;
      const auto patch32 = [&bytes](std::size_t at, std::uint32_t value) {
        for (std::size_t i = 0; i < 4; ++i) bytes[at + i] = static_cast<std::uint8_t>(value >> (24 - 8 * i));
      };
      const auto read32 = [&bytes](std::size_t at) {
        return (std::uint32_t{bytes[at]} << 24) | (std::uint32_t{bytes[at + 1]} << 16) |
               (std::uint32_t{bytes[at + 2]} << 8) | std::uint32_t{bytes[at + 3]};
      };
      switch (corrupt->second) {
        case Corruption::Counts:
          // Past the size, the correlation id and one more byte (a flexible header's tag count, or
          // the first body byte): every count and length the client then reads is absurd.
          std::fill(bytes.begin() + 9, bytes.end(), std::uint8_t{0x7F});
          outcome = "corrupted (counts)";
          break;
        case Corruption::Length:
          patch32(0, read32(0) + (1u << 20));
          outcome = "corrupted (length)";
          break;
        case Corruption::Correlation:
          patch32(4, read32(4) ^ 0x40000000u);
          outcome = "corrupted (correlation)";
          break;
      }
    }
    const auto now = Clock::now();
    auto readyAt = now;
    if (auto delay = faults.delayMs.find(apiKey); delay != faults.delayMs.end()) {
      readyAt += std::chrono::milliseconds(delay->second);
      if (outcome == "answered") outcome = "delayed";
    }
    // Responses leave in request order, as on a real broker connection.
    readyAt = std::max(readyAt, connection.lastReadyAt);
    connection.lastReadyAt = readyAt;
    log_->record(connection.brokerId, connection.id, reply, outcome);
    connection.output.push_back({readyAt, std::move(reply.frame)});
    if (faults.vanishAfterRequests > 0 && ++listener.answered >= faults.vanishAfterRequests) {
      listener.vanishing = true;  // later requests are never read: the broker is gone
    }
  }
  connection.input.erase(connection.input.begin(), connection.input.begin() + static_cast<std::ptrdiff_t>(consumed));
  return keepOpen;
}

bool Server::flush(Connection& connection) {
  const auto now = Clock::now();
  while (!connection.output.empty() && connection.output.front().readyAt <= now) {
    auto& first = connection.output.front();
    const ssize_t n = ::send(connection.fd, first.frame.data() + connection.sentOfFirst,
                             first.frame.size() - connection.sentOfFirst, MSG_NOSIGNAL);
    if (n < 0) {
      if (errno == EAGAIN || errno == EWOULDBLOCK) return true;
      if (errno == EINTR) continue;
      return false;
    }
    connection.sentOfFirst += static_cast<std::size_t>(n);
    if (connection.sentOfFirst == first.frame.size()) {
      connection.output.pop_front();
      connection.sentOfFirst = 0;
    }
  }
  return true;
}

void Server::close(Connection& connection, const std::string& why) {
  if (!why.empty())
    std::cerr << "broker " << connection.brokerId << ": connection " << connection.id << " " << why << "\n";
  ::close(connection.fd);
  connections_.erase(connection.fd);
}

void Server::vanish(Listener& listener) {
  std::cerr << "broker " << listener.brokerId << ": fault injection: vanished after " << listener.answered
            << " requests\n";
  std::vector<int> doomed;
  for (const auto& [fd, connection] : connections_) {
    if (connection.brokerId == listener.brokerId) doomed.push_back(fd);
  }
  for (int fd : doomed) close(connections_.at(fd), "");
  // Keep the port bound but stop listening: a connect() is refused, as for a dead broker.
  ::close(listener.fd);
  listener.fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  const BrokerSpec* spec = cluster_.broker(listener.brokerId);
  if (listener.fd >= 0 && spec != nullptr) {
    const int yes = 1;
    setsockopt(listener.fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(spec->port);
    inet_pton(AF_INET, spec->host.c_str(), &address.sin_addr);
    if (bind(listener.fd, reinterpret_cast<sockaddr*>(&address), sizeof address) < 0) {
      std::cerr << "broker " << listener.brokerId << ": cannot keep the port after vanishing: " << std::strerror(errno)
                << "\n";
    }
  }
  listener.accepting = false;
  listener.vanishing = false;
}

void Server::run(int stopFd) {
  std::vector<pollfd> fds;
  for (;;) {
    fds.clear();
    fds.push_back({stopFd, POLLIN, 0});
    for (const auto& listener : listeners_) {
      if (listener.accepting) fds.push_back({listener.fd, POLLIN, 0});
    }
    const std::size_t firstConnection = fds.size();
    const auto now = Clock::now();
    int timeoutMs = 1000;
    for (const auto& [fd, connection] : connections_) {
      short events = POLLIN;
      if (!connection.output.empty()) {
        const auto readyAt = connection.output.front().readyAt;
        if (readyAt <= now) {
          events |= POLLOUT;
        } else {
          const auto wait = std::chrono::ceil<std::chrono::milliseconds>(readyAt - now).count();
          timeoutMs = std::min<int>(timeoutMs, static_cast<int>(wait));
        }
      }
      fds.push_back({fd, events, 0});
    }
    if (::poll(fds.data(), fds.size(), timeoutMs) < 0) {
      if (errno == EINTR) continue;
      throw systemError("poll");
    }
    if (fds[0].revents != 0) return;
    for (std::size_t i = 1; i < firstConnection; ++i) {
      if (fds[i].revents == 0) continue;
      for (auto& listener : listeners_) {
        if (listener.fd == fds[i].fd) acceptAll(listener);
      }
    }
    for (std::size_t i = firstConnection; i < fds.size(); ++i) {
      auto it = connections_.find(fds[i].fd);
      if (it == connections_.end()) continue;
      Connection& connection = it->second;
      if (fds[i].revents & (POLLIN | POLLHUP | POLLERR)) {
        const bool open = readFrom(connection);
        if (!processFrames(connection)) {
          close(connection, "closed by the broker");
          continue;
        }
        if (!open) {
          close(connection, "");
          continue;
        }
      }
      if (!flush(connection)) close(connection, "");
    }
    for (auto& listener : listeners_) {
      if (!listener.vanishing) continue;
      const bool answersSent = std::none_of(connections_.begin(), connections_.end(), [&](const auto& entry) {
        return entry.second.brokerId == listener.brokerId && !entry.second.output.empty();
      });
      if (answersSent) vanish(listener);
    }
  }
}

}  // namespace kafkalint::testbroker
