#pragma once
// New children arriving as a Poisson process, in groups (e.g. single years of age) whose daily
// intensity is piecewise constant over calendar periods.
#include <boost/random/poisson_distribution.hpp>
#include <cstddef>
#include <vector>

#include "engine/arrival_rule.hpp"
#include "engine/individual.hpp"
#include "engine/piecewise_rate.hpp"
#include "engine/random_stream.hpp"

namespace carecast::engine {

struct ArrivalGroup {
  std::size_t key = 0;        // stable identity, below max_arrival_groups (e.g. the age in years)
  double min_age_days = 0.0;  // an arrival's age is uniform on [min_age_days, max_age_days)
  double max_age_days = 0.0;
  PiecewiseRate per_day;      // expected arrivals per day; only its period axis is used
  std::vector<int> first_states;
  std::vector<double> first_state_shares;  // sums to one
};

class ArrivalSchedule {
 public:
  ArrivalSchedule() = default;
  explicit ArrivalSchedule(std::vector<ArrivalGroup> groups, ArrivalRules rules = {});

  const std::vector<ArrivalGroup>& groups() const { return groups_; }
  const ArrivalRules& rules() const { return rules_; }
  /// Expected arrivals of a group on the whole day starting at `day`.
  double expected_on_day(std::size_t group, long day) const;
  /// Appends the children arriving on day `day` (at times in [day, day + 1)), after the rules
  /// acted on them; what the rules did is appended to `outcomes`.
  void arrivals_on_day(long day, StreamKey key, std::vector<Individual>& out,
                       std::vector<RuleOutcome>& outcomes) const;
  /// The same, for callers that do not need to know what the rules did.
  void arrivals_on_day(long day, StreamKey key, std::vector<Individual>& out) const;

 private:
  /// A group's expected arrivals per day and their Poisson law, by cell of its period axis:
  /// looked up once per day and group instead of rebuilt.
  struct DailyIntensity {
    Axis period;
    std::vector<double> mean;  // [period cell]
    std::vector<boost::random::poisson_distribution<long, double>> count;  // [period cell]
    std::size_t cell_of_day(long day) const { return period.cell_of(static_cast<double>(day) + 0.5); }
  };
  static DailyIntensity intensity_of(const ArrivalGroup& group);

  std::vector<ArrivalGroup> groups_;
  ArrivalRules rules_;
  std::vector<DailyIntensity> intensity_;  // [group]
};

}  // namespace carecast::engine
