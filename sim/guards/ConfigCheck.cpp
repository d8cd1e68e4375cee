// Formatting of invalid-parameter errors for the guard constructors.
#include "sim/guards/ConfigCheck.hpp"

#include <cstdio>
#include <stdexcept>
#include <string>

namespace stormsim::guards {

void require_parameter(bool valid, const char* parameter, double value, const char* requirement) {
  if (valid) {
    return;
  }
  char value_text[32];
  std::snprintf(value_text, sizeof value_text, "%.17g", value);
  throw std::invalid_argument(std::string(parameter) + " must be " + requirement + ", got " + value_text);
}

} // namespace stormsim::guards
