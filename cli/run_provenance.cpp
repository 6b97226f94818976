#include "cli/run_provenance.hpp"

#include <unistd.h>

#include <chrono>
#include <ctime>

#include "build_info.hpp"

namespace carecast::cli {

std::string current_utc_time() {
  std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

std::string host_name() {
  char name[256] = {};
  if (gethostname(name, sizeof name - 1) != 0) return "unknown";
  return name;
}

std::string joined_command_line(int argc, char** argv) {
  std::string line;
  for (int i = 0; i < argc; ++i) {
    if (i) line += ' ';
    line += argv[i];
  }
  return line;
}

void fill_run_provenance(models::Provenance& provenance, const CommandContext& context, int threads,
                         const std::string& started, double seconds) {
  provenance.engine_version = engine_version;
  provenance.git_commit = git_commit;
  provenance.threads = threads;
  provenance.ranks = context.communicator.size();
  provenance.command_line = joined_command_line(context.argc, context.argv);
  provenance.host = host_name();
  provenance.started_at = started;
  provenance.finished_at = current_utc_time();
  provenance.wall_seconds = seconds;
}

}  // namespace carecast::cli
