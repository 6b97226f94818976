#pragma once
// An output must never be written over a file the command reads: `run -o scenario.yaml --force`
// would replace the scenario with a result. These checks run before anything is simulated.
#include <filesystem>
#include <string>
#include <vector>

namespace carecast::cli {

/// True if `a` and `b` name one file: the same existing file (by any link), or the same path once
/// made absolute and resolved as far as it exists.
bool same_file(const std::filesystem::path& a, const std::filesystem::path& b);

/// Throws CLI::ValidationError (a usage error) naming `option` if `output` is one of `inputs`.
void refuse_output_over_inputs(const std::string& option, const std::filesystem::path& output,
                               const std::vector<std::string>& inputs);

}  // namespace carecast::cli
