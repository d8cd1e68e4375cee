#include "model/Transport.hpp"

#include "metrics/Recorder.hpp"

namespace stormsim {

void Transport::add_rule(const RuleSpec& rule, double effective_at)
{
  rules_.push_back(ActiveRule{rule, effective_at, recorder_.add_blocker("rule/" + rule.id)});
}

std::optional<std::size_t> Transport::blocking_rule(const Email& email, double now) const
{
  for (const auto& rule : rules_) {
    if (now < rule.effective_at)
      continue;
    if (rule.spec.sender_mailbox && *rule.spec.sender_mailbox != email.mailbox)
      continue;
    if (rule.spec.flow && *rule.spec.flow != email.flow)
      continue;
    return rule.blocker;
  }
  return std::nullopt;
}

} // namespace stormsim
