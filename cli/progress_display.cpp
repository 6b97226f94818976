#include "cli/progress_display.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>

namespace carecast::cli {

namespace {

constexpr int bar_width = 30;

std::string bar(std::size_t done, std::size_t total) {
  int filled = total ? static_cast<int>(bar_width * done / total) : bar_width;
  return std::string(static_cast<std::size_t>(filled), '#') +
         std::string(static_cast<std::size_t>(bar_width - filled), '.');
}

}  // namespace

ProgressDisplay::ProgressDisplay(std::string what)
    : what_(std::move(what)), enabled_(isatty(fileno(stderr)) != 0),
      started_(std::chrono::steady_clock::now()), last_draw_(started_) {}

ProgressDisplay::~ProgressDisplay() {
  if (drawn_) std::fputs("\n", stderr);
}

void ProgressDisplay::update(std::size_t done, std::size_t total) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (done < total && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  double elapsed = std::chrono::duration<double>(now - started_).count();
  double left = done ? elapsed * static_cast<double>(total - done) / static_cast<double>(done) : 0.0;
  std::string line = fmt::format("\r{} [{}] {}/{}  {:.1f} s elapsed, ~{:.0f} s left  ", what_,
                                 bar(done, total), done, total, elapsed, left);
  std::fputs(line.c_str(), stderr);
  std::fflush(stderr);
  drawn_ = true;
}

}  // namespace carecast::cli
