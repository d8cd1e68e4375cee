// Shared state of one scenario load: id tables for resolving references and where presets live.
#pragma once

#include "scenario/ObjectReader.hpp"
#include "scenario/Scenario.hpp"

#include <map>
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

} // namespace stormsim
