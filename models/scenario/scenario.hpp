#pragma once
// A scenario as the user wrote it, after validation: states, demography, entries, transitions,
// ageing out, the initial stock and the simulation settings. Ages and durations are in years,
// rates per year, dates as dates; conversion to the engine's days happens in model_builder.
#include <cstdint>
#include <string>
#include <vector>

#include "engine/calendar.hpp"
#include "engine/reporting_grid.hpp"
#include "models/scenario/band_box.hpp"
#include "models/scenario/population_table.hpp"
#include "models/scenario/snapshot_table.hpp"

namespace carecast::models {

enum class StateKind { support, placement, exit };

struct StateSpec {
  std::string name;
  std::string label;
  StateKind kind = StateKind::placement;
};

struct SimulationSpec {
  engine::Date start{};
  int years = 10;
  engine::GridStep grid = engine::GridStep::monthly;
  std::size_t replicates = 100;
  std::uint64_t seed = 1;
};

/// A rate that is constant on boxes of age × time in state × calendar period.
struct BandedRate {
  std::vector<BandBox> boxes;
  std::vector<double> values;  // one per box, per year
};

struct TransitionSpec {
  int from = 0;
  int to = 0;
  BandedRate hazard;  // per year
};

struct EntryMixBand {
  Interval age;
  std::vector<double> shares;  // one per state; zero for states not named
};

struct EntrySpec {
  BandedRate rate_per_1000;  // by age only
  double trend_per_year = 0.0;  // compound change of the entry rate per year from the start year
  std::vector<EntryMixBand> mix;
};

struct AgeingOutSpec {
  double age = 18.0;
  int to = 0;
};

struct InitialStockSpec {
  bool from_snapshot = false;
  SnapshotTable snapshot;    // when from_snapshot
  double warmup_years = 0;   // otherwise
};

struct Scenario {
  std::string name;
  std::string description;
  std::string path;           // the file it was read from
  std::string resolved_text;  // the merged YAML
  std::string sha256;         // over the resolved text and every data file it reads
  SimulationSpec simulation;
  std::vector<StateSpec> states;
  PopulationTable population;
  EntrySpec entries;
  std::vector<TransitionSpec> transitions;
  AgeingOutSpec ageing_out;
  InitialStockSpec initial;

  int state_index(const std::string& name) const;  // -1 if absent
  bool is_exit(int state) const { return states[static_cast<std::size_t>(state)].kind == StateKind::exit; }
};

std::string kind_name(StateKind kind);

}  // namespace carecast::models
