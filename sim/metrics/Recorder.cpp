#include "metrics/Recorder.hpp"

namespace stormsim {

std::size_t Recorder::add_blocker(std::string id)
{
  BlockerCounters counters;
  counters.id = std::move(id);
  blockers.push_back(std::move(counters));
  return blockers.size() - 1;
}

void BlockerCounters::add_wanted_delay(double seconds)
{
  ++wanted_delayed;
  wanted_delay_sum_s += seconds;
  if (seconds > wanted_delay_max_s)
    wanted_delay_max_s = seconds;
}

void Recorder::on_trigger_blocked(const Email& item, std::size_t blocker)
{
  auto& counters = blockers[blocker];
  ++counters.blocked;
  if (item.wanted) {
    ++counters.wanted_blocked;
    ++wanted_blocked;
  }
  if (item.flow < flows.size())
    ++flows[item.flow].blocked;
}

void Recorder::note_detection(double now)
{
  if (!first_detection)
    first_detection = now;
}

void Recorder::on_run_started(std::size_t flow, std::size_t timeline_row, bool wanted, double now)
{
  auto& counters = flows[flow];
  ++counters.total;
  auto& bucket = timeline.at(timeline_row, now);
  ++bucket.runs_started;
  if (wanted) {
    ++counters.wanted;
    return;
  }
  ++counters.unwanted;
  ++bucket.runs_unwanted;
  if (!storm_start)
    storm_start = now;
}

void Recorder::on_submitted(std::size_t timeline_row, double now)
{
  ++submitted;
  ++timeline.at(timeline_row, now).emails_submitted;
}

void Recorder::ensure_recipient(std::uint32_t recipient)
{
  if (recipient >= received.size()) {
    received.resize(recipient + 1, 0);
    unwanted_received.resize(recipient + 1, 0);
  }
}

void Recorder::on_delivered(const Email& email, std::size_t timeline_row, double now)
{
  ++delivered;
  last_delivery = now;
  auto& bucket = timeline.at(timeline_row, now);
  ++bucket.emails_delivered;
  ensure_recipient(email.recipient);
  if (++received[email.recipient] > max_received)
    max_received = received[email.recipient];
  if (email.wanted) {
    ++wanted_delivered;
    ++bucket.wanted_delivered;
  } else {
    ++unwanted_delivered;
    ++bucket.unwanted_delivered;
    ++unwanted_received[email.recipient];
    last_unwanted_delivery = now;
  }
  if (first_disable && now >= *first_disable) {
    ++delivered_after_disable;
    if (!email.wanted)
      ++unwanted_delivered_after_disable;
  }
}

void Recorder::on_delivered_to_list(const Email& email, std::size_t timeline_row, double now)
{
  const std::uint64_t count = email.list_members;
  delivered += count;
  last_delivery = now;
  auto& bucket = timeline.at(timeline_row, now);
  bucket.emails_delivered += count;
  ensure_recipient(email.recipient + email.list_members - 1);
  for (std::uint32_t r = email.recipient; r < email.recipient + email.list_members; ++r) {
    if (++received[r] > max_received)
      max_received = received[r];
    if (!email.wanted)
      ++unwanted_received[r];
  }
  if (email.wanted) {
    wanted_delivered += count;
    bucket.wanted_delivered += count;
  } else {
    unwanted_delivered += count;
    bucket.unwanted_delivered += count;
    last_unwanted_delivery = now;
  }
  if (first_disable && now >= *first_disable) {
    delivered_after_disable += count;
    if (!email.wanted)
      unwanted_delivered_after_disable += count;
  }
}

void Recorder::on_blocked(const Email& email, std::size_t blocker, std::size_t timeline_row, double now)
{
  auto& counters = blockers[blocker];
  ++counters.blocked;
  ++timeline.at(timeline_row, now).blocked;
  if (email.wanted) {
    ++wanted_blocked;
    ++counters.wanted_blocked;
  } else {
    ++unwanted_blocked;
  }
}

void Recorder::on_rejected(const Email& email, std::size_t blocker, std::size_t timeline_row, double now)
{
  ++rejected;
  auto& counters = blockers[blocker];
  ++counters.blocked;
  ++timeline.at(timeline_row, now).rejected;
  if (email.wanted) {
    ++wanted_blocked;
    ++counters.wanted_blocked;
  }
}

void Recorder::on_queue_length(std::size_t timeline_row, std::size_t length, double now)
{
  timeline.at(timeline_row, now).queued = static_cast<std::int64_t>(length);
}

} // namespace stormsim
