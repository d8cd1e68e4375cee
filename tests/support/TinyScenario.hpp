// Builds small scenarios in code for unit tests of the model, which run on the EventQueue without SimGrid.
#pragma once

#include "scenario/Scenario.hpp"

namespace stormsim::testing {

// One source with `history` earlier events, one webhook connector with no latency, one flow whose single step
// sends an email after `step_latency` seconds, and one mailbox limited to `limit` messages per `window` seconds.
inline Scenario tiny_scenario(int history, double step_latency, double limit, double window)
{
  Scenario scenario;
  scenario.name = "tiny";
  scenario.start = DateTime{2020, 1, 1, 0, 0, 0};
  scenario.duration = 86400;
  scenario.seed = 1;
  scenario.max_events = 100'000'000;
  SourceSpec source;
  source.id = "form";
  source.history = history;
  source.recipient_prefix = "person";
  scenario.sources.push_back(source);
  ConnectorSpec connector;
  connector.id = "hook";
  connector.source = 0;
  connector.latency = Distribution::constant(0);
  scenario.connectors.push_back(connector);
  FlowSpec flow;
  flow.id = "flow";
  flow.trigger = 0;
  StepSpec step;
  step.kind = StepSpec::Kind::send_email;
  step.latency = Distribution::constant(step_latency);
  step.target = 0;
  flow.steps.push_back(step);
  scenario.flows.push_back(flow);
  MailboxSpec mailbox;
  mailbox.id = "mailbox";
  mailbox.send_limit = limit;
  mailbox.send_window = window;
  scenario.mailboxes.push_back(mailbox);
  return scenario;
}

// A replay of the whole history at `rate_per_s`, starting at `at`.
inline FaultSpec replay(double at, double rate_per_s, bool loop)
{
  FaultSpec fault;
  fault.id = "replay";
  fault.connector = 0;
  fault.at = at;
  fault.rate_per_s = rate_per_s;
  fault.loop = loop;
  return fault;
}

} // namespace stormsim::testing
