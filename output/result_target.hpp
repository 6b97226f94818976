#pragma once
// Where a result file goes: checking the target before a run, and publishing the file
// atomically, so that a half-written file never sits where the result belongs and an existing
// result is never replaced unless asked.
#include <filesystem>
#include <functional>
#include <vector>

namespace carecast::output {

/// Throws OutputError if `target` exists and `overwrite` is false, if it is a folder, or if its
/// folder does not exist or is not writable. Call it before a run, to fail early.
void check_result_target(const std::filesystem::path& target, bool overwrite);

/// ".NAME.partial-PID" in the folder of `target`.
std::filesystem::path temporary_path_for(const std::filesystem::path& target);

/// Writes the file at the path it is given (a temporary name beside `target`).
using FileWriter = std::function<void(const std::filesystem::path&)>;

/// One of the files that write_all_atomically publishes together.
struct FileToWrite {
  std::filesystem::path target;
  FileWriter write;
};

/// Calls `write(temporary)`, flushes the temporary file to disk and renames it onto `target`.
/// If anything fails, the temporary file is removed and `target` is left as it was. Temporaries
/// of `target` that a killed run left behind (their process is gone) are removed first. Without
/// `overwrite` an existing target is never replaced, even one that appeared during the run.
void write_atomically(const std::filesystem::path& target, bool overwrite, const FileWriter& write);

/// write_atomically for several files that belong together: all are written under their
/// temporary names and flushed before the first is renamed onto its target, so that a failure
/// while writing leaves every target as it was. If publishing one fails (a target turned into a
/// folder, say), those published before it are undone: without `overwrite` they are removed
/// again (they did not exist before); with it, the results they replaced are put back, from a
/// hard link (".NAME.previous-PID") made before each rename. The targets must differ.
void write_all_atomically(const std::vector<FileToWrite>& files, bool overwrite);

}  // namespace carecast::output
