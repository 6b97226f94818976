// The numbers one replicate uses for each intervention (models/intervention_values.hpp), against
// docs/model.md ("Per-replicate values"): a fixed number is used as written; an uncertain one is
// the quantile of its law at one uniform drawn from a stream keyed by the seed, the replicate and
// the number's name (INTERVENTION/uptake, INTERVENTION/entry_rate, INTERVENTION/redirect,
// INTERVENTION/hazards/i, hashed with FNV-1a). So the same replicate draws the same value in two
// scenarios that differ elsewhere, a wider range is paired quantile by quantile, draws stay in
// their range, and over many replicates their mean is the law's mean (within 4 Monte Carlo
// standard errors, fixed seed).
#include "models/intervention_values.hpp"

#include <gtest/gtest.h>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "engine/random_stream.hpp"
#include "models/model_builder.hpp"
#include "models/replicate_models.hpp"
#include "models/scenario/scenario_reader.hpp"
#include "models_test_support.hpp"

namespace carecast::models {
namespace {

using Law = UncertainValue::Law;

UncertainValue uniform(double low, double high) { return {Law::uniform, low, 0.0, high, 0.0, 1e6}; }
UncertainValue triangular(double low, double mode, double high) { return {Law::triangular, low, mode, high, 0.0, 1e6}; }
UncertainValue normal(double mean, double sd) { return {Law::normal, mean, 0.0, sd, 0.0, 1e6}; }

/// An intervention with every kind of number: uptake, entry_rate, redirect and two hazard effects.
InterventionSpec support(const std::string& name = "support") {
  InterventionSpec spec;
  spec.name = name;
  spec.start = engine::Date{std::chrono::year{2026}, std::chrono::January, std::chrono::day{1}};
  spec.end = engine::Date{std::chrono::year{2030}, std::chrono::January, std::chrono::day{1}};
  spec.target_states = {true, true, false};
  spec.uptake = uniform(0.3, 0.6);
  spec.entry_rate = EntryEffect{uniform(0.7, 1.0), std::nullopt};
  spec.redirect = RedirectEffect{0, 1, triangular(0.1, 0.2, 0.6)};
  spec.hazards = {HazardEffect{std::nullopt, HazardScope::all, uniform(0.5, 0.9)},
                  HazardEffect{1, HazardScope::breakdowns, normal(1.3, 0.1)}};
  return spec;
}

InterventionsSpec with(std::vector<InterventionSpec> list) { return InterventionsSpec{EffectCombination::multiply, std::move(list)}; }

constexpr std::uint64_t seed = 20260101;

TEST(InterventionValues, ParameterIdentityIsAStableFnv1aStyleHash) {
  // The identity keys every draw, so it must never change: its values are pinned here. It is
  // the FNV-1a step (xor a byte, multiply by the 64-bit FNV prime 1099511628211) from the offset
  // basis 1469598103934665603. NB: the standard FNV-1a basis is 14695981039346656037
  // (0xcbf29ce484222325), one digit longer, so these are not the published FNV-1a values
  // (FNV-1a("a") = 0xaf63dc4c8601ec8c); see the report that came with this test.
  EXPECT_EQ(parameter_identity(""), 1469598103934665603ull);
  std::uint64_t a = (1469598103934665603ull ^ 'a') * 1099511628211ull;
  EXPECT_EQ(parameter_identity("a"), a);
  EXPECT_EQ(parameter_identity("ab"), (a ^ 'b') * 1099511628211ull);
  EXPECT_EQ(parameter_identity("a"), 4953267810257967366ull);
  EXPECT_EQ(parameter_identity("foobar"), 9870438755804841970ull);
  EXPECT_NE(parameter_identity("support/hazards/0"), parameter_identity("support/hazards/1"));
}

TEST(InterventionValues, CentralValuesAreTheNumberTheMiddleTheModeAndTheMean) {
  InterventionSpec fixed = support("fixed");
  fixed.uptake = UncertainValue::fixed(0.45);
  InterventionsSpec spec = with({support(), fixed});
  InterventionValues values = central_values(spec);
  ASSERT_EQ(values.size(), 2u);
  EXPECT_DOUBLE_EQ(values[0].uptake, 0.45);           // uniform 0.3-0.6
  EXPECT_DOUBLE_EQ(values[0].entry_multiplier, 0.85);  // uniform 0.7-1.0
  EXPECT_DOUBLE_EQ(values[0].redirect_share, 0.2);     // triangular mode
  EXPECT_EQ(values[0].hazard_multipliers, (std::vector<double>{0.7, 1.3}));
  EXPECT_EQ(values[1].uptake, 0.45);
}

TEST(InterventionValues, WithoutEffectsTheNeutralValuesStand) {
  InterventionSpec cost_only;
  cost_only.name = "cost_only";
  cost_only.uptake = uniform(0.2, 0.4);
  InterventionValues values = draw_values(with({cost_only}), {seed, 3});
  ASSERT_EQ(values.size(), 1u);
  EXPECT_EQ(values[0].entry_multiplier, 1.0);
  EXPECT_EQ(values[0].redirect_share, 0.0);
  EXPECT_TRUE(values[0].hazard_multipliers.empty());
}

TEST(InterventionValues, EachNumberIsItsLawsQuantileAtTheUniformKeyedByItsName) {
  const InterventionSpec spec = support();
  for (std::uint64_t r = 0; r < 20; ++r) {
    engine::StreamKey key{seed, r};
    auto expected = [&](const UncertainValue& value, const std::string& name) {
      auto stream = engine::make_stream(key, parameter_identity(name), engine::Purpose::parameter_draw);
      return value.quantile(engine::draw_uniform(stream));
    };
    InterventionDraw draw = draw_values(with({spec}), key)[0];
    EXPECT_EQ(draw.uptake, expected(spec.uptake, "support/uptake")) << r;
    EXPECT_EQ(draw.entry_multiplier, expected(spec.entry_rate->multiplier, "support/entry_rate")) << r;
    EXPECT_EQ(draw.redirect_share, expected(spec.redirect->share, "support/redirect")) << r;
    ASSERT_EQ(draw.hazard_multipliers.size(), 2u);
    EXPECT_EQ(draw.hazard_multipliers[0], expected(spec.hazards[0].multiplier, "support/hazards/0")) << r;
    EXPECT_EQ(draw.hazard_multipliers[1], expected(spec.hazards[1].multiplier, "support/hazards/1")) << r;
  }
}

TEST(InterventionValues, TheSameReplicateDrawsTheSameValueInScenariosThatDifferElsewhere) {
  // B writes another intervention first and gives `support` other dates, states and costs; C
  // renames it. The seed and replicate are the same.
  InterventionSpec moved = support();
  moved.start = engine::Date{std::chrono::year{2027}, std::chrono::March, std::chrono::day{1}};
  moved.target_states = {true, false, false};
  moved.cost.per_participant = 1000.0;
  InterventionsSpec a = with({support()});
  InterventionsSpec b = with({support("other"), moved});
  InterventionsSpec c = with({support("renamed")});
  std::size_t differs_by_replicate = 0, differs_by_name = 0;
  double previous = -1.0;
  for (std::uint64_t r = 0; r < 50; ++r) {
    InterventionDraw da = draw_values(a, {seed, r})[0];
    InterventionDraw db = draw_values(b, {seed, r})[1];
    EXPECT_EQ(da.uptake, db.uptake) << r;
    EXPECT_EQ(da.entry_multiplier, db.entry_multiplier) << r;
    EXPECT_EQ(da.redirect_share, db.redirect_share) << r;
    EXPECT_EQ(da.hazard_multipliers, db.hazard_multipliers) << r;
    differs_by_name += draw_values(c, {seed, r})[0].uptake != da.uptake;
    differs_by_replicate += da.uptake != previous;
    previous = da.uptake;
    // A different seed is another set of draws.
    EXPECT_NE(draw_values(a, {seed + 1, r})[0].uptake, da.uptake) << r;
  }
  EXPECT_EQ(differs_by_replicate, 50u);
  EXPECT_EQ(differs_by_name, 50u);
}

TEST(InterventionValues, AWiderRangeIsPairedQuantileByQuantile) {
  InterventionSpec wide = support();
  wide.uptake = uniform(0.1, 0.9);
  wide.hazards[0].multiplier = triangular(0.2, 0.5, 1.4);
  for (std::uint64_t r = 0; r < 50; ++r) {
    InterventionDraw narrow_draw = draw_values(with({support()}), {seed, r})[0];
    InterventionDraw wide_draw = draw_values(with({wide}), {seed, r})[0];
    double u = (narrow_draw.uptake - 0.3) / 0.3;  // the uniform behind the narrow draw
    EXPECT_NEAR(wide_draw.uptake, 0.1 + 0.8 * u, 1e-12) << r;
    // The hazard multiplier uses the same u as the narrow uniform 0.5-0.9 did.
    double v = (narrow_draw.hazard_multipliers[0] - 0.5) / 0.4;
    EXPECT_NEAR(wide_draw.hazard_multipliers[0], wide.hazards[0].multiplier.quantile(v), 1e-12) << r;
  }
}

TEST(InterventionValues, DrawsStayInTheirRangeAndAverageToTheLawsMean) {
  // 4000 replicates, seed fixed. Each mean must lie within 4 standard errors sd / sqrt(n) of the
  // law's mean: uniform (a + b) / 2, sd (b − a) / sqrt(12); triangular (a + c + b) / 3, sd
  // sqrt((a² + b² + c² − ab − ac − bc) / 18); normal 1.3, sd 0.1 (its truncation to [0, 1e6] is
  // 13 sd away, negligible).
  const std::size_t n = 4000;
  InterventionsSpec spec = with({support()});
  double sum_uptake = 0, sum_entry = 0, sum_share = 0, sum_h0 = 0, sum_h1 = 0, sum_cross = 0;
  std::set<double> distinct;
  for (std::uint64_t r = 0; r < n; ++r) {
    InterventionDraw d = draw_values(spec, {seed, r})[0];
    ASSERT_GE(d.uptake, 0.3);
    ASSERT_LE(d.uptake, 0.6);
    ASSERT_GE(d.entry_multiplier, 0.7);
    ASSERT_LE(d.entry_multiplier, 1.0);
    ASSERT_GE(d.redirect_share, 0.1);
    ASSERT_LE(d.redirect_share, 0.6);
    ASSERT_GE(d.hazard_multipliers[0], 0.5);
    ASSERT_LE(d.hazard_multipliers[0], 0.9);
    sum_uptake += d.uptake;
    sum_entry += d.entry_multiplier;
    sum_share += d.redirect_share;
    sum_h0 += d.hazard_multipliers[0];
    sum_h1 += d.hazard_multipliers[1];
    sum_cross += (d.uptake - 0.45) * (d.hazard_multipliers[0] - 0.7);
    distinct.insert(d.uptake);
  }
  const double m = static_cast<double>(n);
  auto uniform_se = [&](double a, double b) { return (b - a) / std::sqrt(12.0) / std::sqrt(m); };
  EXPECT_NEAR(sum_uptake / m, 0.45, 4 * uniform_se(0.3, 0.6));
  EXPECT_NEAR(sum_entry / m, 0.85, 4 * uniform_se(0.7, 1.0));
  EXPECT_NEAR(sum_h0 / m, 0.7, 4 * uniform_se(0.5, 0.9));
  const double a = 0.1, c = 0.2, b = 0.6;
  double triangular_sd = std::sqrt((a * a + b * b + c * c - a * b - a * c - b * c) / 18.0);
  EXPECT_NEAR(sum_share / m, (a + b + c) / 3.0, 4 * triangular_sd / std::sqrt(m));
  EXPECT_NEAR(sum_h1 / m, 1.3, 4 * 0.1 / std::sqrt(m));
  // Uptake and the hazard multiplier are independent draws: their sample covariance is within
  // 4 standard errors (sd_uptake × sd_h0 / sqrt(n)) of 0.
  double sd_uptake = 0.3 / std::sqrt(12.0), sd_h0 = 0.4 / std::sqrt(12.0);
  EXPECT_NEAR(sum_cross / m, 0.0, 4 * sd_uptake * sd_h0 / std::sqrt(m));
  EXPECT_EQ(distinct.size(), n);
}

TEST(InterventionValues, UncertainOnlyWhenSomeNumberIsARangeOrDistribution) {
  InterventionSpec fixed = support("fixed");
  fixed.uptake = UncertainValue::fixed(0.5);
  fixed.entry_rate->multiplier = UncertainValue::fixed(0.8);
  fixed.redirect->share = UncertainValue::fixed(0.3);
  for (HazardEffect& effect : fixed.hazards) effect.multiplier = UncertainValue::fixed(0.9);
  EXPECT_FALSE(has_uncertain_values(with({fixed})));
  EXPECT_TRUE(has_uncertain_values(with({fixed, support()})));
  InterventionSpec one_hazard = fixed;
  one_hazard.hazards[1].multiplier = uniform(0.8, 1.0);
  EXPECT_TRUE(has_uncertain_values(with({one_hazard})));
  // Fixed numbers are used as written in every replicate.
  for (std::uint64_t r = 0; r < 5; ++r) {
    InterventionDraw d = draw_values(with({fixed}), {seed, r})[0];
    EXPECT_EQ(d.uptake, 0.5);
    EXPECT_EQ(d.entry_multiplier, 0.8);
    EXPECT_EQ(d.redirect_share, 0.3);
    EXPECT_EQ(d.hazard_multipliers, (std::vector<double>{0.9, 0.9}));
  }
}

TEST(InterventionValues, EachReplicateModelIsBuiltWithItsOwnDraws) {
  // A hazard effect with an uncertain uptake and multiplier: replicate r's compiled hazard of
  // foster -> home, inside the intervention's dates, is 0.73 / 365.25 × (1 − u_r × (1 − m_r)) with
  // that replicate's draws; outside them it is the base rate.
  test_support::ScratchFolder folder;
  std::string population = "age,year,population\n";
  for (int age = 0; age < 18; ++age) population += fmt::format("{},2025,1000\n", age);
  folder.write("population.csv", population);
  folder.write("snapshot.csv", "age,state,days_in_state\n");
  Scenario scenario = read_scenario(folder.write("scenario.yaml", R"(name: Replicate draws
simulation: {start: 2025-01-01, years: 2, grid: yearly, replicates: 6, seed: 5}
states:
  - {name: foster, kind: placement}
  - {name: home, kind: exit}
  - {name: aged_out, kind: exit}
ageing_out: {age: 18, to: aged_out}
population: {table: population.csv}
entries:
  rate_per_1000: [{age: [0, 18], rate: 0}]
  mix: [{age: [0, 18], shares: {foster: 1}}]
transitions:
  - {from: foster, to: home, hazard: 0.73}
initial_stock: {snapshot: snapshot.csv}
interventions:
  reunify:
    start: 2026-01-01
    end: 2027-01-01
    uptake: {uniform: [0.2, 0.8]}
    hazards: [{to: home, multiplier: {uniform: [0.3, 0.6]}}]
)"));
  const std::size_t replicates = 6;
  ReplicateModels models(scenario, seed, {0, replicates});
  ASSERT_TRUE(models.per_replicate());
  std::set<double> rates;
  for (std::size_t r = 0; r < replicates; ++r) {
    InterventionDraw draw = draw_values(scenario.interventions, {seed, r})[0];
    const CompiledScenario& compiled = models.compiled(r);
    EXPECT_EQ(compiled.intervention_values[0].uptake, draw.uptake) << r;
    const engine::PiecewiseRate& rate = compiled.model.leaving[0].exit(0).rate;
    double factor = 1.0 - draw.uptake * (1.0 - draw.hazard_multipliers[0]);
    EXPECT_DOUBLE_EQ(rate.at(3000.0, 0.0, 400.0), 0.73 / 365.25 * factor) << r;
    EXPECT_DOUBLE_EQ(rate.at(3000.0, 0.0, 100.0), 0.73 / 365.25) << r;
    rates.insert(rate.at(3000.0, 0.0, 400.0));
  }
  EXPECT_EQ(rates.size(), replicates);
}

}  // namespace
}  // namespace carecast::models
