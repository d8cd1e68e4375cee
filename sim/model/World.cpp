#include "model/World.hpp"

#include <cstdio>
#include <optional>

namespace stormsim {

World::World(const Scenario& scenario)
    : scenario_(scenario)
    , queue_(scenario.duration, scenario.max_events)
    , transport_(recorder_)
    , transport_rng_(scenario.seed, "transport")
{
  for (std::uint32_t i = 0; i < scenario.sources.size(); ++i)
    sources_.emplace_back(*this, scenario.sources[i], i);
  for (std::uint32_t i = 0; i < scenario.connectors.size(); ++i) {
    connectors_.emplace_back(*this, scenario.connectors[i], i);
    sources_[static_cast<std::uint32_t>(scenario.connectors[i].source)].add_connector(i);
  }
  recorder_.flows.resize(scenario.flows.size());
  for (std::uint32_t i = 0; i < scenario.flows.size(); ++i) {
    const auto& spec = scenario.flows[i];
    recorder_.timeline.add_component(spec.id, "flow");
    flows_.emplace_back(*this, spec, i, recorder_.timeline.component_count() - 1);
    connectors_[static_cast<std::uint32_t>(spec.trigger)].add_flow(i);
  }
  for (std::uint32_t i = 0; i < scenario.mailboxes.size(); ++i) {
    const auto& spec = scenario.mailboxes[i];
    recorder_.timeline.add_component(spec.id, "mailbox");
    const std::size_t limit_blocker = recorder_.add_blocker("recipient_limit/" + spec.id);
    mailboxes_.emplace_back(*this, spec, i, recorder_.timeline.component_count() - 1, limit_blocker);
  }
  for (const auto& fault : scenario.faults)
    faults_.emplace_back(*this, fault);
  guards_ = std::make_unique<GuardSet>(*this, scenario.guards);
  for (const auto& rule : scenario.rules)
    if (rule.effective_at)
      transport_.add_rule(rule, *rule.effective_at);
}

void World::start()
{
  for (auto& source : sources_)
    source.start();
  for (auto& fault : faults_)
    fault.start();
}

std::uint32_t World::add_recipient(const std::string& prefix, std::uint32_t person)
{
  char number[16];
  std::snprintf(number, sizeof number, "%04u", person + 1);
  recipient_names_.push_back(prefix + "-" + number + "@example.org");
  const auto index = static_cast<std::uint32_t>(recipient_names_.size() - 1);
  recorder_.ensure_recipient(index);
  return index;
}

void World::raise_alert(double now)
{
  alert_raised_ = true;
  recorder_.note_detection(now);
}

bool World::complaints_received() const
{
  return recorder_.max_received > static_cast<std::uint32_t>(scenario_.operator_spec.complaint_threshold);
}

void World::apply(const PlaybookAction& action)
{
  const double now = queue_.now();
  const auto target = static_cast<std::uint32_t>(action.target);
  std::string action_name;
  std::string target_name;
  std::optional<double> effective_at;
  switch (action.kind) {
    case PlaybookAction::Kind::disable_flow:
      flows_[target].disable();
      action_name = "disable_flow";
      target_name = flows_[target].spec().id;
      if (!recorder_.first_disable)
        recorder_.first_disable = now;
      break;
    case PlaybookAction::Kind::enable_flow:
      flows_[target].enable();
      action_name = "enable_flow";
      target_name = flows_[target].spec().id;
      break;
    case PlaybookAction::Kind::delete_flow:
      flows_[target].remove();
      action_name = "delete_flow";
      target_name = flows_[target].spec().id;
      if (!recorder_.first_disable)
        recorder_.first_disable = now;
      break;
    case PlaybookAction::Kind::add_transport_rule:
      action_name = "add_transport_rule";
      target_name = action.rule.id;
      effective_at = now + scenario_.rule_activation_delay.sample(transport_rng_);
      transport_.add_rule(action.rule, *effective_at);
      break;
    case PlaybookAction::Kind::purge_mailbox:
      mailboxes_[target].purge();
      action_name = "purge_mailbox";
      target_name = mailboxes_[target].spec().id;
      break;
  }
  recorder_.operator_actions.push_back(OperatorAction{action_name, target_name, now, effective_at});
}

} // namespace stormsim
