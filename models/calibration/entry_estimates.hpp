#pragma once
// Entry rates per 1000 children and the entry mix, as the scenario's `entries:` uses them.
//
// An entry is a child's first episode, or an episode after one that ended in an exit (a
// re-entry). Entries are counted by age band at entry (completed years: ⌊(start − birth) /
// 365.25⌋) and calendar year, from `observed_from` (default: the earliest episode start) up to
// the window end (the day after observed_until, or fit_until if earlier).
//
// Only ages the simulator brings children in at count: single years of age a below the ageing-out
// age A (a < ⌈A⌉, as the scenario's entries use the population table). Entries at older ages, and
// the population at them, are left out (a warning counts the entries), so the open last band
// [e_k, ∞) is [e_k, ⌈A⌉) in effect, however far the population table goes. `calibrate` takes A
// from --ageing-out-age (default 18, as a scenario's ageing_out and `backtest`).
//
// The population at risk is person-years: for single year of age a and calendar year y,
// population[a][y] × (the share of year y inside the window). As in the simulator, years before
// the population table's first year use that first year; (age, year) pairs past its end have no
// population: their entries are left out and a warning names them.
//
//   rate per 1000 = 1000 × entries / person-years        (the MLE of a Poisson rate)
//   se            = 1000 × sqrt(entries) / person-years
//   95 % interval = exact Poisson (Garwood), as for hazards (hazard_estimates.hpp)
//
// Rates are given per age band and calendar year, and per age band over all years (what the
// scenario's rate_per_1000 takes). The mix is the share of each first state among the entries
// of an age band, with the multinomial standard error sqrt(p (1 − p) / n).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "models/calibration/episode.hpp"
#include "models/calibration/hazard_estimates.hpp"
#include "models/scenario/population_table.hpp"

namespace carecast::models::calibration {

struct EntryOptions {
  std::vector<int> age_edges{0};  // whole years, starting at 0; the last band is open
  std::optional<engine::Date> observed_from;
  std::optional<engine::Date> fit_until;  // use only entries strictly before this date
  double ageing_out_age = 18.0;           // years; no entries at or above it (see above)
};

struct EntryRate {
  std::size_t band = 0;
  std::optional<int> year;  // empty: all years
  double population_years = 0.0;
  RateEstimate per_1000;    // its exposure_years is population_years
};

struct EntryMix {
  std::size_t band = 0;
  std::int64_t entries = 0;
  std::vector<double> shares;  // by EntryEstimates::states()
  std::vector<double> se;
};

class EntryEstimates {
 public:
  /// Throws std::invalid_argument for bad age edges or an empty window.
  static EntryEstimates estimate(const EpisodeData& data, const PopulationTable& population,
                                 const EntryOptions& options);

  const std::vector<int>& age_edges() const { return age_edges_; }
  engine::Date observed_from() const { return from_; }
  engine::Date window_end() const { return end_; }  // first day not used
  /// First states of entries, in order of first appearance.
  const std::vector<std::string>& states() const { return states_; }
  const std::vector<EntryRate>& rates() const { return rates_; }            // by band, all years
  const std::vector<EntryRate>& rates_by_year() const { return by_year_; }  // by band, then year
  const std::vector<EntryMix>& mix() const { return mix_; }                 // by band
  std::int64_t entries() const { return entries_; }  // in the window, below the ageing-out age
  /// One past the oldest single year of age counted: ⌈ageing-out age⌉.
  int age_limit() const { return age_limit_; }
  const std::vector<std::string>& warnings() const { return warnings_; }

 private:
  friend class EntryCounter;
  std::vector<int> age_edges_;
  engine::Date from_{};
  engine::Date end_{};
  int age_limit_ = 18;
  std::vector<std::string> states_;
  std::vector<EntryRate> rates_;
  std::vector<EntryRate> by_year_;
  std::vector<EntryMix> mix_;
  std::int64_t entries_ = 0;
  std::vector<std::string> warnings_;
};

}  // namespace carecast::models::calibration
