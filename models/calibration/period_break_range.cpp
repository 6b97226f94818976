#include "models/calibration/period_break_range.hpp"

#include <fmt/format.h>

#include <chrono>
#include <stdexcept>

namespace carecast::models::calibration {

namespace {

using Days = std::chrono::sys_days;

std::string allowed(const PeriodBreakRange& range) {
  return fmt::format("give only breaks after the first record's start {} and before {}",
                     engine::format_iso_date(range.after), range.before_named);
}

[[noreturn]] void refuse_early_break(const engine::Date& b, const PeriodBreakRange& range) {
  throw std::invalid_argument(fmt::format(
      "the period break {} (--period-breaks) is on or before the first record's start {}: the period before it has "
      "no records to fit its rates on, so they would be rate-0 placeholders, with which a forecast never moves a "
      "child; {}",
      engine::format_iso_date(b), engine::format_iso_date(range.after), allowed(range)));
}

[[noreturn]] void refuse_late_break(const engine::Date& b, const PeriodBreakRange& range) {
  throw std::invalid_argument(fmt::format(
      "the period break {} (--period-breaks) is on or after {}: a period that starts then has no records to fit "
      "its rates on, so they would be rate-0 placeholders, with which a forecast never moves a child or lets one "
      "leave care from that date on; {}",
      engine::format_iso_date(b), range.before_named, allowed(range)));
}

}  // namespace

PeriodBreakRange period_break_range(const EpisodeData& data, std::optional<engine::Date> fit_until,
                                    const std::string& fit_until_name) {
  PeriodBreakRange range{earliest_start(data), data.observed_until,
                         "the end of observation " + engine::format_iso_date(data.observed_until)};
  if (fit_until && Days{*fit_until} <= Days{data.observed_until}) {
    range.before = *fit_until;
    range.before_named = fit_until_name + " " + engine::format_iso_date(*fit_until);
  }
  return range;
}

void check_period_breaks(const std::vector<engine::Date>& breaks, const PeriodBreakRange& range) {
  for (const engine::Date& b : breaks) {
    if (Days{b} <= Days{range.after}) refuse_early_break(b, range);
    if (Days{b} >= Days{range.before}) refuse_late_break(b, range);
  }
}

}  // namespace carecast::models::calibration
