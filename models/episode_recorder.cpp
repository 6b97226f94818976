#include "models/episode_recorder.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <stdexcept>
#include <string>

#include "engine/child_id.hpp"
#include "models/history_counter.hpp"

namespace carecast::models {

namespace {

using calibration::EpisodeEnding;

constexpr std::size_t episodes_per_handover = 4096;

bool is_initial_stock(std::uint64_t id) { return (id & engine::initial_child_id(0)) != 0; }

/// Initial-stock children first, then arrivals; each by id, then by episode.
bool child_order(const RecordedEpisode& a, const RecordedEpisode& b) {
  bool a_initial = is_initial_stock(a.child), b_initial = is_initial_stock(b.child);
  if (a_initial != b_initial) return a_initial;
  if (a.child != b.child) return a.child < b.child;
  return a.sequence < b.sequence;
}

std::optional<bool> school_change_of(std::int8_t recorded) {
  if (recorded < 0) return std::nullopt;
  return recorded == 1;
}

calibration::Episode to_record(const RecordedEpisode& e, const Scenario& scenario, const engine::Calendar& calendar) {
  calibration::Episode record;
  record.child = std::to_string(e.child);
  record.birth = calendar.date_at(e.birth);
  record.start = calendar.date_at(e.start);
  if (std::isfinite(e.end)) record.end = calendar.date_at(e.end);
  record.state = scenario.states[static_cast<std::size_t>(e.state)].name;
  record.ending = e.ending;
  if (e.exit_state >= 0) record.exit_state = scenario.states[static_cast<std::size_t>(e.exit_state)].name;
  record.school_change = school_change_of(e.school_change);
  return record;
}

std::int64_t bits_of(double x) { return std::bit_cast<std::int64_t>(x); }
double double_of(std::int64_t bits) { return std::bit_cast<double>(bits); }

}  // namespace

void EpisodeSink::add(std::vector<RecordedEpisode>& episodes) {
  std::lock_guard lock(mutex_);
  episodes_.insert(episodes_.end(), episodes.begin(), episodes.end());
  episodes.clear();
}

std::vector<RecordedEpisode> EpisodeSink::take_sorted() {
  std::lock_guard lock(mutex_);
  std::vector<RecordedEpisode> sorted = std::move(episodes_);
  episodes_.clear();
  std::sort(sorted.begin(), sorted.end(), child_order);
  return sorted;
}

EpisodeRecorder::EpisodeRecorder(const Scenario& scenario, const std::vector<ExitMeaning>& meanings, EpisodeSink& sink)
    : scenario_(scenario), meanings_(meanings), sink_(sink) {}

EpisodeRecorder::~EpisodeRecorder() { sink_.add(done_); }

std::uint16_t EpisodeRecorder::school_changes(const engine::Individual& child) const {
  return child.history[static_cast<std::size_t>(HistoryCounter::school_changes)];
}

void EpisodeRecorder::on_arrival(engine::Individual& child) {
  OpenChild& open = open_[child.id];
  open.school_changes = school_changes(child);
  // Arrivals start with no school change, so a counter above 0 is a change at entry.
  if (scenario_.school.enabled) open.next_school_change = open.school_changes > 0 ? 1 : 0;
}

void EpisodeRecorder::on_stay(const engine::Individual& child, double until) {
  if (is_exit(child.state)) {
    open_.erase(child.id);
    return;
  }
  auto [found, first_seen] = open_.try_emplace(child.id);
  OpenChild& open = found->second;
  if (first_seen) open.school_changes = school_changes(child);  // an initial-stock child
  RecordedEpisode& e = open.pending;
  e = RecordedEpisode{child.id, open.next_sequence++, child.birth, child.entered, until, child.state, -1,
                      EpisodeEnding::ongoing, open.next_school_change};
  if (std::isinf(until)) {
    finish(e);
    open_.erase(found);
  }
}

EpisodeEnding EpisodeRecorder::ending_of(const engine::Individual& child, const engine::Exit* exit) const {
  const ExitMeaning* meaning = meaning_of(exit, meanings_);
  if (meaning != nullptr && meaning->breakdown)
    return meaning->cause == BreakdownCause::carer_initiated ? EpisodeEnding::breakdown_carer
                                                             : EpisodeEnding::breakdown_other;
  return is_exit(child.state) ? EpisodeEnding::exit : EpisodeEnding::planned_move;
}

void EpisodeRecorder::on_transition(engine::Individual& child, int, const engine::Exit* exit) {
  auto found = open_.find(child.id);
  if (found == open_.end()) throw std::logic_error("episode recorder: a transition without a stay before it");
  OpenChild& open = found->second;
  open.pending.ending = ending_of(child, exit);
  if (is_exit(child.state)) open.pending.exit_state = child.state;
  finish(open.pending);
  std::uint16_t now = school_changes(child);
  if (scenario_.school.enabled) open.next_school_change = now > open.school_changes ? 1 : 0;
  open.school_changes = now;
}

void EpisodeRecorder::finish(RecordedEpisode episode) {
  done_.push_back(episode);
  if (done_.size() >= episodes_per_handover) sink_.add(done_);
}

calibration::EpisodeData to_episode_data(const std::vector<RecordedEpisode>& episodes, const Scenario& scenario,
                                         const engine::Calendar& calendar, double horizon) {
  calibration::EpisodeData data;
  data.episodes.reserve(episodes.size());
  for (const RecordedEpisode& e : episodes) data.episodes.push_back(to_record(e, scenario, calendar));
  data.observed_until = calendar.date_at(horizon - 1.0);
  data.has_school_change_column = true;  // as the generic writer writes them
  return data;
}

void encode_episodes(const std::vector<RecordedEpisode>& episodes, std::size_t replicate,
                     std::vector<std::int64_t>& out) {
  for (const RecordedEpisode& e : episodes)
    out.insert(out.end(), {static_cast<std::int64_t>(replicate), static_cast<std::int64_t>(e.child),
                           static_cast<std::int64_t>(e.sequence), bits_of(e.birth), bits_of(e.start), bits_of(e.end),
                           e.state, e.exit_state, static_cast<std::int64_t>(e.ending), e.school_change});
}

std::map<std::size_t, std::vector<RecordedEpisode>> decode_episodes(const std::vector<std::int64_t>& encoded) {
  if (encoded.size() % fields_per_episode != 0) throw std::logic_error("decode_episodes: a truncated episode");
  std::map<std::size_t, std::vector<RecordedEpisode>> by_replicate;
  for (std::size_t i = 0; i < encoded.size(); i += fields_per_episode) {
    const std::int64_t* f = &encoded[i];
    RecordedEpisode e{static_cast<std::uint64_t>(f[1]),         static_cast<std::uint32_t>(f[2]),
                      double_of(f[3]),                          double_of(f[4]),
                      double_of(f[5]),                          static_cast<std::int32_t>(f[6]),
                      static_cast<std::int32_t>(f[7]),          static_cast<EpisodeEnding>(f[8]),
                      static_cast<std::int8_t>(f[9])};
    by_replicate[static_cast<std::size_t>(f[0])].push_back(e);
  }
  return by_replicate;
}

}  // namespace carecast::models
