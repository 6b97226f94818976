// Tally layouts (named arrays at fixed offsets) and element-wise merging.
#include "engine/tally.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <stdexcept>

namespace carecast::engine {
namespace {

std::shared_ptr<TallyLayout> sample_layout() {
  auto layout = std::make_shared<TallyLayout>();
  layout->add_counts("stock", {3, 2}, {"time", "state"});
  layout->add_sums("cost", {4}, {"year"});
  layout->add_counts("entries", {4});
  layout->add_counts("total", {});
  layout->add_sums("days", {2, 2, 2});
  return layout;
}

TEST(TallyLayout, ArraysAreLaidOutContiguouslyInOrderOfRegistration) {
  auto layout = sample_layout();
  ASSERT_EQ(layout->counts().size(), 3u);
  ASSERT_EQ(layout->sums().size(), 2u);

  EXPECT_EQ(layout->counts()[0].offset, 0u);
  EXPECT_EQ(layout->counts()[0].size(), 6u);
  EXPECT_EQ(layout->counts()[1].offset, 6u);
  EXPECT_EQ(layout->counts()[1].size(), 4u);
  EXPECT_EQ(layout->counts()[2].offset, 10u);
  EXPECT_EQ(layout->counts()[2].size(), 1u);  // a scalar
  EXPECT_EQ(layout->count_size(), 11u);

  EXPECT_EQ(layout->sums()[0].offset, 0u);
  EXPECT_EQ(layout->sums()[1].offset, 4u);
  EXPECT_EQ(layout->sums()[1].size(), 8u);
  EXPECT_EQ(layout->sum_size(), 12u);

  EXPECT_EQ(TallyLayout().count_size(), 0u);
  EXPECT_EQ(TallyLayout().sum_size(), 0u);
}

TEST(TallyLayout, HandlesNamesShapesAndDimensions) {
  TallyLayout layout;
  EXPECT_EQ(layout.add_counts("a", {2}), 0u);
  EXPECT_EQ(layout.add_counts("b", {2, 3}, {"x", "y"}), 1u);
  EXPECT_EQ(layout.add_sums("c", {5}, {"z"}), 0u);
  EXPECT_EQ(layout.count_handle("b"), 1u);
  EXPECT_EQ(layout.count_handle("a"), 0u);
  EXPECT_EQ(layout.sum_handle("c"), 0u);
  EXPECT_THROW(layout.count_handle("c"), std::out_of_range);
  EXPECT_THROW(layout.sum_handle("a"), std::out_of_range);
  EXPECT_THROW(layout.count_handle("missing"), std::out_of_range);
  EXPECT_EQ(layout.counts()[1].name, "b");
  EXPECT_EQ(layout.counts()[1].shape, (std::vector<std::size_t>{2, 3}));
  EXPECT_EQ(layout.counts()[1].dimensions, (std::vector<std::string>{"x", "y"}));
  // Missing dimension names are filled in as empty, one per axis.
  EXPECT_EQ(layout.counts()[0].dimensions, (std::vector<std::string>{""}));
}

TEST(Tally, StartsAtZeroAndSpansViewTheirOwnSlice) {
  auto layout = sample_layout();
  Tally tally(layout);
  ASSERT_EQ(tally.all_counts().size(), 11u);
  ASSERT_EQ(tally.all_sums().size(), 12u);
  for (auto x : tally.all_counts()) EXPECT_EQ(x, 0);
  for (auto x : tally.all_sums()) EXPECT_EQ(x, 0.0);

  std::size_t entries = layout->count_handle("entries");
  auto span = tally.counts(entries);
  ASSERT_EQ(span.size(), 4u);
  span[0] = 7;
  span[3] = 9;
  EXPECT_EQ(tally.all_counts()[6], 7);
  EXPECT_EQ(tally.all_counts()[9], 9);
  tally.counts(layout->count_handle("total"))[0] = -4;
  EXPECT_EQ(tally.all_counts()[10], -4);

  auto days = tally.sums(layout->sum_handle("days"));
  ASSERT_EQ(days.size(), 8u);
  days[7] = 2.5;
  EXPECT_EQ(tally.all_sums()[11], 2.5);

  const Tally& view = tally;
  EXPECT_EQ(view.counts(entries)[3], 9);
  EXPECT_EQ(view.sums(layout->sum_handle("days"))[7], 2.5);
  EXPECT_EQ(&view.layout(), layout.get());
}

TEST(Tally, MergeAddsElementWise) {
  auto layout = sample_layout();
  Tally a(layout), b(layout);
  for (std::size_t i = 0; i < a.all_counts().size(); ++i) {
    a.all_counts()[i] = static_cast<std::int64_t>(i);
    b.all_counts()[i] = 100 - 3 * static_cast<std::int64_t>(i);
  }
  for (std::size_t i = 0; i < a.all_sums().size(); ++i) {
    a.all_sums()[i] = 0.5 * i;
    b.all_sums()[i] = 0.25;
  }
  Tally ab = a, ba = b;
  ab.merge(b);
  ba.merge(a);
  for (std::size_t i = 0; i < a.all_counts().size(); ++i) {
    EXPECT_EQ(ab.all_counts()[i], 100 - 2 * static_cast<std::int64_t>(i));
    EXPECT_EQ(ba.all_counts()[i], ab.all_counts()[i]);
  }
  for (std::size_t i = 0; i < a.all_sums().size(); ++i) EXPECT_EQ(ab.all_sums()[i], 0.5 * i + 0.25);
  // Merging does not touch the argument.
  EXPECT_EQ(b.all_counts()[0], 100);
  // Merging an empty tally is the identity.
  Tally before = ab;
  ab.merge(Tally(layout));
  EXPECT_EQ(ab.all_counts(), before.all_counts());
  EXPECT_EQ(ab.all_sums(), before.all_sums());
}

}  // namespace
}  // namespace carecast::engine
