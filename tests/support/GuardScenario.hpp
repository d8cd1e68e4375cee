// Helpers for unit tests of guards inside the model: guard specs and playbook actions built in code.
#pragma once

#include "model/World.hpp"
#include "support/TinyScenario.hpp"

namespace stormsim::testing {

inline GuardSpec rate_limit(GuardPoint point, std::size_t limit, double window, GuardSpec::OnExceed on_exceed)
{
  GuardSpec guard;
  guard.id = "limit";
  guard.kind = GuardSpec::Kind::rate_limit;
  guard.point = point;
  guard.rate.algorithm = RateSpec::Algorithm::token_bucket;
  guard.rate.limit = limit;
  guard.rate.window = window;
  guard.rate.burst = 1;
  guard.on_exceed = on_exceed;
  return guard;
}

inline GuardSpec count_breaker(std::size_t more_than, double within, std::vector<BreakerSpec::Action> actions)
{
  GuardSpec guard;
  guard.id = "breaker";
  guard.kind = GuardSpec::Kind::breaker;
  guard.point = GuardPoint::transport;
  guard.breaker.condition = BreakerSpec::Condition::count;
  guard.breaker.max_events = more_than;
  guard.breaker.window = within;
  guard.breaker.actions = std::move(actions);
  return guard;
}

// Real submissions, all at time `at`: each one is a new person with one wanted confirmation.
inline void real_arrivals(Scenario& scenario, int count, double at)
{
  scenario.sources[0].arrivals.kind = ArrivalSpec::Kind::schedule;
  scenario.sources[0].arrivals.times.assign(static_cast<std::size_t>(count), at);
}

inline PlaybookAction action(PlaybookAction::Kind kind, std::size_t target = 0)
{
  PlaybookAction result;
  result.kind = kind;
  result.target = target;
  return result;
}

} // namespace stormsim::testing
