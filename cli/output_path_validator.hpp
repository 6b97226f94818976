#pragma once
// An output path on the command line must name a file: `-o ''` is refused rather than quietly
// replaced by the default name, and `-o -q` rather than writing a file named -q.
#include <CLI/CLI.hpp>

namespace carecast::cli {

CLI::Validator output_path_validator();

}  // namespace carecast::cli
