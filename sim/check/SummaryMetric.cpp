// Lists the summary's numeric metrics for a scenario and reads them from a summary.
#include "check/SummaryMetric.hpp"

#include "scenario/Scenario.hpp"

#include <algorithm>
#include <stdexcept>

namespace stormsim {
namespace {

class MetricList {
public:
  void add(std::vector<std::string> keys)
  {
    std::string name;
    for (const auto& key : keys)
      name += (name.empty() ? "" : ".") + key;
    metrics_.push_back(SummaryMetric{std::move(name), std::move(keys)});
  }

  void add_fields(const std::vector<std::string>& prefix, const std::vector<const char*>& fields)
  {
    for (const char* field : fields) {
      auto keys = prefix;
      keys.emplace_back(field);
      add(std::move(keys));
    }
  }

  std::vector<SummaryMetric> take() { return std::move(metrics_); }

private:
  std::vector<SummaryMetric> metrics_;
};

// Blocker names in the order the model registers them: recipient limits of mailboxes, guards, rules that exist from
// the start, then rules that the operator's playbook adds.
void add_blockers(MetricList& list, const Scenario& scenario)
{
  for (const auto& mailbox : scenario.mailboxes)
    list.add({"emails", "blocked_by", "recipient_limit/" + mailbox.id});
  for (const auto& guard : scenario.guards)
    list.add({"emails", "blocked_by", "guard/" + guard.id});
  for (const auto& rule : scenario.rules)
    list.add({"emails", "blocked_by", "rule/" + rule.id});
  for (const auto& action : scenario.operator_spec.playbook)
    if (action.kind == PlaybookAction::Kind::add_transport_rule)
      list.add({"emails", "blocked_by", "rule/" + action.rule.id});
  // A breaker that blocks the sender adds one rule per mailbox in its scope, named after the guard and the mailbox.
  for (const auto& guard : scenario.guards) {
    const auto& actions = guard.breaker.actions;
    if (guard.kind != GuardSpec::Kind::breaker ||
        std::find(actions.begin(), actions.end(), BreakerSpec::Action::block_sender) == actions.end())
      continue;
    for (std::size_t m = 0; m < scenario.mailboxes.size(); ++m)
      if (guard.mailboxes.empty() || std::find(guard.mailboxes.begin(), guard.mailboxes.end(), m) != guard.mailboxes.end())
        list.add({"emails", "blocked_by", "rule/" + guard.id + "/" + scenario.mailboxes[m].id});
  }
}

const nlohmann::ordered_json* find_value(const nlohmann::ordered_json& summary, const std::vector<std::string>& keys)
{
  const nlohmann::ordered_json* value = &summary;
  for (const auto& key : keys) {
    if (!value->is_object())
      return nullptr;
    auto it = value->find(key);
    if (it == value->end())
      return nullptr;
    value = &*it;
  }
  return value;
}

} // namespace

std::vector<SummaryMetric> summary_metrics(const Scenario& scenario)
{
  MetricList list;
  list.add_fields({"sim"}, {"seed", "events", "end_s"});
  for (const auto& flow : scenario.flows)
    list.add_fields({"runs", flow.id}, {"total", "wanted", "unwanted", "cancelled", "ignored", "blocked", "failed",
                                        "retries", "skipped_by_condition"});
  list.add_fields({"emails"}, {"submitted", "delivered", "wanted_delivered", "unwanted_delivered", "wanted_blocked",
                               "wanted_not_sent"});
  list.add_fields({"emails", "wanted_latency_s"}, {"mean", "max"});
  list.add_fields({"emails"}, {"unwanted_blocked", "blocked"});
  add_blockers(list, scenario);
  list.add_fields({"emails"}, {"rejected", "bounced", "quarantined_at_end", "last_delivered_s", "queued_at_end",
                               "wanted_queued_at_end", "waiting_in_guards_at_end", "wanted_waiting_in_guards_at_end",
                               "purged"});
  list.add_fields({"recipients"}, {"reached", "max", "p50", "p99", "over_one_unwanted"});
  list.add_fields({"storm"}, {"start_s", "detected_s", "time_to_detect_s", "last_unwanted_delivery_s",
                              "time_to_contain_s", "first_disable_s", "delivered_after_disable",
                              "unwanted_delivered_after_disable", "peak_delivered_per_min"});
  for (const auto& guard : scenario.guards) {
    list.add_fields({"guards", guard.id}, {"passed", "blocked", "delayed", "held", "held_at_end", "trips",
                                           "wanted_blocked", "wanted_delayed"});
    list.add_fields({"guards", guard.id, "wanted_delayed_s"}, {"mean", "max"});
  }
  list.add_fields({"operator"}, {"noticed_s"});
  list.add_fields({"events"}, {"real", "replayed", "scheduled", "waiting_in_guards_at_end",
                               "wanted_waiting_in_guards_at_end"});
  list.add_fields({"lists"}, {"items_written"});
  list.add_fields({"inboxes"}, {"auto_replies", "auto_replies_once_skipped", "loop_prevented", "mail_triggers",
                                "mail_triggers_skipped", "reply_alls", "reply_alls_blocked"});
  list.add_fields({"connectors"}, {"webhook_attempts", "timeouts", "refused", "retries", "abandoned",
                                   "duplicate_copies", "polls", "missed_polls", "redelivered"});
  return list.take();
}

std::optional<SummaryMetric> find_metric(const std::vector<SummaryMetric>& metrics, const std::string& name)
{
  for (const auto& metric : metrics)
    if (metric.name == name)
      return metric;
  return std::nullopt;
}

std::optional<double> read_metric(const nlohmann::ordered_json& summary, const SummaryMetric& metric)
{
  const nlohmann::ordered_json* value = find_value(summary, metric.keys);
  if (value == nullptr) {
    if (metric.keys.size() == 3 && metric.keys[0] == "emails" && metric.keys[1] == "blocked_by")
      return 0.0;
    throw std::runtime_error("the run's summary has no metric " + metric.name +
                             "; the list of metrics in check/SummaryMetric.cpp is out of date");
  }
  if (value->is_null())
    return std::nullopt;
  if (value->is_array())
    return static_cast<double>(value->size());
  if (!value->is_number())
    throw std::runtime_error("the run's summary has a non-numeric value at " + metric.name + ": " + value->dump());
  return value->get<double>();
}

} // namespace stormsim
