// Separates mistakes in user input from internal failures, so the CLI can print them plainly and exit with code 2.
#pragma once

#include <stdexcept>
#include <string>

namespace stormsim {

// Invalid user input (scenario file, preset, command line). The message is one complete line that is shown as is,
// and the CLI exits with code 2.
class InputError : public std::runtime_error {
public:
  explicit InputError(const std::string& message) : std::runtime_error(message) {}
};

} // namespace stormsim
