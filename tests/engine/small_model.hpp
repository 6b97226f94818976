#pragma once
// A small scenario shared by the kernel, recorder and runner tests: two care states A and S,
// two absorbing states (exit, aged out), Poisson arrivals with warm-up days before the start,
// and an initial stock large enough to fill more than one kernel block.
#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <vector>

#include "engine/arrival_schedule.hpp"
#include "engine/calendar.hpp"
#include "engine/initial_child.hpp"
#include "engine/life_observer.hpp"
#include "engine/multistate_model.hpp"
#include "engine/replicate_kernel.hpp"
#include "engine/reporting_grid.hpp"

namespace carecast::engine::test_support {

inline constexpr int A = 0, S = 1, EXIT = 2, AGED_OUT = 3;
inline constexpr std::size_t STATES = 4;
inline constexpr double year = 365.25;

struct SmallModelOptions {
  double s_to_a = 2.0;     // per year
  double s_to_exit = 0.3;  // per year
  std::size_t initial_children = 2500;
  double arrivals_per_day = 0.4;
  long first_arrival_day = -200;
  int years = 3;
};

inline Exit make_exit(int to, PiecewiseRate rate, int counter = -1, double factor = 1.0,
                      int increments = -1) {
  Exit exit;
  exit.to = to;
  exit.rate = std::move(rate);
  exit.counter = counter;
  exit.counter_factor = factor;
  exit.increments = increments;
  return exit;
}

inline MultistateModel make_small_model(const SmallModelOptions& o) {
  MultistateModel model;
  model.absorbing = {false, false, true, true};
  // A -> S: 0.4/yr in the first 180 days in A, 0.2/yr afterwards; counts S entries in counter 0.
  // A -> exit: 0.5/yr, times 1.5 per prior S entry.
  // S -> A and S -> exit: as configured; S -> A counts returns in counter 1.
  model.leaving = {
      StateHazards({make_exit(S,
                              PiecewiseRate(Axis(), Axis({0.0, 180.0, infinity}), Axis(),
                                            {0.4 / year, 0.2 / year}),
                              -1, 1.0, 0),
                     make_exit(EXIT, PiecewiseRate(0.5 / year), 0, 1.5)}),
      StateHazards({make_exit(A, PiecewiseRate(o.s_to_a / year), -1, 1.0, 1),
                    make_exit(EXIT, PiecewiseRate(o.s_to_exit / year))}),
      StateHazards(), StateHazards()};
  model.age_out_days = 18 * year;
  model.age_out_state = AGED_OUT;
  return model;
}

inline ArrivalSchedule make_small_arrivals(const SmallModelOptions& o) {
  ArrivalGroup group;
  group.min_age_days = 0.0;
  group.max_age_days = 17.5 * year;
  group.per_day = PiecewiseRate(o.arrivals_per_day);
  group.first_states = {A, S};
  group.first_state_shares = {0.8, 0.2};
  return ArrivalSchedule({group});
}

inline std::vector<InitialChild> make_small_initial(const SmallModelOptions& o) {
  std::vector<InitialChild> initial(o.initial_children);
  for (std::size_t i = 0; i < initial.size(); ++i) {
    InitialChild& c = initial[i];
    c.state = i % 3 == 0 ? S : A;
    c.min_age_days = 365.0 * static_cast<double>(i % 17);
    c.max_age_days = c.min_age_days + 365.0;
    c.days_in_state = static_cast<double>((i * 37) % 300);
    c.history[0] = static_cast<std::uint16_t>(i % 2);
  }
  return initial;
}

/// Everything a kernel refers to, kept in one place that never moves.
struct SmallModel {
  explicit SmallModel(SmallModelOptions o = {})
      : options(o),
        model(make_small_model(o)),
        arrivals(make_small_arrivals(o)),
        initial(make_small_initial(o)),
        calendar(std::chrono::year{2024} / std::chrono::January / 1),
        grid(calendar, GridStep::monthly, std::chrono::years{o.years}),
        span{o.first_arrival_day, grid.horizon()},
        kernel(model, arrivals, initial, span) {}
  SmallModel(const SmallModel&) = delete;
  SmallModel& operator=(const SmallModel&) = delete;

  SmallModelOptions options;
  MultistateModel model;
  ArrivalSchedule arrivals;
  std::vector<InitialChild> initial;
  Calendar calendar;
  ReportingGrid grid;
  KernelSpan span;
  ReplicateKernel kernel;
};

/// Everything the kernel reported about one child.
struct Life {
  struct Stay {
    int state;
    double entered, until;
    bool operator==(const Stay&) const = default;
  };
  struct Move {
    int from, to;
    double time;
    bool aged_out;  // no exit: ageing out
    std::uint32_t events;
    std::array<std::uint16_t, history_counters> history;  // as seen by observers
    bool operator==(const Move&) const = default;
  };
  bool arrived = false;
  double birth = 0.0;
  std::vector<Stay> stays;
  std::vector<Move> moves;
  bool visited(int state) const {
    for (const Stay& s : stays)
      if (s.state == state) return true;
    return false;
  }
};

/// Lives by child id; safe to fill from several threads (each child is followed by one).
struct LifeLog {
  std::mutex mutex;
  std::map<std::uint64_t, Life> lives;
};

class LifeRecorder final : public LifeObserver {
 public:
  explicit LifeRecorder(LifeLog& log) : log_(log) {}
  void on_arrival(Individual& child) override {
    std::lock_guard lock(log_.mutex);
    log_.lives[child.id].arrived = true;
  }
  void on_stay(const Individual& child, double until) override {
    std::lock_guard lock(log_.mutex);
    Life& life = log_.lives[child.id];
    life.birth = child.birth;
    life.stays.push_back({child.state, child.entered, until});
  }
  void on_transition(Individual& child, int from, const Exit* exit) override {
    std::lock_guard lock(log_.mutex);
    log_.lives[child.id].moves.push_back(
        {from, child.state, child.entered, exit == nullptr, child.events, child.history});
  }

 private:
  LifeLog& log_;
};

}  // namespace carecast::engine::test_support
