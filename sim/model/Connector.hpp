// A connector: hands each source event to the flows it triggers, as a webhook sender with timeouts, retries and
// duplicates, or as a polling trigger (see PollingConnector).
#pragma once

#include "core/Random.hpp"
#include "model/Lineage.hpp"
#include "scenario/Scenario.hpp"

#include <memory>
#include <vector>

namespace stormsim {

class World;
class PollingConnector;

class Connector {
public:
  Connector(World& world, const ConnectorSpec& spec, std::uint32_t index);
  ~Connector();

  // Primes a polling connector with the source's history and schedules its first poll.
  void start();
  void add_flow(std::uint32_t flow) { flows_.push_back(flow); }
  // Takes an event from the source or a fault. A real event goes through the webhook sender, unless the connector
  // polls and leaves it for its next poll. An event re-sent by a fault reaches the receiver at once.
  void deliver(const Delivery& delivery);
  // Passes an event that reached the receiving platform through the connector-point guards, then to every flow.
  void receive(const Delivery& delivery);
  // Hands an event that passed the connector-point guards to each flow after the delivery latency.
  void fan_out(const Delivery& delivery);

  // Fault hooks. Outages and latency spikes may overlap: the connector is down while any outage lasts, and the
  // factors of overlapping spikes multiply.
  void begin_outage() { ++outages_; }
  void end_outage() { --outages_; }
  bool down() const { return outages_ > 0; }
  void scale_latency(double factor) { latency_factor_ *= factor; }
  // The polling state, null for a webhook connector.
  PollingConnector* poller() { return poller_.get(); }

  const ConnectorSpec& spec() const { return spec_; }
  std::uint32_t index() const { return index_; }

private:
  static void on_attempt(void* self, std::uint64_t packed_attempt);
  void attempt(std::uint32_t event, std::uint32_t number, Origin origin);
  void schedule_retry(std::uint32_t event, std::uint32_t number, double failed_at);
  void send_duplicates(std::uint32_t event);

  World& world_;
  const ConnectorSpec& spec_;
  std::uint32_t index_;
  Rng rng_;
  std::vector<std::uint32_t> flows_;
  int outages_ = 0;
  double latency_factor_ = 1;
  std::unique_ptr<PollingConnector> poller_;
};

} // namespace stormsim
