// kafkalint_test_broker: serves a fixture cluster on loopback for tests (never shipped).
//
//   kafkalint_test_broker --fixture F [--record LOG] [--ready-file R] [fault options]
//
// Writes R (JSON: broker id -> port, bootstrap string) once every listener is bound, serves until
// SIGTERM or SIGINT, then exits 0.
#include <fcntl.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "broker/fixture.hpp"
#include "broker/server.hpp"

namespace {

using namespace kafkalint::testbroker;

constexpr const char* kUsage = R"(usage: kafkalint_test_broker --fixture FILE [options]
  --fixture FILE        cluster to serve (format: tests/broker/README.md)
  --record FILE         append one JSON line per request received
  --ready-file FILE     write {"brokers": {id: port}, "bootstrap": "..."} once listening
fault options (added to the fixture's):
  --controller ID       advertise ID as the controller (-1: unknown controller)
  --down ID             broker ID is dead: not in Metadata, refuses connections
  --unreachable ID      broker ID is in Metadata but refuses connections
  --delay API=MS        answer API (name or key) after MS milliseconds, on every broker
  --drop-after N        close a connection when it sends its request N+1
  --drop-on API         close the connection instead of answering API
  --truncate API        answer API with a body cut short
  --corrupt API=HOW     answer API with a malformed response: counts (absurd array counts and
                        string lengths), length (a size prefix 1 MiB too long, then silence),
                        correlation (a correlation id that answers no request)
  --vanish-after N      every broker disappears once it has answered N requests: its
                        connections close and its port refuses new ones (a broker dying mid-audit)
)";

int stopPipe[2] = {-1, -1};

void onStopSignal(int) {
  const char byte = 1;
  // Nothing else is async-signal-safe here; the event loop sees the byte and returns.
  [[maybe_unused]] auto ignored = ::write(stopPipe[1], &byte, 1);
}

BrokerSpec& brokerOrThrow(Cluster& cluster, const std::string& id) {
  for (auto& b : cluster.brokers) {
    if (std::to_string(b.id) == id) return b;
  }
  throw FixtureError("no broker " + id + " in the fixture");
}

void writeReadyFile(const std::string& path, const Cluster& cluster) {
  nlohmann::ordered_json ready;
  ready["pid"] = ::getpid();
  ready["cluster_id"] = cluster.clusterId;
  ready["controller_id"] = cluster.controllerId;
  ready["brokers"] = nlohmann::ordered_json::object();
  std::string bootstrap;
  for (const auto& b : cluster.brokers) {
    ready["brokers"][std::to_string(b.id)] = b.port;
    if (b.down || b.unreachable) continue;
    if (!bootstrap.empty()) bootstrap += ",";
    bootstrap += b.host + ":" + std::to_string(b.port);
  }
  ready["bootstrap"] = bootstrap;
  // Written under a temporary name and renamed, so a test never reads half a file.
  const std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary);
    out << ready.dump(2) << "\n";
    if (!out) throw std::runtime_error("cannot write " + temporary);
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) throw std::runtime_error("cannot rename to " + path);
}

int run(int argc, char** argv) {
  std::optional<std::string> fixturePath, recordPath, readyPath;
  std::vector<std::pair<std::string, std::string>> overrides;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "-h" || arg == "--help") {
      std::cout << kUsage;
      return 0;
    }
    if (i + 1 >= argc) {
      std::cerr << "kafkalint_test_broker: " << arg << " needs a value\n" << kUsage;
      return 2;
    }
    const std::string value = argv[++i];
    if (arg == "--fixture") {
      fixturePath = value;
    } else if (arg == "--record") {
      recordPath = value;
    } else if (arg == "--ready-file") {
      readyPath = value;
    } else if (arg == "--controller" || arg == "--down" || arg == "--unreachable" || arg == "--delay" ||
               arg == "--drop-after" || arg == "--drop-on" || arg == "--truncate" || arg == "--corrupt" ||
               arg == "--vanish-after") {
      overrides.emplace_back(arg, value);
    } else {
      std::cerr << "kafkalint_test_broker: unknown option " << arg << "\n" << kUsage;
      return 2;
    }
  }
  if (!fixturePath) {
    std::cerr << "kafkalint_test_broker: --fixture is required\n" << kUsage;
    return 2;
  }

  Cluster cluster = loadCluster(*fixturePath);
  for (const auto& [option, value] : overrides) {
    if (option == "--controller") {
      cluster.controllerId = std::stoi(value);
      cluster.randomController = false;
    } else if (option == "--down") {
      brokerOrThrow(cluster, value).down = true;
    } else if (option == "--unreachable") {
      brokerOrThrow(cluster, value).unreachable = true;
    } else if (option == "--delay") {
      const auto eq = value.find('=');
      if (eq == std::string::npos) throw FixtureError("--delay needs API=MS");
      cluster.faults.delayMs[apiKeyFromName(value.substr(0, eq))] = std::stoi(value.substr(eq + 1));
    } else if (option == "--drop-after") {
      cluster.faults.dropAfterRequests = std::stoi(value);
    } else if (option == "--drop-on") {
      cluster.faults.dropOnApis.insert(apiKeyFromName(value));
    } else if (option == "--truncate") {
      cluster.faults.truncateApis.insert(apiKeyFromName(value));
    } else if (option == "--corrupt") {
      const auto eq = value.find('=');
      if (eq == std::string::npos) throw FixtureError("--corrupt needs API=HOW");
      cluster.faults.corruptApis[apiKeyFromName(value.substr(0, eq))] = corruptionFromName(value.substr(eq + 1));
    } else if (option == "--vanish-after") {
      cluster.faults.vanishAfterRequests = std::stoi(value);
    }
  }

  std::optional<RequestLog> log;
  log.emplace(recordPath.value_or("/dev/null"));

  if (::pipe2(stopPipe, O_CLOEXEC | O_NONBLOCK) != 0) throw std::runtime_error("pipe2 failed");
  struct sigaction action {};
  action.sa_handler = onStopSignal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGTERM, &action, nullptr);
  sigaction(SIGINT, &action, nullptr);
  std::signal(SIGPIPE, SIG_IGN);  // a vanished client must not kill the broker

  Server server(std::move(cluster), &*log);
  if (readyPath) writeReadyFile(*readyPath, server.cluster());
  server.run(stopPipe[0]);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "kafkalint_test_broker: " << e.what() << "\n";
    return 1;
  }
}
