// The short labels of swept key paths, and how a combination is described in messages.
#include "models/scenario/sweep_definition.hpp"

#include <gtest/gtest.h>

namespace carecast::models {
namespace {

using Texts = std::vector<std::string>;

TEST(ShortKeyLabels, TakeAsManyLastStepsAsItTakesToTellTheKeysApart) {
  EXPECT_EQ(short_key_labels({"interventions.x.uptake", "interventions.x.entry_rate.multiplier"}),
            (Texts{"uptake", "multiplier"}));
  EXPECT_EQ(short_key_labels({"interventions.x.entry_rate.multiplier", "interventions.x.redirect.multiplier"}),
            (Texts{"entry_rate.multiplier", "redirect.multiplier"}));
  EXPECT_EQ(short_key_labels({"transitions[3].hazard", "transitions.5.hazard"}), (Texts{"3.hazard", "5.hazard"}));
  EXPECT_EQ(short_key_labels({"interventions.a.uptake", "a.uptake"}), (Texts{"interventions.a.uptake", "a.uptake"}));
  EXPECT_EQ(short_key_labels({"name"}), (Texts{"name"}));
}

TEST(DescribeValues, NamesEachKeyByItsLabel) {
  EXPECT_EQ(describe_values({"interventions.x.uptake", "costs.discount_rate"}, {"0.1", "0.03"}),
            "uptake = 0.1, discount_rate = 0.03");
  Sweep sweep;
  sweep.keys = {"interventions.x.uptake"};
  sweep.combinations.push_back({{"{uniform: [0.3, 0.6]}"}, {std::nullopt}, {}});
  EXPECT_EQ(sweep.describe(0), "uptake = {uniform: [0.3, 0.6]}");
}

}  // namespace
}  // namespace carecast::models
