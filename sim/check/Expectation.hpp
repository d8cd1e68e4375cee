// An expectation of a scenario file: a metric, an optional statistic over replications, and a condition it must meet.
#pragma once

#include "check/SummaryMetric.hpp"

#include <optional>
#include <string>

namespace stormsim {

// The largest sum of one timeline column over any `minutes` consecutive minutes of a run.
struct WindowMetric {
  std::string column;  // a count column of timeline.csv, such as "unwanted_delivered"
  int minutes = 1;
};

// The quantity an expectation measures in each replication: a summary metric or a windowed timeline count.
struct ExpectationMetric {
  enum class Kind { summary, window };
  Kind kind = Kind::summary;
  SummaryMetric summary;
  WindowMetric window;
};

// The combination of all replications' values. With `every`, each replication must meet the condition on its own.
// The other kinds reduce the values that are not null to one number.
struct Statistic {
  enum class Kind { every, mean, min, max, percentile };
  Kind kind = Kind::every;
  double percentile = 0;  // for Kind::percentile, in (0, 100]
};

// A comparison with a number or with null. A null value means that the event never happened (no storm, no
// detection); it meets a numeric comparison only when `accept_null` is set ("<= 600 or null").
struct Condition {
  enum class Operator { less, less_equal, greater, greater_equal, equal, not_equal };
  Operator op = Operator::less_equal;
  std::optional<double> threshold;  // empty: compare with null, only with equal or not_equal
  bool accept_null = false;

  bool holds(std::optional<double> value) const;
};

struct Expectation {
  std::string expression;  // the key as written, such as "p95(recipients.max)"
  std::string condition_text;  // the value as written, such as "<= 5"
  Statistic statistic;
  ExpectationMetric metric;
  Condition condition;

  // The expectation for people: "p95(recipients.max) <= 5".
  std::string describe() const { return expression + " " + condition_text; }
};

} // namespace stormsim
