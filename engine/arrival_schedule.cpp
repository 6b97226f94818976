#include "engine/arrival_schedule.hpp"

#include <stdexcept>
#include <string>

#include "engine/child_id.hpp"

namespace carecast::engine {

namespace {

int draw_first_state(const ArrivalGroup& group, double u) {
  for (std::size_t j = 0; j + 1 < group.first_states.size(); ++j) {
    if (u < group.first_state_shares[j]) return group.first_states[j];
    u -= group.first_state_shares[j];
  }
  return group.first_states.back();
}

Individual make_arrival(const ArrivalGroup& group, long day, std::size_t index, StreamKey key) {
  Individual child;
  child.id = arrival_child_id(day, group.key, index);
  auto stream = make_stream(key, child.id, Purpose::arrival_profile);
  double time = static_cast<double>(day) + draw_uniform(stream);
  double age = group.min_age_days + draw_uniform(stream) * (group.max_age_days - group.min_age_days);
  child.birth = time - age;
  child.entered = time;
  child.arrived = time;
  child.state = draw_first_state(group, draw_uniform(stream));
  return child;
}

}  // namespace

ArrivalSchedule::ArrivalSchedule(std::vector<ArrivalGroup> groups, ArrivalRules rules)
    : groups_(std::move(groups)), rules_(std::move(rules)) {
  std::vector<bool> key_used(max_arrival_groups, false);
  for (const ArrivalGroup& group : groups_) {
    if (group.key >= max_arrival_groups || key_used[group.key])
      throw std::invalid_argument("arrival group keys must be unique and below " +
                                  std::to_string(max_arrival_groups));
    key_used[group.key] = true;
    if (group.first_states.empty() || group.first_states.size() != group.first_state_shares.size())
      throw std::invalid_argument("an arrival group needs first states with shares");
    intensity_.push_back(intensity_of(group));
  }
}

ArrivalSchedule::DailyIntensity ArrivalSchedule::intensity_of(const ArrivalGroup& group) {
  DailyIntensity intensity{group.per_day.period(), {}, {}};
  const Axis& period = intensity.period;
  for (std::size_t p = 0; p < period.cells(); ++p) {
    // A point of cell p: its value is the rate's value at (age 0, duration 0) on any day in p.
    double lower = period.lower(p), upper = period.upper(p);
    double inside = lower > -infinity ? lower : (upper < infinity ? upper - 1.0 : 0.0);
    double mean = group.per_day.at(0.0, 0.0, inside);
    intensity.mean.push_back(mean);
    intensity.count.emplace_back(mean > 0.0 ? mean : 1.0);  // unused unless the mean is positive
  }
  return intensity;
}

double ArrivalSchedule::expected_on_day(std::size_t group, long day) const {
  const DailyIntensity& intensity = intensity_[group];
  return intensity.mean[intensity.cell_of_day(day)];
}

void ArrivalSchedule::arrivals_on_day(long day, StreamKey key, std::vector<Individual>& out,
                                      std::vector<RuleOutcome>& outcomes) const {
  for (std::size_t g = 0; g < groups_.size(); ++g) {
    const DailyIntensity& intensity = intensity_[g];
    std::size_t cell = intensity.cell_of_day(day);
    if (intensity.mean[cell] <= 0.0) continue;
    auto stream = make_stream(key, arrival_cell_key(day, groups_[g].key), Purpose::arrival_count);
    auto count = static_cast<std::size_t>(intensity.count[cell](stream));
    if (count > max_arrivals_per_day_and_group)
      throw std::runtime_error("more than " + std::to_string(max_arrivals_per_day_and_group) +
                               " arrivals in one day and group; split the groups");
    for (std::size_t i = 0; i < count; ++i) {
      Individual child = make_arrival(groups_[g], day, i, key);
      if (rules_.empty() || rules_.apply(child, key, outcomes)) out.push_back(child);
    }
  }
}

void ArrivalSchedule::arrivals_on_day(long day, StreamKey key, std::vector<Individual>& out) const {
  std::vector<RuleOutcome> ignored;
  arrivals_on_day(day, key, out, ignored);
}

}  // namespace carecast::engine
