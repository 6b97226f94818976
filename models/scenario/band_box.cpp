#include "models/scenario/band_box.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace carecast::models {

namespace {

Interval read_numeric_interval(const ConfigValue& value, double lowest, const char* what) {
  auto ends = value.list();
  if (ends.size() != 2) value.fail(std::string("expected [lower, upper] ") + what);
  Interval interval{ends[0].number(), ends[1].is_null() ? engine::infinity : ends[1].number_or_infinity()};
  if (interval.lower < lowest) ends[0].fail(fmt::format("expected a lower bound of at least {}", lowest));
  if (interval.upper <= interval.lower) value.fail("the upper bound must be greater than the lower bound");
  return interval;
}

double read_period_end(const ConfigValue& value, const engine::Calendar& calendar, double open) {
  if (value.is_null()) return open;
  return calendar.offset_of(value.date());
}

Interval read_period(const ConfigValue& value, const engine::Calendar& calendar) {
  auto ends = value.list();
  if (ends.size() != 2) value.fail("expected [first date, end date] (either may be ~ for open)");
  Interval interval{read_period_end(ends[0], calendar, -engine::infinity),
                    read_period_end(ends[1], calendar, engine::infinity)};
  if (interval.upper <= interval.lower) value.fail("the end date must come after the first date");
  return interval;
}

std::vector<double> edges_within(const std::vector<BandBox>& boxes, Interval BandBox::*axis,
                                 Interval domain) {
  std::vector<double> edges{domain.lower, domain.upper};
  for (const BandBox& box : boxes)
    for (double edge : {(box.*axis).lower, (box.*axis).upper})
      if (edge > domain.lower && edge < domain.upper) edges.push_back(edge);
  std::sort(edges.begin(), edges.end());
  edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
  return edges;
}

double inside(double lower, double upper) {
  if (std::isinf(lower) && std::isinf(upper)) return 0.0;
  if (std::isinf(lower)) return upper - 1.0;
  if (std::isinf(upper)) return lower + 1.0;
  return 0.5 * (lower + upper);
}

std::string describe_cell(const Interval& age, const Interval& duration, const Interval& period) {
  std::string text = "age " + describe_interval(age, "years");
  if (!(std::isinf(duration.upper) && duration.lower <= 0)) text += ", time in state " + describe_interval(duration, "years");
  if (!(std::isinf(period.lower) && std::isinf(period.upper))) text += ", period " + describe_interval(period, "days from the start");
  return text;
}

}  // namespace

std::string describe_interval(const Interval& interval, const std::string& unit) {
  auto end = [](double x) { return std::isinf(x) ? std::string(x < 0 ? "-inf" : "inf") : fmt::format("{:g}", x); };
  return "[" + end(interval.lower) + ", " + end(interval.upper) + ") " + unit;
}

BandBox read_band_box(const ConfigMap& map, BandAxes axes, const engine::Calendar& calendar) {
  BandBox box;
  box.where = map.where();
  box.path = map.path();
  if (auto age = map.optional("age")) box.age = read_numeric_interval(*age, 0.0, "ages in years");
  if (axes.duration)
    if (auto duration = map.optional("duration"))
      box.duration = read_numeric_interval(*duration, 0.0, "years in the current state");
  if (axes.period)
    if (auto period = map.optional("period")) box.period = read_period(*period, calendar);
  return box;
}

int box_containing(const std::vector<BandBox>& boxes, double age, double duration, double period) {
  for (std::size_t i = 0; i < boxes.size(); ++i)
    if (boxes[i].age.contains(age) && boxes[i].duration.contains(duration) &&
        boxes[i].period.contains(period))
      return static_cast<int>(i);
  return -1;
}

void check_tiling(const std::vector<BandBox>& boxes, const BandBox& domain, const ConfigValue& owner) {
  auto ages = edges_within(boxes, &BandBox::age, domain.age);
  auto durations = edges_within(boxes, &BandBox::duration, domain.duration);
  auto periods = edges_within(boxes, &BandBox::period, domain.period);
  for (std::size_t a = 0; a + 1 < ages.size(); ++a)
    for (std::size_t d = 0; d + 1 < durations.size(); ++d)
      for (std::size_t p = 0; p + 1 < periods.size(); ++p) {
        double x = inside(ages[a], ages[a + 1]), y = inside(durations[d], durations[d + 1]),
               z = inside(periods[p], periods[p + 1]);
        std::vector<const BandBox*> covering;
        for (const BandBox& box : boxes)
          if (box.age.contains(x) && box.duration.contains(y) && box.period.contains(z)) covering.push_back(&box);
        Interval age{ages[a], ages[a + 1]}, duration{durations[d], durations[d + 1]},
            period{periods[p], periods[p + 1]};
        if (covering.empty())
          owner.fail("the bands leave a gap: " + describe_cell(age, duration, period) +
                     " is not covered by any entry");
        if (covering.size() > 1)
          throw InputError(covering[1]->where, covering[1]->path,
                           "this band overlaps '" + covering[0]->path + "' at " +
                               describe_cell(age, duration, period));
      }
}

}  // namespace carecast::models
