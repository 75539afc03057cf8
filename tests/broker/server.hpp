// One process, one poll() loop, one loopback listener per broker of the fixture.
#pragma once

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "broker/fixture.hpp"
#include "broker/protocol.hpp"

namespace kafkalint::testbroker {

// Appends one JSON line per request received, flushed at once so a test can read it while the
// broker runs.
class RequestLog {
 public:
  explicit RequestLog(const std::string& path);
  ~RequestLog();
  RequestLog(const RequestLog&) = delete;
  RequestLog& operator=(const RequestLog&) = delete;

  void record(std::int32_t brokerId, std::uint64_t connectionId, const Reply& reply, const std::string& outcome);

 private:
  std::FILE* file_ = nullptr;
};

class Server {
 public:
  // Binds every broker's port (a free one when the fixture says 0) and records it in the cluster.
  Server(Cluster cluster, RequestLog* log);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  const Cluster& cluster() const { return cluster_; }
  // Serves until `stopFd` becomes readable (the signal handler writes to it).
  void run(int stopFd);

 private:
  using Clock = std::chrono::steady_clock;
  struct PendingResponse {
    Clock::time_point readyAt;
    std::vector<std::uint8_t> frame;
  };
  struct Connection {
    std::uint64_t id = 0;
    int fd = -1;
    std::int32_t brokerId = 0;
    std::vector<std::uint8_t> input;
    std::deque<PendingResponse> output;
    std::size_t sentOfFirst = 0;
    std::int32_t requests = 0;
    Clock::time_point lastReadyAt{};
  };
  struct Listener {
    int fd = -1;
    std::int32_t brokerId = 0;
    bool accepting = false;  // false: bound (port reserved) but refusing connections
    Faults faults;
    std::unique_ptr<ProtocolHandler> handler;
    std::int32_t answered = 0;  // requests answered over all connections (for vanish_after_requests)
    bool vanishing = false;     // answered its last request: disappears once that answer is sent
  };

  void acceptAll(Listener& listener);
  // Returns false when the connection must be closed.
  bool readFrom(Connection& connection);
  bool processFrames(Connection& connection);
  bool flush(Connection& connection);
  void close(Connection& connection, const std::string& why);
  // The broker's process "dies": its connections close and its port refuses new ones.
  void vanish(Listener& listener);
  Listener& listenerOf(const Connection& connection);

  Cluster cluster_;
  RequestLog* log_;
  std::vector<Listener> listeners_;
  std::map<int, Connection> connections_;
  std::uint64_t nextConnectionId_ = 1;
};

}  // namespace kafkalint::testbroker
