#include "engine/SimGridRun.hpp"

#include "engine/SimGridClock.hpp"
#include "model/OperatorActor.hpp"
#include "model/World.hpp"

#include <simgrid/s4u/Actor.hpp>
#include <simgrid/s4u/Engine.hpp>
#include <simgrid/s4u/Host.hpp>
#include <simgrid/s4u/NetZone.hpp>

#include <algorithm>

namespace sg4 = simgrid::s4u;

namespace stormsim {

void run_in_simgrid(sg4::Engine& engine, World& world)
{
  auto* zone = sg4::create_full_zone("stormsim");
  sg4::Host* host = zone->create_host("automation", 1e9);
  zone->seal();

  SimGridClock clock(world.queue());
  world.start();

  if (world.scenario().operator_spec.present)
    sg4::Actor::create("operator", host, OperatorActor(world, clock));

  // The only actor that is not a daemon: the engine stops when it returns, which is the scenario's end.
  const double end = world.scenario().duration;
  // It wakes at least hourly to end the run early once a budget stopped the event queue, so that the operator
  // cannot act in the dead time after the stop.
  EventQueue* queue = &world.queue();
  sg4::Actor::create("end-of-scenario", host, [end, queue]() {
    while (sg4::Engine::get_clock() < end && queue->stop_reason().empty())
      sg4::this_actor::sleep_until(std::min(end, sg4::Engine::get_clock() + 3600.0));
  });

  engine.run();
}

} // namespace stormsim
