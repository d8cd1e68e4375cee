// Runs a World inside this process's SimGrid engine.
#pragma once

namespace simgrid::s4u {
class Engine;
}

namespace stormsim {

class World;

// Builds a one-host platform, starts the world's events, the operator actor and an actor that keeps the simulation
// alive until the scenario's end, then runs the engine. SimGrid allows one engine per process, and a second run in
// the same process would inherit the first one's clock: call this once per process.
void run_in_simgrid(simgrid::s4u::Engine& engine, World& world);

} // namespace stormsim
