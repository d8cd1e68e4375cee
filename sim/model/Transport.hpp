// Organisation-wide transport rules, applied to each message as it leaves a mailbox's queue.
#pragma once

#include "model/Lineage.hpp"
#include "scenario/Scenario.hpp"

#include <optional>
#include <vector>

namespace stormsim {

class World;

// A rule matches when every condition it sets holds. Its action blocks the message silently, rejects it with a
// non-delivery report to the sender, or moves it to quarantine, where it waits for the operator to release or purge
// it. Rules take effect at their effective date; mail that leaves before then is not affected.
class Transport {
public:
  explicit Transport(World& world) : world_(world) {}

  void add_rule(const RuleSpec& rule, double effective_at);

  // Applies the rules in effect to a message leaving a mailbox. Returns true when a rule took the message.
  bool intercept(const Email& email, std::size_t timeline_row, double now);

  // Sends every quarantined message on, past the rules, or drops them all.
  void release_quarantine();
  void purge_quarantine();

  std::size_t quarantined() const { return quarantine_.size(); }
  std::size_t rule_count() const { return rules_.size(); }

private:
  struct ActiveRule {
    RuleSpec spec;
    double effective_at;
    std::size_t blocker;
  };
  bool matches(const ActiveRule& rule, const Email& email, double now) const;

  World& world_;
  std::vector<ActiveRule> rules_;
  std::vector<std::pair<Email, std::size_t>> quarantine_; // message and the rule's blocker index
};

} // namespace stormsim
