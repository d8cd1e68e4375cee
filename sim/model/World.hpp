// The simulated pipeline: every component of one scenario run, wired together, and the queue that drives them.
#pragma once

#include "engine/EventQueue.hpp"
#include "metrics/Recorder.hpp"
#include "model/Connector.hpp"
#include "model/Flow.hpp"
#include "model/GuardSet.hpp"
#include "model/Inboxes.hpp"
#include "model/ListStore.hpp"
#include "model/Mailbox.hpp"
#include "model/ReplayFault.hpp"
#include "model/faults/ConnectorFault.hpp"
#include "model/Source.hpp"
#include "model/Transport.hpp"
#include "scenario/Scenario.hpp"

#include <deque>
#include <optional>
#include <memory>
#include <string>
#include <vector>

namespace stormsim {

// Components live in deques so their addresses stay fixed; events refer to them by pointer.
class World {
public:
  explicit World(const Scenario& scenario);
  World(const World&) = delete;
  World& operator=(const World&) = delete;

  // Schedules the first events of every component.
  void start();

  // Carries out one playbook action now (the operator calls this when the action's delay has passed).
  void apply(const PlaybookAction& action);

  // Adds the transport rule of a breaker's block_sender action: it blocks the mailboxes in the guard's scope (all
  // mailboxes when the scope is empty) after the transport's rule activation delay.
  void add_guard_rule(const GuardSpec& guard);
  std::size_t timeline_row_of_mailbox(std::uint32_t mailbox) { return mailboxes_[mailbox].timeline_row(); }
  std::size_t guard_index(const std::string& id) const;
  // Whether any flow has started a run for the delivery's source event.
  bool any_flow_ran(const Delivery& delivery) const;

  // Called by guards when they trip or alert: the operator's alert channel.
  void raise_alert(double now);
  bool alert_raised() const { return alert_raised_; }
  std::optional<double> first_alert() const { return first_alert_; }
  std::uint64_t alert_count() const { return alert_count_; }
  // Whether any recipient has received more emails than the operator's complaint threshold.
  bool complaints_received() const;

  std::uint32_t add_recipient(const std::string& prefix, std::uint32_t person);
  const std::vector<std::string>& recipient_names() const { return recipient_names_; }

  const Scenario& scenario() const { return scenario_; }
  std::uint64_t seed() const { return scenario_.seed; }
  EventQueue& queue() { return queue_; }
  Recorder& recorder() { return recorder_; }
  const Recorder& recorder() const { return recorder_; }
  Transport& transport() { return transport_; }
  GuardSet& guards() { return *guards_; }
  Source& source(std::uint32_t i) { return sources_[i]; }
  std::size_t source_count() const { return scenario_.sources.size(); }
  Connector& connector(std::uint32_t i) { return connectors_[i]; }
  Flow& flow(std::uint32_t i) { return flows_[i]; }
  std::size_t flow_count() const { return flows_.size(); }
  ListStore& list(std::uint32_t i) { return lists_[i]; }
  Mailbox& mailbox(std::uint32_t i) { return mailboxes_[i]; }
  Inboxes& inboxes() { return *inboxes_; }
  std::size_t mailbox_count() const { return mailboxes_.size(); }

private:
  void stop_flow(std::uint32_t flow, FlowState state, const StopSet& stops);
  void apply_to_mailbox(PlaybookAction::Kind kind, Mailbox& mailbox);
  void apply_to_guard(PlaybookAction::Kind kind, std::size_t guard);

  const Scenario& scenario_;
  EventQueue queue_;
  Recorder recorder_;
  Transport transport_;
  std::deque<Source> sources_;
  std::deque<Connector> connectors_;
  std::deque<ListStore> lists_;
  std::deque<Flow> flows_;
  std::deque<Mailbox> mailboxes_;
  std::deque<ReplayFault> faults_;
  std::vector<std::unique_ptr<ConnectorFault>> connector_faults_; // every fault kind but replay
  std::unique_ptr<GuardSet> guards_;
  std::unique_ptr<Inboxes> inboxes_;
  std::vector<std::string> recipient_names_;
  Rng transport_rng_;
  bool alert_raised_ = false;
  std::optional<double> first_alert_;
  std::uint64_t alert_count_ = 0;
};

// The scenario-file name of a playbook action.
const char* action_name(PlaybookAction::Kind kind);

} // namespace stormsim
