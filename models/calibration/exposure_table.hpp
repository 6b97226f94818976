#pragma once
// Exposure and events per cell: the sufficient statistics of piecewise-constant hazards.
//
// Each episode is a stay at risk in its state from its start until its end, or until it is
// censored. It is split exactly at the band edges it crosses (age edges at birth + edge × 365.25
// days, time-in-state edges at start + edge × 365.25 days, period breaks at 00:00 of their date),
// and each piece adds its length, in person-years of 365.25 days, to the exposure of
// (state, cell, prior breakdowns). An event is counted in the cell the stay was in just before
// it (the left limit), which is the cell whose hazard produced it.
//
// Dates are whole days. Data are observed up to and including `observed_until`, so an ongoing
// episode is at risk until 00:00 the day after. With `fit_until` (for back-testing) only data
// strictly before that date are used, as for a simulation whose start date is `fit_until`:
// episodes starting on or after it are ignored, and stays that reach it are censored there.
//
// The event that ends an episode is a transition (from, to, kind):
//   - exit          to = the episode's exit_state;
//   - planned move  to = the state of the child's next episode;
//   - breakdown     to = the state of the child's next episode (or exit_state when the breakdown
//                   led out of care and no episode follows), with its cause counted apart;
// Exits into `ageing_out_state` are not a hazard (the scenario's ageing_out produces them):
// those stays are censored at their end. A move or breakdown whose destination is unknown (no
// next episode, no exit state) is censored too, and counted in a warning.
//
// Every exposure and event is also split by the child's breakdowns before the episode in the
// same spell in care (counting breakdowns of earlier episodes since the child's last entry: the
// count starts again at a re-entry after an exit, as in the simulator, where a re-entry is a new
// child, and in a snapshot's `breakdowns`), bucketed 0, 1, ..., cap ("cap or more"), for the
// prior-breakdown factor.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "models/calibration/calibration_bands.hpp"
#include "models/calibration/episode.hpp"

namespace carecast::models::calibration {

enum class TransitionKind { move = 0, breakdown = 1, exit = 2 };

std::string transition_kind_name(TransitionKind kind);

/// One estimable transition; `from` and `to` index ExposureTable::states().
struct TransitionKey {
  std::size_t from = 0;
  std::size_t to = 0;
  TransitionKind kind = TransitionKind::move;
  auto operator<=>(const TransitionKey&) const = default;
};

struct ExposureOptions {
  std::optional<engine::Date> fit_until;  // use only data strictly before this date
  std::string ageing_out_state;           // exits into it are censoring, not events ("" = none)
  int prior_breakdown_cap = 4;            // prior breakdowns are counted up to this many
};

/// What went into the table.
struct ExposureSummary {
  std::size_t episodes = 0;       // in the data
  std::size_t episodes_used = 0;  // starting before the end of the window
  std::size_t children = 0;       // with at least one episode used
  std::int64_t moves = 0;
  std::int64_t breakdowns = 0;
  std::int64_t exits = 0;
  std::int64_t censored_open = 0;         // ongoing at the end of the window
  std::int64_t censored_ageing_out = 0;   // exits into the ageing-out state
  std::int64_t censored_unknown = 0;      // moves or breakdowns without a known destination
  double exposure_years = 0.0;
};

class ExposureTable {
 public:
  /// Throws std::invalid_argument for bad bands or options. Runs in parallel (TBB) with a
  /// deterministic reduction: the result does not depend on the number of threads.
  static ExposureTable build(const EpisodeData& data, const CalibrationBands& bands,
                             const ExposureOptions& options = {});

  const CalibrationBands& bands() const { return bands_; }
  const ExposureOptions& options() const { return options_; }
  engine::Date observed_until() const { return observed_until_; }
  /// The first day not used: the day after observed_until, or fit_until if earlier.
  engine::Date window_end() const { return window_end_; }

  /// States in order of first appearance: episode states first, then exit states.
  const std::vector<std::string>& states() const { return states_; }
  std::size_t care_states() const { return care_states_; }
  bool is_exit(std::size_t state) const { return state >= care_states_; }
  /// Every transition with at least one event, ordered by (from, kind, to).
  const std::vector<TransitionKey>& transitions() const { return transitions_; }
  /// Prior-breakdown buckets: 0, 1, ..., cap (the last holds cap or more).
  std::size_t priors() const { return priors_; }

  double exposure_years(std::size_t state, std::size_t cell) const;
  double exposure_years(std::size_t state, std::size_t cell, std::size_t prior) const;
  std::int64_t events(std::size_t transition, std::size_t cell) const;
  std::int64_t events(std::size_t transition, std::size_t cell, std::size_t prior) const;
  /// Breakdowns only: how many of the events were carer-initiated.
  std::int64_t carer_initiated(std::size_t transition, std::size_t cell) const;

  const ExposureSummary& summary() const { return summary_; }
  const std::vector<std::string>& warnings() const { return warnings_; }

 private:
  friend class ExposureTableBuilder;
  ExposureTable() = default;

  CalibrationBands bands_;
  ExposureOptions options_;
  engine::Date observed_until_{};
  engine::Date window_end_{};
  std::vector<std::string> states_;
  std::size_t care_states_ = 0;
  std::vector<TransitionKey> transitions_;
  std::size_t priors_ = 1;
  std::vector<double> exposure_days_;  // [state][cell][prior], care states only
  std::vector<std::int64_t> events_;   // [transition][cell][prior]
  std::vector<std::int64_t> carer_;    // [transition][cell]
  ExposureSummary summary_;
  std::vector<std::string> warnings_;
};

}  // namespace carecast::models::calibration
