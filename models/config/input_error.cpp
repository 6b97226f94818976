#include "models/config/input_error.hpp"

namespace carecast::models {

namespace {

std::string compose(const SourceLocation& where, const std::string& key_path,
                    const std::string& problem) {
  std::string text = describe(where) + ": ";
  if (!key_path.empty()) text += "at '" + key_path + "': ";
  return text + problem;
}

}  // namespace

std::string describe(const SourceLocation& where) {
  std::string text = where.file.empty() ? std::string("<input>") : where.file;
  if (where.line > 0) text += ":" + std::to_string(where.line);
  if (where.column > 0) text += ":" + std::to_string(where.column);
  return text;
}

InputError::InputError(SourceLocation where, std::string key_path, std::string problem)
    : std::runtime_error(compose(where, key_path, problem)), where_(std::move(where)),
      key_path_(std::move(key_path)), problem_(std::move(problem)) {}

}  // namespace carecast::models
