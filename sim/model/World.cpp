#include "model/World.hpp"

#include <algorithm>
#include <cstdio>
#include <optional>

namespace stormsim {

World::World(const Scenario& scenario)
    : scenario_(scenario)
    , queue_(scenario.duration, scenario.max_events)
    , transport_(*this)
    , transport_rng_(scenario.seed, "transport")
{
  queue_.set_memory_budget(scenario.max_memory_bytes);
  for (std::uint32_t i = 0; i < scenario.sources.size(); ++i)
    sources_.emplace_back(*this, scenario.sources[i], i);
  for (std::uint32_t i = 0; i < scenario.connectors.size(); ++i) {
    connectors_.emplace_back(*this, scenario.connectors[i], i);
    sources_[static_cast<std::uint32_t>(scenario.connectors[i].source)].add_connector(i);
  }
  for (std::uint32_t i = 0; i < scenario.lists.size(); ++i) {
    lists_.emplace_back(*this, scenario.lists[i], i);
    if (scenario.lists[i].source)
      sources_[static_cast<std::uint32_t>(*scenario.lists[i].source)].add_list(i);
  }
  recorder_.flows.resize(scenario.flows.size());
  for (std::uint32_t i = 0; i < scenario.flows.size(); ++i) {
    const auto& spec = scenario.flows[i];
    recorder_.timeline.add_component(spec.id, "flow");
    flows_.emplace_back(*this, spec, i, recorder_.timeline.component_count() - 1);
    if (spec.trigger_list)
      lists_[static_cast<std::uint32_t>(*spec.trigger_list)].add_flow(i);
    else
      connectors_[static_cast<std::uint32_t>(spec.trigger)].add_flow(i);
  }
  for (std::uint32_t i = 0; i < scenario.mailboxes.size(); ++i) {
    const auto& spec = scenario.mailboxes[i];
    recorder_.timeline.add_component(spec.id, "mailbox");
    const std::size_t limit_blocker = recorder_.add_blocker("recipient_limit/" + spec.id);
    mailboxes_.emplace_back(*this, spec, i, recorder_.timeline.component_count() - 1, limit_blocker);
  }
  for (const auto& fault : scenario.faults) {
    if (fault.kind == FaultSpec::Kind::replay)
      faults_.emplace_back(*this, fault);
    else
      connector_faults_.push_back(make_connector_fault(*this, fault));
  }
  guards_ = std::make_unique<GuardSet>(*this, scenario.guards);
  inboxes_ = std::make_unique<Inboxes>(*this);
  for (const auto& rule : scenario.rules)
    if (rule.effective_at)
      transport_.add_rule(rule, *rule.effective_at);
}

void World::start()
{
  for (auto& source : sources_)
    source.start();
  for (auto& connector : connectors_)
    connector.start();
  for (auto& fault : faults_)
    fault.start();
  for (auto& fault : connector_faults_)
    fault->start();
  inboxes_->start();
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
  ++alert_count_;
  if (!first_alert_)
    first_alert_ = now;
  recorder_.note_detection(now);
}

bool World::complaints_received() const
{
  return recorder_.max_received > static_cast<std::uint32_t>(scenario_.operator_spec.complaint_threshold);
}

void World::add_guard_rule(const GuardSpec& guard)
{
  const double effective = queue_.now() + scenario_.rule_activation_delay.sample(transport_rng_);
  std::vector<std::uint32_t> mailboxes;
  for (std::uint32_t m = 0; m < mailboxes_.size(); ++m)
    if (guard.mailboxes.empty() || std::count(guard.mailboxes.begin(), guard.mailboxes.end(), m) != 0)
      mailboxes.push_back(m);
  for (std::uint32_t m : mailboxes) {
    RuleSpec rule;
    rule.id = guard.id + "/" + mailboxes_[m].spec().id;
    rule.sender_mailbox = m;
    transport_.add_rule(rule, effective);
  }
}

bool World::any_flow_ran(const Delivery& delivery) const
{
  for (const auto& flow : flows_)
    if (flow.has_run(delivery))
      return true;
  return false;
}

std::size_t World::guard_index(const std::string& id) const
{
  for (std::size_t i = 0; i < scenario_.guards.size(); ++i)
    if (scenario_.guards[i].id == id)
      return i;
  return scenario_.guards.size();
}

void World::stop_flow(std::uint32_t flow, FlowState state, const StopSet& stops)
{
  flows_[flow].stop(state, stops);
  if (stops.queued_mail)
    for (auto& mailbox : mailboxes_)
      mailbox.purge_flow(flow);
  if (!recorder_.first_disable)
    recorder_.first_disable = queue_.now();
}

void World::apply(const PlaybookAction& action)
{
  using Kind = PlaybookAction::Kind;
  const double now = queue_.now();
  const auto target = static_cast<std::uint32_t>(action.target);
  OperatorAction record{action_name(action.kind), "", now, std::nullopt};
  switch (action.kind) {
    case Kind::disable_flow:
    case Kind::delete_flow:
      stop_flow(target, action.kind == Kind::disable_flow ? FlowState::disabled : FlowState::deleted, action.stops);
      record.target = flows_[target].spec().id;
      break;
    case Kind::enable_flow:
      flows_[target].enable();
      record.target = flows_[target].spec().id;
      break;
    case Kind::add_transport_rule:
      record.target = action.rule.id;
      record.effective_at = now + scenario_.rule_activation_delay.sample(transport_rng_);
      transport_.add_rule(action.rule, *record.effective_at);
      break;
    case Kind::purge_mailbox:
    case Kind::delete_mailbox:
    case Kind::hold_mailbox:
    case Kind::release_mailbox:
      apply_to_mailbox(action.kind, mailboxes_[target]);
      record.target = mailboxes_[target].spec().id;
      break;
    case Kind::release_held:
    case Kind::discard_held:
    case Kind::reset_guard:
      apply_to_guard(action.kind, action.target);
      record.target = scenario_.guards[action.target].id;
      break;
    case Kind::release_quarantine:
      transport_.release_quarantine();
      break;
    case Kind::purge_quarantine:
      transport_.purge_quarantine();
      break;
  }
  recorder_.operator_actions.push_back(record);
}

void World::apply_to_mailbox(PlaybookAction::Kind kind, Mailbox& mailbox)
{
  switch (kind) {
    case PlaybookAction::Kind::purge_mailbox:
      mailbox.purge();
      break;
    case PlaybookAction::Kind::delete_mailbox:
      mailbox.remove();
      break;
    case PlaybookAction::Kind::hold_mailbox:
      mailbox.hold();
      break;
    default:
      mailbox.release();
      break;
  }
}

void World::apply_to_guard(PlaybookAction::Kind kind, std::size_t guard)
{
  if (kind == PlaybookAction::Kind::release_held)
    guards_->release_held(guard);
  else if (kind == PlaybookAction::Kind::discard_held)
    guards_->discard_held(guard);
  else
    guards_->reset(guard);
}

const char* action_name(PlaybookAction::Kind kind)
{
  static const char* const names[] = {"disable_flow",    "enable_flow",   "delete_flow",        "add_transport_rule",
                                      "purge_mailbox",   "delete_mailbox", "hold_mailbox",      "release_mailbox",
                                      "release_held",    "discard_held",   "reset_guard",       "release_quarantine",
                                      "purge_quarantine"};
  return names[static_cast<int>(kind)];
}

} // namespace stormsim
