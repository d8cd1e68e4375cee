#include "model/guard/Guard.hpp"

#include "core/Random.hpp"

#include <algorithm>

namespace stormsim {

Guard::Guard(World& world, const GuardSpec& spec, std::size_t blocker) : world_(world), spec_(spec), blocker_(blocker)
{
}

bool Guard::in_scope(const Email& item) const
{
  const auto matches = [](const std::vector<std::size_t>& scope, std::uint32_t index) {
    return scope.empty() || (index != no_index && std::find(scope.begin(), scope.end(), index) != scope.end());
  };
  return matches(spec_.flows, item.flow) && matches(spec_.mailboxes, item.mailbox);
}

std::uint64_t Guard::key_of(const Email& item) const
{
  // Mixing through splitmix64 spreads small indices over the whole 64-bit space before hashing in a table.
  std::uint64_t state = 0;
  switch (spec_.key) {
    case GuardKey::global:
      return 0;
    case GuardKey::flow:
      state = item.flow;
      break;
    case GuardKey::mailbox:
      state = item.mailbox;
      break;
    case GuardKey::recipient:
      state = item.recipient;
      break;
    case GuardKey::content:
      // Same flow, same step and same source event: the same message text.
      state = (static_cast<std::uint64_t>(item.flow) << 48) ^ (static_cast<std::uint64_t>(item.step) << 40) ^
              (static_cast<std::uint64_t>(item.delivery.source) << 32) ^ item.delivery.event;
      break;
    case GuardKey::registration_id:
      state = (static_cast<std::uint64_t>(item.delivery.source) << 32) | item.delivery.event;
      break;
  }
  return splitmix64(state);
}

} // namespace stormsim
