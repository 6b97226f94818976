#include "output/mean_outside_interval.hpp"

#include <cctype>
#include <vector>

namespace carecast::output {

namespace {

bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

/// The numbers written in `text` in order: an optional '-', digits, an optional decimal part.
std::vector<double> numbers_in(std::string_view text) {
  std::vector<double> numbers;
  for (std::size_t at = 0; at < text.size();) {
    bool negative = text[at] == '-' && at + 1 < text.size() && is_digit(text[at + 1]);
    if (!negative && !is_digit(text[at])) {
      ++at;
      continue;
    }
    std::size_t end = at + 1;
    while (end < text.size() && (is_digit(text[end]) || text[end] == '.')) ++end;
    numbers.push_back(std::stod(std::string(text.substr(at, end - at))));
    at = end;
  }
  return numbers;
}

}  // namespace

bool mean_outside_interval(std::string_view printed) {
  std::vector<double> numbers = numbers_in(printed);
  if (numbers.size() < 3) return false;
  double mean = numbers[0], low = numbers[1], high = numbers[2];
  return mean < low || mean > high;
}

std::string MeanOutsideIntervalMarks::mark(std::string printed) {
  if (!mean_outside_interval(printed)) return printed;
  marked_ = true;
  return printed + "*";
}

std::string MeanOutsideIntervalMarks::note() const {
  if (!marked_) return "";
  return "(* mean outside its 90 % interval: most replicates share one value, often 0, and a few lie far from it, "
         "which moves the mean but not the 5th to 95th percentiles)\n";
}

}  // namespace carecast::output
