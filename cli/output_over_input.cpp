#include "cli/output_over_input.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <system_error>

namespace carecast::cli {

namespace fs = std::filesystem;

bool same_file(const fs::path& a, const fs::path& b) {
  std::error_code error_a, error_b;
  if (fs::equivalent(a, b, error_a)) return true;
  fs::path resolved_a = fs::weakly_canonical(fs::absolute(a), error_a);
  fs::path resolved_b = fs::weakly_canonical(fs::absolute(b), error_b);
  return !error_a && !error_b && resolved_a == resolved_b;
}

void refuse_output_over_inputs(const std::string& option, const fs::path& output,
                               const std::vector<std::string>& inputs) {
  for (const std::string& input : inputs) {
    if (!same_file(output, input)) continue;
    std::string also_named = input == output.string() ? "" : fmt::format(" ('{}')", input);
    throw CLI::ValidationError(option, fmt::format("'{}' is a file this command reads{}; write the output to "
                                                   "another file",
                                                   output.string(), also_named));
  }
}

}  // namespace carecast::cli
