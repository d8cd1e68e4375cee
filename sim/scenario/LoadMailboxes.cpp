// Loading of lists and sending mailboxes, with vendor presets.
#include "scenario/LoadContext.hpp"

#include <algorithm>

namespace stormsim {

void load_lists(ObjectReader& root, LoadContext& context)
{
  auto& scenario = context.scenario;
  for (auto& reader : root.objects("lists")) {
    ListSpec spec;
    spec.id = context.read_id(reader, context.lists, scenario.lists.size(), "list");
    if (reader.has("source"))
      spec.source = context.resolve(reader, "source", context.sources, "source");
    spec.trigger_latency = reader.optional_distribution("trigger_latency").value_or(Distribution::constant(0));
    reader.finish();
    scenario.lists.push_back(std::move(spec));
  }
}

void load_mailboxes(ObjectReader& root, LoadContext& context)
{
  auto& scenario = context.scenario;
  // Every mailbox id in the file, for mail that names a mailbox declared further down; read_id checks the ids.
  std::map<std::string, std::size_t> all_ids;
  if (const nlohmann::json* array = root.raw("mailboxes"); array != nullptr && array->is_array())
    for (std::size_t i = 0; i < array->size(); ++i)
      if ((*array)[i].is_object() && (*array)[i].contains("id") && (*array)[i]["id"].is_string())
        all_ids.emplace((*array)[i]["id"].get<std::string>(), i);
  for (auto& reader : root.objects("mailboxes")) {
    MailboxSpec spec;
    spec.id = context.read_id(reader, context.mailboxes, scenario.mailboxes.size(), "mailbox");
    if (auto model = reader.optional_string("model")) {
      spec.model = *model;
      apply_mailbox_preset(reader, *model, context, spec);
    }
    read_mailbox_limits(reader, spec);
    read_mailbox_inbox(reader, context, all_ids, spec);
    if (spec.send_limit <= 0)
      reader.fail_here("missing required key \"send_limit\" (a rate such as \"30/min\"), or a \"model\" that sets it");
    reader.finish();
    scenario.mailboxes.push_back(std::move(spec));
  }
}

} // namespace stormsim
