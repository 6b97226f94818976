#pragma once
// The probability of a school change at each kind of move (SchoolSpec::change_probability),
// from episodes that record `school_change` (a change at the episode's start):
//   entry         an entry episode (a child's first, or one after an exit)
//   planned_move  an episode after one that ended in a planned move
//   breakdown     an episode after one that ended in a breakdown
//   return_home   not estimable from episode records: a return home starts no episode, and
//                 Episode has no field for a school change at an episode's end.
// Only moves of children of school age count: age at the move (the episode's start) in
// [first_age, last_age) years, as the simulator decides it. Moves without a record are left out.
//
// Each probability is changes / moves (the binomial MLE) with se sqrt(p (1 − p) / n) and the
// Wilson score interval at 95 %, which, unlike p ± 1.96 se, stays inside [0, 1] and is not
// degenerate at 0 or n changes.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "models/calibration/episode.hpp"
#include "models/scenario/scenario.hpp"

namespace carecast::models::calibration {

struct SchoolChangeOptions {
  double first_age = 6.0;  // school age [first_age, last_age), years
  double last_age = 16.0;
  std::optional<engine::Date> fit_until;  // use only moves strictly before this date
};

struct ProportionEstimate {
  std::int64_t successes = 0;
  std::int64_t trials = 0;
  double p = 0.0;
  double se = 0.0;
  double lower = 0.0;  // 95 % Wilson interval
  double upper = 1.0;
};

/// successes / trials with its binomial se and Wilson interval; trials must be above 0.
ProportionEstimate estimate_proportion(std::int64_t successes, std::int64_t trials);

class SchoolChangeEstimate {
 public:
  /// Throws std::invalid_argument for a bad age range.
  static SchoolChangeEstimate estimate(const EpisodeData& data, const SchoolChangeOptions& options);

  /// The estimate for a kind of move, or nothing when no move of that kind was recorded.
  const std::optional<ProportionEstimate>& of(MoveKind kind) const { return by_kind_[static_cast<std::size_t>(kind)]; }
  bool any() const;
  const SchoolChangeOptions& options() const { return options_; }
  /// Moves of school-age children with no school_change recorded (left out).
  std::int64_t unrecorded() const { return unrecorded_; }

 private:
  SchoolChangeOptions options_;
  std::array<std::optional<ProportionEstimate>, move_kinds> by_kind_{};
  std::int64_t unrecorded_ = 0;
};

std::string move_kind_name(MoveKind kind);

}  // namespace carecast::models::calibration
