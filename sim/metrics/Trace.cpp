#include "metrics/Trace.hpp"

#include "core/InputError.hpp"
#include "model/guard/Guard.hpp"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cmath>
#include <cstring>

namespace stormsim {

Trace::Trace(const std::string& path, std::vector<std::string> flows, std::vector<std::string> mailboxes,
             std::vector<std::string> sources, const std::vector<std::string>* recipients)
    : out_(path, std::ios::binary)
    , flows_(std::move(flows))
    , mailboxes_(std::move(mailboxes))
    , sources_(std::move(sources))
    , recipients_(recipients)
{
  if (!out_)
    throw InputError(path + ": cannot write trace file: " + std::strerror(errno));
}

void Trace::write(double now, const std::string& guard, const char* decision, const char* reason, const Email& item)
{
  nlohmann::ordered_json line;
  line["t_s"] = std::round(now * 1000.0) / 1000.0;
  line["guard"] = guard;
  line["decision"] = decision;
  line["reason"] = reason;
  line["item"] = item.step == no_index ? "trigger" : "email";
  line["flow"] = item.flow == no_index ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(flows_[item.flow]);
  if (item.mailbox != no_index)
    line["mailbox"] = mailboxes_[item.mailbox];
  line["recipient"] = (*recipients_)[item.recipient];
  line["wanted"] = item.wanted;
  // Mail that people write and reply-alls start from no source event; their lineage names no source.
  const bool has_source = item.delivery.source < sources_.size();
  line["lineage"] = {{"source", has_source ? nlohmann::ordered_json(sources_[item.delivery.source]) : nullptr},
                     {"event", item.delivery.event},
                     {"origin", origin_name(item.delivery.origin)}};
  out_ << line.dump() << '\n';
}

} // namespace stormsim
