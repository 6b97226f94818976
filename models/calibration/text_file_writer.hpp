#pragma once
// Writes a text file through the system's own calls, so that every failure (a missing folder, a
// full disk, including a last write that only fails when the file is closed) is reported, with
// the system's reason, as a FileWriteError: "cannot write 'FILE': No space left on device".
// Nothing is left to fail in a destructor.
#include <filesystem>
#include <stdexcept>
#include <string_view>

namespace carecast::models::calibration {

/// A file could not be written; what() names the file and gives the reason.
class FileWriteError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class TextFileWriter {
 public:
  /// Creates `file`, or empties it if it exists.
  explicit TextFileWriter(std::filesystem::path file);
  /// Closes the file if close() was not called, ignoring errors (for paths that failed already).
  ~TextFileWriter();
  TextFileWriter(const TextFileWriter&) = delete;
  TextFileWriter& operator=(const TextFileWriter&) = delete;

  void write(std::string_view text);
  /// Closes the file; throws if that fails.
  void close();

 private:
  [[noreturn]] void fail() const;

  std::filesystem::path file_;
  int descriptor_ = -1;
};

/// Writes `text` as the whole of `file`.
void write_text_file(const std::filesystem::path& file, std::string_view text);

}  // namespace carecast::models::calibration
