// Exit codes of the stormsim command, which CI scripts rely on.
#pragma once

namespace stormsim {

enum ExitCode : int {
  exit_success = 0,
  exit_expectation_failed = 1,
  exit_invalid_input = 2,
  exit_internal_error = 70, // a bug in stormsim, from sysexits.h's EX_SOFTWARE
};

} // namespace stormsim
