#include "cli/output_path_validator.hpp"

#include <string>

namespace carecast::cli {

CLI::Validator output_path_validator() {
  auto check = [](const std::string& text) -> std::string {
    if (text.empty()) return "expected the path of a file to write, found an empty text";
    // `-o -q`: the option took the next flag as its value. A file that must start with '-' can
    // still be named as ./-q.
    if (text.front() == '-')
      return "expected the path of a file to write, found '" + text + "', an option; to name such a file, write ./" +
             text;
    return std::string();
  };
  return CLI::Validator(check, "", "output path");
}

}  // namespace carecast::cli
