#include "cli/output_path_validator.hpp"

#include <string>

namespace carecast::cli {

CLI::Validator output_path_validator() {
  auto check = [](const std::string& text) -> std::string {
    return text.empty() ? "expected the path of a file to write, found an empty text" : std::string();
  };
  return CLI::Validator(check, "", "output path");
}

}  // namespace carecast::cli
