// Failure path of STORMSIM_ASSERT, kept out of line so the header does not pull in <cstdio>.
#include "sim/guards/Assert.hpp"

#include <cstdarg>
#include <cstdio>
#include <cstdlib>

namespace stormsim::guards {

void fail_assertion(const char* file, int line, const char* condition, const char* format, ...) {
  std::fprintf(stderr, "%s:%d: assertion failed: %s: ", file, line, condition);

  va_list arguments;
  va_start(arguments, format);
  std::vfprintf(stderr, format, arguments);
  va_end(arguments);

  std::fputc('\n', stderr);
  std::fflush(stderr);
  std::abort();
}

} // namespace stormsim::guards
