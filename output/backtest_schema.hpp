#pragma once
// Names in a back-test file (layout: backtest_writer.hpp), shared by its writer and its reader.
#include <array>

#include "output/backtest_report.hpp"

namespace carecast::output::backtest_schema {

inline constexpr char episodes[] = "episodes";              // root attributes
inline constexpr char cut[] = "cut";
inline constexpr char observed_until[] = "observed_until";
inline constexpr char group[] = "backtest";
inline constexpr char dates[] = "dates";                    // datasets of /backtest
inline constexpr char states[] = "states";
inline constexpr char observed[] = "observed";
inline constexpr char quantiles[] = "quantiles";
inline constexpr char inside50[] = "inside50";
inline constexpr char inside90[] = "inside90";

/// Each per-state summary: a dataset [state] of /backtest, and an attribute of /backtest over
/// all states, both named `name`.
struct SummaryColumn {
  const char* name;
  double BacktestStateSummary::*field;
};
inline constexpr std::array<SummaryColumn, 5> summary_columns{{
    {"mean_observed", &BacktestStateSummary::mean_observed},
    {"mean_error", &BacktestStateSummary::mean_error},
    {"mean_absolute_error", &BacktestStateSummary::mean_absolute_error},
    {"coverage50", &BacktestStateSummary::inside50},
    {"coverage90", &BacktestStateSummary::inside90},
}};

}  // namespace carecast::output::backtest_schema
