#include "output/result_validation.hpp"

#include <fmt/format.h>

#include <set>
#include <string>
#include <vector>

#include "output/output_error.hpp"

namespace carecast::output {

namespace {

[[noreturn]] void reject(const std::string& reason) {
  throw OutputError("cannot write result: " + reason);
}

bool same_arrays(const std::vector<engine::TallyArray>& a,
                 const std::vector<engine::TallyArray>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i].name != b[i].name || a[i].shape != b[i].shape) return false;
  return true;
}

bool same_layout(const engine::TallyLayout& a, const engine::TallyLayout& b) {
  return &a == &b || (same_arrays(a.counts(), b.counts()) && same_arrays(a.sums(), b.sums()));
}

void check_replicates(const models::RunResult& result) {
  if (!result.layout) reject("it has no tally layout");
  if (result.replicates.empty() && result.analytic_stock.empty())
    reject("it has neither replicates nor an analytic projection");
  if (result.provenance.replicates != result.replicates.size())
    reject(fmt::format("its provenance claims {} replicates but it holds {}",
                       result.provenance.replicates, result.replicates.size()));
  for (std::size_t r = 0; r < result.replicates.size(); ++r) {
    const engine::Tally& tally = result.replicates[r];
    if (!same_layout(tally.layout(), *result.layout) ||
        tally.all_counts().size() != result.layout->count_size() ||
        tally.all_sums().size() != result.layout->sum_size())
      reject(fmt::format("replicate {} has a tally of another layout", r));
  }
}

void check_array_names(const engine::TallyLayout& layout) {
  std::set<std::string> seen;
  for (const auto* arrays : {&layout.counts(), &layout.sums()}) {
    for (const engine::TallyArray& array : *arrays) {
      if (array.name.empty() || array.name.find('/') != std::string::npos || array.name == ".")
        reject(fmt::format("'{}' is not a valid array name", array.name));
      if (!seen.insert(array.name).second)
        reject(fmt::format("the array name '{}' is used twice", array.name));
    }
  }
}

void check_states(const std::vector<models::StateDescription>& states) {
  std::set<std::string> seen;
  for (const models::StateDescription& state : states) {
    if (state.name.empty()) reject("a state has no name");
    if (!seen.insert(state.name).second)
      reject(fmt::format("the state name '{}' is used twice", state.name));
    if (state.kind != "support" && state.kind != "placement" && state.kind != "exit")
      reject(fmt::format("state '{}' has kind '{}', not support, placement or exit", state.name,
                         state.kind));
  }
}

void check_grid(const models::RunResult& result) {
  if (result.grid_dates.size() != result.grid_days.size())
    reject(fmt::format("its grid has {} dates but {} day offsets", result.grid_dates.size(),
                       result.grid_days.size()));
  std::size_t expected = result.grid_dates.size() * result.states.size();
  if (!result.analytic_stock.empty() && result.analytic_stock.size() != expected)
    reject(fmt::format("its analytic stock holds {} values, not {} (points × states)",
                       result.analytic_stock.size(), expected));
}

}  // namespace

void validate_result(const models::RunResult& result) {
  check_replicates(result);
  check_array_names(*result.layout);
  check_states(result.states);
  check_grid(result);
}

}  // namespace carecast::output
