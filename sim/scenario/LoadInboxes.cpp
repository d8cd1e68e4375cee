// Loading of what a mailbox does besides sending: its inbox (auto-replies, mail triggers), the mail people write
// from it, a distribution-list thread, outages, and the vendor's loop and storm protections.
#include "scenario/LoadContext.hpp"

#include <algorithm>

namespace stormsim {
namespace {

void read_auto_reply(ObjectReader& reader, AutoReplySpec& spec)
{
  spec.enabled = reader.boolean("enabled", true);
  spec.latency = reader.optional_distribution("latency").value_or(Distribution::constant(0));
  spec.once_per_sender = reader.boolean("once_per_sender", false);
  reader.finish();
}

void read_mail_trigger(ObjectReader& reader, LoadContext& context, const std::map<std::string, std::size_t>& mailboxes,
                       MailTriggerSpec& spec)
{
  spec.source = context.resolve(reader, "source", context.sources, "source");
  spec.matches_sent_mail = reader.boolean("matches_sent_mail", false);
  for (const auto& name : reader.strings("skip_senders"))
    spec.skip_senders.push_back(context.resolve_name(reader, "skip_senders", name, mailboxes, "mailbox"));
  spec.skip_auto_replies = reader.boolean("skip_auto_replies", false);
  reader.finish();
}

HumanMailSpec read_human_mail(ObjectReader& reader, LoadContext& context,
                              const std::map<std::string, std::size_t>& mailboxes)
{
  HumanMailSpec spec;
  spec.to = context.resolve_name(reader, "to", reader.string("to"), mailboxes, "mailbox");
  const auto texts = reader.strings("at");
  for (std::size_t i = 0; i < texts.size(); ++i) {
    try {
      spec.times.push_back(parse_time_point(texts[i], context.scenario.start));
    } catch (const std::invalid_argument& error) {
      reader.fail("at", "element " + std::to_string(i) + ": " + error.what());
    }
  }
  std::sort(spec.times.begin(), spec.times.end());
  if (auto rate = reader.optional_rate("rate"))
    spec.rate_per_s = rate->per_second();
  if (spec.times.empty() && spec.rate_per_s <= 0)
    reader.fail_here("missing \"at\" (a list of times) or \"rate\" (such as \"4/h\")");
  reader.finish();
  return spec;
}

void read_distribution_list(ObjectReader& reader, LoadContext& context, DistributionListSpec& spec)
{
  spec.present = true;
  spec.members = static_cast<std::uint32_t>(reader.integer("members", 2, 1'000'000));
  spec.first_message_at = reader.time_point("first_message", context.scenario.start);
  const auto probability = reader.optional_number("reply_probability", 0, 1);
  if (!probability)
    reader.fail_here("missing required key \"reply_probability\" (a number from 0 to 1)");
  spec.reply_probability = *probability;
  spec.reply_delay = reader.optional_distribution("reply_delay").value_or(Distribution::constant(0));
  spec.normal_replies = static_cast<std::uint32_t>(reader.optional_integer("normal_replies", 0, 1'000'000).value_or(0));
  reader.finish();
}

void read_outages(ObjectReader& mailbox, LoadContext& context, std::vector<OutageSpec>& outages)
{
  for (auto& reader : mailbox.objects("outages")) {
    OutageSpec outage;
    outage.from = reader.time_point("from", context.scenario.start);
    outage.until = reader.time_point("until", context.scenario.start);
    if (outage.until <= outage.from)
      reader.fail("until", "expected a time after \"from\"");
    if (!outages.empty() && outage.from < outages.back().until)
      reader.fail("from", "expected outages in time order without overlap, found one that starts before the "
                          "previous one ends");
    reader.finish();
    outages.push_back(outage);
  }
}

} // namespace

void read_mailbox_protections(ObjectReader& reader, MailboxSpec& spec)
{
  if (auto hops = reader.optional_integer("auto_reply_hop_limit", 0, 255))
    spec.auto_reply_hop_limit = static_cast<int>(*hops);
  if (auto protection = reader.optional_object("reply_all_storm_protection")) {
    auto& p = spec.reply_all_protection;
    p.enabled = protection->boolean("enabled", true);
    if (auto value = protection->optional_integer("min_recipients", 1, 1'000'000))
      p.min_recipients = static_cast<double>(*value);
    if (auto value = protection->optional_integer("min_replies", 1, 1'000'000))
      p.min_replies = static_cast<double>(*value);
    if (auto value = protection->optional_duration("window"))
      p.window = *value;
    if (auto value = protection->optional_duration("block"))
      p.block = *value;
    if (p.enabled && (p.min_recipients <= 0 || p.min_replies <= 0 || p.window <= 0 || p.block <= 0))
      protection->fail_here("expected \"min_recipients\", \"min_replies\", \"window\" and \"block\", from the "
                            "scenario or its mailbox model");
    protection->finish();
  }
}

void read_mailbox_inbox(ObjectReader& reader, LoadContext& context,
                        const std::map<std::string, std::size_t>& mailboxes, MailboxSpec& spec)
{
  if (auto auto_reply = reader.optional_object("auto_reply"))
    read_auto_reply(*auto_reply, spec.auto_reply);
  if (auto trigger = reader.optional_object("mail_trigger"))
    read_mail_trigger(*trigger, context, mailboxes, spec.mail_trigger);
  for (auto& mail : reader.objects("human_mail"))
    spec.human_mail.push_back(read_human_mail(mail, context, mailboxes));
  if (auto list = reader.optional_object("distribution_list"))
    read_distribution_list(*list, context, spec.distribution_list);
  read_outages(reader, context, spec.outages);
  merge_outages(spec.outages, read_random_outages(reader, context.scenario, "mailbox/" + spec.id));
}

} // namespace stormsim
