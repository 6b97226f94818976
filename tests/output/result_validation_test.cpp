#include "output/result_validation.hpp"

#include <gtest/gtest.h>

#include "output/output_error.hpp"
#include "tests/output/output_test_support.hpp"

namespace carecast::output {
namespace {

using testing::synthetic_result;

std::string rejection_of(const models::RunResult& result) {
  try {
    validate_result(result);
  } catch (const OutputError& error) {
    return error.what();
  }
  return "accepted";
}

TEST(ValidateResultTest, AcceptsACompleteResult) {
  EXPECT_NO_THROW(validate_result(synthetic_result()));
}

TEST(ValidateResultTest, RejectsAMissingLayout) {
  models::RunResult result = synthetic_result();
  result.layout = nullptr;
  EXPECT_NE(rejection_of(result).find("no tally layout"), std::string::npos);
}

TEST(ValidateResultTest, RejectsNeitherReplicatesNorAnAnalyticProjection) {
  models::RunResult result = synthetic_result();
  result.replicates.clear();
  result.provenance.replicates = 0;
  result.analytic_stock.clear();
  EXPECT_NE(rejection_of(result).find("neither replicates nor an analytic projection"), std::string::npos);
}

TEST(ValidateResultTest, AcceptsAnAnalyticProjectionWithoutReplicates) {
  models::RunResult result = synthetic_result();
  result.replicates.clear();
  result.provenance.replicates = 0;
  result.analytic_stock.assign(result.grid_dates.size() * result.states.size(), 1.0);
  EXPECT_EQ(rejection_of(result), "accepted");
}

TEST(ValidateResultTest, RejectsAReplicateCountThatDisagreesWithTheProvenance) {
  models::RunResult result = synthetic_result(3);
  result.provenance.replicates = 4;
  EXPECT_NE(rejection_of(result).find("claims 4 replicates but it holds 3"), std::string::npos);
}

TEST(ValidateResultTest, RejectsATallyOfAnotherLayout) {
  models::RunResult result = synthetic_result(3);
  auto other = std::make_shared<engine::TallyLayout>();
  other->add_counts("stock", {2});
  result.replicates[1] = engine::Tally(other);
  EXPECT_NE(rejection_of(result).find("replicate 1 has a tally of another layout"),
            std::string::npos);
}

TEST(ValidateResultTest, AcceptsAnEqualLayoutThatIsAnotherObject) {
  models::RunResult result = synthetic_result(2);
  auto copy = std::make_shared<engine::TallyLayout>(*result.layout);
  result.replicates[1] = engine::Tally(copy);
  EXPECT_NO_THROW(validate_result(result));
}

TEST(ValidateResultTest, RejectsBadArrayNames) {
  models::RunResult result = synthetic_result(1);
  auto layout = std::make_shared<engine::TallyLayout>(*result.layout);
  layout->add_sums("stock", {1});
  result.layout = layout;
  result.replicates = {engine::Tally(layout)};
  EXPECT_NE(rejection_of(result).find("'stock' is used twice"), std::string::npos);

  auto slashed = std::make_shared<engine::TallyLayout>();
  slashed->add_counts("a/b", {1});
  result.layout = slashed;
  result.replicates = {engine::Tally(slashed)};
  EXPECT_NE(rejection_of(result).find("'a/b' is not a valid array name"), std::string::npos);
}

TEST(ValidateResultTest, RejectsBadStates) {
  models::RunResult result = synthetic_result();
  result.states[2].kind = "hospital";
  EXPECT_NE(rejection_of(result).find("kind 'hospital'"), std::string::npos);
  result.states[2] = result.states[1];
  EXPECT_NE(rejection_of(result).find("'foster' is used twice"), std::string::npos);
}

TEST(ValidateResultTest, RejectsAnInconsistentGrid) {
  models::RunResult result = synthetic_result();
  result.grid_days.pop_back();
  EXPECT_NE(rejection_of(result).find("4 dates but 3 day offsets"), std::string::npos);
}

TEST(ValidateResultTest, RejectsAnAnalyticStockOfTheWrongSize) {
  models::RunResult result = synthetic_result();
  result.analytic_stock.pop_back();
  EXPECT_NE(rejection_of(result).find("analytic stock holds 15 values, not 16"), std::string::npos);
}

}  // namespace
}  // namespace carecast::output
