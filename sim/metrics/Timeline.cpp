#include "metrics/Timeline.hpp"

#include "core/Units.hpp"

#include <algorithm>
#include <cmath>
#include <ostream>

namespace stormsim {

void Timeline::add_component(std::string name, std::string kind)
{
  names_.push_back(std::move(name));
  kinds_.push_back(std::move(kind));
  buckets_.emplace_back();
}

TimelineBucket& Timeline::at(std::size_t component, double now)
{
  auto& series = buckets_[component];
  const auto index = static_cast<std::size_t>(now / bucket_seconds);
  if (index >= series.size())
    series.resize(index + 1);
  return series[index];
}

void Timeline::write_csv(std::ostream& out, const DateTime& start, double end_s) const
{
  out << "time,t_s,component,kind,runs_started,runs_unwanted,emails_submitted,emails_delivered,wanted_delivered,"
         "unwanted_delivered,blocked,rejected,queued\n";
  const auto minutes = static_cast<std::size_t>(std::ceil(end_s / bucket_seconds));
  std::vector<std::int64_t> queued(names_.size(), 0);
  const TimelineBucket empty;
  for (std::size_t minute = 0; minute < minutes; ++minute) {
    const double t = static_cast<double>(minute) * bucket_seconds;
    for (std::size_t c = 0; c < names_.size(); ++c) {
      const auto& series = buckets_[c];
      const TimelineBucket& b = minute < series.size() ? series[minute] : empty;
      if (b.queued >= 0)
        queued[c] = b.queued;
      out << format_date_time(start, t) << ',' << static_cast<std::int64_t>(t) << ',' << names_[c] << ','
          << kinds_[c] << ',' << b.runs_started << ',' << b.runs_unwanted << ',' << b.emails_submitted << ','
          << b.emails_delivered << ',' << b.wanted_delivered << ',' << b.unwanted_delivered << ',' << b.blocked << ','
          << b.rejected << ',' << queued[c] << '\n';
    }
  }
}

std::uint64_t Timeline::peak_delivered_per_minute() const
{
  std::vector<std::uint64_t> per_minute;
  for (std::size_t c = 0; c < names_.size(); ++c) {
    if (kinds_[c] != "mailbox")
      continue;
    const auto& series = buckets_[c];
    if (series.size() > per_minute.size())
      per_minute.resize(series.size(), 0);
    for (std::size_t minute = 0; minute < series.size(); ++minute)
      per_minute[minute] += series[minute].emails_delivered;
  }
  return per_minute.empty() ? 0 : *std::max_element(per_minute.begin(), per_minute.end());
}

} // namespace stormsim
