// Counters that the model updates as it runs; the summary and the timeline are computed from them.
#pragma once

#include "metrics/Timeline.hpp"
#include "metrics/Trace.hpp"
#include "model/Lineage.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace stormsim {

struct FlowCounters {
  std::uint64_t total = 0;
  std::uint64_t wanted = 0;
  std::uint64_t unwanted = 0;
  std::uint64_t cancelled = 0;
  std::uint64_t ignored = 0; // triggers that arrived while the flow was disabled or deleted
  std::uint64_t blocked = 0; // triggers that a guard dropped before a run started
  std::uint64_t failed = 0;  // runs that ended because a step failed after its last retry
  std::uint64_t retries = 0; // step attempts that were retries
  std::uint64_t skipped_by_condition = 0; // list changes that the trigger condition kept from starting a run
};

// Counts for one blocker: a transport rule, a guard, or a mailbox's recipient limit.
struct BlockerCounters {
  std::string id;
  std::uint64_t passed = 0;
  std::uint64_t blocked = 0;
  std::uint64_t delayed = 0;   // decisions to delay; an item delayed twice counts twice
  std::uint64_t held = 0;
  std::uint64_t quarantined = 0;
  std::uint64_t wanted_blocked = 0;
  std::uint64_t wanted_delayed = 0; // wanted items that passed after a delay or hold
  double wanted_delay_sum_s = 0;
  double wanted_delay_max_s = 0;
  std::vector<double> trips;

  void add_wanted_delay(double seconds);
};

// Mail that inboxes produced: auto-replies, mail triggers and reply-alls, with what stopped them.
struct InboxCounters {
  std::uint64_t auto_replies = 0;             // auto-replies submitted
  std::uint64_t auto_replies_once_skipped = 0; // not sent because the sender already had one
  std::uint64_t loop_prevented = 0;           // not sent because the message reached the auto-reply hop limit
  std::uint64_t mail_triggers = 0;            // incoming or sent messages that became trigger events
  std::uint64_t mail_triggers_skipped = 0;    // messages that a trigger condition kept from starting a run
  std::uint64_t reply_alls = 0;               // reply-all messages sent to a distribution list
  std::uint64_t reply_alls_blocked = 0;       // reply-alls rejected by Reply-all Storm Protection
};

struct OperatorAction {
  std::string action;
  std::string target;
  double at = 0;
  std::optional<double> effective_at; // when the action's effect starts, if later than `at`
};

class Recorder {
public:
  std::vector<FlowCounters> flows;
  std::vector<BlockerCounters> blockers;
  std::vector<OperatorAction> operator_actions;

  std::uint64_t submitted = 0;
  std::uint64_t delivered = 0;
  std::uint64_t wanted_delivered = 0;
  std::uint64_t unwanted_delivered = 0;
  std::uint64_t wanted_blocked = 0;
  std::uint64_t unwanted_blocked = 0;
  // Time from a real submission to the delivery of its wanted email, in seconds.
  std::uint64_t wanted_latency_count = 0;
  double wanted_latency_sum_s = 0;
  double wanted_latency_max_s = 0;
  void note_wanted_latency(double seconds)
  {
    ++wanted_latency_count;
    wanted_latency_sum_s += seconds;
    if (seconds > wanted_latency_max_s)
      wanted_latency_max_s = seconds;
  }
  // Wanted emails that never existed because a stopped flow ignored their trigger or cancelled their run.
  std::uint64_t wanted_not_sent = 0;
  std::uint64_t rejected = 0;
  std::uint64_t purged = 0;
  std::uint64_t list_items_written = 0;
  std::uint64_t real_events = 0;
  std::uint64_t replayed_events = 0;
  std::uint64_t scheduled_events = 0; // deliveries by a recurring source's ticks

  // connectors: webhook deliveries as counted by the sender, and polls
  std::uint64_t webhook_attempts = 0;     // every delivery attempt, first tries, retries and duplicate copies
  std::uint64_t webhook_timeouts = 0;     // attempts the receiver acknowledged after the sender's timeout
  std::uint64_t webhook_refused = 0;      // attempts that failed because the connector was down
  std::uint64_t webhook_retries = 0;      // attempts that were retries
  std::uint64_t webhook_abandoned = 0;    // events the sender gave up on after its last retry failed
  std::uint64_t duplicate_copies = 0;     // extra at-least-once copies sent
  std::uint64_t polls = 0;
  std::uint64_t missed_polls = 0;         // polls skipped while the connector was down
  std::uint64_t redelivered_items = 0;    // items a poller fetched again after losing its cursor or seen ids

  std::optional<double> storm_start;        // first unwanted run, or first unwanted auto-reply or reply-all
  std::optional<double> first_detection;    // first guard trip or operator alert
  std::optional<double> last_unwanted_delivery;
  std::optional<double> last_delivery;
  std::optional<double> first_disable;
  std::optional<double> operator_noticed;
  std::uint64_t delivered_after_disable = 0;
  std::uint64_t unwanted_delivered_after_disable = 0;

  // recipients' received counts, indexed by global recipient
  std::vector<std::uint32_t> received;
  std::vector<std::uint32_t> unwanted_received;
  std::uint32_t max_received = 0;

  Timeline timeline;
  InboxCounters inboxes;

  std::unique_ptr<Trace> tracer; // null unless a trace file was requested
  std::uint64_t bounced = 0;     // rejected by a transport rule with a non-delivery report

  std::size_t add_blocker(std::string id);
  // A trigger dropped by a guard before any run: a wanted one means a wanted email that will never be sent.
  void on_trigger_blocked(const Email& item, std::size_t blocker);
  void trace(double now, const std::string& guard, const char* decision, const char* reason, const Email& item)
  {
    if (tracer)
      tracer->write(now, guard, decision, reason, item);
  }
  void note_detection(double now);
  void on_run_started(std::size_t flow, std::size_t timeline_row, bool wanted, double now);
  void on_submitted(std::size_t timeline_row, double now);
  void on_delivered(const Email& email, std::size_t timeline_row, double now);
  // Records one delivery per member of the distribution list that `email` went to.
  void on_delivered_to_list(const Email& email, std::size_t timeline_row, double now);
  void on_blocked(const Email& email, std::size_t blocker, std::size_t timeline_row, double now);
  void on_rejected(const Email& email, std::size_t blocker, std::size_t timeline_row, double now);
  void on_queue_length(std::size_t timeline_row, std::size_t length, double now);
  void ensure_recipient(std::uint32_t recipient);
};

} // namespace stormsim
