// Writing a sweep's combinations on a background thread: the file is byte-identical to the one
// written in turn, and a failed write is rethrown to the caller.
#include "output/sweep_write_queue.hpp"

#include <gtest/gtest.h>

#include "output/output_error.hpp"
#include "tests/output/sweep_test_support.hpp"

namespace carecast::output {
namespace {

using testing::ScratchFolder;

TEST(SweepWriteQueue, GivesTheSameFileAsWritingInTurn) {
  ScratchFolder folder;
  testing::SyntheticSweep sweep = testing::synthetic_sweep();
  testing::write_synthetic_sweep(sweep, folder / "in_turn.h5");
  write_sweep_file(folder / "queued.h5", false, 3, [&](SweepWriter& writer) {
    SweepWriteQueue queue(writer);
    for (std::size_t c = 0; c < 3; ++c) queue.write(c, sweep.results[c]);
    queue.wait();
    writer.finish(sweep.summary, sweep.run);
  });
  EXPECT_TRUE(testing::file_bytes(folder / "queued.h5") == testing::file_bytes(folder / "in_turn.h5"));
}

TEST(SweepWriteQueue, AFailedWriteIsRethrownAndLeavesNoFile) {
  ScratchFolder folder;
  testing::SyntheticSweep sweep = testing::synthetic_sweep();
  EXPECT_THROW(write_sweep_file(folder / "s.h5", false, 3,
                                [&](SweepWriter& writer) {
                                  SweepWriteQueue queue(writer);
                                  queue.write(0, sweep.results[0]);
                                  queue.write(7, sweep.results[1]);  // no combination 7 in a sweep of 3
                                  queue.wait();
                                  ADD_FAILURE() << "the failed write was not rethrown";
                                }),
               OutputError);
  EXPECT_TRUE(folder.listing().empty());
}

}  // namespace
}  // namespace carecast::output
