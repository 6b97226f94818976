#pragma once
// The keys under `costs` that give a state's cost, each in its unit of time: per_day, per_week
// (English placement fees are weekly) and per_year (a child-year of 365.25 days).
#include <array>

namespace carecast::models {

struct CostUnit {
  const char* key;
  double days;  // what the amount is divided by to give a daily cost
};

inline constexpr std::array<CostUnit, 3> cost_units{{{"per_day", 1.0}, {"per_week", 7.0}, {"per_year", 365.25}}};

}  // namespace carecast::models
