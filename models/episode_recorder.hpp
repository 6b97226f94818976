#pragma once
// Records one replicate's simulated children as episodes, in the records calibration reads
// (calibration::Episode), so that a simulation can be calibrated back.
//
// Every stay of a child in a non-exit state is one episode: from the instant it entered the
// state to the instant it left, or ongoing at the horizon. Its ending is
//   - breakdown_carer / breakdown_other  the exit taken is a breakdown (its cause, as
//                                        BreakdownRecorder reads it from the exit's tag);
//   - exit                               otherwise, when the child reached an exit state
//                                        (ageing out included; exit_state names it);
//   - planned_move                       otherwise (the move back from the foster-carer
//                                        fallback included).
// A breakdown into an exit state names that state in exit_state too, as no episode follows.
// With a school section, school_change says whether the child changed school at the episode's
// start (the SchoolChanges observer, which must run before this one, raised the counter); it
// is empty for the first episode of an initial-stock child (no entry: nothing is known). A
// school change at a return home has no episode to be recorded on.
//
// The episodes of the warm-up are recorded too. An initial-stock child's first episode starts
// when its drawn time in state says, before the start date; its earlier history is not recorded.
//
// Recorders run one per share of a replicate's blocks, possibly on several threads; each hands
// its episodes to the replicate's EpisodeSink, which sorts them by child, so the result does not
// depend on the number of threads.
#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "engine/calendar.hpp"
#include "engine/life_observer.hpp"
#include "models/calibration/episode.hpp"
#include "models/exit_meaning.hpp"
#include "models/scenario/scenario.hpp"

namespace carecast::models {

/// One episode in model terms (day offsets, state indices), before it becomes a record.
struct RecordedEpisode {
  std::uint64_t child = 0;
  std::uint32_t sequence = 0;  // the episode's number in the child's life, from 0
  double birth = 0.0;
  double start = 0.0;
  double end = engine::infinity;   // +infinity: ongoing at the horizon
  std::int32_t state = 0;
  std::int32_t exit_state = -1;    // the exit state reached, or -1
  calibration::EpisodeEnding ending = calibration::EpisodeEnding::ongoing;
  std::int8_t school_change = -1;  // -1 not recorded, 0 no, 1 yes
};

/// Where the recorders of one replicate put their episodes. Thread-safe.
class EpisodeSink {
 public:
  /// Moves the episodes in and leaves `episodes` empty.
  void add(std::vector<RecordedEpisode>& episodes);
  /// Every episode, by child (initial stock first, then arrivals, each by id) and sequence.
  std::vector<RecordedEpisode> take_sorted();

 private:
  std::mutex mutex_;
  std::vector<RecordedEpisode> episodes_;
};

class EpisodeRecorder final : public engine::LifeObserver {
 public:
  EpisodeRecorder(const Scenario& scenario, const std::vector<ExitMeaning>& meanings, EpisodeSink& sink);
  ~EpisodeRecorder() override;  // hands the remaining episodes to the sink
  EpisodeRecorder(const EpisodeRecorder&) = delete;
  EpisodeRecorder& operator=(const EpisodeRecorder&) = delete;

  void on_arrival(engine::Individual& child) override;
  void on_stay(const engine::Individual& child, double until) override;
  void on_transition(engine::Individual& child, int from, const engine::Exit* exit) override;

 private:
  /// A child in care: its episode waiting for its ending, and what the next one starts with.
  struct OpenChild {
    RecordedEpisode pending;
    std::uint32_t next_sequence = 0;
    std::int8_t next_school_change = -1;
    std::uint16_t school_changes = 0;  // the counter when last seen
  };
  bool is_exit(int state) const { return scenario_.is_exit(state); }
  std::uint16_t school_changes(const engine::Individual& child) const;
  calibration::EpisodeEnding ending_of(const engine::Individual& child, const engine::Exit* exit) const;
  void finish(RecordedEpisode episode);

  const Scenario& scenario_;
  const std::vector<ExitMeaning>& meanings_;
  EpisodeSink& sink_;
  std::unordered_map<std::uint64_t, OpenChild> open_;
  std::vector<RecordedEpisode> done_;
};

/// One replicate's episodes as records: ids as decimal text, dates on the calendar (an instant
/// falls on the date that contains it). observed_until is the last day before the horizon, so
/// ongoing episodes are censored at the horizon.
calibration::EpisodeData to_episode_data(const std::vector<RecordedEpisode>& episodes, const Scenario& scenario,
                                         const engine::Calendar& calendar, double horizon);

/// Episodes as whole numbers, for gathering across MPI ranks: fields_per_episode per episode,
/// the replicate first, doubles by their bit patterns (exact).
inline constexpr std::size_t fields_per_episode = 10;
void encode_episodes(const std::vector<RecordedEpisode>& episodes, std::size_t replicate,
                     std::vector<std::int64_t>& out);
/// The inverse of encode_episodes over any number of replicates' episodes, by replicate.
std::map<std::size_t, std::vector<RecordedEpisode>> decode_episodes(const std::vector<std::int64_t>& encoded);

}  // namespace carecast::models
