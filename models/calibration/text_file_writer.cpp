#include "models/calibration/text_file_writer.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

namespace carecast::models::calibration {

TextFileWriter::TextFileWriter(std::filesystem::path file)
    : file_(std::move(file)), descriptor_(::open(file_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666)) {
  if (descriptor_ < 0) fail();
}

TextFileWriter::~TextFileWriter() {
  if (descriptor_ >= 0) ::close(descriptor_);
}

void TextFileWriter::write(std::string_view text) {
  while (!text.empty()) {
    ssize_t written = ::write(descriptor_, text.data(), text.size());
    if (written < 0 && errno == EINTR) continue;
    if (written < 0) fail();
    text.remove_prefix(static_cast<std::size_t>(written));
  }
}

void TextFileWriter::close() {
  int descriptor = std::exchange(descriptor_, -1);
  if (::close(descriptor) != 0) fail();
}

void TextFileWriter::fail() const {
  int error = errno;
  throw FileWriteError(fmt::format("cannot write '{}': {}", file_.string(), std::strerror(error)));
}

void write_text_file(const std::filesystem::path& file, std::string_view text) {
  TextFileWriter writer(file);
  writer.write(text);
  writer.close();
}

}  // namespace carecast::models::calibration
