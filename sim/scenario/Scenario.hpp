// The typed, validated form of a scenario file; simulation code reads only these structs, never JSON.
#pragma once

#include "check/Expectation.hpp"
#include "core/Units.hpp"
#include "scenario/Distribution.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace stormsim {

// All times below are seconds from the scenario's start; all durations are seconds.

struct ArrivalSpec {
  enum class Kind { none, poisson, schedule };
  Kind kind = Kind::none;
  double rate_per_s = 0;      // poisson
  std::vector<double> times;  // schedule, sorted
};

struct SourceSpec {
  std::string id;
  ArrivalSpec arrivals;
  int history = 0;            // earlier events kept by the source, each from a distinct person
  std::string recipient_prefix;
};

struct ConnectorSpec {
  std::string id;
  std::size_t source = 0;     // index into Scenario::sources
  Distribution latency;
};

struct FaultSpec {
  enum class Kind { replay };
  std::string id;
  Kind kind = Kind::replay;
  std::size_t connector = 0;
  double at = 0;
  std::optional<double> until;
  bool loop = true;           // replay the history again and again until stopped
  double rate_per_s = 0;      // replayed events per second
  std::optional<int> last;    // replay only the last N history events
};

struct StepSpec {
  enum class Kind { send_email, write_list_item };
  Kind kind = Kind::send_email;
  Distribution latency;
  std::size_t target = 0;     // mailbox index for send_email, list index for write_list_item
};

struct FlowSpec {
  std::string id;
  std::size_t trigger = 0;    // connector index
  std::vector<StepSpec> steps;
  int max_parallel_runs = 0;  // 0: unlimited, the Power Automate default
};

struct MailboxSpec {
  std::string id;
  std::string model;
  double send_limit = 0;        // messages per send window
  double send_window = 0;       // seconds
  bool smooth = false;          // true: messages leave evenly spaced; false: up to the limit at each window start
  double recipient_limit = 0;   // recipients per recipient window, 0 for none
  double recipient_window = 0;  // seconds
};

struct ListSpec {
  std::string id;
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

// What a stop action stops. Defaults follow the vendors' documented behaviour, see the loader.
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
  Distribution reaction;            // from noticing to the first action
  double check_interval = 60;       // how often an awake operator looks for signs of trouble
  int complaint_threshold = 5;      // a recipient with more emails than this complains
  std::vector<PlaybookAction> playbook;
};

// Where a guard sits in the pipeline.
enum class GuardPoint { connector, flow_trigger, flow_step, mailbox, transport, recipient };

// What a keyed guard counts separately.
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
