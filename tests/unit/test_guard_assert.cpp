// Tests that every guard aborts with a located message when simulated time decreases, also in builds with NDEBUG.
#include <catch2/catch.hpp>

#include <cmath>
#include <csignal>
#include <fcntl.h>
#include <functional>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sim/guards/CircuitBreaker.hpp"
#include "sim/guards/DedupStore.hpp"
#include "sim/guards/EwmaAnomalyDetector.hpp"
#include "sim/guards/FixedWindow.hpp"
#include "sim/guards/KeyedLimiter.hpp"
#include "sim/guards/RecipientCap.hpp"
#include "sim/guards/SlidingWindowCounter.hpp"
#include "sim/guards/SlidingWindowLog.hpp"
#include "sim/guards/TokenBucket.hpp"

using namespace stormsim::guards;

namespace {

struct ChildResult {
  bool aborted = false;
  std::string error_output;
};

// Runs `action` in a forked child with stderr captured, because Catch2 v2 has no death tests. The child restores the
// default SIGABRT action, which Catch2 replaces with its own reporter, sends stdout to /dev/null and disables core
// dumps, so that the expected abort prints no test report and leaves no file behind.
ChildResult run_in_child(const std::function<void()>& action) {
  int pipe_ends[2];
  REQUIRE(pipe(pipe_ends) == 0);

  const pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    std::signal(SIGABRT, SIG_DFL);
    const rlimit no_core{0, 0};
    setrlimit(RLIMIT_CORE, &no_core);
    const int null_output = open("/dev/null", O_WRONLY);
    dup2(null_output, STDOUT_FILENO);
    dup2(pipe_ends[1], STDERR_FILENO);
    close(pipe_ends[0]);
    close(pipe_ends[1]);
    action();
    _exit(0);
  }

  close(pipe_ends[1]);
  ChildResult result;
  char buffer[512];
  ssize_t length = 0;
  while ((length = read(pipe_ends[0], buffer, sizeof buffer)) > 0) {
    result.error_output.append(buffer, static_cast<std::size_t>(length));
  }
  close(pipe_ends[0]);

  int status = 0;
  REQUIRE(waitpid(child, &status, 0) == child);
  result.aborted = WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT;
  return result;
}

void check_aborts_on_backward_time(const std::function<void()>& action) {
  const ChildResult result = run_in_child(action);
  CHECK(result.aborted);
  CHECK_THAT(result.error_output, Catch::Contains("simulated time went backwards from 2 s to 1 s"));
  CHECK_THAT(result.error_output, Catch::Contains("MonotonicTime.hpp:"));
}

} // namespace

TEST_CASE("guards abort on decreasing time", "[guards]") {
  SECTION("token bucket") {
    check_aborts_on_backward_time([] {
      TokenBucket guard(1.0, 1);
      guard.try_admit(2.0);
      guard.try_admit(1.0);
    });
  }
  SECTION("sliding log") {
    check_aborts_on_backward_time([] {
      SlidingWindowLog guard(1, 1.0);
      guard.try_admit(2.0);
      guard.next_admission_time(1.0);
    });
  }
  SECTION("sliding counter") {
    check_aborts_on_backward_time([] {
      SlidingWindowCounter guard(1, 1.0);
      guard.try_admit(2.0);
      guard.try_admit(1.0);
    });
  }
  SECTION("fixed window") {
    check_aborts_on_backward_time([] {
      FixedWindow guard(1, 1.0);
      guard.try_admit(2.0);
      guard.try_admit(1.0);
    });
  }
  SECTION("keyed limiter across keys") {
    check_aborts_on_backward_time([] {
      KeyedLimiter<TokenBucket> guard(TokenBucket(1.0, 1));
      guard.try_admit(1, 2.0);
      guard.try_admit(2, 1.0);
    });
  }
  SECTION("recipient cap") {
    check_aborts_on_backward_time([] {
      RecipientCap guard(1, 1.0);
      guard.try_admit(1, 2.0);
      guard.try_admit(2, 1.0);
    });
  }
  SECTION("dedup store") {
    check_aborts_on_backward_time([] {
      DedupStore guard(4, 1.0);
      guard.seen_before(1, 2.0);
      guard.contains(1, 1.0);
    });
  }
  SECTION("circuit breaker") {
    check_aborts_on_backward_time([] {
      CircuitBreakerConfig config;
      config.event_count = EventCountTrip{1, 1.0};
      CircuitBreaker guard(config);
      guard.record(2.0);
      guard.state(1.0);
    });
  }
  SECTION("anomaly detector") {
    check_aborts_on_backward_time([] {
      EwmaAnomalyDetector guard(0.5, 3.0, 1, 1.0);
      guard.observe(2.0);
      guard.observe(1.0);
    });
  }
}

TEST_CASE("guards abort on NaN time", "[guards]") {
  const ChildResult result = run_in_child([] {
    TokenBucket guard(1.0, 1);
    guard.try_admit(std::nan(""));
  });
  CHECK(result.aborted);
  CHECK_THAT(result.error_output, Catch::Contains("assertion failed: now >= latest_s_"));
}

TEST_CASE("guards accept equal times", "[guards]") {
  const ChildResult result = run_in_child([] {
    TokenBucket guard(1.0, 1);
    guard.try_admit(2.0);
    guard.try_admit(2.0);
  });
  CHECK_FALSE(result.aborted);
  CHECK(result.error_output.empty());
}
