#include "engine/SimGridClock.hpp"

#include <simgrid/kernel/Timer.hpp>
#include <simgrid/s4u/Engine.hpp>

#include <limits>

namespace stormsim {

SimGridClock::SimGridClock(EventQueue& queue) : queue_(queue), armed_date_(std::numeric_limits<double>::infinity())
{
  queue_.set_head_listener([this](double date) {
    if (!firing_)
      arm(date);
  });
  if (!queue_.empty())
    arm(queue_.next_date());
}

void SimGridClock::arm(double date)
{
  if (date >= armed_date_)
    return;
  if (armed_ != nullptr)
    armed_->remove();
  armed_date_ = date;
  armed_ = simgrid::kernel::timer::Timer::set(date, [this]() { fire(); });
}

void SimGridClock::fire()
{
  armed_ = nullptr;
  armed_date_ = std::numeric_limits<double>::infinity();
  firing_ = true;
  queue_.run_until(simgrid::s4u::Engine::get_clock());
  firing_ = false;
  if (!queue_.empty())
    arm(queue_.next_date());
}

void SimGridClock::catch_up()
{
  queue_.run_until(simgrid::s4u::Engine::get_clock());
}

} // namespace stormsim
