// The typed, validated form of a scenario file; simulation code reads only these structs, never JSON.
#pragma once

#include "check/Expectation.hpp"
#include "core/Units.hpp"
#include "scenario/Distribution.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace stormsim {

// All times below are seconds from the scenario's start; all durations are seconds.

// A period in which a Poisson source's rate is multiplied, such as a marketing campaign.
struct RateSurge {
  double from = 0;   // seconds from the start
  double until = 0;  // seconds from the start
  double factor = 1;
};

struct ArrivalSpec {
  enum class Kind { none, poisson, schedule };
  Kind kind = Kind::none;
  double rate_per_s = 0;          // poisson
  std::vector<RateSurge> surges;  // poisson, sorted and not overlapping
  std::vector<double> times;      // schedule, sorted
};

struct SourceSpec {
  std::string id;
  ArrivalSpec arrivals;
  int history = 0;            // earlier events kept by the source, each from a distinct person
  std::string recipient_prefix;
  int pending = 0;            // real events waiting at the start, each from a distinct person (scheduled sources)
  double every = 0;           // seconds between scheduled ticks, 0 for none; each tick re-delivers every real event
  double first_tick = 0;      // time of the first scheduled tick
};

// A webhook sender's retry schedule after a failed or timed-out delivery: explicit delays, or exponential backoff.
struct RetrySpec {
  std::vector<double> delays; // seconds before retry 1, 2, ...; when empty, the backoff below applies
  int count = 0;              // backoff: number of retries (0: the sender never retries)
  double first = 0;           // backoff: seconds before the first retry
  double factor = 2;          // backoff: each delay is the previous one times this factor
  double max_interval = 0;    // backoff: cap on one delay in seconds, 0 for none

  int retries() const { return delays.empty() ? count : static_cast<int>(delays.size()); }
  // Seconds between the failure of attempt `retry` (0 for the first delivery) and the next attempt.
  double delay(int retry) const
  {
    if (!delays.empty())
      return delays[static_cast<std::size_t>(retry)];
    const double backoff = first * std::pow(factor, retry);
    return max_interval > 0 ? std::min(backoff, max_interval) : backoff;
  }
};

// At-least-once duplicates: a real event is sent again with `probability`. The number of extra copies K follows a
// discrete Pareto law with P(K >= n) = n^-tail for n >= 1, capped at `max_copies` (tail 1.5: 65% of duplicated events
// get one extra copy, 3% ten or more). Each copy leaves at a uniform time within `spread` after the original.
struct DuplicateSpec {
  double probability = 0;
  double tail = 0;          // 0: exactly one extra copy
  int max_copies = 1;
  double spread = 0;        // seconds
};

struct ConnectorSpec {
  enum class Kind { webhook, polling };
  enum class PollState { cursor, seen_ids };
  std::string id;
  std::size_t source = 0;     // index into Scenario::sources
  Distribution latency;       // from delivery (or fetch) to the start of each triggered flow
  Kind kind = Kind::webhook;
  std::string model;          // the preset in models/, empty for none
  // webhook
  double timeout = 0;         // seconds the sender waits for the acknowledgement, 0 for no timeout
  Distribution ack_latency;   // seconds from the sender's request to the receiver's acknowledgement
  RetrySpec retry;
  DuplicateSpec duplicates;
  // polling
  double poll_interval = 0;   // seconds between polls
  std::size_t batch = 100;    // items one poll returns at most
  PollState poll_state = PollState::cursor;
  std::size_t seen_capacity = 0; // seen_ids: ids remembered, least recently seen evicted first; 0 for unbounded
};

// Random occurrences of a fault: a Poisson process over the whole run, each occurrence lasting `duration`.
struct RandomOccurrences {
  double rate_per_s = 0;
  double duration = 0;        // seconds; 0 for faults that happen at an instant
};

struct FaultSpec {
  enum class Kind { replay, outage, latency_spike, cursor_reset, seen_ids_loss, id_format_change };
  std::string id;
  Kind kind = Kind::replay;
  std::size_t connector = 0;
  bool has_at = true;         // false: only random occurrences
  double at = 0;
  std::optional<double> until;
  std::optional<RandomOccurrences> random;
  bool loop = true;           // replay the history again and again until stopped
  double rate_per_s = 0;      // replayed events per second
  std::optional<int> last;    // replay: only the last N history events; cursor_reset: move the cursor back N items
  std::optional<double> since; // cursor_reset: move the cursor back to the first item created at or after this time
  double factor = 1;          // latency_spike: multiplier of the connector's latencies
};

// A flow step's retry policy, in Power Automate's terms. Retry k (1-based) waits `interval` (fixed) or
// min(max_interval, max(min_interval, interval * 2^(k-1))) (exponential) seconds before the next attempt.
struct StepRetrySpec {
  enum class Kind { none, fixed, exponential };
  Kind kind = Kind::none;
  int count = 0;              // retries after the first attempt
  double interval = 0;        // seconds
  double min_interval = 0;    // seconds, exponential only
  double max_interval = 0;    // seconds, exponential only; 0 for no cap
};

// A send step addressed to a group (a distribution list or a team): one message per member.
struct GroupSpec {
  std::string id;             // also the prefix of the members' addresses
  int members = 0;
  int invalid_members = 0;    // addresses that make every attempt of the batch fail after the valid ones are sent
};

struct StepSpec {
  enum class Kind { send_email, write_list_item };
  Kind kind = Kind::send_email;
  Distribution latency;
  std::size_t target = 0;     // mailbox index for send_email, list index for write_list_item
  double failure_probability = 0;  // an attempt fails without effect
  double timeout_after_commit = 0; // an attempt takes effect but its caller sees a timeout, so it is retried
  StepRetrySpec retry;
  std::optional<GroupSpec> group;  // send_email: the recipients; empty for the trigger event's person
};

// A window during which every step attempt of the flow fails, as in a service outage.
struct FlowOutageSpec {
  double from = 0;
  double until = 0;
};

struct FlowSpec {
  std::string id;
  std::string model;          // flow preset that set the default retry policy, empty for none
  std::size_t trigger = 0;    // connector index, unless `trigger_list` is set
  std::optional<std::size_t> trigger_list; // list index: "when an item is created or modified"
  std::string account;        // the connection's account, recorded as the modifier of the items the flow writes
  bool skip_own_changes = false; // trigger condition: no run for a change made by the flow's own account
  std::vector<StepSpec> steps;
  int max_parallel_runs = 0;  // 0: unlimited, the Power Automate default
  std::vector<FlowOutageSpec> outages;
};

// Mail that people write by hand from a mailbox to another simulated mailbox: the start of a thread.
struct HumanMailSpec {
  std::size_t to = 0;            // mailbox index
  std::vector<double> times;     // sorted
  double rate_per_s = 0;         // Poisson arrivals, 0 for none
};

// An out-of-office auto-reply: each message the inbox receives gets an automatic reply to its sender.
struct AutoReplySpec {
  bool enabled = false;
  Distribution latency;          // from the delivery to the reply's submission
  bool once_per_sender = false;  // reply to each sender only once
};

// Incoming mail that starts runs of a flow: each message becomes an event of `source`, whose recipient is the
// address a reply goes to. The skip options are the flow's documented trigger conditions.
struct MailTriggerSpec {
  std::optional<std::size_t> source;
  bool matches_sent_mail = false;       // the trigger also matches the mailbox's own sent mail (no "in:inbox" filter)
  std::vector<std::size_t> skip_senders; // mailbox indices whose mail starts no run
  bool skip_auto_replies = false;       // mail with an auto-reply header starts no run
};

// Exchange Online's Reply-all Storm Protection: after `min_replies` reply-alls to a thread with at least
// `min_recipients` recipients within `window`, further reply-alls are rejected for `block`.
struct ReplyAllProtectionSpec {
  bool enabled = false;
  double min_recipients = 0;
  double min_replies = 0;
  double window = 0;             // seconds
  double block = 0;              // seconds
};

// A message to a distribution list whose members reply to all, each reply drawing more replies.
struct DistributionListSpec {
  bool present = false;
  std::uint32_t members = 0;
  double first_message_at = 0;
  double reply_probability = 0;  // chance that a member who has not replied yet replies to one delivered message
  Distribution reply_delay;      // from reading a message to sending the reply-all
  std::uint32_t normal_replies = 0; // ground truth: the first replies in the thread are wanted, later ones not
};

// A period during which a mailbox sends nothing; submissions wait in its queue and drain after it.
struct OutageSpec {
  double from = 0;
  double until = 0;
};

struct MailboxSpec {
  std::string id;
  std::string model;
  double send_limit = 0;        // messages per send window
  double send_window = 0;       // seconds
  bool smooth = false;          // true: messages leave evenly spaced; false: up to the limit at each window start
  double recipient_limit = 0;   // recipients per recipient window, 0 for none
  double recipient_window = 0;  // seconds
  // Inbox behaviour and mail-made storms, see the specs above.
  int auto_reply_hop_limit = 0;  // 0: no loop prevention; Exchange Online: 1
  ReplyAllProtectionSpec reply_all_protection;
  AutoReplySpec auto_reply;
  MailTriggerSpec mail_trigger;
  std::vector<HumanMailSpec> human_mail;
  DistributionListSpec distribution_list;
  std::vector<OutageSpec> outages;
};

struct ListSpec {
  std::string id;
  std::optional<std::size_t> source; // each real event of this source creates an item, as a user's form entry does
  Distribution trigger_latency;      // from a change to the start of the flows it triggers (polling delay)
};

// A transport rule: conditions on the message (all that are set must match) and what happens to a match.
struct RuleSpec {
  enum class Action { block, reject, quarantine };
  std::string id;
  std::optional<std::size_t> sender_mailbox; // empty: any mailbox
  std::optional<std::size_t> flow;           // empty: any flow
  std::optional<std::size_t> step;           // the template: a step of `flow`
  std::string recipient_prefix;              // empty: any recipient
  Action action = Action::block;
  std::optional<double> effective_at;        // empty: added later by the operator or a guard
};

// The work a stop action ends. Defaults follow the vendors' documented behaviour and are set in the loader.
struct StopSet {
  bool waiting_runs = false;   // runs waiting for a concurrency slot
  bool runs_in_flight = false; // cancelled at their next step boundary
  bool queued_mail = false;    // the flow's messages waiting in mailbox queues
};

struct PlaybookAction {
  enum class Kind {
    disable_flow, enable_flow, delete_flow, add_transport_rule, purge_mailbox, delete_mailbox, hold_mailbox,
    release_mailbox, release_held, discard_held, reset_guard, release_quarantine, purge_quarantine
  };
  Kind kind = Kind::disable_flow;
  double after = 0;           // seconds after the operator starts to respond
  std::size_t target = 0;     // flow, mailbox or guard index
  RuleSpec rule;              // add_transport_rule
  StopSet stops;              // disable_flow and delete_flow
};

struct OperatorSpec {
  bool present = false;
  double wake_at = 0;               // the first time the operator can look
  bool on_call = false;             // guard alerts wake the operator before wake_at
  bool repeat = false;              // after the playbook, run it again for each new guard alert
  Distribution reaction;            // from noticing to the first action
  double check_interval = 60;       // how often an awake operator looks for signs of trouble
  int complaint_threshold = 5;      // a recipient with more emails than this complains
  std::vector<PlaybookAction> playbook;
};

// The point of the pipeline at which a guard sits.
enum class GuardPoint { connector, flow_trigger, flow_step, mailbox, transport, recipient };

// The item property by which a keyed guard counts separately.
enum class GuardKey { global, flow, mailbox, recipient, content, registration_id };

struct RateSpec {
  enum class Algorithm { token_bucket, sliding_log, sliding_counter, fixed_window };
  Algorithm algorithm = Algorithm::token_bucket;
  std::size_t limit = 0;  // events per window (token bucket: its refill rate is limit / window)
  double window = 0;      // seconds
  std::size_t burst = 0;  // token bucket capacity; 0 means `limit`
};

struct BreakerSpec {
  enum class Condition { count, anomaly, failure_ratio };
  enum class Action { block, hold_queue, disable_flow, block_sender, alert };
  enum class Close { manual, cooldown, half_open };
  Condition condition = Condition::count;
  std::size_t max_events = 0; // count: trips when more than this many events fall in `window`
  double window = 0;
  double anomaly_alpha = 0.3; // anomaly: EWMA weight of the newest bucket
  double anomaly_k = 4;       // anomaly: standard deviations above the mean
  std::size_t anomaly_warmup = 10;
  double anomaly_bucket = 60; // seconds
  double failure_ratio = 0.5; // failure_ratio: bounces over messages in `window`
  std::size_t min_requests = 10;
  std::vector<Action> actions;
  Close close = Close::manual;
  double cooldown = 0;
};

struct GuardSpec {
  enum class Kind { dedup, rate_limit, recipient_cap, breaker, flood_hold };
  enum class OnExceed { drop, delay };
  std::string id;
  Kind kind = Kind::dedup;
  GuardPoint point = GuardPoint::flow_trigger;
  std::vector<std::size_t> flows;     // scope; empty: every flow
  std::vector<std::size_t> mailboxes; // scope; empty: every mailbox
  GuardKey key = GuardKey::global;
  OnExceed on_exceed = OnExceed::drop;
  // dedup
  bool shared = false;                // one store for all flows instead of one per flow
  double ttl = 0;                     // seconds, 0 for no expiry
  std::size_t capacity = 0;           // 0 for unbounded
  // rate_limit and recipient_cap
  RateSpec rate;
  std::size_t max_keys = 0;           // 0 for unbounded
  // breaker
  BreakerSpec breaker;
  // flood_hold: more than `flood_threshold` items within `flood_window` are held for approval
  std::size_t flood_threshold = 0;
  double flood_window = 0;
  double release_rate_per_s = 1;
};

struct Scenario {
  std::string file;
  std::string name;
  std::string description;
  std::string variant;          // empty for the base scenario
  DateTime start{};
  double duration = 0;
  std::uint64_t seed = 0;
  std::uint64_t max_events = 0;
  std::uint64_t max_memory_bytes = 0; // 0: no memory budget
  std::vector<SourceSpec> sources;
  std::vector<ConnectorSpec> connectors;
  std::vector<FaultSpec> faults;
  std::vector<FlowSpec> flows;
  std::vector<MailboxSpec> mailboxes;
  std::vector<ListSpec> lists;
  std::vector<RuleSpec> rules;
  Distribution rule_activation_delay; // from a rule's creation to its effect
  OperatorSpec operator_spec;
  std::vector<GuardSpec> guards;
  std::vector<std::string> variant_names;
  std::vector<Expectation> expect; // what `stormsim check` enforces, sorted by expression
};

} // namespace stormsim
