// Assertion that stays active in release builds, because a guard fed inconsistent input returns wrong decisions
// without any visible error.
#pragma once

namespace stormsim::guards {

// Prints "file:line: assertion failed: condition: message" to stderr and aborts. `format` is a printf format.
[[noreturn]] void fail_assertion(const char* file, int line, const char* condition, const char* format, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

} // namespace stormsim::guards

// Aborts with the location, the condition text and a printf-style message unless `condition` holds.
// Unlike assert(), NDEBUG does not disable it.
#define STORMSIM_ASSERT(condition, ...)                                                                                \
  do {                                                                                                                 \
    if (!(condition)) {                                                                                                \
      ::stormsim::guards::fail_assertion(__FILE__, __LINE__, #condition, __VA_ARGS__);                                 \
    }                                                                                                                  \
  } while (false)
