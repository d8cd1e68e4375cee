#include "metrics/Summary.hpp"

#include "model/World.hpp"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <ostream>

namespace stormsim {
namespace {

nlohmann::ordered_json time_value(std::optional<double> t)
{
  if (!t)
    return nullptr;
  return std::round(*t * 1000.0) / 1000.0;
}

nlohmann::ordered_json elapsed(std::optional<double> from, std::optional<double> to)
{
  if (!from || !to)
    return nullptr;
  return std::round((*to - *from) * 1000.0) / 1000.0;
}

Summary runs_section(const World& world, const Recorder& recorder)
{
  Summary runs = Summary::object();
  for (std::size_t i = 0; i < recorder.flows.size(); ++i) {
    const auto& c = recorder.flows[i];
    runs[world.scenario().flows[i].id] = {{"total", c.total},         {"wanted", c.wanted},
                                          {"unwanted", c.unwanted},   {"cancelled", c.cancelled},
                                          {"ignored", c.ignored},     {"blocked", c.blocked},
                                          {"failed", c.failed},       {"retries", c.retries},
                                          {"skipped_by_condition", c.skipped_by_condition}};
  }
  return runs;
}

Summary emails_section(World& world, const Recorder& recorder)
{
  std::uint64_t queued = 0;
  std::uint64_t wanted_queued = 0;
  for (std::uint32_t i = 0; i < world.mailbox_count(); ++i) {
    queued += world.mailbox(i).queued();
    wanted_queued += world.mailbox(i).queued_wanted();
  }
  const GuardSet::Waiting waiting = world.guards().waiting();
  Summary blocked_by = Summary::object();
  std::uint64_t blocked = 0;
  for (const auto& blocker : recorder.blockers) {
    blocked_by[blocker.id] = blocker.blocked;
    blocked += blocker.blocked;
  }
  return {{"submitted", recorder.submitted},
          {"delivered", recorder.delivered},
          {"wanted_delivered", recorder.wanted_delivered},
          {"unwanted_delivered", recorder.unwanted_delivered},
          {"wanted_blocked", recorder.wanted_blocked},
          {"wanted_not_sent", recorder.wanted_not_sent},
          {"wanted_latency_s",
           {{"mean", time_value(recorder.wanted_latency_count == 0
                                    ? 0.0
                                    : recorder.wanted_latency_sum_s / static_cast<double>(recorder.wanted_latency_count))},
            {"max", time_value(recorder.wanted_latency_max_s)}}},
          {"unwanted_blocked", recorder.unwanted_blocked},
          {"blocked", blocked},
          {"blocked_by", blocked_by},
          {"rejected", recorder.rejected},
          {"bounced", recorder.bounced},
          {"quarantined_at_end", world.transport().quarantined()},
          {"last_delivered_s", time_value(recorder.last_delivery)},
          {"queued_at_end", queued},
          {"wanted_queued_at_end", wanted_queued},
          {"waiting_in_guards_at_end", waiting.emails},
          {"wanted_waiting_in_guards_at_end", waiting.wanted_emails},
          {"purged", recorder.purged}};
}

Summary recipients_section(const Recorder& recorder)
{
  std::vector<std::uint32_t> counts;
  std::uint64_t over_one_unwanted = 0;
  for (std::size_t i = 0; i < recorder.received.size(); ++i) {
    if (recorder.received[i] > 0)
      counts.push_back(recorder.received[i]);
    if (recorder.unwanted_received[i] > 1)
      ++over_one_unwanted;
  }
  const std::uint64_t max = counts.empty() ? 0 : *std::max_element(counts.begin(), counts.end());
  const std::uint64_t p50 = counts.empty() ? 0 : nearest_rank_percentile(counts, 50);
  const std::uint64_t p99 = counts.empty() ? 0 : nearest_rank_percentile(counts, 99);
  return {{"reached", counts.size()},
          {"max", max},
          {"p50", p50},
          {"p99", p99},
          {"over_one_unwanted", over_one_unwanted}};
}

Summary storm_section(const Recorder& recorder)
{
  return {{"start_s", time_value(recorder.storm_start)},
          {"detected_s", time_value(recorder.first_detection)},
          {"time_to_detect_s", elapsed(recorder.storm_start, recorder.first_detection)},
          {"last_unwanted_delivery_s", time_value(recorder.last_unwanted_delivery)},
          {"time_to_contain_s", elapsed(recorder.storm_start, recorder.last_unwanted_delivery)},
          {"first_disable_s", time_value(recorder.first_disable)},
          {"delivered_after_disable", recorder.delivered_after_disable},
          {"unwanted_delivered_after_disable", recorder.unwanted_delivered_after_disable},
          {"peak_delivered_per_min", recorder.timeline.peak_delivered_per_minute()}};
}

Summary guards_section(World& world, const Recorder& recorder)
{
  Summary guards = Summary::object();
  const auto& specs = world.scenario().guards;
  for (std::size_t i = 0; i < specs.size(); ++i) {
    const auto& c = recorder.blockers[world.guards().blocker_of(i)];
    Summary trips = Summary::array();
    for (double t : c.trips)
      trips.push_back(time_value(t));
    const double mean_delay = c.wanted_delayed == 0 ? 0.0 : c.wanted_delay_sum_s / static_cast<double>(c.wanted_delayed);
    guards[specs[i].id] = {{"passed", c.passed},
                           {"blocked", c.blocked},
                           {"delayed", c.delayed},
                           {"held", c.held},
                           {"held_at_end", world.guards().held(i)},
                           {"trips", trips},
                           {"wanted_blocked", c.wanted_blocked},
                           {"wanted_delayed", c.wanted_delayed},
                           {"wanted_delayed_s", {{"mean", time_value(mean_delay)}, {"max", time_value(c.wanted_delay_max_s)}}}};
  }
  return guards;
}

Summary operator_section(const Recorder& recorder)
{
  Summary actions = Summary::array();
  for (const auto& a : recorder.operator_actions) {
    Summary action = {{"action", a.action}, {"target", a.target}, {"at_s", time_value(a.at)}};
    if (a.effective_at)
      action["effective_s"] = time_value(a.effective_at);
    actions.push_back(action);
  }
  return {{"noticed_s", time_value(recorder.operator_noticed)}, {"actions", actions}};
}

} // namespace

std::uint64_t nearest_rank_percentile(std::vector<std::uint32_t>& values, double p)
{
  std::sort(values.begin(), values.end());
  const auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(values.size())));
  return values[std::max<std::size_t>(rank, 1) - 1];
}

Summary build_summary(World& world)
{
  const Recorder& recorder = world.recorder();
  const auto& scenario = world.scenario();
  const EventQueue& queue = world.queue();
  const bool stopped_early = !queue.stop_reason().empty();
  Summary sim = {{"scenario", scenario.name},
                 {"variant", scenario.variant.empty() ? nlohmann::ordered_json(nullptr)
                                                      : nlohmann::ordered_json(scenario.variant)},
                 {"seed", scenario.seed},
                 {"events", queue.events_processed()},
                 {"end_s", time_value(stopped_early ? queue.now() : scenario.duration)},
                 {"stopped_by", stopped_early ? queue.stop_reason() : std::string("duration")}};
  return {{"sim", sim},
          {"runs", runs_section(world, recorder)},
          {"emails", emails_section(world, recorder)},
          {"recipients", recipients_section(recorder)},
          {"storm", storm_section(recorder)},
          {"guards", guards_section(world, recorder)},
          {"operator", operator_section(recorder)},
          {"events", {{"real", recorder.real_events}, {"replayed", recorder.replayed_events},
                      {"scheduled", recorder.scheduled_events},
                      {"waiting_in_guards_at_end", world.guards().waiting().triggers},
                      {"wanted_waiting_in_guards_at_end", world.guards().waiting().wanted_triggers}}},
          {"lists", {{"items_written", recorder.list_items_written}}},
          {"inboxes", {{"auto_replies", recorder.inboxes.auto_replies},
                       {"auto_replies_once_skipped", recorder.inboxes.auto_replies_once_skipped},
                       {"loop_prevented", recorder.inboxes.loop_prevented},
                       {"mail_triggers", recorder.inboxes.mail_triggers},
                       {"mail_triggers_skipped", recorder.inboxes.mail_triggers_skipped},
                       {"reply_alls", recorder.inboxes.reply_alls},
                       {"reply_alls_blocked", recorder.inboxes.reply_alls_blocked}}},
          {"connectors", {{"webhook_attempts", recorder.webhook_attempts},
                          {"timeouts", recorder.webhook_timeouts},
                          {"refused", recorder.webhook_refused},
                          {"retries", recorder.webhook_retries},
                          {"abandoned", recorder.webhook_abandoned},
                          {"duplicate_copies", recorder.duplicate_copies},
                          {"polls", recorder.polls},
                          {"missed_polls", recorder.missed_polls},
                          {"redelivered", recorder.redelivered_items}}}};
}

} // namespace stormsim
