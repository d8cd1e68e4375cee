#include "model/OperatorActor.hpp"

#include "engine/SimGridClock.hpp"
#include "model/World.hpp"

#include <simgrid/s4u/Actor.hpp>
#include <simgrid/s4u/Engine.hpp>
#include <simgrid/simix.hpp>

#include <algorithm>

namespace sg4 = simgrid::s4u;

namespace stormsim {

OperatorActor::OperatorActor(World& world, SimGridClock& clock)
    : world_(world), clock_(clock), spec_(world.scenario().operator_spec), rng_(world.seed(), "operator")
{
}

bool OperatorActor::notices_trouble() const
{
  const bool awake = sg4::Engine::get_clock() >= spec_.wake_at;
  if (awake)
    return world_.alert_raised() || world_.complaints_received();
  return spec_.on_call && world_.alert_raised();
}

void OperatorActor::operator()()
{
  sg4::Actor::self()->daemonize();
  // An operator who is not on call sleeps through every alert; one on call is woken by a guard's alert.
  if (!spec_.on_call)
    sg4::this_actor::sleep_until(spec_.wake_at);
  while (!notices_trouble())
    sg4::this_actor::sleep_for(spec_.check_interval);
  if (!world_.queue().stop_reason().empty())
    return;

  simgrid::kernel::actor::simcall_answered([this]() {
    clock_.catch_up();
    world_.recorder().note_detection(world_.queue().now());
    world_.recorder().operator_noticed = world_.queue().now();
  });
  std::uint64_t answered = world_.alert_count();
  run_playbook();
  // With `repeat`, the operator runs the playbook again for each guard alert raised since the last response.
  while (spec_.repeat) {
    while (world_.alert_count() == answered)
      sg4::this_actor::sleep_for(spec_.check_interval);
    answered = world_.alert_count();
    run_playbook();
  }
}

void OperatorActor::run_playbook()
{
  sg4::this_actor::sleep_for(spec_.reaction.sample(rng_));
  auto playbook = spec_.playbook;
  std::stable_sort(playbook.begin(), playbook.end(),
                   [](const PlaybookAction& a, const PlaybookAction& b) { return a.after < b.after; });
  const double response_start = sg4::Engine::get_clock();
  for (const auto& action : playbook) {
    sg4::this_actor::sleep_until(response_start + action.after);
    act(action);
  }
}

void OperatorActor::act(const PlaybookAction& action)
{
  if (!world_.queue().stop_reason().empty())
    return;
  // Actions schedule events, and SimGrid's timer heap may only be touched from maestro: go through a simcall.
  simgrid::kernel::actor::simcall_answered([this, &action]() {
    clock_.catch_up();
    world_.apply(action);
  });
}

} // namespace stormsim
