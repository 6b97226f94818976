#pragma once
// Makes writes fail as on a full disk, without root: while a FileSizeLimit lives, no file of this
// process may grow beyond `bytes` (RLIMIT_FSIZE); a write past it fails with EFBIG ("File too
// large") instead of raising SIGXFSZ. The previous limit and signal handling come back after.
#include <sys/resource.h>

#include <csignal>
#include <cstddef>

namespace carecast::test_io {

class FileSizeLimit {
 public:
  explicit FileSizeLimit(std::size_t bytes) : previous_signal_(std::signal(SIGXFSZ, SIG_IGN)) {
    ::getrlimit(RLIMIT_FSIZE, &previous_);
    rlimit limited = previous_;
    limited.rlim_cur = bytes;
    ::setrlimit(RLIMIT_FSIZE, &limited);
  }
  ~FileSizeLimit() {
    ::setrlimit(RLIMIT_FSIZE, &previous_);
    std::signal(SIGXFSZ, previous_signal_);
  }
  FileSizeLimit(const FileSizeLimit&) = delete;
  FileSizeLimit& operator=(const FileSizeLimit&) = delete;

 private:
  rlimit previous_{};
  void (*previous_signal_)(int);
};

}  // namespace carecast::test_io
