// ExportContents: the files an export writes and the folders that hold them; first_foreign names
// the first entry of a folder (in name order, a folder before what it holds) that is none of
// them: an unknown file, an unknown folder, a file where a folder belongs, or a link.
#include "output/export_contents.hpp"

#include <gtest/gtest.h>

#include "tests/output/output_test_support.hpp"

namespace carecast::output {
namespace {

namespace fs = std::filesystem;
using testing::ScratchFolder;
using testing::write_text;

ExportContents contents() {
  ExportContents c({"provenance.csv", "stock.csv", "replicates/stock.csv"});
  ExportContents combination({"provenance.csv"});
  c.add_under("combinations/1", combination);
  return c;
}

TEST(ExportContents, KnowsItsFilesAndTheFoldersThatHoldThem) {
  ExportContents c = contents();
  EXPECT_TRUE(c.has_file("stock.csv"));
  EXPECT_TRUE(c.has_file("replicates/stock.csv"));
  EXPECT_TRUE(c.has_file("combinations/1/provenance.csv"));
  EXPECT_TRUE(c.has_folder("replicates"));
  EXPECT_TRUE(c.has_folder("combinations"));
  EXPECT_TRUE(c.has_folder("combinations/1"));
  EXPECT_FALSE(c.has_file("replicates"));
  EXPECT_FALSE(c.has_folder("stock.csv"));
}

TEST(ExportContents, FindsTheFirstEntryThatIsNoneOfThem) {
  ScratchFolder scratch;
  fs::path out = scratch / "out";
  fs::create_directories(out / "replicates");
  fs::create_directories(out / "combinations" / "1");
  for (const char* name : {"provenance.csv", "stock.csv", "replicates/stock.csv", "combinations/1/provenance.csv"})
    write_text(out / name, "x");
  ExportContents c = contents();
  EXPECT_EQ(c.first_foreign(out), std::nullopt);

  write_text(out / "replicates" / "zz.txt", "mine");
  write_text(out / "combinations" / "1" / "a.png", "mine");
  EXPECT_EQ(c.first_foreign(out), fs::path("combinations/1/a.png")) << "in name order, depth first";
  fs::remove(out / "combinations" / "1" / "a.png");
  EXPECT_EQ(c.first_foreign(out), fs::path("replicates/zz.txt"));
  fs::remove(out / "replicates" / "zz.txt");

  fs::remove(out / "stock.csv");
  fs::create_directory(out / "stock.csv");
  EXPECT_EQ(c.first_foreign(out), fs::path("stock.csv")) << "a folder where a file belongs";
  fs::remove(out / "stock.csv");

  fs::create_symlink(scratch / "elsewhere", out / "stock.csv");
  EXPECT_EQ(c.first_foreign(out), fs::path("stock.csv")) << "a link is never an export's own";
}

}  // namespace
}  // namespace carecast::output
