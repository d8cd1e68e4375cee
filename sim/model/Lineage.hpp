// What the simulator knows about why each run and email exists: the ground truth behind every metric.
#pragma once

#include <cstdint>

namespace stormsim {

// Why a trigger event reached a connector. Only `real` events can produce wanted mail.
enum class Origin : std::uint8_t { real, replay };

inline const char* origin_name(Origin origin)
{
  return origin == Origin::real ? "real" : "replay";
}

// A trigger event as a flow sees it: the source's event (which carries the recipient and the registration id)
// and the reason it was delivered this time.
struct Delivery {
  std::uint32_t source = 0;
  std::uint32_t event = 0; // index into the source's event list
  Origin origin = Origin::real;

  std::uint64_t pack() const
  {
    return (static_cast<std::uint64_t>(source) << 40) | (static_cast<std::uint64_t>(origin) << 32) | event;
  }
  static Delivery unpack(std::uint64_t packed)
  {
    return Delivery{static_cast<std::uint32_t>(packed >> 40), static_cast<std::uint32_t>(packed & 0xffffffffULL),
                    static_cast<Origin>((packed >> 32) & 0xff)};
  }
};

struct Email {
  std::uint32_t flow = 0;
  std::uint32_t step = 0;
  std::uint32_t mailbox = 0;
  std::uint32_t recipient = 0; // global recipient index
  Delivery delivery;
  bool wanted = false;
  double submitted_at = 0;
};

} // namespace stormsim
