// Tests of EwmaAnomalyDetector with hand-computed EWMA statistics (alpha 0.5 keeps every value exact).
#include <catch2/catch.hpp>

#include <cmath>
#include <stdexcept>

#include "sim/guards/EwmaAnomalyDetector.hpp"

using stormsim::guards::EwmaAnomalyDetector;

namespace {

// Feeds `count` events spread over bucket `bucket` of 1 s and returns the 1-based index of the event for which
// observe() returned true, or 0 if none did. Returns -1 if more than one event was flagged.
int feed_bucket(EwmaAnomalyDetector& detector, int bucket, int count) {
  int flagged_event = 0;
  for (int i = 0; i < count; ++i) {
    const double now = bucket + static_cast<double>(i) / static_cast<double>(count);
    if (detector.observe(now)) {
      flagged_event = flagged_event == 0 ? i + 1 : -1;
    }
  }
  return flagged_event;
}

// alpha 0.5, k 3, warm-up 10 buckets of 1 s, then 5 events in each of the buckets 0 to 9.
EwmaAnomalyDetector warmed_up_detector() {
  EwmaAnomalyDetector detector(0.5, 3.0, 10, 1.0);
  for (int bucket = 0; bucket < 10; ++bucket) {
    feed_bucket(detector, bucket, 5);
  }
  return detector;
}

} // namespace

TEST_CASE("anomaly detector flags burst after warmup", "[guards]") {
  // A constant 5 per bucket gives mean 5 and variance 0. The stddev floor is sqrt(5) = 2.236, so the threshold is
  // 5 + 3 * 2.236 = 11.71 and the 12th event of bucket 10 is the first above it.
  EwmaAnomalyDetector detector = warmed_up_detector();
  CHECK(feed_bucket(detector, 10, 50) == 12);
  CHECK(detector.samples() == 10);
  CHECK(detector.mean() == 5.0);
  CHECK(detector.variance() == 0.0);
  CHECK(detector.threshold() == Approx(5.0 + 3.0 * std::sqrt(5.0)));
  CHECK(detector.anomalies() == 1);
}

TEST_CASE("anomaly detector accepts small rise", "[guards]") {
  // 6 events stay below the threshold of 11.71.
  EwmaAnomalyDetector detector = warmed_up_detector();
  CHECK(feed_bucket(detector, 10, 6) == 0);
  CHECK(feed_bucket(detector, 11, 11) == 0);
  CHECK(detector.anomalies() == 0);
}

TEST_CASE("anomaly detector waits for warmup", "[guards]") {
  // Bucket 9 starts with 9 learned buckets, one short of the warm-up of 10, so 50 events are not flagged.
  EwmaAnomalyDetector detector(0.5, 3.0, 10, 1.0);
  for (int bucket = 0; bucket < 9; ++bucket) {
    feed_bucket(detector, bucket, 5);
  }
  CHECK(feed_bucket(detector, 9, 50) == 0);
  CHECK(detector.samples() == 9);
}

TEST_CASE("anomaly detector learns empty buckets", "[guards]") {
  // After bucket 9 (count 5), buckets 10, 11 and 12 are empty. Each zero sample with alpha 0.5 halves the mean and
  // sets the variance to 0.5 * (variance + mean^2 / 2):
  //   mean 2.5,   variance 0.5 * (0 + 12.5)         = 6.25
  //   mean 1.25,  variance 0.5 * (6.25 + 3.125)     = 4.6875
  //   mean 0.625, variance 0.5 * (4.6875 + 0.78125) = 2.734375
  // The threshold is 0.625 + 3 * sqrt(2.734375) = 5.586, so the 6th event of bucket 13 is flagged.
  EwmaAnomalyDetector detector = warmed_up_detector();
  CHECK(feed_bucket(detector, 13, 6) == 6);
  CHECK(detector.samples() == 13);
  CHECK(detector.mean() == Approx(0.625));
  CHECK(detector.variance() == Approx(2.734375));
  CHECK(detector.threshold() == Approx(0.625 + 3.0 * std::sqrt(2.734375)));
}

TEST_CASE("anomaly detector learns anomalous bucket", "[guards]") {
  // Bucket 10 with 50 events is flagged and then learned: difference 45, mean 5 + 22.5 = 27.5, variance
  // 0.5 * (45 * 22.5) = 506.25, stddev 22.5. The threshold becomes 27.5 + 3 * 22.5 = 95, so bucket 11 is flagged at
  // its 96th event.
  EwmaAnomalyDetector detector = warmed_up_detector();
  CHECK(feed_bucket(detector, 10, 50) == 12);
  CHECK(feed_bucket(detector, 11, 100) == 96);
  CHECK(detector.mean() == 27.5);
  CHECK(detector.variance() == 506.25);
  CHECK(detector.threshold() == 95.0);
  CHECK(detector.anomalies() == 2);
}

TEST_CASE("anomaly detector floor limits zero mean", "[guards]") {
  // Without warm-up and without history the mean is 0, and the floor min_stddev = 1 makes the threshold 3.
  EwmaAnomalyDetector detector(0.5, 3.0, 0, 1.0);
  CHECK(detector.threshold() == 3.0);
  CHECK(feed_bucket(detector, 0, 10) == 4);
}

TEST_CASE("anomaly detector handles long idle gap", "[guards]") {
  // 10^9 empty buckets decay the mean and variance to 0 in one step, so the threshold is the floor of 3 again.
  EwmaAnomalyDetector detector = warmed_up_detector();
  CHECK(feed_bucket(detector, 1000000000, 4) == 4);
  CHECK(detector.samples() == 1000000000);
  CHECK(detector.mean() == 0.0);
  CHECK(detector.threshold() == 3.0);
}

TEST_CASE("anomaly detector rejects invalid parameters", "[guards]") {
  CHECK_THROWS_AS(EwmaAnomalyDetector(0.0, 3.0, 10, 1.0), std::invalid_argument);
  CHECK_THROWS_AS(EwmaAnomalyDetector(1.5, 3.0, 10, 1.0), std::invalid_argument);
  CHECK_THROWS_AS(EwmaAnomalyDetector(0.5, -1.0, 10, 1.0), std::invalid_argument);
  CHECK_THROWS_AS(EwmaAnomalyDetector(0.5, 3.0, 10, 0.0), std::invalid_argument);
  CHECK_THROWS_AS(EwmaAnomalyDetector(0.5, 3.0, 10, 1.0, -1.0), std::invalid_argument);
}

TEST_CASE("anomaly detector started early learns quiet buckets", "[guards]")
{
  // Started at 0 with 60 s buckets: ten empty buckets teach a mean of 0, so the threshold is
  // k * max(stddev, sqrt(mean), min_stddev) = 4 * 1 = 4 and the 5th event of bucket 10 is flagged.
  stormsim::guards::EwmaAnomalyDetector started(0.3, 4, 10, 60);
  started.start(0);
  stormsim::guards::EwmaAnomalyDetector unstarted(0.3, 4, 10, 60);

  bool started_flag = false;
  bool unstarted_flag = false;
  for (int i = 0; i < 5; ++i) {
    started_flag = started.observe(600 + i) || started_flag;
    unstarted_flag = unstarted.observe(600 + i) || unstarted_flag;
  }

  CHECK(started.samples() == 10);
  CHECK(started_flag);
  CHECK(unstarted.samples() == 0);
  CHECK_FALSE(unstarted_flag);
}
