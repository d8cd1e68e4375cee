#include "scenario/LoadContext.hpp"

#include <regex>

#include "core/Random.hpp"

namespace stormsim {

std::string LoadContext::read_id(ObjectReader& reader, std::map<std::string, std::size_t>& table, std::size_t index,
                                 const char* kind)
{
  static const std::regex id_form("[A-Za-z0-9][A-Za-z0-9_.-]*");
  const std::string id = reader.string("id");
  if (!std::regex_match(id, id_form))
    reader.fail("id", "invalid " + std::string(kind) + " id \"" + id +
                          "\", expected letters, digits, '-', '_' or '.' starting with a letter or digit");
  if (!table.emplace(id, index).second)
    reader.fail("id", "duplicate " + std::string(kind) + " id \"" + id + "\"");
  return id;
}

std::size_t LoadContext::resolve(ObjectReader& reader, const std::string& key,
                                 const std::map<std::string, std::size_t>& table, const char* kind)
{
  return resolve_name(reader, key, reader.string(key), table, kind);
}

std::size_t LoadContext::resolve_name(ObjectReader& reader, const std::string& key, const std::string& name,
                                      const std::map<std::string, std::size_t>& table, const char* kind)
{
  auto it = table.find(name);
  if (it != table.end())
    return it->second;
  std::string known;
  for (const auto& [id, index] : table)
    known += (known.empty() ? "" : ", ") + id;
  reader.fail(key, "unknown " + std::string(kind) + " \"" + name + "\", expected one of: " +
                       (known.empty() ? "(none is defined)" : known));
}

std::vector<std::pair<double, double>> read_random_outages(ObjectReader& reader, const Scenario& scenario,
                                                           const std::string& stream)
{
  std::vector<std::pair<double, double>> windows;
  auto random = reader.optional_object("random_outages");
  if (!random)
    return windows;
  const double rate = random->rate("rate").per_second();
  const double length = random->duration("duration");
  if (length <= 0)
    random->fail("duration", "expected a positive duration, found \"0s\"");
  random->finish();
  Rng rng(scenario.seed, "outages/" + stream);
  for (double t = rng.exponential(1.0 / rate); t < scenario.duration; t += rng.exponential(1.0 / rate)) {
    if (!windows.empty() && t <= windows.back().second)
      windows.back().second = std::max(windows.back().second, t + length);
    else
      windows.emplace_back(t, t + length);
  }
  return windows;
}

} // namespace stormsim
