#pragma once
// An error in a user's input, located in a file: the file, line and column (1-based, 0 when
// unknown) and, for scenario keys, the key path such as `transitions[2].hazard[0].rate`.
#include <stdexcept>
#include <string>

namespace carecast::models {

struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;
};

class InputError : public std::runtime_error {
 public:
  InputError(SourceLocation where, std::string key_path, std::string problem);

  const SourceLocation& where() const { return where_; }
  const std::string& key_path() const { return key_path_; }
  const std::string& problem() const { return problem_; }

 private:
  SourceLocation where_;
  std::string key_path_;
  std::string problem_;
};

std::string describe(const SourceLocation& where);

}  // namespace carecast::models
