#include "model/Connector.hpp"

#include "model/PollingConnector.hpp"
#include "model/World.hpp"

#include <algorithm>
#include <cmath>

namespace stormsim {
namespace {

// An attempt event's argument: the source event, the attempt number (0 for the first delivery) and the origin.
std::uint64_t pack_attempt(std::uint32_t event, std::uint32_t number, Origin origin)
{
  return static_cast<std::uint64_t>(event) | (static_cast<std::uint64_t>(number & 0xffff) << 32) |
         (static_cast<std::uint64_t>(origin) << 48);
}

} // namespace

Connector::Connector(World& world, const ConnectorSpec& spec, std::uint32_t index)
    : world_(world), spec_(spec), index_(index), rng_(world.seed(), "connector/" + spec.id)
{
  if (spec.kind == ConnectorSpec::Kind::polling)
    poller_ = std::make_unique<PollingConnector>(world, *this);
}

Connector::~Connector() = default;

void Connector::start()
{
  if (poller_)
    poller_->start();
}

void Connector::deliver(const Delivery& delivery)
{
  if (delivery.origin != Origin::real) {
    receive(delivery);
    return;
  }
  if (poller_)
    return;
  attempt(delivery.event, 0, Origin::real);
}

void Connector::receive(const Delivery& delivery)
{
  world_.guards().at_connector(index_, delivery);
}

void Connector::fan_out(const Delivery& delivery)
{
  auto& queue = world_.queue();
  for (std::uint32_t flow : flows_) {
    const double latency = spec_.latency.sample(rng_) * latency_factor_;
    queue.schedule(queue.now() + latency, Flow::on_trigger, &world_.flow(flow), delivery.pack());
  }
}

void Connector::on_attempt(void* self, std::uint64_t packed_attempt)
{
  const auto event = static_cast<std::uint32_t>(packed_attempt & 0xffffffffULL);
  const auto number = static_cast<std::uint32_t>((packed_attempt >> 32) & 0xffff);
  const auto origin = static_cast<Origin>((packed_attempt >> 48) & 0xff);
  static_cast<Connector*>(self)->attempt(event, number, origin);
}

// One webhook request. While the connector is down the request fails at once. Otherwise the receiver starts the
// flows, and when its acknowledgement comes after the sender's timeout the sender still counts the attempt as
// failed and retries: the run has already started, so the retry is a second run.
void Connector::attempt(std::uint32_t event, std::uint32_t number, Origin origin)
{
  auto& recorder = world_.recorder();
  const double now = world_.queue().now();
  ++recorder.webhook_attempts;
  if (number > 0)
    ++recorder.webhook_retries;
  if (number == 0 && origin == Origin::real)
    send_duplicates(event);
  if (down()) {
    ++recorder.webhook_refused;
    schedule_retry(event, number, now);
    return;
  }
  // Drawn before the receiver runs, because receiving draws the flows' latencies from the same stream.
  const double response = spec_.ack_latency.sample(rng_) * latency_factor_;
  const auto source = static_cast<std::uint32_t>(spec_.source);
  receive(Delivery{source, event, number > 0 ? Origin::retry : origin});
  if (spec_.timeout > 0 && response > spec_.timeout) {
    ++recorder.webhook_timeouts;
    schedule_retry(event, number, now + spec_.timeout);
  }
}

void Connector::schedule_retry(std::uint32_t event, std::uint32_t number, double failed_at)
{
  if (static_cast<int>(number) >= spec_.retry.retries()) {
    ++world_.recorder().webhook_abandoned;
    return;
  }
  const double next = failed_at + spec_.retry.delay(static_cast<int>(number));
  world_.queue().schedule(next, on_attempt, this, pack_attempt(event, number + 1, Origin::retry));
}

// Draws the extra copies of a real event (see DuplicateSpec) and schedules each as its own first attempt.
void Connector::send_duplicates(std::uint32_t event)
{
  const DuplicateSpec& duplicates = spec_.duplicates;
  if (duplicates.probability <= 0 || !rng_.bernoulli(duplicates.probability))
    return;
  int copies = 1;
  if (duplicates.tail > 0) {
    // Inverse transform of P(K >= n) = n^-tail: K = floor(U^(-1/tail)) with U uniform in (0, 1].
    const double u = 1.0 - rng_.uniform();
    const double drawn = std::floor(std::pow(u, -1.0 / duplicates.tail));
    copies = static_cast<int>(std::min(drawn, static_cast<double>(duplicates.max_copies)));
  }
  auto& queue = world_.queue();
  for (int i = 0; i < copies; ++i) {
    const double at = queue.now() + rng_.uniform(0, duplicates.spread);
    if (at >= queue.end_date())
      continue;
    ++world_.recorder().duplicate_copies;
    queue.schedule(at, on_attempt, this, pack_attempt(event, 0, Origin::duplicate));
  }
}

} // namespace stormsim
