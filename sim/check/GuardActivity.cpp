// Reads the guards section of summaries to tell whether a guard ever acted.
#include "check/GuardActivity.hpp"

namespace stormsim {
namespace {

bool acted(const nlohmann::ordered_json& guard)
{
  for (const char* count : {"blocked", "delayed", "held"}) {
    auto it = guard.find(count);
    if (it != guard.end() && it->is_number() && it->get<double>() > 0)
      return true;
  }
  auto trips = guard.find("trips");
  return trips != guard.end() && trips->is_array() && !trips->empty();
}

bool acted_in(const nlohmann::ordered_json& summary, const std::string& id)
{
  auto guards = summary.find("guards");
  if (guards == summary.end() || !guards->is_object())
    return false;
  auto guard = guards->find(id);
  return guard != guards->end() && acted(*guard);
}

} // namespace

std::vector<std::string> idle_guards(const std::vector<std::string>& guard_ids,
                                     const std::vector<nlohmann::ordered_json>& summaries)
{
  std::vector<std::string> idle;
  for (const auto& id : guard_ids) {
    bool any = false;
    for (const auto& summary : summaries)
      any = any || acted_in(summary, id);
    if (!any)
      idle.push_back(id);
  }
  return idle;
}

} // namespace stormsim
