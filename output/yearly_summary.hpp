#pragma once
// The main figures of a result by reporting year (calendar years unless the scenario says
// otherwise), as a planner reads them: children in each
// state at the start of each year, and the entries, exits and moves of each year, each as a
// mean with a 90% interval over replicates. compute_yearly_summary() derives the numbers from
// /replicates/stock, /replicates/entries and /replicates/transitions; format_yearly_summary()
// lays them out as plain text.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "output/result_file.hpp"

namespace carecast::output {

/// A quantity over replicates: its mean and its 90% interval (5th to 95th percentile).
struct Figure {
  double mean = 0.0;
  double low = 0.0;
  double high = 0.0;
};

/// The stock on one grid date.
struct StockOnDate {
  std::string date;
  std::vector<Figure> states;  // one per non-exit state, in the file's state order
  Figure placed;               // all states of kind "placement"
  Figure in_care;              // all non-exit states (support and placement)
};

/// The flows of one reporting year: the grid intervals that start in it.
struct FlowsInYear {
  std::string year;       // its name: "2026", or "2025/26" for a financial year
  std::string from_date;  // start of the first interval
  std::string to_date;    // end of the last interval
  Figure entries;         // arrivals into any state
  Figure exits;           // transitions into states of kind "exit"
  Figure moves;           // transitions between non-exit states
};

struct YearlySummary {
  std::string scenario_path;
  std::uint64_t replicates = 0;
  std::uint64_t seed = 0;
  bool parameter_uncertainty = false;  // each replicate drew the estimated rates
  std::vector<std::string> state_labels;  // the non-exit states (label, or name if no label)
  std::vector<StockOnDate> stock;         // first grid date of each year, and the last date
  std::vector<FlowsInYear> flows;         // one per reporting year
};

/// Throws OutputError if the file lacks the occupancy arrays or their shapes disagree with its
/// grid and states.
YearlySummary compute_yearly_summary(const ResultFile& file);
std::string format_yearly_summary(const YearlySummary& summary);

/// Mean, 5th and 95th percentile of per-replicate values.
Figure summarize_figure(std::vector<double> per_replicate);
/// "412 (398–425)": whole numbers, or one decimal when all three are below 10 and not whole.
std::string format_figure(const Figure& figure);

}  // namespace carecast::output
