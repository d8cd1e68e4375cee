#include "model/Transport.hpp"

#include "model/World.hpp"

namespace stormsim {

void Transport::add_rule(const RuleSpec& rule, double effective_at)
{
  rules_.push_back(ActiveRule{rule, effective_at, world_.recorder().add_blocker("rule/" + rule.id)});
}

bool Transport::matches(const ActiveRule& rule, const Email& email, double now) const
{
  const RuleSpec& spec = rule.spec;
  if (now < rule.effective_at)
    return false;
  if (spec.sender_mailbox && *spec.sender_mailbox != email.mailbox)
    return false;
  if (spec.flow && *spec.flow != email.flow)
    return false;
  if (spec.step && *spec.step != email.step)
    return false;
  if (!spec.recipient_prefix.empty() &&
      world_.recipient_names()[email.recipient].rfind(spec.recipient_prefix, 0) != 0)
    return false;
  return true;
}

bool Transport::intercept(const Email& email, std::size_t timeline_row, double now)
{
  auto& recorder = world_.recorder();
  for (const auto& rule : rules_) {
    if (!matches(rule, email, now))
      continue;
    switch (rule.spec.action) {
      case RuleSpec::Action::block:
        recorder.on_blocked(email, rule.blocker, timeline_row, now);
        break;
      case RuleSpec::Action::reject:
        recorder.on_blocked(email, rule.blocker, timeline_row, now);
        ++recorder.bounced;
        world_.guards().report_outcome(email, true);
        break;
      case RuleSpec::Action::quarantine:
        ++recorder.blockers[rule.blocker].quarantined;
        quarantine_.emplace_back(email, rule.blocker);
        break;
    }
    recorder.trace(now, "rule/" + rule.spec.id, "block", "transport rule", email);
    return true;
  }
  return false;
}

void Transport::release_quarantine()
{
  auto released = std::move(quarantine_);
  quarantine_.clear();
  for (const auto& [email, blocker] : released)
    world_.mailbox(email.mailbox).after_transport(email);
}

void Transport::purge_quarantine()
{
  auto& recorder = world_.recorder();
  const double now = world_.queue().now();
  for (const auto& [email, blocker] : quarantine_)
    recorder.on_blocked(email, blocker, world_.mailbox(email.mailbox).timeline_row(), now);
  quarantine_.clear();
}

} // namespace stormsim
