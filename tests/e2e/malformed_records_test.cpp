// Malformed episode records: files whose structure is wrong in the ways a spreadsheet or another
// system gets it wrong. `carecast calibrate` and `carecast backtest` must reject each with exit
// status 1, a message that starts "carecast: invalid input: ", names the file and line (and the
// column where there is one), says what was expected in the file's own terms rather than the
// CSV library's, and leave nothing behind but the records.
#include <gtest/gtest.h>

#include <fstream>
#include <ostream>
#include <string>
#include <vector>

#include "e2e_test_support.hpp"

namespace carecast::e2e {
namespace {

struct MalformedRecords {
  std::string name;
  std::string text;     // the whole file, written as records.csv
  std::string where;    // records.csv:LINE or records.csv:LINE:COLUMN
  std::string message;  // a fragment of what stderr must say after where
};

void PrintTo(const MalformedRecords& m, std::ostream* out) { *out << m.name; }

const std::string header = "child_id,birth_date,start,end,state,reason\n";

const std::vector<MalformedRecords> malformed_records{
    {"semicolons", "child_id;birth_date;start;end;state;reason\nA;2010-01-01;2020-01-01;;foster;\n", "records.csv:1",
     "the header 'child_id;birth_date;start;end;state;reason' is one column: the file seems separated by "
     "semicolons (;), but carecast reads commas"},
    {"tabs", "child_id\tbirth_date\tstart\tend\tstate\treason\n", "records.csv:1",
     "the file seems separated by tabs, but carecast reads commas"},
    {"too_few_fields", header + "A,2010-01-01,2020-01-01,,foster\n", "records.csv:2",
     "expected 6 fields, one for each column of the header, found 5"},
    {"too_many_fields", header + "A,2010-01-01,2020-01-01,,foster,,x\n", "records.csv:2",
     "expected 6 fields, one for each column of the header, found 7"},
    {"unclosed_quote", header + "A,2010-01-01,\"2020-01-01,,foster,\n", "records.csv:2:14",
     "this double quote opens a quoted value that is never closed"},
    {"abbreviated_column", "child,birth_date,start,end,state,reason\n", "records.csv:1",
     "unknown column 'child'; did you mean 'child_id'?"},
};

class MalformedRecordsTest : public ::testing::TestWithParam<MalformedRecords> {};

void expect_rejected(const MalformedRecords& m, const CommandResult& result, const TestFolder& folder) {
  EXPECT_EQ(result.status, 1) << result;
  EXPECT_EQ(result.err.rfind("carecast: invalid input: " + m.where + ": ", 0), 0u) << result;
  EXPECT_NE(result.err.find(m.message), std::string::npos) << "stderr should say: " << m.message << result;
  for (const char* library_words : {"in line", "in file", "Too few", "Too many", "Escaped string"})
    EXPECT_EQ(result.err.find(library_words), std::string::npos) << result;
  EXPECT_EQ(folder.files(), (std::set<std::string>{"records.csv"})) << joined(folder.files());
}

TEST_P(MalformedRecordsTest, CalibrateRejectsThemWithALocatedMessage) {
  const MalformedRecords& m = GetParam();
  TestFolder folder;
  std::ofstream(folder.work() / "records.csv") << m.text;
  expect_rejected(m, folder.carecast("calibrate records.csv -o model.yaml"), folder);
}

TEST_P(MalformedRecordsTest, BacktestRejectsThemWithALocatedMessage) {
  const MalformedRecords& m = GetParam();
  TestFolder folder;
  std::ofstream(folder.work() / "records.csv") << m.text;
  expect_rejected(m, folder.carecast("backtest records.csv --cut 2021-01-01 -r 2 -o bt.h5"), folder);
}

INSTANTIATE_TEST_SUITE_P(Records, MalformedRecordsTest, ::testing::ValuesIn(malformed_records),
                         [](const ::testing::TestParamInfo<MalformedRecords>& info) { return info.param.name; });

}  // namespace
}  // namespace carecast::e2e
