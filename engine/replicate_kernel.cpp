#include "engine/replicate_kernel.hpp"

#include <algorithm>
#include <cmath>

#include "engine/child_id.hpp"
#include "engine/transition_sampler.hpp"

namespace carecast::engine {

namespace {

std::size_t blocks_for(std::size_t items, std::size_t per_block) {
  return (items + per_block - 1) / per_block;
}

}  // namespace

Individual materialize_initial_child(const InitialChild& spec, std::size_t row, StreamKey key) {
  return materialize_initial_child(spec, row, make_stream(key, initial_child_id(row), Purpose::initial_profile));
}

Individual materialize_initial_child(const InitialChild& spec, std::size_t row, RandomStream stream) {
  Individual child;
  child.id = initial_child_id(row);
  double lowest = std::max({spec.min_age_days, spec.days_in_state, spec.days_in_care});
  double age = lowest + draw_uniform(stream) * std::max(0.0, spec.max_age_days - lowest);
  child.birth = -age;
  child.entered = -spec.days_in_state;
  child.arrived = -std::max(spec.days_in_care, spec.days_in_state);
  child.state = spec.state;
  child.history = spec.history;
  return child;
}

ReplicateKernel::ReplicateKernel(const MultistateModel& model, const ArrivalSchedule& arrivals,
                                 const std::vector<InitialChild>& initial, KernelSpan span)
    : model_(model), absorbing_(model.absorbing.begin(), model.absorbing.end()), arrivals_(arrivals),
      initial_(initial), span_(span) {
  initial_blocks_ = blocks_for(initial_.size(), initial_children_per_block);
  auto arrival_days = static_cast<std::size_t>(
      std::max(0.0, std::ceil(span_.horizon) - static_cast<double>(span_.first_arrival_day)));
  arrival_blocks_ = blocks_for(arrival_days, static_cast<std::size_t>(arrival_days_per_block));
}

void ReplicateKernel::run_block(std::size_t block, StreamKey key, LifeObserver& observer) const {
  if (block < initial_blocks_)
    run_initial_block(block, key, observer);
  else
    run_arrival_block(block - initial_blocks_, key, observer);
}

void ReplicateKernel::run_initial_block(std::size_t block, StreamKey key,
                                        LifeObserver& observer) const {
  std::size_t first = block * initial_children_per_block;
  std::size_t last = std::min(initial_.size(), first + initial_children_per_block);
  std::vector<std::uint64_t> ids;
  std::vector<RandomStream> profiles, transitions;
  for (std::size_t batch = first; batch < last; batch += initial_children_per_batch) {
    std::size_t end = std::min(last, batch + initial_children_per_batch);
    ids.clear();
    for (std::size_t row = batch; row < end; ++row) ids.push_back(initial_child_id(row));
    make_streams(key, ids, static_cast<std::uint64_t>(Purpose::initial_profile), profiles);
    make_streams(key, ids, static_cast<std::uint64_t>(Purpose::transition), transitions);
    for (std::size_t row = batch; row < end; ++row)
      follow(materialize_initial_child(initial_[row], row, profiles[row - batch]), 0.0, key, observer,
             transitions[row - batch]);
  }
}

void ReplicateKernel::run_arrival_block(std::size_t block, StreamKey key,
                                        LifeObserver& observer) const {
  long first_day = span_.first_arrival_day + static_cast<long>(block) * arrival_days_per_block;
  long end_day = std::min(first_day + arrival_days_per_block,
                          static_cast<long>(std::ceil(span_.horizon)));
  std::vector<Individual> arrivals;
  std::vector<RuleOutcome> outcomes;
  std::vector<std::uint64_t> ids;
  std::vector<RandomStream> firsts;  // each arrival's first transition stream
  for (long day = first_day; day < end_day; ++day) {
    arrivals.clear();
    outcomes.clear();
    arrivals_.arrivals_on_day(day, key, arrivals, outcomes);
    for (const RuleOutcome& outcome : outcomes)
      if (outcome.child.entered < span_.horizon) observer.on_arrival_rule(outcome);
    ids.clear();
    for (const Individual& child : arrivals) ids.push_back(child.id);  // event number 0
    make_streams(key, ids, static_cast<std::uint64_t>(Purpose::transition), firsts);
    for (std::size_t i = 0; i < arrivals.size(); ++i) {
      Individual child = arrivals[i];
      if (child.entered >= span_.horizon) continue;
      observer.on_arrival(child);
      follow(child, child.entered, key, observer, firsts[i]);
    }
  }
}

void ReplicateKernel::follow(Individual child, double from, StreamKey key,
                             LifeObserver& observer) const {
  follow(child, from, key, observer, make_stream(key, child.id, Purpose::transition, child.events));
}

void ReplicateKernel::follow(Individual child, double from, StreamKey key, LifeObserver& observer,
                             RandomStream first) const {
  auto next = plan_next(child, from, first);
  while (next) {
    apply_move(child, next->to, next->time, next->exit, observer);
    from = child.entered;
    next = plan_next(child, from, key);
  }
  observer.on_stay(child, infinity);
}

std::optional<PlannedMove> ReplicateKernel::plan_next(const Individual& child, double from,
                                                      StreamKey key) const {
  if (absorbing_[static_cast<std::size_t>(child.state)]) return std::nullopt;  // no stream needed
  auto stream = make_stream(key, child.id, Purpose::transition, child.events);
  return plan_next(child, from, stream);
}

std::optional<PlannedMove> ReplicateKernel::plan_next(const Individual& child, double from,
                                                      RandomStream& stream) const {
  if (absorbing_[static_cast<std::size_t>(child.state)]) return std::nullopt;
  double age_out = child.birth + model_.age_out_days;
  double limit = std::max(from, std::min(span_.horizon, age_out));
  const StateHazards& hazards = model_.leaving[static_cast<std::size_t>(child.state)];
  if (auto next = sample_transition(hazards, child, from, limit, stream)) {
    const Exit& exit = hazards.exit(next->exit);
    return PlannedMove{next->time, exit.to, &exit};
  }
  if (limit < span_.horizon) return PlannedMove{limit, model_.age_out_state, nullptr};
  return std::nullopt;
}

void apply_move(Individual& child, int to, double time, const Exit* exit, LifeObserver& observer) {
  observer.on_stay(child, time);
  int from = child.state;
  child.state = to;
  child.entered = time;
  child.events += 1;
  if (exit != nullptr && exit->increments >= 0)
    child.history[static_cast<std::size_t>(exit->increments)] += 1;
  observer.on_transition(child, from, exit);
}

}  // namespace carecast::engine
