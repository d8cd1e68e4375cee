// Decides whether a measured value meets an expectation's condition.
#include "check/Expectation.hpp"

namespace stormsim {

bool Condition::holds(std::optional<double> value) const
{
  if (!threshold)
    return op == Operator::equal ? !value.has_value() : value.has_value();
  if (!value)
    return accept_null;
  switch (op) {
    case Operator::less:
      return *value < *threshold;
    case Operator::less_equal:
      return *value <= *threshold;
    case Operator::greater:
      return *value > *threshold;
    case Operator::greater_equal:
      return *value >= *threshold;
    case Operator::equal:
      return *value == *threshold;
    case Operator::not_equal:
      return *value != *threshold;
  }
  return false;
}

} // namespace stormsim
