#pragma once
// Per-replicate aggregates: named integer and real arrays of fixed shapes. Tallies of the same
// layout merge by element-wise addition; integer counts make the merge order irrelevant, and
// real sums are merged in a fixed order by the runner.
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace carecast::engine {

struct TallyArray {
  std::string name;
  std::vector<std::size_t> shape;
  std::vector<std::string> dimensions;  // one name per axis, e.g. {"time", "state"}
  std::size_t offset = 0;
  std::size_t elements = 0;  // product of the shape, computed once
  std::size_t size() const { return elements; }
};

class TallyLayout {
 public:
  /// Registers an integer array and returns its handle.
  std::size_t add_counts(std::string name, std::vector<std::size_t> shape,
                         std::vector<std::string> dimensions = {});
  /// Registers a real array and returns its handle.
  std::size_t add_sums(std::string name, std::vector<std::size_t> shape,
                       std::vector<std::string> dimensions = {});

  const std::vector<TallyArray>& counts() const { return counts_; }
  const std::vector<TallyArray>& sums() const { return sums_; }
  std::size_t count_size() const;
  std::size_t sum_size() const;
  std::size_t count_handle(const std::string& name) const;  // throws if absent
  std::size_t sum_handle(const std::string& name) const;

  /// Names the entries of an axis (e.g. "cause": carer_initiated, other). Axes are shared by
  /// name: labelling one twice with different labels throws.
  void label_axis(const std::string& axis, std::vector<std::string> labels);
  const std::map<std::string, std::vector<std::string>>& axis_labels() const { return axis_labels_; }

 private:
  std::vector<TallyArray> counts_;
  std::vector<TallyArray> sums_;
  std::map<std::string, std::vector<std::string>> axis_labels_;
};

class Tally {
 public:
  explicit Tally(std::shared_ptr<const TallyLayout> layout);

  const TallyLayout& layout() const { return *layout_; }
  // Inline: observers look their arrays up on every event.
  std::span<std::int64_t> counts(std::size_t handle) {
    const TallyArray& array = layout_->counts()[handle];
    return {counts_.data() + array.offset, array.size()};
  }
  std::span<const std::int64_t> counts(std::size_t handle) const {
    const TallyArray& array = layout_->counts()[handle];
    return {counts_.data() + array.offset, array.size()};
  }
  std::span<double> sums(std::size_t handle) {
    const TallyArray& array = layout_->sums()[handle];
    return {sums_.data() + array.offset, array.size()};
  }
  std::span<const double> sums(std::size_t handle) const {
    const TallyArray& array = layout_->sums()[handle];
    return {sums_.data() + array.offset, array.size()};
  }
  void merge(const Tally& other);

  std::vector<std::int64_t>& all_counts() { return counts_; }
  const std::vector<std::int64_t>& all_counts() const { return counts_; }
  std::vector<double>& all_sums() { return sums_; }
  const std::vector<double>& all_sums() const { return sums_; }

 private:
  std::shared_ptr<const TallyLayout> layout_;
  std::vector<std::int64_t> counts_;
  std::vector<double> sums_;
};

}  // namespace carecast::engine
