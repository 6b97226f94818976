#include "output/result_diff.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "output/text_table.hpp"
#include "output/tidy_table.hpp"

namespace carecast::output {

namespace {

using Status = ArrayDifference::Status;

std::string short_hash(const std::string& sha256) { return sha256.substr(0, 12); }

std::string version_of(const models::Provenance& p) { return fmt::format("{} ({})", p.engine_version, p.git_commit); }

/// "seed: 1 and 7" for each fact of the runs that differs.
std::vector<std::string> differing_facts(const models::Provenance& a, const models::Provenance& b) {
  std::vector<std::string> facts;
  auto note = [&](const char* what, const std::string& x, const std::string& y) {
    if (x != y) facts.push_back(fmt::format("{}: {} and {}", what, x, y));
  };
  note("scenario (SHA-256 of its text and tables)", short_hash(a.scenario_sha256), short_hash(b.scenario_sha256));
  note("seed", std::to_string(a.seed), std::to_string(b.seed));
  note("replicates", std::to_string(a.replicates), std::to_string(b.replicates));
  auto drawn = [](bool yes) { return std::string(yes ? "drawn per replicate" : "fixed"); };
  note("estimated rates", drawn(a.parameter_uncertainty), drawn(b.parameter_uncertainty));
  note("carecast", version_of(a), version_of(b));
  return facts;
}

std::vector<std::string> differing_structure(const ResultFile& a, const ResultFile& b) {
  std::vector<std::string> parts;
  if (a.grid_dates() != b.grid_dates())
    parts.push_back(fmt::format("the grid: {} dates from {} and {} dates from {}", a.grid_dates().size(),
                                a.grid_dates().front(), b.grid_dates().size(), b.grid_dates().front()));
  if (a.year_starts() != b.year_starts())
    parts.push_back(fmt::format("the reporting years: from {} and from {}", fmt::join(a.year_starts(), ", "),
                                fmt::join(b.year_starts(), ", ")));
  std::vector<std::string> names_a, names_b;
  for (const auto& state : a.states()) names_a.push_back(state.name);
  for (const auto& state : b.states()) names_b.push_back(state.name);
  if (names_a != names_b)
    parts.push_back(fmt::format("the states: {} and {}", fmt::join(names_a, ", "), fmt::join(names_b, ", ")));
  return parts;
}

/// Cell `offset` of an array of `file`, its axes written out: "replicate 3, date 2027-01-01, state foster".
std::string labelled_cell(const ResultFile& file, const ArrayInfo& array, std::size_t offset) {
  std::vector<std::size_t> index(array.shape.size());
  for (std::size_t d = array.shape.size(); d-- > 0;) {
    index[d] = offset % array.shape[d];
    offset /= array.shape[d];
  }
  std::vector<std::string> parts;
  for (std::size_t d = 0; d < index.size(); ++d) {
    LabelledAxis axis = label_axis(file, array.dimensions[d], array.shape[d]);
    for (std::size_t c = 0; c < axis.columns.size(); ++c)
      parts.push_back(axis.columns[c] + " " + axis.fields[index[d]][c]);
  }
  return fmt::format("{}", fmt::join(parts, ", "));
}

bool beyond(double a, double b, const DiffTolerance& tolerance) {
  if (std::isnan(a) || std::isnan(b)) return std::isnan(a) != std::isnan(b);
  return std::abs(a - b) > tolerance.absolute + tolerance.relative * std::max(std::abs(a), std::abs(b));
}

/// Compares the cells of two arrays laid out as `info` (of `first`): the cells beyond the
/// tolerance (any difference, for counts), the largest difference, where it is and both values
/// there, and the status these give.
template <class T>
void compare_cells(const ResultFile& first, const ArrayInfo& info, const std::vector<T>& a, const std::vector<T>& b,
                   const DiffTolerance& tolerance, ArrayDifference& out) {
  out.cells = a.size();
  std::size_t largest_at = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    auto x = static_cast<double>(a[i]), y = static_cast<double>(b[i]);
    if (x == y || (std::isnan(x) && std::isnan(y))) continue;
    if (std::is_integral_v<T> || beyond(x, y, tolerance)) out.differing += 1;
    double gap = std::isnan(x) || std::isnan(y) ? std::numeric_limits<double>::infinity() : std::abs(x - y);
    if (gap > out.largest) {
      out.largest = gap;
      largest_at = i;
    }
  }
  out.status = out.differing > 0 ? Status::differs : out.largest > 0 ? Status::within_tolerance : Status::same;
  if (out.status == Status::same) return;
  out.first_value = static_cast<double>(a[largest_at]);
  out.second_value = static_cast<double>(b[largest_at]);
  out.where = labelled_cell(first, info, largest_at);
}

/// How two arrays of one name are laid out differently: "[20, 121, 7] and [20, 61, 7]", "counts
/// and sums", or "axes [year, state] and [time, state]"; "" if they are laid out alike.
std::string other_layout(const ArrayInfo& a, const ArrayInfo& b) {
  if (a.shape != b.shape) return fmt::format("[{}] and [{}]", fmt::join(a.shape, ", "), fmt::join(b.shape, ", "));
  auto kind = [](ArrayKind k) { return k == ArrayKind::counts ? "counts" : "sums"; };
  if (a.kind != b.kind) return fmt::format("{} and {}", kind(a.kind), kind(b.kind));
  if (a.dimensions != b.dimensions)
    return fmt::format("axes [{}] and [{}]", fmt::join(a.dimensions, ", "), fmt::join(b.dimensions, ", "));
  return "";
}

ArrayDifference compare_array(const ResultFile& a, const ResultFile& b, const ArrayInfo& info,
                              const DiffTolerance& tolerance) {
  ArrayDifference out;
  out.name = info.name;
  const ArrayInfo* other = b.find_array(info.name);
  if (other == nullptr) {
    out.status = Status::only_in_first;
    return out;
  }
  out.shapes = other_layout(info, *other);
  if (!out.shapes.empty()) {
    out.status = Status::other_shape;
    return out;
  }
  if (info.kind == ArrayKind::counts)
    compare_cells(a, info, a.read_counts(info.name).values, b.read_counts(info.name).values, tolerance, out);
  else
    compare_cells(a, info, a.read_sums(info.name).values, b.read_sums(info.name).values, tolerance, out);
  return out;
}

std::string describe_file(const std::string& role, const ResultFile& file) {
  const models::Provenance& p = file.provenance();
  return fmt::format("{:<7} {}: scenario {}, SHA-256 {}…, seed {}, {} replicates, carecast {}\n", role,
                     file.describe(), p.scenario_path, short_hash(p.scenario_sha256), p.seed, p.replicates,
                     version_of(p));
}

std::string status_text(const ArrayDifference& d) {
  switch (d.status) {
    case Status::same: return "identical";
    case Status::within_tolerance: return "within the tolerance";
    case Status::differs: return "differs";
    case Status::other_shape: return "laid out otherwise: " + d.shapes;
    case Status::only_in_first: return "only in the first";
    case Status::only_in_second: return "only in the second";
  }
  return "";
}

std::string array_table(const ResultDiff& diff) {
  TextTable table({{"array", Align::left}, {"status", Align::left}, {"cells differing"}, {"largest difference"},
                   {"first"}, {"second"}, {"at", Align::left}});
  for (const ArrayDifference& d : diff.arrays) {
    if (d.status == Status::same) continue;
    bool valued = d.status == Status::differs || d.status == Status::within_tolerance;
    table.add_row({d.name, status_text(d), valued ? fmt::format("{} of {}", d.differing, d.cells) : "",
                   valued ? fmt::format("{:.6g}", d.largest) : "", valued ? fmt::format("{}", d.first_value) : "",
                   valued ? fmt::format("{}", d.second_value) : "", d.where});
  }
  return table.render();
}

std::string identical_arrays(const ResultDiff& diff) {
  std::vector<std::string> names;
  for (const ArrayDifference& d : diff.arrays)
    if (d.status == Status::same) names.push_back(d.name);
  if (names.empty()) return "No array is identical.\n";
  return fmt::format("Identical ({} of {} arrays): {}\n", names.size(), diff.arrays.size(), fmt::join(names, ", "));
}

std::size_t differing_arrays(const ResultDiff& diff) {
  return static_cast<std::size_t>(std::count_if(diff.arrays.begin(), diff.arrays.end(), [](const ArrayDifference& d) {
    return d.status != Status::same && d.status != Status::within_tolerance;
  }));
}

}  // namespace

bool ResultDiff::same() const { return structure.empty() && differing_arrays(*this) == 0; }

/// /analytic/stock [time, state] of `run --analytic`, compared as a sum array.
ArrayDifference compare_analytic_stock(const ResultFile& a, const ResultFile& b, const DiffTolerance& tolerance) {
  ArrayDifference out;
  out.name = "analytic/stock";
  if (!a.has_analytic_stock() || !b.has_analytic_stock()) {
    out.status = a.has_analytic_stock() ? Status::only_in_first : Status::only_in_second;
    return out;
  }
  ResultArray<double> x = a.read_analytic_stock(), y = b.read_analytic_stock();
  ArrayInfo info{out.name, ArrayKind::sums, x.shape, {"time", "state"}};
  out.shapes = other_layout(info, ArrayInfo{out.name, ArrayKind::sums, y.shape, {"time", "state"}});
  if (!out.shapes.empty()) {
    out.status = Status::other_shape;
    return out;
  }
  compare_cells(a, info, x.values, y.values, tolerance, out);
  return out;
}

ResultDiff diff_results(const ResultFile& first, const ResultFile& second, const DiffTolerance& tolerance) {
  ResultDiff diff;
  diff.facts = differing_facts(first.provenance(), second.provenance());
  diff.structure = differing_structure(first, second);
  for (const ArrayInfo& info : first.replicate_arrays()) diff.arrays.push_back(compare_array(first, second, info, tolerance));
  if (first.has_analytic_stock() || second.has_analytic_stock())
    diff.arrays.push_back(compare_analytic_stock(first, second, tolerance));
  for (const ArrayInfo& info : second.replicate_arrays())
    if (first.find_array(info.name) == nullptr) {
      ArrayDifference only;
      only.name = info.name;
      only.status = Status::only_in_second;
      diff.arrays.push_back(only);
    }
  return diff;
}

std::string format_result_diff(const ResultDiff& diff, const ResultFile& first, const ResultFile& second,
                               const DiffTolerance& tolerance) {
  std::string text = describe_file("first", first) + describe_file("second", second) + "\n";
  text += diff.facts.empty() ? "The runs have the same scenario, seed, replicates, parameter uncertainty and carecast version.\n"
                             : fmt::format("The runs differ in\n  {}\n", fmt::join(diff.facts, "\n  "));
  text += diff.structure.empty() ? "The grid, the reporting years and the states are the same.\n"
                                 : fmt::format("The results differ in\n  {}\n", fmt::join(diff.structure, "\n  "));
  text += fmt::format("\nArrays of /replicates (counts must be equal; sums may differ by {:g} + {:g} × the larger):\n",
                      tolerance.absolute, tolerance.relative);
  bool any_listed = std::any_of(diff.arrays.begin(), diff.arrays.end(),
                                [](const ArrayDifference& d) { return d.status != Status::same; });
  if (any_listed) text += array_table(diff);
  text += identical_arrays(diff);
  std::size_t differing = differing_arrays(diff);
  if (diff.same()) return text + "\nResult: the same.\n";
  return text + fmt::format("\nResult: they differ ({} of {} arrays{}).\n", differing, diff.arrays.size(),
                            diff.structure.empty() ? "" : "; grid, years or states");
}

}  // namespace carecast::output
