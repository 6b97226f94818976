#include "models/scenario/sweep_definition.hpp"

#include <algorithm>

#include "models/scenario/sweep_path.hpp"

namespace carecast::models {

namespace {

std::string last_steps(const std::vector<std::string>& steps, std::size_t count) {
  std::string text;
  for (std::size_t i = steps.size() - std::min(count, steps.size()); i < steps.size(); ++i)
    text += (text.empty() ? "" : ".") + steps[i];
  return text;
}

}  // namespace

std::vector<std::string> short_key_labels(const std::vector<std::string>& keys) {
  std::vector<std::vector<std::string>> steps;
  for (const std::string& key : keys) {
    steps.push_back(key_path_steps(key));
    if (steps.back().empty()) steps.back() = {key};
  }
  std::vector<std::string> labels;
  for (std::size_t k = 0; k < keys.size(); ++k) {
    std::size_t count = 1;
    auto clashes = [&](std::size_t n) {
      for (std::size_t other = 0; other < keys.size(); ++other)
        if (other != k && last_steps(steps[other], n) == last_steps(steps[k], n)) return true;
      return false;
    };
    while (count < steps[k].size() && clashes(count)) ++count;
    labels.push_back(clashes(count) ? keys[k] : last_steps(steps[k], count));
  }
  return labels;
}

std::string describe_values(const std::vector<std::string>& keys, const std::vector<std::string>& values) {
  std::vector<std::string> labels = short_key_labels(keys);
  std::string text;
  for (std::size_t k = 0; k < keys.size() && k < values.size(); ++k)
    text += (k ? ", " : "") + labels[k] + " = " + values[k];
  return text;
}

InputError in_combination(const InputError& error, std::size_t index, const std::vector<std::string>& keys,
                          const std::vector<std::string>& values) {
  return InputError(error.where(), error.key_path(),
                    "in sweep combination " + std::to_string(index) + " (" + describe_values(keys, values) +
                        "): " + error.problem());
}

std::string Sweep::describe(std::size_t combination) const {
  return describe_values(keys, combinations[combination].values);
}

}  // namespace carecast::models
