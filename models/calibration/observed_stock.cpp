#include "models/calibration/observed_stock.hpp"

#include <algorithm>
#include <stdexcept>
#include <unordered_map>

namespace carecast::models::calibration {

namespace {

using Days = std::chrono::sys_days;

/// Adds one to every date index in [first, last) for the episode's state column.
void count_episode(const Episode& episode, const std::vector<Days>& days, std::size_t state,
                   std::vector<std::vector<long>>& stock) {
  Days start{episode.start};
  auto first = std::lower_bound(days.begin(), days.end(), start);
  auto last = episode.end ? std::lower_bound(days.begin(), days.end(), Days{*episode.end}) : days.end();
  for (auto day = first; day < last; ++day) ++stock[static_cast<std::size_t>(day - days.begin())][state];
}

}  // namespace

std::vector<std::vector<long>> observed_stock(const EpisodeData& data, const std::vector<std::string>& states,
                                              const std::vector<engine::Date>& dates) {
  std::vector<Days> days(dates.begin(), dates.end());
  if (!std::is_sorted(days.begin(), days.end())) throw std::invalid_argument("observed_stock: dates not in order");
  if (!days.empty() && days.back() > Days{data.observed_until})
    throw std::invalid_argument("observed_stock: " + engine::format_iso_date(dates.back()) +
                                " is after the data's last date " + engine::format_iso_date(data.observed_until));
  std::unordered_map<std::string, std::size_t> column;
  for (std::size_t s = 0; s < states.size(); ++s) column.emplace(states[s], s);
  std::vector<std::vector<long>> stock(dates.size(), std::vector<long>(states.size(), 0));
  for (const Episode& episode : data.episodes)
    if (auto found = column.find(episode.state); found != column.end())
      count_episode(episode, days, found->second, stock);
  return stock;
}

}  // namespace carecast::models::calibration
