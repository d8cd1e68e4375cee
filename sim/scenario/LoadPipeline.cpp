// Loading of the pipeline's components, in dependency order: each component refers only to ones loaded before it.
#include "scenario/LoadContext.hpp"

namespace stormsim {

void load_pipeline(ObjectReader& root, LoadContext& context)
{
  load_sources(root, context);
  load_connectors(root, context);
  load_lists(root, context);
  load_mailboxes(root, context);
  load_flows(root, context);
}

} // namespace stormsim
