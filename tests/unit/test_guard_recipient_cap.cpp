// Tests of RecipientCap: independent sliding windows per key, next admission per key and bounded key tables.
#include <catch2/catch.hpp>

#include <stdexcept>

#include "sim/guards/RecipientCap.hpp"

using stormsim::guards::RecipientCap;

TEST_CASE("recipient cap limits each key separately", "[guards]") {
  // At most 2 messages per key in any 10 s.
  RecipientCap cap(2, 10.0);
  CHECK(cap.try_admit(1, 0.0));
  CHECK(cap.try_admit(1, 1.0));
  CHECK_FALSE(cap.try_admit(1, 2.0));
  CHECK(cap.try_admit(2, 2.0));
  CHECK(cap.try_admit(2, 2.0));
  CHECK_FALSE(cap.try_admit(2, 2.0));
  CHECK(cap.key_count() == 2);
  CHECK(cap.admitted() == 4);
  CHECK(cap.rejected() == 2);
}

TEST_CASE("recipient cap window slides per key", "[guards]") {
  RecipientCap cap(2, 10.0);
  CHECK(cap.try_admit(1, 0.0));
  CHECK(cap.try_admit(1, 5.0));
  CHECK_FALSE(cap.try_admit(1, 9.999));
  CHECK(cap.next_admission_time(1, 9.999) == 10.0);

  // The message at 0 s stops counting at 10 s, the one at 5 s at 15 s.
  CHECK(cap.try_admit(1, 10.0));
  CHECK_FALSE(cap.try_admit(1, 10.0));
  CHECK(cap.next_admission_time(1, 10.0) == 15.0);
}

TEST_CASE("recipient cap unknown key admits now", "[guards]") {
  RecipientCap cap(1, 10.0);
  CHECK(cap.try_admit(1, 0.0));
  CHECK(cap.next_admission_time(2, 3.0) == 3.0);
  CHECK(cap.key_count() == 1);
}

TEST_CASE("recipient cap eviction forgets key", "[guards]") {
  // With room for 2 keys, key 3 evicts key 1, the least recently used. Key 1 then starts afresh and is admitted
  // although it reached its cap 1 s earlier.
  RecipientCap cap(1, 10.0, 2);
  CHECK(cap.try_admit(1, 0.0));
  CHECK(cap.try_admit(2, 0.0));
  CHECK(cap.try_admit(3, 0.0));
  CHECK(cap.evictions() == 1);
  CHECK(cap.key_count() == 2);
  CHECK(cap.try_admit(1, 1.0));
}

TEST_CASE("recipient cap rejects invalid parameters", "[guards]") {
  CHECK_THROWS_WITH(RecipientCap(0, 10.0), "RecipientCap max_per_window must be at least 1, got 0");
  CHECK_THROWS_WITH(RecipientCap(1, 0.0), "RecipientCap window_s must be greater than 0, got 0");
  CHECK_THROWS_WITH(RecipientCap(1, 10.0, 0), "RecipientCap max_keys must be at least 1, got 0");
}
