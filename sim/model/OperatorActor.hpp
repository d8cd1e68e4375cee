// The human operator: an S4U actor that sleeps until waking, watches for trouble, then carries out a playbook.
#pragma once

#include "core/Random.hpp"
#include "scenario/Scenario.hpp"

namespace stormsim {

class SimGridClock;
class World;

// The operator notices trouble when awake and either a guard has raised an alert or a recipient has complained
// (received more emails than the complaint threshold); an operator on call also notices a guard's alert at night. After the reaction time the playbook starts; each action
// runs at its `after` offset from that moment.
class OperatorActor {
public:
  OperatorActor(World& world, SimGridClock& clock);
  void operator()();

private:
  bool notices_trouble() const;
  void run_playbook();
  void act(const PlaybookAction& action);

  World& world_;
  SimGridClock& clock_;
  const OperatorSpec& spec_;
  Rng rng_;
};

} // namespace stormsim
