#include "engine/arrival_schedule.hpp"

#include <boost/random/poisson_distribution.hpp>
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
  }
}

double ArrivalSchedule::expected_on_day(std::size_t group, long day) const {
  return groups_[group].per_day.at(0.0, 0.0, static_cast<double>(day) + 0.5);
}

void ArrivalSchedule::arrivals_on_day(long day, StreamKey key, std::vector<Individual>& out,
                                      std::vector<RuleOutcome>& outcomes) const {
  for (std::size_t g = 0; g < groups_.size(); ++g) {
    double mean = expected_on_day(g, day);
    if (mean <= 0.0) continue;
    auto stream = make_stream(key, arrival_cell_key(day, groups_[g].key), Purpose::arrival_count);
    auto count = static_cast<std::size_t>(boost::random::poisson_distribution<long, double>{mean}(stream));
    if (count > max_arrivals_per_day_and_group)
      throw std::runtime_error("more than " + std::to_string(max_arrivals_per_day_and_group) +
                               " arrivals in one day and group; split the groups");
    for (std::size_t i = 0; i < count; ++i) {
      Individual child = make_arrival(groups_[g], day, i, key);
      if (rules_.apply(child, key, outcomes)) out.push_back(child);
    }
  }
}

void ArrivalSchedule::arrivals_on_day(long day, StreamKey key, std::vector<Individual>& out) const {
  std::vector<RuleOutcome> ignored;
  arrivals_on_day(day, key, out, ignored);
}

}  // namespace carecast::engine
