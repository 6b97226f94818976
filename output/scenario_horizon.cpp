#include "output/scenario_horizon.hpp"

#include <yaml-cpp/yaml.h>

#include "engine/calendar.hpp"

namespace carecast::output {

namespace {

/// The scalar text of `node`, if it is a scalar that is not null (`~`).
std::optional<std::string> scalar_text(const YAML::Node& node) {
  if (!node || !node.IsScalar() || node.Scalar() == "~" || node.Scalar() == "null") return std::nullopt;
  return node.Scalar();
}

std::optional<std::string> horizon_from_years(const std::string& years_text, const std::string& start) {
  std::optional<engine::Date> first = engine::parse_iso_date(start);
  std::size_t used = 0;
  int years = 0;
  try {
    years = std::stoi(years_text, &used);
  } catch (const std::exception&) {
    return std::nullopt;
  }
  if (!first || used != years_text.size() || years < 1) return std::nullopt;
  return engine::format_iso_date(engine::add_months(*first, 12 * years));
}

}  // namespace

std::optional<std::string> horizon_of_scenario(const std::string& scenario_text, const std::string& start) {
  try {
    YAML::Node simulation = YAML::Load(scenario_text)["simulation"];
    if (!simulation || !simulation.IsMap()) return std::nullopt;
    if (std::optional<std::string> end = scalar_text(simulation["end"]))
      return engine::parse_iso_date(*end) ? end : std::nullopt;
    if (std::optional<std::string> years = scalar_text(simulation["years"])) return horizon_from_years(*years, start);
  } catch (const YAML::Exception&) {
  }
  return std::nullopt;
}

}  // namespace carecast::output
