#include "model/Inboxes.hpp"

#include "model/World.hpp"
#include "model/guard/Guard.hpp"

namespace stormsim {
namespace {

bool uses_inbox(const MailboxSpec& spec)
{
  return spec.auto_reply.enabled || spec.mail_trigger.source || !spec.human_mail.empty();
}

} // namespace

Inboxes::Inboxes(World& world) : world_(world)
{
  for (const auto& spec : world.scenario().mailboxes)
    active_ = active_ || uses_inbox(spec) || spec.distribution_list.present;
}

void Inboxes::start()
{
  const auto count = static_cast<std::uint32_t>(world_.mailbox_count());
  for (std::uint32_t m = 0; m < count; ++m)
    world_.mailbox(m).start();
  if (!active_)
    return;
  inbox_of_mailbox_.assign(count, -1);
  thread_of_mailbox_.assign(count, -1);
  for (std::uint32_t m = 0; m < count; ++m)
    addresses_.push_back(world_.add_recipient("mailbox-" + world_.mailbox(m).spec().id, 0));
  first_address_ = addresses_.empty() ? 0 : addresses_.front();
  for (std::uint32_t m = 0; m < count; ++m) {
    const MailboxSpec& spec = world_.mailbox(m).spec();
    if (uses_inbox(spec)) {
      inbox_of_mailbox_[m] = static_cast<std::int64_t>(inboxes_.size());
      inboxes_.emplace_back(world_, spec, m, addresses_[m]);
    }
    if (spec.distribution_list.present) {
      thread_of_mailbox_[m] = static_cast<std::int64_t>(threads_.size());
      const std::size_t blocker = world_.recorder().add_blocker("reply_all_storm_protection/" + spec.id);
      threads_.emplace_back(world_, spec, m, blocker);
    }
  }
  for (auto& inbox : inboxes_)
    inbox.start();
  for (auto& thread : threads_)
    thread.start();
}

void Inboxes::on_delivered(const Email& email)
{
  if (!active_ || email.mailbox == no_index)
    return;
  if (email.list_members > 0) {
    if (thread_of_mailbox_[email.mailbox] >= 0)
      threads_[static_cast<std::size_t>(thread_of_mailbox_[email.mailbox])].on_delivered(email);
    return;
  }
  // Mailbox addresses are consecutive recipient indices, created in mailbox order.
  if (email.recipient >= first_address_ && email.recipient < first_address_ + addresses_.size()) {
    const std::uint32_t to = email.recipient - first_address_;
    if (inbox_of_mailbox_[to] >= 0)
      inboxes_[static_cast<std::size_t>(inbox_of_mailbox_[to])].receive(email, addresses_[email.mailbox]);
  }
  if (inbox_of_mailbox_[email.mailbox] >= 0)
    inboxes_[static_cast<std::size_t>(inbox_of_mailbox_[email.mailbox])].on_sent(email);
}

} // namespace stormsim
