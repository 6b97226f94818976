#pragma once
// A small synthetic sweep for the output tests: three combinations of two keys (one value not
// a number), each with a synthetic result and made-up horizon figures, and a helper that writes
// it as a sweep file.
#include <filesystem>
#include <string>
#include <vector>

#include "output/sweep_summary.hpp"
#include "output/sweep_writer.hpp"
#include "tests/output/output_test_support.hpp"

namespace carecast::output::testing {

struct SyntheticSweep {
  std::vector<models::RunResult> results;  // one per combination
  SweepSummary summary;
  models::Provenance run;
};

/// Figures of combination `c`: counts that grow with c and r, and costs (0 unless `with_costs`)
/// with decimals, so that a difference is exactly 0 only where it should be.
inline std::vector<HorizonFigure> synthetic_figures(std::size_t c, std::size_t replicates, bool with_costs) {
  std::vector<HorizonFigure> figures;
  for (const char* name : {"placed_at_end", "new_placements", "breakdowns", "cost", "cost_discounted"}) {
    HorizonFigure figure{name, {}};
    for (std::size_t r = 0; r < replicates; ++r) {
      double x = 10.0 * static_cast<double>(c) + static_cast<double>((r * 7) % 5);
      bool money = is_money_figure(name);
      figure.values.push_back(money ? (with_costs ? 1e6 * (x + 0.1) + 0.3 * static_cast<double>(r) : 0.0) : 100 + x);
    }
    figures.push_back(figure);
  }
  return figures;
}

inline SyntheticSweep synthetic_sweep(std::size_t replicates = 4, bool with_costs = true) {
  SyntheticSweep sweep;
  SweepTable table{{"interventions.x.uptake", "interventions.x.ages"},
                   {{"0.1", "[12, 18]"}, {"0.2", "[12, 18]"}, {"0.3", "[14, 18]"}},
                   {{0.1, std::nullopt}, {0.2, std::nullopt}, {0.3, std::nullopt}},
                   false};
  std::vector<std::vector<HorizonFigure>> figures;
  for (std::size_t c = 0; c < 3; ++c) {
    models::RunResult result = synthetic_result(replicates, 4);
    result.provenance.scenario_text = "combination: " + std::to_string(c) + "\n";
    result.provenance.seed = 42;
    sweep.results.push_back(std::move(result));
    figures.push_back(synthetic_figures(c, replicates, with_costs));
  }
  sweep.summary = summarize_sweep(table, figures);
  sweep.run = sweep.results.front().provenance;
  sweep.run.scenario_path = "scenarios/sweep.yaml";
  sweep.run.scenario_text = "sweep: [{interventions.x.uptake: 0.1}]\n";
  sweep.run.scenario_sha256 = std::string(64, 'b');
  sweep.run.wall_seconds = 12.5;
  return sweep;
}

inline void write_synthetic_sweep(const SyntheticSweep& sweep, const std::filesystem::path& path) {
  write_sweep_file(path, false, sweep.results.size(), [&](SweepWriter& writer) {
    for (std::size_t c = 0; c < sweep.results.size(); ++c) writer.add_combination(c, sweep.results[c]);
    writer.finish(sweep.summary, sweep.run);
  });
}

/// Parses CSV text (RFC 4180 quoting, lines ending with LF) into rows of fields.
inline std::vector<std::vector<std::string>> parse_csv_rows(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted && c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
      field += '"';
      ++i;
    } else if (c == '"') {
      quoted = !quoted;
    } else if (!quoted && (c == ',' || c == '\n')) {
      row.push_back(std::move(field));
      field.clear();
      if (c == '\n') rows.push_back(std::move(row)), row.clear();
    } else {
      field += c;
    }
  }
  return rows;
}

}  // namespace carecast::output::testing
