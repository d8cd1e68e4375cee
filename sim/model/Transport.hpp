// Organisation-wide transport rules, applied to each message as it leaves a mailbox's queue.
#pragma once

#include "model/Lineage.hpp"
#include "scenario/Scenario.hpp"

#include <optional>
#include <vector>

namespace stormsim {

class Recorder;

class Transport {
public:
  explicit Transport(Recorder& recorder) : recorder_(recorder) {}

  // Adds a rule that blocks matching mail from `effective_at` on; mail that leaves before then is not affected.
  void add_rule(const RuleSpec& rule, double effective_at);

  // Returns the recorder's blocker index of the first rule in effect that matches, if any.
  std::optional<std::size_t> blocking_rule(const Email& email, double now) const;

  std::size_t rule_count() const { return rules_.size(); }

private:
  struct ActiveRule {
    RuleSpec spec;
    double effective_at;
    std::size_t blocker;
  };

  Recorder& recorder_;
  std::vector<ActiveRule> rules_;
};

} // namespace stormsim
