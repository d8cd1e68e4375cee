// Tests of FixedWindow: per-window counts, the burst across a window start and window alignment under rounding.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <stdexcept>

#include "sim/guards/FixedWindow.hpp"

using stormsim::guards::FixedWindow;

namespace {

// Checks on copies of `window` that try_admit succeeds at next_admission_time(now) and fails one double earlier.
void check_next_admission(const FixedWindow& window, double now) {
  const double next = window.next_admission_time(now);
  REQUIRE(next >= now);

  FixedWindow at_next = window;
  CHECK(at_next.try_admit(next));
  if (next > now) {
    FixedWindow just_before = window;
    CHECK_FALSE(just_before.try_admit(std::nextafter(next, -std::numeric_limits<double>::infinity())));
  }
}

} // namespace

TEST_CASE("fixed window admits limit per window", "[guards]") {
  FixedWindow window(3, 10.0);
  CHECK(window.try_admit(0.0));
  CHECK(window.try_admit(4.0));
  CHECK(window.try_admit(9.0));
  CHECK_FALSE(window.try_admit(9.999));
  CHECK(window.next_admission_time(9.999) == 10.0);

  // The window [10, 20) starts with a zero count.
  CHECK(window.try_admit(10.0));
  CHECK(window.admitted() == 4);
  CHECK(window.rejected() == 1);
}

TEST_CASE("fixed window admits twice limit across boundary", "[guards]") {
  // 5 admissions at 0.999 s in window [0, 1) and 5 more at 1.0 s in window [1, 2): 10 admissions within 1 ms.
  FixedWindow window(5, 1.0);
  int admitted = 0;
  while (window.try_admit(0.999)) {
    ++admitted;
  }
  while (window.try_admit(1.0)) {
    ++admitted;
  }
  CHECK(admitted == 10);
}

TEST_CASE("fixed window skips idle windows", "[guards]") {
  FixedWindow window(1, 1.0);
  CHECK(window.try_admit(0.5));
  CHECK_FALSE(window.try_admit(0.75));
  CHECK(window.next_admission_time(5.25) == 5.25);
  CHECK(window.try_admit(5.25));
  CHECK_FALSE(window.try_admit(5.5));
}

TEST_CASE("fixed window starts are rounded products", "[guards]") {
  // Window i of width 0.1 s starts at the double i * 0.1. 3 * 0.1 is 0.30000000000000004, above the literal 0.3,
  // so 0.3 still falls in window 2, which already has its admission.
  FixedWindow window(1, 0.1);
  CHECK(window.try_admit(0.25));
  CHECK_FALSE(window.try_admit(0.3));
  CHECK(window.next_admission_time(0.3) == 3 * 0.1);
  CHECK(window.try_admit(3 * 0.1));
}

TEST_CASE("fixed window next admission is next start", "[guards]") {
  // For 1000 windows of 0.1 s, admit at the start k * 0.1 and check that the next admission is at (k + 1) * 0.1
  // and not one double earlier.
  FixedWindow window(1, 0.1);
  for (int k = 0; k < 1000; ++k) {
    const double start = k * 0.1;
    REQUIRE(window.try_admit(start));
    REQUIRE(window.next_admission_time(start) == (k + 1) * 0.1);
    check_next_admission(window, start);
  }
}

TEST_CASE("fixed window next admission matches try_admit", "[guards]") {
  // Arrivals 0 to 19 ms apart from a fixed-seed generator, 3 per 0.1 s window.
  std::mt19937_64 engine(7);
  FixedWindow window(3, 0.1);
  std::uint64_t ticks = 0;
  for (int i = 0; i < 20000; ++i) {
    ticks += engine() % 20;
    const double now = static_cast<double>(ticks) / 1000.0;
    check_next_admission(window, now);
    window.try_admit(now);
  }
  CHECK(window.rejected() > 1000);
}

TEST_CASE("fixed window rejects invalid parameters", "[guards]") {
  CHECK_THROWS_AS(FixedWindow(0, 1.0), std::invalid_argument);
  CHECK_THROWS_AS(FixedWindow(1, -1.0), std::invalid_argument);
  CHECK_THROWS_AS(FixedWindow(1, std::numeric_limits<double>::infinity()), std::invalid_argument);
  CHECK_THROWS_WITH(FixedWindow(1, 0.0), "FixedWindow window_s must be finite and greater than 0, got 0");
}
