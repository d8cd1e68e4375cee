// The typed, validated form of a scenario file; simulation code reads only these structs, never JSON.
#pragma once

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
  bool delete_cancels_runs = true;
  bool disable_cancels_runs = false;
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

struct RuleSpec {
  std::string id;
  std::optional<std::size_t> sender_mailbox; // empty: any mailbox
  std::optional<std::size_t> flow;           // empty: any flow
  std::optional<double> effective_at;        // empty: added later by the operator or a guard
};

struct PlaybookAction {
  enum class Kind { disable_flow, enable_flow, delete_flow, add_transport_rule, purge_mailbox };
  Kind kind = Kind::disable_flow;
  double after = 0;           // seconds after the operator starts to respond
  std::size_t target = 0;     // flow or mailbox index
  RuleSpec rule;              // add_transport_rule
};

struct OperatorSpec {
  bool present = false;
  double wake_at = 0;               // the first time the operator can look
  Distribution reaction;            // from noticing to the first action
  double check_interval = 60;       // how often an awake operator looks for signs of trouble
  int complaint_threshold = 5;      // a recipient with more emails than this complains
  std::vector<PlaybookAction> playbook;
};

struct GuardSpec {
  enum class Kind { dedup, threshold };
  enum class Point { flow_trigger, mailbox_send };
  enum class Action { block_mailbox, alert };
  std::string id;
  Kind kind = Kind::dedup;
  Point point = Point::flow_trigger;
  std::vector<std::size_t> flows;    // dedup scope; empty: every flow
  std::vector<std::size_t> mailboxes; // threshold scope; empty: every mailbox
  bool shared = false;               // dedup: one store for all flows instead of one per flow
  double ttl = 0;                    // dedup: seconds, 0 for no expiry
  std::size_t capacity = 0;          // dedup: 0 for unbounded
  int limit = 0;                     // threshold: trips when more than `limit` in `window`
  double window = 0;
  std::vector<Action> actions;       // threshold
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
};

} // namespace stormsim
