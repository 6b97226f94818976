// Writes the benchmark's initial stock: the children in care on the start date of one replicate
// of a warmed-up scenario (bench/england-warmup.yaml), as a snapshot CSV with columns
// age, state, days_in_state, count.
//
//   make_england_snapshot [scenario.yaml [out.csv [days_per_bin]]]
//
// Only the warm-up is simulated (the kernel's horizon is the start date). Children are grouped
// by whole years of age, state and time in state rounded down to `days_per_bin` days (default
// 7), so that the file stays small; rounding down keeps every row valid (time in state never
// exceeds the age).
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <tuple>

#include "engine/calendar.hpp"
#include "engine/life_observer.hpp"
#include "engine/replicate_kernel.hpp"
#include "models/model_builder.hpp"
#include "models/scenario/scenario_reader.hpp"

#ifndef CARECAST_BENCH_DIR
#define CARECAST_BENCH_DIR "."
#endif

namespace {

using namespace carecast;

using Key = std::tuple<int, int, long>;  // age in whole years, state, days in state (bin start)

/// Collects the children still in a non-absorbing state when the kernel stops at the start date.
class StockAtStart final : public engine::LifeObserver {
 public:
  StockAtStart(const std::vector<bool>& absorbing, long days_per_bin)
      : absorbing_(absorbing), days_per_bin_(days_per_bin) {}
  void on_arrival(engine::Individual&) override {}
  void on_transition(engine::Individual&, int, const engine::Exit*) override {}
  void on_stay(const engine::Individual& child, double until) override {
    if (until != engine::infinity || absorbing_[static_cast<std::size_t>(child.state)]) return;
    if (child.arrived >= 0.0 || child.entered > 0.0) return;
    int age = static_cast<int>(std::floor(-child.birth / engine::days_per_year));
    long days = static_cast<long>(std::floor(-child.entered));
    days -= days % days_per_bin_;
    counts_[{age, child.state, days}] += 1;
  }
  const std::map<Key, long>& counts() const { return counts_; }

 private:
  const std::vector<bool>& absorbing_;
  long days_per_bin_;
  std::map<Key, long> counts_;
};

}  // namespace

int main(int argc, char** argv) {
  std::filesystem::path scenario_file =
      argc > 1 ? argv[1] : CARECAST_BENCH_DIR "/england-warmup.yaml";
  std::filesystem::path out_file =
      argc > 2 ? argv[2] : CARECAST_BENCH_DIR "/data/england_snapshot_2025-04-01.csv";
  long days_per_bin = argc > 3 ? std::stol(argv[3]) : 7;
  try {
    models::Scenario scenario = models::read_scenario(scenario_file);
    if (scenario.initial.from_snapshot) {
      std::cerr << scenario_file << " starts from a snapshot; give a scenario with a warm-up\n";
      return 2;
    }
    models::CompiledScenario compiled = models::compile_scenario(scenario);
    engine::KernelSpan warmup_only = compiled.span;
    warmup_only.horizon = 0.0;  // stop at the start date
    engine::ReplicateKernel kernel(compiled.model, compiled.arrivals, compiled.initial, warmup_only);
    StockAtStart stock(compiled.model.absorbing, days_per_bin);
    engine::StreamKey key{scenario.simulation.seed, 0};
    for (std::size_t block = 0; block < kernel.blocks(); ++block) kernel.run_block(block, key, stock);

    std::ofstream out(out_file);
    out << "# Children in care on " << engine::format_iso_date(scenario.simulation.start)
        << ": replicate 0 of " << scenario_file.filename().string() << " (seed "
        << scenario.simulation.seed << ", " << scenario.initial.warmup_years
        << "-year warm-up),\n# written by bench/make_england_snapshot; days_in_state rounded down to "
        << days_per_bin << " days.\n";
    out << "age,state,days_in_state,count\n";
    long children = 0;
    std::map<int, long> by_state;
    for (const auto& [key_, count] : stock.counts()) {
      const auto& [age, state, days] = key_;
      out << age << ',' << scenario.states[static_cast<std::size_t>(state)].name << ',' << days << ','
          << count << '\n';
      children += count;
      by_state[state] += count;
    }
    if (!out) {
      std::cerr << "cannot write " << out_file << "\n";
      return 1;
    }
    std::cout << "wrote " << out_file.string() << ": " << children << " children in "
              << stock.counts().size() << " rows\n";
    for (const auto& [state, count] : by_state)
      std::printf("  %-20s %7ld  (%.1f %%)\n", scenario.states[static_cast<std::size_t>(state)].name.c_str(),
                  count, 100.0 * static_cast<double>(count) / static_cast<double>(children));
  } catch (const std::exception& error) {
    std::cerr << "error: " << error.what() << "\n";
    return 1;
  }
  return 0;
}
