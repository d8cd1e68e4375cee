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
    reader.finish();
    scenario.lists.push_back(std::move(spec));
  }
}

void load_mailboxes(ObjectReader& root, LoadContext& context)
{
  auto& scenario = context.scenario;
  for (auto& reader : root.objects("mailboxes")) {
    MailboxSpec spec;
    spec.id = context.read_id(reader, context.mailboxes, scenario.mailboxes.size(), "mailbox");
    if (auto model = reader.optional_string("model")) {
      spec.model = *model;
      apply_mailbox_preset(reader, *model, context, spec);
    }
    read_mailbox_limits(reader, spec);
    if (spec.send_limit <= 0)
      reader.fail_here("missing required key \"send_limit\" (a rate such as \"30/min\"), or a \"model\" that sets it");
    reader.finish();
    scenario.mailboxes.push_back(std::move(spec));
  }
}

} // namespace stormsim
