#pragma once
// The keys that say in what money a scenario counts its costs, rather than what they are: the
// currency, the price year, the price index (or its yearly growth) and the discount rate.
// Scenarios that differ in one of them value the same care differently, so a difference of their
// money is a change of valuation, not a saving: `compare` refuses such scenarios
// (models/scenario/comparison_checks.hpp), and a sweep that varies one says so.
#include <array>
#include <string>

namespace carecast::models::money_keys {

inline constexpr char costs[] = "costs";
inline constexpr char currency[] = "costs.currency";
inline constexpr char price_year[] = "costs.price_year";
inline constexpr char price_index[] = "costs.price_index";
inline constexpr char price_growth[] = "costs.price_growth_per_year";
inline constexpr char discount_rate[] = "costs.discount_rate";
/// Whether caseworkers are costed at all (an amount may differ: a pay rise is a policy; costing
/// them in one scenario only is a change of what is counted).
inline constexpr char caseworkers[] = "costs.caseworker_per_year";

inline constexpr std::array<const char*, 5> all = {currency, price_year, price_index, price_growth, discount_rate};

/// True if `key_path` is one of the keys above, or lies below one (a year of the price index,
/// "costs.price_index.2027").
bool is_money_key(const std::string& key_path);

}  // namespace carecast::models::money_keys
