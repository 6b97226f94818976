#include "models/config/did_you_mean.hpp"

#include <algorithm>
#include <cctype>
#include <numeric>
#include <sstream>

namespace carecast::models {

namespace {

std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), std::size_t{0});
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::vector<std::string> words_of(const std::string& name) {
  std::vector<std::string> words;
  std::istringstream in(name);
  for (std::string word; std::getline(in, word, '_');)
    if (!word.empty()) words.push_back(word);
  return words;
}

bool has_word(const std::string& name, const std::string& word) {
  std::vector<std::string> words = words_of(name);
  return std::find(words.begin(), words.end(), word) != words.end();
}

std::string lower_case(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

}  // namespace

std::optional<std::string> closest_name(const std::string& word,
                                        const std::vector<std::string>& candidates) {
  std::optional<std::string> best;
  std::size_t best_distance = std::max<std::size_t>(1, word.size() / 3) + 1;
  for (const auto& candidate : candidates) {
    std::size_t distance = edit_distance(word, candidate);
    if (distance < best_distance) {
      best_distance = distance;
      best = candidate;
    }
  }
  return best;
}

std::optional<std::string> closest_column_name(const std::string& word,
                                               const std::vector<std::string>& candidates) {
  std::string lower = lower_case(word);
  if (auto closest = closest_name(lower, candidates)) return closest;
  for (const auto& candidate : candidates)
    if (has_word(candidate, lower) || has_word(lower, candidate)) return candidate;
  return std::nullopt;
}

}  // namespace carecast::models
