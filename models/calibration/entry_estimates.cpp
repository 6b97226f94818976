#include "models/calibration/entry_estimates.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <stdexcept>
#include <unordered_map>

namespace carecast::models::calibration {

namespace {

long day_number(const engine::Date& date) { return std::chrono::sys_days{date}.time_since_epoch().count(); }

engine::Date first_of_year(int year) { return std::chrono::year{year} / std::chrono::January / 1; }

void check_age_edges(const std::vector<int>& edges) {
  if (edges.empty() || edges.front() != 0) throw std::invalid_argument("entry age band edges must start at 0");
  for (std::size_t i = 1; i < edges.size(); ++i)
    if (edges[i] <= edges[i - 1]) throw std::invalid_argument("entry age band edges must be strictly increasing");
}

/// One past the oldest single year of age at which the simulator brings children in: the
/// scenario's arrival groups are the whole years a < ⌈ageing-out age⌉.
int entry_age_limit(double ageing_out_age) {
  if (!(ageing_out_age > 0.0) || !std::isfinite(ageing_out_age))
    throw std::invalid_argument("the ageing-out age must be a positive number of years");
  return static_cast<int>(std::ceil(ageing_out_age));
}

bool is_entry(const std::vector<Episode>& episodes, std::size_t i) {
  return i == 0 || episodes[i - 1].child != episodes[i].child || episodes[i - 1].ending == EpisodeEnding::exit;
}

int completed_years(const Episode& e) {
  auto days = static_cast<double>(day_number(e.start) - day_number(e.birth));
  return std::max(0, static_cast<int>(std::floor(days / engine::days_per_year)));
}

}  // namespace

/// Counts entries by single year of age, year and first state, then turns them into rates.
class EntryCounter {
 public:
  EntryCounter(const EpisodeData& data, const PopulationTable& population, const EntryOptions& options)
      : data_(data), population_(population) {
    check_age_edges(options.age_edges);
    if (population.empty()) throw std::invalid_argument("entry rates need a population table");
    e_.age_edges_ = options.age_edges;
    e_.age_limit_ = entry_age_limit(options.ageing_out_age);
    ageing_out_age_ = options.ageing_out_age;
    e_.from_ = options.observed_from ? *options.observed_from : earliest_start(data_);
    engine::Date after_observed{std::chrono::sys_days{data.observed_until} + std::chrono::days{1}};
    e_.end_ = options.fit_until ? std::min(*options.fit_until, after_observed) : after_observed;
    if (!(e_.from_ < e_.end_))
      throw std::invalid_argument(fmt::format("no time to count entries in: from {} to before {}",
                                              engine::format_iso_date(e_.from_), engine::format_iso_date(e_.end_)));
  }

  EntryEstimates estimate() {
    count_entries();
    rates_by_band_and_year();
    rates_by_band();
    mix_by_band();
    return std::move(e_);
  }

 private:
  std::size_t band_of(int age) const {
    const auto& edges = e_.age_edges_;
    return static_cast<std::size_t>(std::upper_bound(edges.begin() + 1, edges.end(), age) - edges.begin()) - 1;
  }

  /// One past the band's last single year of age that can enter care: the open last band, and
  /// any band reaching past it, ends below the ageing-out age.
  int band_end(std::size_t band) const {
    int upper = band + 1 < e_.age_edges_.size() ? e_.age_edges_[band + 1] : e_.age_limit_;
    return std::min(upper, e_.age_limit_);
  }

  std::size_t state_id(const std::string& name) {
    auto [found, added] = ids_.try_emplace(name, e_.states_.size());
    if (added) e_.states_.push_back(name);
    return found->second;
  }

  void count_entries() {
    const auto& episodes = data_.episodes;
    mix_counts_.assign(e_.age_edges_.size(), {});
    for (std::size_t i = 0; i < episodes.size(); ++i) {
      const Episode& e = episodes[i];
      if (e.start < e_.from_ || !(e.start < e_.end_) || !is_entry(episodes, i)) continue;
      int age = completed_years(e);
      if (age >= e_.age_limit_) {
        too_old_ += 1;
        continue;
      }
      int year = static_cast<int>(e.start.year());
      entries_[{age, year}] += 1;
      std::size_t state = state_id(e.state);
      auto& counts = mix_counts_[band_of(age)];
      counts.resize(e_.states_.size(), 0);
      counts[state] += 1;
      e_.entries_ += 1;
    }
    if (too_old_ > 0)
      e_.warnings_.push_back(fmt::format("{} entries at ages at or above the ageing-out age {} (--ageing-out-age); "
                                         "left out of the entry rates and the mix, as the simulator brings in "
                                         "no children that old",
                                         too_old_, ageing_out_age_));
  }

  /// The share of calendar year `year` inside the window.
  double year_share(int year) const {
    long first = std::max(day_number(first_of_year(year)), day_number(e_.from_));
    long last = std::min(day_number(first_of_year(year + 1)), day_number(e_.end_));
    auto days_in_year = static_cast<double>(day_number(first_of_year(year + 1)) - day_number(first_of_year(year)));
    return std::max(0L, last - first) / days_in_year;
  }

  std::optional<double> population_of(int age, int year) const {
    return population_.at(age, std::max(year, population_.first_year()));
  }

  std::int64_t entries_at(int age, int year) const {
    auto found = entries_.find({age, year});
    return found == entries_.end() ? 0 : found->second;
  }

  EntryRate band_year_rate(std::size_t band, int year) {
    EntryRate rate{band, year, 0.0, {}};
    std::int64_t entries = 0;
    for (int age = e_.age_edges_[band]; age < band_end(band); ++age) {
      auto population = population_of(age, year);
      if (!population) {
        left_out_ += entries_at(age, year);
        continue;
      }
      rate.population_years += *population * year_share(year);
      entries += entries_at(age, year);
    }
    rate.per_1000 = per_1000(entries, rate.population_years);
    return rate;
  }

  static RateEstimate per_1000(std::int64_t entries, double population_years) {
    RateEstimate r = estimate_rate(entries, population_years);
    r.rate *= 1000.0;
    r.se *= 1000.0;
    r.lower *= 1000.0;
    r.upper *= 1000.0;
    return r;
  }

  void rates_by_band_and_year() {
    int first_year = static_cast<int>(e_.from_.year());
    int last_year = static_cast<int>(engine::Date{std::chrono::sys_days{e_.end_} - std::chrono::days{1}}.year());
    for (std::size_t band = 0; band < e_.age_edges_.size(); ++band)
      for (int year = first_year; year <= last_year; ++year) e_.by_year_.push_back(band_year_rate(band, year));
    if (left_out_ > 0)
      e_.warnings_.push_back(fmt::format("{} entries at ages or in years the population table does not cover; left out "
                                         "of the entry rates",
                                         left_out_));
  }

  void rates_by_band() {
    for (std::size_t band = 0; band < e_.age_edges_.size(); ++band) {
      std::int64_t entries = 0;
      double population_years = 0.0;
      for (const EntryRate& r : e_.by_year_)
        if (r.band == band) {
          entries += r.per_1000.events;
          population_years += r.population_years;
        }
      e_.rates_.push_back(EntryRate{band, std::nullopt, population_years, per_1000(entries, population_years)});
    }
  }

  void mix_by_band() {
    for (std::size_t band = 0; band < mix_counts_.size(); ++band) {
      std::vector<std::int64_t> counts = mix_counts_[band];
      counts.resize(e_.states_.size(), 0);
      EntryMix mix{band, 0, {}, {}};
      for (std::int64_t c : counts) mix.entries += c;
      for (std::int64_t c : counts) {
        double n = static_cast<double>(mix.entries);
        double p = mix.entries > 0 ? static_cast<double>(c) / n : 0.0;
        mix.shares.push_back(p);
        mix.se.push_back(mix.entries > 0 ? std::sqrt(p * (1.0 - p) / n) : 0.0);
      }
      e_.mix_.push_back(std::move(mix));
    }
  }

  const EpisodeData& data_;
  const PopulationTable& population_;
  EntryEstimates e_;
  std::unordered_map<std::string, std::size_t> ids_;
  std::map<std::pair<int, int>, std::int64_t> entries_;  // (age, year) → entries
  std::vector<std::vector<std::int64_t>> mix_counts_;     // [band][state]
  std::int64_t left_out_ = 0;
  std::int64_t too_old_ = 0;
  double ageing_out_age_ = 18.0;
};

EntryEstimates EntryEstimates::estimate(const EpisodeData& data, const PopulationTable& population,
                                        const EntryOptions& options) {
  return EntryCounter(data, population, options).estimate();
}

}  // namespace carecast::models::calibration
