#include "model/Mailbox.hpp"

#include "model/World.hpp"

#include <algorithm>
#include <cmath>

namespace stormsim {

Mailbox::Mailbox(World& world, const MailboxSpec& spec, std::uint32_t index, std::size_t timeline_row,
                 std::size_t recipient_limit_blocker)
    : world_(world)
    , spec_(spec)
    , index_(index)
    , timeline_row_(timeline_row)
    , recipient_limit_blocker_(recipient_limit_blocker)
    , rng_(world.seed(), "mailbox/" + spec.id)
{
}

std::size_t Mailbox::queued_wanted() const
{
  std::size_t count = 0;
  for (const auto& email : queue_)
    count += email.wanted ? 1 : 0;
  return count;
}

void Mailbox::submit(const Email& email)
{
  if (deleted_) {
    ++world_.recorder().purged;
    return;
  }
  world_.guards().at_mailbox(email);
}

void Mailbox::enqueue(const Email& email)
{
  const double now = world_.queue().now();
  if (queue_.empty() && can_send_now(now)) {
    send(email, now);
    return;
  }
  queue_.push_back(email);
  note_queue_length(now);
  schedule_drain(now);
}

bool Mailbox::can_send_now(double now)
{
  if (held_ || down_)
    return false;
  if (spec_.smooth)
    return now >= next_slot_;
  const auto window = static_cast<std::int64_t>(std::floor(now / spec_.send_window));
  if (window != window_index_) {
    window_index_ = window;
    sent_in_window_ = 0;
  }
  return sent_in_window_ < spec_.send_limit;
}

void Mailbox::schedule_drain(double now)
{
  if (drain_scheduled_ || held_ || down_)
    return;
  drain_scheduled_ = true;
  double when = spec_.smooth ? next_slot_ : (static_cast<double>(window_index_) + 1) * spec_.send_window;
  if (when < now)
    when = now;
  world_.queue().schedule(when, on_drain, this, 0);
}

void Mailbox::on_drain(void* self, std::uint64_t)
{
  static_cast<Mailbox*>(self)->drain();
}

void Mailbox::drain()
{
  drain_scheduled_ = false;
  const double now = world_.queue().now();
  while (!queue_.empty() && can_send_now(now)) {
    const Email email = queue_.front();
    queue_.pop_front();
    send(email, now);
  }
  note_queue_length(now);
  if (!queue_.empty())
    schedule_drain(now);
}

void Mailbox::send(const Email& email, double now)
{
  if (spec_.smooth)
    next_slot_ = std::max(now, next_slot_) + spec_.send_window / spec_.send_limit;
  else
    sent_in_window_ += 1;

  if (world_.transport().intercept(email, timeline_row_, now))
    return;
  world_.guards().at_transport(email);
}

void Mailbox::after_transport(const Email& email)
{
  const double now = world_.queue().now();
  if (over_recipient_limit(now)) {
    world_.recorder().on_rejected(email, recipient_limit_blocker_, timeline_row_, now);
    world_.guards().report_outcome(email, true);
    return;
  }
  world_.guards().report_outcome(email, false);
  // Send times are kept only while a recipient limit needs them, so memory stays bounded by the limit.
  if (spec_.recipient_limit > 0)
    recent_recipients_.push_back(now);
  world_.guards().at_recipient(email);
}

void Mailbox::deliver(const Email& email)
{
  if (email.wanted)
    note_wanted_latency(email);
  if (email.list_members > 0)
    world_.recorder().on_delivered_to_list(email, timeline_row_, world_.queue().now());
  else
    world_.recorder().on_delivered(email, timeline_row_, world_.queue().now());
  world_.inboxes().on_delivered(email);
}

void Mailbox::note_wanted_latency(const Email& email)
{
  // From the real submission that caused the email to its delivery: the wait of the person who expects it.
  if (email.delivery.source >= world_.source_count())
    return;
  const auto& events = world_.source(email.delivery.source).events();
  if (email.delivery.event < events.size() && events[email.delivery.event].real)
    world_.recorder().note_wanted_latency(world_.queue().now() - events[email.delivery.event].created_at);
}

void Mailbox::send_unqueued(const Email& email)
{
  if (world_.transport().intercept(email, timeline_row_, world_.queue().now()))
    return;
  world_.guards().at_transport(email);
}

void Mailbox::start()
{
  for (std::size_t i = 0; i < spec_.outages.size(); ++i) {
    world_.queue().schedule(spec_.outages[i].from, on_outage, this, 1);
    world_.queue().schedule(spec_.outages[i].until, on_outage, this, 0);
  }
}

// The argument is 1 at an outage's start and 0 at its end.
void Mailbox::on_outage(void* self, std::uint64_t edge)
{
  static_cast<Mailbox*>(self)->set_down(edge == 1);
}

void Mailbox::set_down(bool down)
{
  down_ = down;
  if (!down_ && !queue_.empty())
    schedule_drain(world_.queue().now());
}

bool Mailbox::over_recipient_limit(double now)
{
  if (spec_.recipient_limit <= 0)
    return false;
  while (!recent_recipients_.empty() && recent_recipients_.front() <= now - spec_.recipient_window)
    recent_recipients_.pop_front();
  return static_cast<double>(recent_recipients_.size()) >= spec_.recipient_limit;
}

void Mailbox::purge()
{
  world_.recorder().purged += queue_.size();
  queue_.clear();
  note_queue_length(world_.queue().now());
}

void Mailbox::purge_flow(std::uint32_t flow)
{
  const auto before = queue_.size();
  queue_.erase(std::remove_if(queue_.begin(), queue_.end(), [flow](const Email& e) { return e.flow == flow; }),
               queue_.end());
  world_.recorder().purged += before - queue_.size();
  note_queue_length(world_.queue().now());
}

void Mailbox::remove()
{
  purge();
  deleted_ = true;
}

void Mailbox::hold()
{
  held_ = true;
}

void Mailbox::release()
{
  if (!held_)
    return;
  held_ = false;
  if (!queue_.empty())
    schedule_drain(world_.queue().now());
}

void Mailbox::note_queue_length(double now)
{
  world_.recorder().on_queue_length(timeline_row_, queue_.size(), now);
}

} // namespace stormsim
