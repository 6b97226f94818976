#include "cli/output_path_validator.hpp"

#include <string>

namespace carecast::cli {

CLI::Validator output_path_validator() {
  auto check = [](const std::string& text) -> std::string {
    if (text.empty()) return "expected a path to write to, found an empty text";
    // `-o -q`: the option took the next flag as its value. A file that must start with '-' can
    // still be named as ./-q.
    if (text.front() == '-')
      return "expected a path to write to, found '" + text + "', an option; to name such a path, write ./" +
             text;
    return std::string();
  };
  return CLI::Validator(check, "", "output path");
}

}  // namespace carecast::cli
