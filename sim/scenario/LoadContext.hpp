// Shared state of one scenario load: id tables for resolving references and where presets live.
#pragma once

#include "scenario/ObjectReader.hpp"
#include "scenario/Scenario.hpp"

#include <algorithm>
#include <map>
#include <utility>
#include <vector>
#include <string>

namespace stormsim {

struct LoadContext {
  Scenario& scenario;
  std::string models_dir;
  std::map<std::string, std::size_t> sources;
  std::map<std::string, std::size_t> connectors;
  std::map<std::string, std::size_t> flows;
  std::map<std::string, std::size_t> mailboxes;
  std::map<std::string, std::size_t> lists;
  std::map<std::string, std::size_t> guards;

  // Reads the "id" member, checks its form and its uniqueness among `table`, and records it with `index`.
  std::string read_id(ObjectReader& reader, std::map<std::string, std::size_t>& table, std::size_t index,
                      const char* kind);
  // Reads a member that names a component of `table`; the error lists the known ids.
  std::size_t resolve(ObjectReader& reader, const std::string& key, const std::map<std::string, std::size_t>& table,
                      const char* kind);
  std::size_t resolve_name(ObjectReader& reader, const std::string& key, const std::string& name,
                           const std::map<std::string, std::size_t>& table, const char* kind);
};

// Reads a component's optional "random_outages": {"rate": "2/day", "duration": "30m"} and returns the outage
// windows (start, end) it draws over the scenario: starts of a Poisson process from a stream of its own, each
// window lasting `duration`, overlapping windows merged. `stream` names the component, such as "mailbox/x".
std::vector<std::pair<double, double>> read_random_outages(ObjectReader& reader, const Scenario& scenario,
                                                           const std::string& stream);

// Adds windows to a sorted list of non-overlapping outages, merging any that overlap.
template <class Outage>
void merge_outages(std::vector<Outage>& outages, const std::vector<std::pair<double, double>>& windows)
{
  for (const auto& [from, until] : windows)
    outages.push_back(Outage{from, until});
  std::sort(outages.begin(), outages.end(), [](const Outage& a, const Outage& b) { return a.from < b.from; });
  std::vector<Outage> merged;
  for (const auto& outage : outages) {
    if (!merged.empty() && outage.from <= merged.back().until)
      merged.back().until = std::max(merged.back().until, outage.until);
    else
      merged.push_back(outage);
  }
  outages = std::move(merged);
}

void load_pipeline(ObjectReader& root, LoadContext& context);
void load_sources(ObjectReader& root, LoadContext& context);
void load_connectors(ObjectReader& root, LoadContext& context);
void load_lists(ObjectReader& root, LoadContext& context);
void load_mailboxes(ObjectReader& root, LoadContext& context);
void load_flows(ObjectReader& root, LoadContext& context);
void load_response(ObjectReader& root, LoadContext& context);
void load_guards(ObjectReader& root, LoadContext& context);
void load_faults(ObjectReader& root, LoadContext& context);
// Fills a mailbox from the named preset in the models directory.
void apply_mailbox_preset(ObjectReader& mailbox, const std::string& model, LoadContext& context, MailboxSpec& spec);
void read_mailbox_limits(ObjectReader& reader, MailboxSpec& spec);
// Reads a mailbox's loop and storm protections ("auto_reply_hop_limit", "reply_all_storm_protection"), which a
// mailbox preset may also set.
void read_mailbox_protections(ObjectReader& reader, MailboxSpec& spec);
// Reads a mailbox's inbox, human mail, distribution list and outages; `mailboxes` maps every mailbox id of the file
// to its index, so mail may name a mailbox declared further down.
void read_mailbox_inbox(ObjectReader& reader, LoadContext& context,
                        const std::map<std::string, std::size_t>& mailboxes, MailboxSpec& spec);
// Fills a connector from the named preset in the models directory (a preset of kind "connector").
void apply_connector_preset(ObjectReader& connector, const std::string& model, LoadContext& context,
                            ConnectorSpec& spec);
// Reads the delivery settings that a connector and a connector preset share (latency, timeout, retry, polling).
void read_connector_settings(ObjectReader& reader, ConnectorSpec& spec);
// Fills a flow's default step retry policy from the named preset in the models directory (a preset of kind "flow").
void apply_flow_preset(ObjectReader& flow, const std::string& model, LoadContext& context, StepRetrySpec& retry);
// Reads a step retry policy: {"type": "none" | "fixed" | "exponential", "count", "interval", "min_interval",
// "max_interval"}, the settings of Power Automate's retry policy.
StepRetrySpec read_step_retry(ObjectReader& reader);

} // namespace stormsim
