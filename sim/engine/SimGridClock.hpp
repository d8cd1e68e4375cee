// Drives an EventQueue from SimGrid's kernel timer heap, so simulated time is SimGrid's clock.
#pragma once

#include "engine/EventQueue.hpp"

namespace simgrid::kernel::timer {
class Timer;
}

namespace stormsim {

// Keeps exactly one SimGrid timer armed, at the date of the queue's earliest event. Must be used from maestro
// (timer callbacks, or an actor through a simcall), because SimGrid's timer heap is not safe from actor code.
class SimGridClock {
public:
  explicit SimGridClock(EventQueue& queue);
  SimGridClock(const SimGridClock&) = delete;
  SimGridClock& operator=(const SimGridClock&) = delete;

  // Runs the events due at SimGrid's current date, so an actor's action finds the model up to date.
  void catch_up();

private:
  void arm(double date);
  void fire();

  EventQueue& queue_;
  simgrid::kernel::timer::Timer* armed_ = nullptr;
  double armed_date_;
  bool firing_ = false;
};

} // namespace stormsim
