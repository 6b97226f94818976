#include "engine/tally.hpp"

#include <functional>
#include <numeric>
#include <stdexcept>

namespace carecast::engine {

namespace {

std::size_t end_of(const std::vector<TallyArray>& arrays) {
  return arrays.empty() ? 0 : arrays.back().offset + arrays.back().size();
}

std::size_t handle_of(const std::vector<TallyArray>& arrays, const std::string& name) {
  for (std::size_t i = 0; i < arrays.size(); ++i)
    if (arrays[i].name == name) return i;
  throw std::out_of_range("no tally array named '" + name + "'");
}

std::size_t append(std::vector<TallyArray>& arrays, std::string name,
                   std::vector<std::size_t> shape, std::vector<std::string> dimensions) {
  if (dimensions.size() != shape.size()) dimensions.resize(shape.size());
  std::size_t elements =
      std::accumulate(shape.begin(), shape.end(), std::size_t{1}, std::multiplies<>{});
  arrays.push_back(TallyArray{std::move(name), std::move(shape), std::move(dimensions),
                              end_of(arrays), elements});
  return arrays.size() - 1;
}

}  // namespace

std::size_t TallyLayout::add_counts(std::string name, std::vector<std::size_t> shape,
                                    std::vector<std::string> dimensions) {
  return append(counts_, std::move(name), std::move(shape), std::move(dimensions));
}

std::size_t TallyLayout::add_sums(std::string name, std::vector<std::size_t> shape,
                                  std::vector<std::string> dimensions) {
  return append(sums_, std::move(name), std::move(shape), std::move(dimensions));
}

std::size_t TallyLayout::count_size() const { return end_of(counts_); }
std::size_t TallyLayout::sum_size() const { return end_of(sums_); }
std::size_t TallyLayout::count_handle(const std::string& name) const { return handle_of(counts_, name); }
std::size_t TallyLayout::sum_handle(const std::string& name) const { return handle_of(sums_, name); }

void TallyLayout::label_axis(const std::string& axis, std::vector<std::string> labels) {
  auto [it, added] = axis_labels_.emplace(axis, labels);
  if (!added && it->second != labels)
    throw std::logic_error("tally axis '" + axis + "' labelled twice with different labels");
}

Tally::Tally(std::shared_ptr<const TallyLayout> layout)
    : layout_(std::move(layout)), counts_(layout_->count_size(), 0), sums_(layout_->sum_size(), 0.0) {}

void Tally::merge(const Tally& other) {
  for (std::size_t i = 0; i < counts_.size(); ++i) counts_[i] += other.counts_[i];
  for (std::size_t i = 0; i < sums_.size(); ++i) sums_[i] += other.sums_[i];
}

}  // namespace carecast::engine
