#include "output/paired_comparison.hpp"

#include <algorithm>

#include "output/output_error.hpp"

namespace carecast::output {

namespace {

void check_comparable(const ScenarioMetrics& base, const ScenarioMetrics& alternative, const std::string& name) {
  const Metric& a = base.metrics.front();
  const Metric& b = alternative.metrics.front();
  if (a.replicates != b.replicates) throw OutputError("'" + name + "' has a different number of replicates than the base");
  if (base.year_starts != alternative.year_starts || base.year_ends != alternative.year_ends)
    throw OutputError("'" + name + "' covers other years than the base; a comparison needs the same start date, horizon and grid");
  if (base.states != alternative.states)
    throw OutputError("'" + name + "' declares other states than the base; a comparison needs the same states");
}

std::vector<std::string> union_of(std::vector<std::string> a, const std::vector<std::string>& b) {
  for (const std::string& x : b)
    if (std::find(a.begin(), a.end(), x) == a.end()) a.push_back(x);
  return a;
}

/// `metric` [r, year, category] with its categories rearranged into `all`.
Metric on_categories(const Metric& metric, const std::vector<std::string>& own, const std::vector<std::string>& all) {
  std::size_t years = metric.shape[0];
  Metric out{metric.name, metric.dimensions, {years, all.size()},
             std::vector<double>(metric.replicates * years * all.size(), 0.0), metric.replicates};
  for (std::size_t c = 0; c < own.size(); ++c) {
    auto to = static_cast<std::size_t>(std::find(all.begin(), all.end(), own[c]) - all.begin());
    for (std::size_t r = 0; r < metric.replicates; ++r)
      for (std::size_t k = 0; k < years; ++k)
        out.values[(r * years + k) * all.size() + to] = metric.values[(r * years + k) * own.size() + c];
  }
  return out;
}

Metric difference(const Metric& alt, const Metric& base) {
  Metric d = alt;
  for (std::size_t i = 0; i < d.values.size(); ++i) d.values[i] -= base.values[i];
  return d;
}

Metric cumulative(const Metric& yearly, std::string name) {
  Metric c = yearly;
  c.name = std::move(name);
  std::size_t years = yearly.shape[0];
  for (std::size_t r = 0; r < c.replicates; ++r)
    for (std::size_t k = 1; k < years; ++k) c.values[r * years + k] += c.values[r * years + k - 1];
  return c;
}

std::vector<double> row(const Metric& m, std::size_t r) {
  std::size_t cells = m.cells();
  return {m.values.begin() + static_cast<long>(r * cells), m.values.begin() + static_cast<long>((r + 1) * cells)};
}

void add_money(PairedComparison& out, const Metric& net, const Metric& net_discounted) {
  Metric total = cumulative(net, "cumulative_net_cost");
  Metric discounted = cumulative(net_discounted, "cumulative_net_cost_discounted");
  std::size_t years = net.shape[0], replicates = net.replicates;
  Metric npv{"net_present_value", {}, {}, std::vector<double>(replicates), replicates};
  Metric payback{"payback_year", {}, {}, std::vector<double>(replicates), replicates, 0.0};
  std::vector<double> mean(years, 0.0);
  std::size_t paying = 0;
  for (std::size_t r = 0; r < replicates; ++r) {
    std::vector<double> path = row(discounted, r);
    npv.values[r] = -path.back();
    auto year = payback_year(path);
    payback.values[r] = year ? static_cast<double>(*year) : 0.0;
    paying += year.has_value();
    for (std::size_t k = 0; k < years; ++k) mean[k] += path[k] / static_cast<double>(replicates);
  }
  out.mean_payback_year = payback_year(mean);
  out.share_paying_back = static_cast<double>(paying) / static_cast<double>(replicates);
  for (Metric* m : {&total, &discounted, &npv, &payback}) out.differences.push_back(std::move(*m));
}

}  // namespace

const Metric* PairedComparison::find(const std::string& name) const {
  for (const Metric& m : differences)
    if (m.name == name) return &m;
  return nullptr;
}

std::optional<std::size_t> payback_year(const std::vector<double>& cumulative) {
  // Years before the alternative first differs from the base cannot pay back: nothing was spent.
  std::size_t first_different = 0;
  while (first_different < cumulative.size() &&
         cumulative[first_different] == (first_different == 0 ? 0.0 : cumulative[first_different - 1]))
    ++first_different;
  std::optional<std::size_t> year;
  for (std::size_t k = cumulative.size(); k-- > first_different;) {
    if (cumulative[k] > 0.0) break;
    year = k + 1;
  }
  return year;
}

PairedComparison compare_paired(const ScenarioMetrics& base, const ScenarioMetrics& alternative,
                                std::string base_name, std::string alternative_name) {
  check_comparable(base, alternative, alternative_name);
  PairedComparison out{std::move(base_name), std::move(alternative_name), {}, {}, std::nullopt, 0.0};
  out.categories = union_of(base.categories, alternative.categories);
  for (const Metric& b : base.metrics) {
    const Metric* a = alternative.find(b.name);
    if (!a) continue;  // e.g. school figures when only one of the two has a school section
    if (b.name == "cost_by_category")
      out.differences.push_back(difference(on_categories(*a, alternative.categories, out.categories),
                                           on_categories(b, base.categories, out.categories)));
    else
      out.differences.push_back(difference(*a, b));
  }
  add_money(out, *out.find("cost"), *out.find("cost_discounted"));
  return out;
}

}  // namespace carecast::output
