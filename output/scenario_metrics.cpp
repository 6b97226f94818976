#include "output/scenario_metrics.hpp"

#include <span>

#include "output/output_error.hpp"
#include "output/reporting_years.hpp"

namespace carecast::output {

namespace {

/// Reads a run's tallies by array name, and maps grid intervals to reporting years.
class TallyReader {
 public:
  explicit TallyReader(const models::RunResult& result)
      : result_(result), years_(reporting_years_of(result)) {}

  std::size_t replicates() const { return result_.replicates.size(); }
  std::size_t years() const { return years_.years(); }
  std::size_t year_of_interval(std::size_t interval) const { return years_.year_of_interval(interval); }
  std::size_t first_point(std::size_t year) const { return years_.first_point(year); }
  bool has(const std::string& name) const { return handle(name) != npos || sum_handle(name) != npos; }
  std::span<const std::int64_t> counts(std::size_t r, const std::string& name) const {
    return result_.replicates[r].counts(handle(name));
  }
  std::span<const double> sums(std::size_t r, const std::string& name) const {
    return result_.replicates[r].sums(sum_handle(name));
  }
  const engine::TallyArray& shape_of_sums(const std::string& name) const {
    return result_.layout->sums()[sum_handle(name)];
  }
  const models::RunResult& result() const { return result_; }

 private:
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);
  template <class Arrays>
  static std::size_t find(const Arrays& arrays, const std::string& name) {
    for (std::size_t h = 0; h < arrays.size(); ++h)
      if (arrays[h].name == name) return h;
    return npos;
  }
  std::size_t handle(const std::string& name) const { return find(result_.layout->counts(), name); }
  std::size_t sum_handle(const std::string& name) const { return find(result_.layout->sums(), name); }

  const models::RunResult& result_;
  ReportingYears years_;
};

Metric make_metric(const TallyReader& reader, std::string name, std::vector<std::string> dims,
                   std::vector<std::size_t> shape) {
  std::size_t cells = 1;
  for (std::size_t n : shape) cells *= n;
  return Metric{std::move(name), std::move(dims), std::move(shape),
                std::vector<double>(reader.replicates() * cells, 0.0), reader.replicates()};
}

std::vector<std::size_t> non_exit_states(const models::RunResult& result) {
  std::vector<std::size_t> states;
  for (std::size_t s = 0; s < result.states.size(); ++s)
    if (result.states[s].kind != "exit") states.push_back(s);
  return states;
}

Metric placements(const TallyReader& reader) {
  const auto& result = reader.result();
  std::vector<std::size_t> kept = non_exit_states(result);
  std::size_t states = result.states.size(), years = reader.years();
  Metric m = make_metric(reader, "placements", {"year", "state"}, {years, kept.size()});
  for (std::size_t r = 0; r < reader.replicates(); ++r) {
    auto days = reader.sums(r, "care_days");
    for (std::size_t k = 0; k < years; ++k) {
      double length = result.grid_days[reader.first_point(k + 1)] - result.grid_days[reader.first_point(k)];
      for (std::size_t j = 0; j < kept.size(); ++j)
        m.values[(r * years + k) * kept.size() + j] = days[k * states + kept[j]] / length;
    }
  }
  return m;
}

Metric children_placed(const TallyReader& reader, const Metric& placements) {
  const auto& result = reader.result();
  std::vector<std::size_t> kept = non_exit_states(result);
  std::size_t years = reader.years();
  Metric m = make_metric(reader, "children_placed", {"year"}, {years});
  for (std::size_t r = 0; r < reader.replicates(); ++r)
    for (std::size_t k = 0; k < years; ++k)
      for (std::size_t j = 0; j < kept.size(); ++j)
        if (result.states[kept[j]].kind == "placement")
          m.values[r * years + k] += placements.values[(r * years + k) * kept.size() + j];
  return m;
}

Metric new_placements(const TallyReader& reader) {
  const auto& result = reader.result();
  std::size_t states = result.states.size(), years = reader.years(), intervals = result.grid_dates.size() - 1;
  auto is = [&](std::size_t s, const char* kind) { return result.states[s].kind == kind; };
  Metric m = make_metric(reader, "new_placements", {"year"}, {years});
  for (std::size_t r = 0; r < reader.replicates(); ++r) {
    auto entries = reader.counts(r, "entries");
    auto transitions = reader.counts(r, "transitions");
    for (std::size_t i = 0; i < intervals; ++i) {
      double& cell = m.values[r * years + reader.year_of_interval(i)];
      for (std::size_t to = 0; to < states; ++to) {
        if (!is(to, "placement")) continue;
        cell += static_cast<double>(entries[i * states + to]);
        for (std::size_t from = 0; from < states; ++from)
          if (is(from, "support")) cell += static_cast<double>(transitions[(i * states + from) * states + to]);
      }
    }
  }
  return m;
}

/// A count array [interval, ...] summed into years.
Metric yearly_total_of_counts(const TallyReader& reader, const std::string& array, std::string name) {
  std::size_t years = reader.years(), intervals = reader.result().grid_dates.size() - 1;
  Metric m = make_metric(reader, std::move(name), {"year"}, {years});
  for (std::size_t r = 0; r < reader.replicates(); ++r) {
    auto values = reader.counts(r, array);
    std::size_t per_interval = values.size() / intervals;
    for (std::size_t i = 0; i < intervals; ++i)
      for (std::size_t c = 0; c < per_interval; ++c)
        m.values[r * years + reader.year_of_interval(i)] += static_cast<double>(values[i * per_interval + c]);
  }
  return m;
}

Metric copy_of_sums(const TallyReader& reader, const std::string& array, std::string name) {
  const engine::TallyArray& shape = reader.shape_of_sums(array);
  Metric m = make_metric(reader, std::move(name), shape.dimensions, shape.shape);
  for (std::size_t r = 0; r < reader.replicates(); ++r) {
    auto values = reader.sums(r, array);
    std::copy(values.begin(), values.end(), m.values.begin() + static_cast<long>(r * values.size()));
  }
  return m;
}

Metric yearly_mean_of_points(const TallyReader& reader, const std::string& array, std::string name) {
  std::size_t years = reader.years();
  Metric m = make_metric(reader, std::move(name), {"year"}, {years});
  for (std::size_t r = 0; r < reader.replicates(); ++r) {
    auto values = reader.sums(r, array);
    for (std::size_t k = 0; k < years; ++k) {
      std::size_t first = reader.first_point(k), last = reader.first_point(k + 1);
      double total = 0.0;
      for (std::size_t t = first; t < last; ++t) total += values[t];
      m.values[r * years + k] = total / static_cast<double>(last - first);
    }
  }
  return m;
}

Metric yearly_total_of_sums(const TallyReader& reader, const std::string& array, std::string name) {
  std::size_t years = reader.years();
  Metric m = make_metric(reader, std::move(name), {"year"}, {years});
  for (std::size_t r = 0; r < reader.replicates(); ++r) {
    auto values = reader.sums(r, array);
    std::size_t per_year = values.size() / years;
    for (std::size_t k = 0; k < years; ++k)
      for (std::size_t c = 0; c < per_year; ++c) m.values[r * years + k] += values[k * per_year + c];
  }
  return m;
}

}  // namespace

const Metric* ScenarioMetrics::find(const std::string& name) const {
  for (const Metric& m : metrics)
    if (m.name == name) return &m;
  return nullptr;
}

ScenarioMetrics scenario_metrics(const models::RunResult& result) {
  if (result.replicates.empty()) throw OutputError("a comparison needs simulated replicates, not analytic mode");
  TallyReader reader(result);
  ScenarioMetrics out;
  ReportingYears years = reporting_years_of(result);
  out.year_starts = years.first_dates(result.grid_dates);
  out.year_ends = years.end_dates(result.grid_dates);
  for (std::size_t s : non_exit_states(result)) out.states.push_back(result.states[s].name);
  auto labels = result.layout->axis_labels().find("category");
  if (labels != result.layout->axis_labels().end()) out.categories = labels->second;
  out.metrics.push_back(placements(reader));
  out.metrics.push_back(children_placed(reader, out.metrics.back()));
  out.metrics.push_back(new_placements(reader));
  out.metrics.push_back(yearly_total_of_counts(reader, "breakdowns", "breakdowns"));
  if (reader.has("school_changes"))
    out.metrics.push_back(yearly_total_of_counts(reader, "school_changes", "school_changes"));
  if (reader.has("exam_expected_passes"))
    out.metrics.push_back(copy_of_sums(reader, "exam_expected_passes", "exam_expected_passes"));
  if (reader.has("fte_needed")) out.metrics.push_back(yearly_mean_of_points(reader, "fte_needed", "fte_needed"));
  out.metrics.push_back(yearly_total_of_sums(reader, "costs", "cost"));
  out.metrics.push_back(yearly_total_of_sums(reader, "costs_discounted", "cost_discounted"));
  out.metrics.push_back(copy_of_sums(reader, "costs", "cost_by_category"));
  return out;
}

}  // namespace carecast::output
