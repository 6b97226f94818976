#include "models/calibration/school_change_estimate.hpp"

#include <boost/math/distributions/normal.hpp>

#include <chrono>
#include <cmath>
#include <stdexcept>

namespace carecast::models::calibration {

namespace {

double z_95() { return boost::math::quantile(boost::math::normal_distribution<double>(), 0.975); }

double age_at(const Episode& e) {
  auto days = (std::chrono::sys_days{e.start} - std::chrono::sys_days{e.birth}).count();
  return static_cast<double>(days) / engine::days_per_year;
}

/// The kind of move that started episode i, or nothing (an episode after an ongoing one).
std::optional<MoveKind> move_kind_of(const std::vector<Episode>& episodes, std::size_t i) {
  if (i == 0 || episodes[i - 1].child != episodes[i].child) return MoveKind::entry;
  switch (episodes[i - 1].ending) {
    case EpisodeEnding::exit: return MoveKind::entry;
    case EpisodeEnding::planned_move: return MoveKind::planned_move;
    case EpisodeEnding::breakdown_carer:
    case EpisodeEnding::breakdown_other: return MoveKind::breakdown;
    case EpisodeEnding::ongoing: return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace

ProportionEstimate estimate_proportion(std::int64_t successes, std::int64_t trials) {
  if (trials <= 0) throw std::invalid_argument("a proportion needs at least one trial");
  auto n = static_cast<double>(trials);
  double p = static_cast<double>(successes) / n;
  double z = z_95(), z2 = z * z;
  double centre = (p + z2 / (2.0 * n)) / (1.0 + z2 / n);
  double half = z / (1.0 + z2 / n) * std::sqrt(p * (1.0 - p) / n + z2 / (4.0 * n * n));
  return ProportionEstimate{successes, trials, p, std::sqrt(p * (1.0 - p) / n), std::max(0.0, centre - half),
                            std::min(1.0, centre + half)};
}

SchoolChangeEstimate SchoolChangeEstimate::estimate(const EpisodeData& data, const SchoolChangeOptions& options) {
  if (!(options.first_age < options.last_age)) throw std::invalid_argument("school age: the first age must be below the last");
  SchoolChangeEstimate estimate;
  estimate.options_ = options;
  std::array<std::int64_t, move_kinds> changes{}, moves{};
  const auto& episodes = data.episodes;
  for (std::size_t i = 0; i < episodes.size(); ++i) {
    const Episode& e = episodes[i];
    if (options.fit_until && !(e.start < *options.fit_until)) continue;
    if (e.start > data.observed_until) continue;
    double age = age_at(e);
    if (age < options.first_age || age >= options.last_age) continue;
    auto kind = move_kind_of(episodes, i);
    if (!kind) continue;
    if (!e.school_change) {
      estimate.unrecorded_ += 1;
      continue;
    }
    auto k = static_cast<std::size_t>(*kind);
    moves[k] += 1;
    changes[k] += *e.school_change ? 1 : 0;
  }
  for (std::size_t k = 0; k < move_kinds; ++k)
    if (moves[k] > 0) estimate.by_kind_[k] = estimate_proportion(changes[k], moves[k]);
  return estimate;
}

bool SchoolChangeEstimate::any() const {
  for (const auto& kind : by_kind_)
    if (kind) return true;
  return false;
}

std::string move_kind_name(MoveKind kind) {
  switch (kind) {
    case MoveKind::entry: return "entry";
    case MoveKind::planned_move: return "planned_move";
    case MoveKind::breakdown: return "breakdown";
    case MoveKind::return_home: return "return_home";
  }
  return "entry";
}

}  // namespace carecast::models::calibration
