#pragma once
// Boxes of age × time in state × calendar period, as written in a scenario, and the check that
// a list of them tiles its domain exactly (no gap, no overlap).
#include <string>
#include <vector>

#include "engine/axis.hpp"
#include "models/config/config_value.hpp"

namespace carecast::models {

/// A half-open interval [lower, upper); either end may be infinite.
struct Interval {
  double lower = -engine::infinity;
  double upper = engine::infinity;
  bool contains(double x) const { return lower <= x && x < upper; }
};

struct BandBox {
  Interval age;       // years
  Interval duration;  // years in the current state
  Interval period;    // day offsets from the scenario's start date
  SourceLocation where;
  std::string path;
};

/// Which axes a list of boxes may use.
struct BandAxes {
  bool duration = false;
  bool period = false;
};

/// Reads the optional `age`, `duration` and `period` keys of one box. Ages and durations are
/// [lower, upper] in years (upper may be .inf); periods are [date, date], either end may be ~.
BandBox read_band_box(const ConfigMap& map, BandAxes axes, const engine::Calendar& calendar);

/// Throws an InputError at `owner` for the first gap or overlap of `boxes` inside `domain`.
void check_tiling(const std::vector<BandBox>& boxes, const BandBox& domain, const ConfigValue& owner);

/// Index of the box containing the point, or -1.
int box_containing(const std::vector<BandBox>& boxes, double age, double duration, double period);

std::string describe_interval(const Interval& interval, const std::string& unit);

}  // namespace carecast::models
