#include "models/calibration/exposure_table.hpp"

#include <fmt/format.h>
#include <tbb/blocked_range.h>
#include <tbb/parallel_reduce.h>

#include <algorithm>
#include <chrono>
#include <limits>
#include <stdexcept>
#include <tuple>
#include <unordered_map>

#include "models/config/input_error.hpp"

namespace carecast::models::calibration {

namespace {

constexpr double days_per_year = engine::days_per_year;
constexpr double never = std::numeric_limits<double>::infinity();
constexpr std::size_t episodes_per_task = 8192;

double day_number(const engine::Date& date) {
  return static_cast<double>(std::chrono::sys_days{date}.time_since_epoch().count());
}

/// How one episode enters the table, decided in the sequential pass.
struct EpisodeFate {
  std::int32_t state = -1;       // -1: not used (starts after the window)
  std::int32_t transition = -1;  // -1: censored
  std::uint16_t prior = 0;       // prior-breakdown bucket
  bool carer = false;            // a carer-initiated breakdown
  double end_day = 0.0;          // the end of the stay at risk (event or censoring)
};

/// A transition before the keys are sorted: (from, to, kind) as state ids.
using RawKey = TransitionKey;

struct RawKeyHash {
  std::size_t operator()(const RawKey& key) const {
    return (key.from * 1000003u + key.to) * 3u + static_cast<std::size_t>(key.kind);
  }
};

bool is_breakdown(EpisodeEnding ending) {
  return ending == EpisodeEnding::breakdown_carer || ending == EpisodeEnding::breakdown_other;
}

/// The band holding x among bands whose lower edges are `lowers` (lowers[0] is the first lower
/// edge; values below it fall into the first band).
std::size_t band_of(const std::vector<double>& lowers, double x) {
  auto above = std::upper_bound(lowers.begin() + 1, lowers.end(), x);
  return static_cast<std::size_t>(above - lowers.begin()) - 1;
}

std::size_t period_of(const std::vector<double>& breaks, double day) {
  return static_cast<std::size_t>(std::upper_bound(breaks.begin(), breaks.end(), day) - breaks.begin());
}

/// Band edges in days, as the walk needs them.
struct DayEdges {
  std::vector<double> age;       // lower edges, days since birth
  std::vector<double> duration;  // lower edges, days since the episode's start
  std::vector<double> breaks;    // day numbers of the period breaks
};

DayEdges day_edges(const CalibrationBands& bands) {
  DayEdges edges;
  for (double e : bands.age_edges) edges.age.push_back(e * days_per_year);
  for (double e : bands.duration_edges) edges.duration.push_back(e * days_per_year);
  for (const engine::Date& b : bands.period_breaks) edges.breaks.push_back(day_number(b));
  return edges;
}

/// One stay at risk, in day numbers.
struct Stay {
  double birth = 0.0;
  double start = 0.0;
  double end = 0.0;
};

/// The running sums of one share of the episodes.
class Accumulator {
 public:
  Accumulator(std::size_t care_states, std::size_t transitions, std::size_t cells, std::size_t priors)
      : cells_(cells), priors_(priors), exposure_(care_states * cells * priors, 0.0),
        events_(transitions * cells * priors, 0), carer_(transitions * cells, 0) {}

  void add_exposure(std::size_t state, std::size_t cell, std::size_t prior, double days) {
    exposure_[(state * cells_ + cell) * priors_ + prior] += days;
  }
  void add_event(std::size_t transition, std::size_t cell, std::size_t prior, bool carer) {
    events_[(transition * cells_ + cell) * priors_ + prior] += 1;
    if (carer) carer_[transition * cells_ + cell] += 1;
  }
  void merge(const Accumulator& other) {
    for (std::size_t i = 0; i < exposure_.size(); ++i) exposure_[i] += other.exposure_[i];
    for (std::size_t i = 0; i < events_.size(); ++i) events_[i] += other.events_[i];
    for (std::size_t i = 0; i < carer_.size(); ++i) carer_[i] += other.carer_[i];
  }

  std::vector<double>& exposure() { return exposure_; }
  std::vector<std::int64_t>& events() { return events_; }
  std::vector<std::int64_t>& carer() { return carer_; }

 private:
  std::size_t cells_, priors_;
  std::vector<double> exposure_;
  std::vector<std::int64_t> events_;
  std::vector<std::int64_t> carer_;
};

/// Splits a stay at every band edge it crosses; returns the cell it was in at its end.
template <class AddPiece>
std::size_t walk_stay(const Stay& stay, const CalibrationBands& bands, const DayEdges& edges, AddPiece add_piece) {
  double t = stay.start;
  CellCoordinates at{band_of(edges.age, t - stay.birth), 0, period_of(edges.breaks, t)};
  while (true) {
    std::size_t cell = bands.cell(at);
    double age_next = at.age + 1 < edges.age.size() ? stay.birth + edges.age[at.age + 1] : never;
    double duration_next = at.duration + 1 < edges.duration.size() ? stay.start + edges.duration[at.duration + 1] : never;
    double period_next = at.period < edges.breaks.size() ? edges.breaks[at.period] : never;
    double boundary = std::min({age_next, duration_next, period_next});
    if (boundary >= stay.end) {
      add_piece(cell, std::max(0.0, stay.end - t));
      return cell;
    }
    add_piece(cell, boundary - t);
    t = boundary;
    if (age_next == boundary) ++at.age;
    if (duration_next == boundary) ++at.duration;
    if (period_next == boundary) ++at.period;
  }
}

}  // namespace

std::string transition_kind_name(TransitionKind kind) {
  switch (kind) {
    case TransitionKind::move: return "move";
    case TransitionKind::breakdown: return "breakdown";
    case TransitionKind::exit: return "exit";
  }
  return "move";
}

/// Builds an ExposureTable: a sequential pass decides each episode's fate (its state, its
/// transition or censoring, its prior breakdowns), a parallel pass walks the stays.
class ExposureTableBuilder {
 public:
  ExposureTableBuilder(const EpisodeData& data, const CalibrationBands& bands, const ExposureOptions& options)
      : data_(data) {
    bands.validate();
    if (options.prior_breakdown_cap < 0 || options.prior_breakdown_cap > 100)
      throw std::invalid_argument("the prior-breakdown cap must be between 0 and 100");
    table_.bands_ = bands;
    table_.options_ = options;
    table_.priors_ = static_cast<std::size_t>(options.prior_breakdown_cap) + 1;
    table_.observed_until_ = data.observed_until;
    engine::Date after_observed{std::chrono::sys_days{data.observed_until} + std::chrono::days{1}};
    table_.window_end_ = options.fit_until ? std::min(*options.fit_until, after_observed) : after_observed;
    window_end_day_ = day_number(table_.window_end_);
  }

  ExposureTable build() {
    index_states();
    decide_fates();
    index_transitions();
    accumulate();
    write_warnings();
    return std::move(table_);
  }

 private:
  std::size_t state_id(const std::string& name) {
    auto [found, added] = ids_.try_emplace(name, table_.states_.size());
    if (added) table_.states_.push_back(name);
    return found->second;
  }

  void index_states() {
    for (const Episode& e : data_.episodes) state_id(e.state);
    table_.care_states_ = table_.states_.size();
    refuse_ageing_out_into_a_state_in_care();
    for (const Episode& e : data_.episodes)
      if (!e.exit_state.empty()) state_id(e.exit_state);
  }

  /// Children age out to an exit state: one the records show children in cannot be it.
  void refuse_ageing_out_into_a_state_in_care() const {
    const std::string& ageing_out = table_.options_.ageing_out_state;
    if (ageing_out.empty() || !ids_.contains(ageing_out)) return;
    const Episode& in = *std::find_if(data_.episodes.begin(), data_.episodes.end(),
                                      [&](const Episode& e) { return e.state == ageing_out; });
    throw InputError(SourceLocation{data_.file.string(), static_cast<int>(in.line), 0}, "",
                     fmt::format("the ageing-out state '{}' is a state children are in (child {}); expected "
                                 "the exit state children age out to (--ageing-out-state)",
                                 ageing_out, in.child));
  }

  /// The destination of an episode's ending, or nothing when unknown.
  std::optional<std::size_t> destination(std::size_t i) const {
    const Episode& e = data_.episodes[i];
    if (e.ending != EpisodeEnding::exit) {
      bool next_same_child = i + 1 < data_.episodes.size() && data_.episodes[i + 1].child == e.child;
      if (next_same_child) return ids_.at(data_.episodes[i + 1].state);
    }
    if (e.exit_state.empty()) return std::nullopt;
    return ids_.at(e.exit_state);
  }

  TransitionKind kind_of(EpisodeEnding ending) const {
    if (ending == EpisodeEnding::exit) return TransitionKind::exit;
    return is_breakdown(ending) ? TransitionKind::breakdown : TransitionKind::move;
  }

  /// Decides how episode i enters the table; `prior` is the child's breakdowns before it.
  EpisodeFate fate_of(std::size_t i, int prior) {
    const Episode& e = data_.episodes[i];
    EpisodeFate fate;
    if (day_number(e.start) >= window_end_day_) return fate;
    ExposureSummary& s = table_.summary_;
    s.episodes_used += 1;
    fate.state = static_cast<std::int32_t>(ids_.at(e.state));
    fate.prior = static_cast<std::uint16_t>(std::min(prior, table_.options_.prior_breakdown_cap));
    bool event = e.end && e.ending != EpisodeEnding::ongoing && day_number(*e.end) < window_end_day_;
    fate.end_day = event ? day_number(*e.end) : (e.end ? std::min(day_number(*e.end), window_end_day_) : window_end_day_);
    if (!event) {
      s.censored_open += 1;
      return fate;
    }
    auto to = destination(i);
    if (!to) {
      s.censored_unknown += 1;
      return fate;
    }
    if (e.ending == EpisodeEnding::exit && !table_.options_.ageing_out_state.empty() &&
        e.exit_state == table_.options_.ageing_out_state) {
      s.censored_ageing_out += 1;
      return fate;
    }
    TransitionKind kind = kind_of(e.ending);
    (kind == TransitionKind::exit ? s.exits : kind == TransitionKind::breakdown ? s.breakdowns : s.moves) += 1;
    RawKey key{static_cast<std::size_t>(fate.state), *to, kind};
    auto [found, added] = raw_keys_.try_emplace(key, raw_keys_.size());
    fate.transition = static_cast<std::int32_t>(found->second);
    fate.carer = e.ending == EpisodeEnding::breakdown_carer;
    return fate;
  }

  /// Prior breakdowns are counted within the current spell in care: they start again from 0 at
  /// a re-entry after an exit, as the simulator (a re-entry is a new child) and a snapshot's
  /// `breakdowns` (stock_snapshot.hpp) count them.
  void decide_fates() {
    const auto& episodes = data_.episodes;
    fates_.resize(episodes.size());
    int prior = 0;
    bool child_used = false;
    for (std::size_t i = 0; i < episodes.size(); ++i) {
      bool new_child = i == 0 || episodes[i].child != episodes[i - 1].child;
      if (new_child) child_used = false;
      if (new_child || episodes[i - 1].ending == EpisodeEnding::exit) prior = 0;  // a new spell in care
      fates_[i] = fate_of(i, prior);
      if (fates_[i].state >= 0 && !child_used) {
        table_.summary_.children += 1;
        child_used = true;
      }
      if (fates_[i].transition >= 0 && is_breakdown(episodes[i].ending)) prior += 1;
    }
    table_.summary_.episodes = episodes.size();
  }

  /// Sorts the transitions by (from, kind, to) and renumbers the fates accordingly.
  void index_transitions() {
    std::vector<std::pair<RawKey, std::size_t>> keys(raw_keys_.begin(), raw_keys_.end());
    std::sort(keys.begin(), keys.end(), [](const auto& a, const auto& b) {
      return std::tie(a.first.from, a.first.kind, a.first.to) < std::tie(b.first.from, b.first.kind, b.first.to);
    });
    std::vector<std::int32_t> renumber(keys.size());
    for (std::size_t k = 0; k < keys.size(); ++k) {
      table_.transitions_.push_back(keys[k].first);
      renumber[keys[k].second] = static_cast<std::int32_t>(k);
    }
    for (EpisodeFate& fate : fates_)
      if (fate.transition >= 0) fate.transition = renumber[static_cast<std::size_t>(fate.transition)];
  }

  Accumulator empty_accumulator() const {
    return Accumulator(table_.care_states_, table_.transitions_.size(), table_.bands_.cells(), table_.priors_);
  }

  void add_range(const tbb::blocked_range<std::size_t>& range, Accumulator& sums) const {
    for (std::size_t i = range.begin(); i != range.end(); ++i) {
      const EpisodeFate& fate = fates_[i];
      if (fate.state < 0) continue;
      const Episode& e = data_.episodes[i];
      auto state = static_cast<std::size_t>(fate.state);
      Stay stay{day_number(e.birth), day_number(e.start), fate.end_day};
      std::size_t last = walk_stay(stay, table_.bands_, edges_, [&](std::size_t cell, double days) {
        sums.add_exposure(state, cell, fate.prior, days);
      });
      if (fate.transition >= 0) sums.add_event(static_cast<std::size_t>(fate.transition), last, fate.prior, fate.carer);
    }
  }

  void accumulate() {
    edges_ = day_edges(table_.bands_);
    Accumulator total = tbb::parallel_deterministic_reduce(
        tbb::blocked_range<std::size_t>(0, fates_.size(), episodes_per_task), empty_accumulator(),
        [&](const tbb::blocked_range<std::size_t>& range, Accumulator sums) {
          add_range(range, sums);
          return sums;
        },
        [](Accumulator left, const Accumulator& right) {
          left.merge(right);
          return left;
        },
        tbb::simple_partitioner{});
    table_.exposure_days_ = std::move(total.exposure());
    table_.events_ = std::move(total.events());
    table_.carer_ = std::move(total.carer());
    double days = 0.0;
    for (double d : table_.exposure_days_) days += d;
    table_.summary_.exposure_years = days / days_per_year;
  }

  /// A misspelt ageing-out state would silently fit ageing out as an exit hazard: say so, and
  /// name the exit reasons the records have (a short extract may truly have none into it).
  void warn_of_an_ageing_out_state_not_in_the_records() {
    const std::string& ageing_out = table_.options_.ageing_out_state;
    if (ageing_out.empty() || ids_.contains(ageing_out)) return;
    std::string reasons;
    for (std::size_t s = table_.care_states_; s < table_.states_.size(); ++s)
      reasons += (reasons.empty() ? "" : ", ") + table_.states_[s];
    table_.warnings_.push_back(fmt::format(
        "the ageing-out state '{}' (--ageing-out-state) never occurs in the records, so no exit is taken as ageing "
        "out; the exit reasons in the records are: {}",
        ageing_out, reasons.empty() ? "(none)" : reasons));
  }

  void write_warnings() {
    warn_of_an_ageing_out_state_not_in_the_records();
    const ExposureSummary& s = table_.summary_;
    if (s.censored_unknown > 0)
      table_.warnings_.push_back(fmt::format(
          "{} moves or breakdowns have no following episode and no exit state; treated as censored",
          s.censored_unknown));
    if (s.episodes_used < s.episodes)
      table_.warnings_.push_back(fmt::format("{} episodes start on or after {}; not used", s.episodes - s.episodes_used,
                                             engine::format_iso_date(table_.window_end_)));
  }

  const EpisodeData& data_;
  ExposureTable table_;
  double window_end_day_ = 0.0;
  std::unordered_map<std::string, std::size_t> ids_;
  std::unordered_map<RawKey, std::size_t, RawKeyHash> raw_keys_;
  std::vector<EpisodeFate> fates_;
  DayEdges edges_;
};

ExposureTable ExposureTable::build(const EpisodeData& data, const CalibrationBands& bands,
                                   const ExposureOptions& options) {
  return ExposureTableBuilder(data, bands, options).build();
}

double ExposureTable::exposure_years(std::size_t state, std::size_t cell) const {
  if (state >= care_states_) return 0.0;
  double days = 0.0;
  for (std::size_t k = 0; k < priors_; ++k) days += exposure_days_[(state * bands_.cells() + cell) * priors_ + k];
  return days / days_per_year;
}

double ExposureTable::exposure_years(std::size_t state, std::size_t cell, std::size_t prior) const {
  if (state >= care_states_) return 0.0;
  return exposure_days_[(state * bands_.cells() + cell) * priors_ + prior] / days_per_year;
}

std::int64_t ExposureTable::events(std::size_t transition, std::size_t cell) const {
  std::int64_t n = 0;
  for (std::size_t k = 0; k < priors_; ++k) n += events_[(transition * bands_.cells() + cell) * priors_ + k];
  return n;
}

std::int64_t ExposureTable::events(std::size_t transition, std::size_t cell, std::size_t prior) const {
  return events_[(transition * bands_.cells() + cell) * priors_ + prior];
}

std::int64_t ExposureTable::carer_initiated(std::size_t transition, std::size_t cell) const {
  return carer_[transition * bands_.cells() + cell];
}

}  // namespace carecast::models::calibration
