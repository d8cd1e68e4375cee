// The lineage of each run and email, which records why it exists: the ground truth behind every metric.
#pragma once

#include <cstdint>

namespace stormsim {

// Why a trigger event reached a flow this time. Whether mail is wanted depends on the source event and on whether
// the flow already ran for it, not on the origin. The origin is lineage for traces and per-origin counts.
enum class Origin : std::uint8_t {
  real,       // the source's own delivery of a new event
  replay,     // a replay fault re-sent an earlier event
  duplicate,  // at-least-once delivery sent the same event again
  retry,      // the sender retried after a timeout or failure
  redelivery, // a polling trigger fetched an item again after losing its cursor or seen-id state
  loop,       // mail or a list change produced by the pipeline itself came back as a trigger
  schedule,   // a recurring trigger fired again for the same event
};

inline const char* origin_name(Origin origin)
{
  static const char* const names[] = {"real", "replay", "duplicate", "retry", "redelivery", "loop", "schedule"};
  return names[static_cast<int>(origin)];
}

// A trigger event as delivered to a flow: the source's event (which carries the recipient and the registration id)
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
  // Server-generated replies (out-of-office auto-replies) in the chain that led to this message; 0 for a message a
  // person or a flow wrote. Exchange Online's loop prevention sends no auto-reply to a message whose count has reached its limit.
  std::uint8_t auto_hops = 0;
  // Reply-all traffic: the message went to a distribution list whose members are the `list_members` consecutive
  // recipient indices starting at `recipient`; 0 for a message to one recipient.
  std::uint32_t list_members = 0;
};

} // namespace stormsim
