#include "output/calibration_report.hpp"

#include <fmt/format.h>

#include "output/text_table.hpp"

namespace carecast::output {

namespace calibration = models::calibration;

namespace {

std::string inputs(const calibration::CalibratedModel& model) {
  const calibration::ExposureSummary& s = model.exposure.summary();
  std::string window = model.fit_until ? "before " + engine::format_iso_date(*model.fit_until)
                                       : "up to " + engine::format_iso_date(model.observed_until);
  return fmt::format(
      "{}: {} episodes ({} used, {}), {} children; {} moves, {} breakdowns, {} exits; "
      "{:.1f} person-years at risk; censored: {} open, {} ageing out, {} without a destination.\n",
      model.source.string(), s.episodes, s.episodes_used, window, s.children, s.moves, s.breakdowns, s.exits,
      s.exposure_years, s.censored_open, s.censored_ageing_out, s.censored_unknown);
}

std::string transition_table(const calibration::CalibratedModel& model) {
  const calibration::ExposureTable& table = model.exposure;
  TextTable text({{"from", Align::left}, {"to", Align::left}, {"kind", Align::left}, {"events"},
                  {"person-years"}, {"rate / year"}, {"rates (cells)"}});
  const auto& keys = table.transitions();
  for (std::size_t t = 0; t < keys.size(); ++t) {
    const calibration::TransitionEstimates& estimates = model.hazards.transitions()[t];
    double exposure = 0.0;
    for (const calibration::RateEstimate& cell : estimates.by_group) exposure += cell.exposure_years;
    text.add_row({table.states()[keys[t].from], table.states()[keys[t].to], calibration::transition_kind_name(keys[t].kind),
                  fmt::format("{}", estimates.events), fmt::format("{:.1f}", exposure),
                  exposure > 0 ? fmt::format("{:.4g}", static_cast<double>(estimates.events) / exposure) : "-",
                  fmt::format("{}", estimates.by_group.size())});
  }
  return text.render();
}

std::string breakdown_factor(const calibration::CalibratedModel& model) {
  if (!model.breakdown_factor) return "";
  const calibration::BreakdownFactorEstimate& f = *model.breakdown_factor;
  if (!f.estimable) return "Prior-breakdown factor: not estimated (" + f.reason + ").\n";
  return fmt::format("Prior-breakdown factor: {:.3g} (95 % interval {:.3g}-{:.3g}; {} breakdowns, {} after an earlier one).\n",
                     f.factor, f.lower, f.upper, f.breakdowns, f.after_breakdown);
}

}  // namespace

std::string format_calibration_report(const calibration::CalibratedModel& model) {
  std::string pooled = model.hazards.pooling().empty()
                           ? "No cells pooled.\n"
                           : fmt::format("{} cells pooled with a neighbour (listed under calibration.pooling).\n",
                                         model.hazards.pooling().size());
  std::string entries = model.entries ? "Entry rates per 1000 and the entry mix estimated.\n"
                                      : "Entry rates not estimated (no --population).\n";
  return inputs(model) + pooled + entries + breakdown_factor(model) + "\n" + transition_table(model);
}

std::string format_calibration_warnings(const calibration::CalibratedModel& model) {
  std::string text;
  for (const std::string& warning : model.warnings) text += "warning: " + warning + "\n";
  return text;
}

}  // namespace carecast::output
