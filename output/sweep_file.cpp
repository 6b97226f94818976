#include "output/sweep_file.hpp"

#include <fmt/format.h>

#include <cmath>

#include "output/file_kind.hpp"
#include "output/hdf5_attributes.hpp"
#include "output/hdf5_datasets.hpp"
#include "output/output_error.hpp"
#include "output/provenance_reader.hpp"
#include "output/result_schema.hpp"
#include "output/stored_array.hpp"
#include "output/sweep_schema.hpp"

namespace carecast::output {

namespace fs = std::filesystem;
namespace ss = sweep_schema;

bool SweepFile::is_sweep_file(const fs::path& path) { return is_file_of_kind(path, schema::sweep_file_kind); }

SweepFile::SweepFile(fs::path path)
    : path_(std::move(path)), file_(open_file_of_kind(path_, schema::sweep_file_kind, "sweep")) {
  read_root();
  read_table();
}

void SweepFile::read_root() {
  hid_t root = file_.get();
  schema_version_ = readable_schema_version(root, path_);
  provenance_ = read_provenance(root);
  grid_step_ = hdf5::read_string_attribute(root, schema::grid_step);
  grid_ = hdf5::read_string_attribute(root, ss::mode) == "grid";
}

void SweepFile::read_table() {
  hdf5::Group sweep = hdf5::open_group(file_.get(), ss::sweep);
  keys_ = hdf5::read_string_dataset(sweep.get(), ss::keys);
  groups_ = hdf5::read_string_dataset(sweep.get(), ss::groups);
  values_ = hdf5::read_string_dataset(sweep.get(), ss::values);
  numbers_ = hdf5::read_number_dataset<double>(sweep.get(), ss::numbers).values;
  if (values_.size() != keys_.size() * groups_.size() || numbers_.size() != values_.size())
    throw OutputError(fmt::format("'{}': /sweep/values and /sweep/numbers do not have one entry per combination "
                                  "and key",
                                  path_.string()));
  hdf5::Group summary = hdf5::open_group(sweep.get(), schema::summary);
  figures_ = hdf5::member_names(summary.get());
}

std::vector<std::string> SweepFile::values(std::size_t combination) const {
  if (combination >= combinations())
    throw OutputError(fmt::format("'{}' has {} combinations; there is no combination {}", path_.string(),
                                  combinations(), combination));
  auto first = values_.begin() + static_cast<long>(combination * keys_.size());
  return {first, first + static_cast<long>(keys_.size())};
}

std::optional<double> SweepFile::number(std::size_t combination, std::size_t key) const {
  double value = numbers_.at(combination * keys_.size() + key);
  if (std::isnan(value)) return std::nullopt;
  return value;
}

std::string SweepFile::figures_group(bool differences) const {
  return differences ? fmt::format("{}/{}", ss::sweep, ss::differences) : std::string(ss::sweep);
}

SummaryArray SweepFile::read_summary(bool differences, const std::string& figure) const {
  hdf5::Group group = hdf5::open_group(file_.get(), figures_group(differences) + "/" + schema::summary);
  return read_stored_summary(group.get(), figure);
}

ResultArray<double> SweepFile::read_replicates(bool differences, const std::string& figure) const {
  hdf5::Group group = hdf5::open_group(file_.get(), figures_group(differences) + "/" + schema::replicates);
  return read_stored_array<double>(group.get(), figure);
}

SummaryArray SweepFile::figure_summary(const std::string& figure) const { return read_summary(false, figure); }
SummaryArray SweepFile::difference_summary(const std::string& figure) const { return read_summary(true, figure); }
ResultArray<double> SweepFile::figure_replicates(const std::string& figure) const {
  return read_replicates(false, figure);
}
ResultArray<double> SweepFile::difference_replicates(const std::string& figure) const {
  return read_replicates(true, figure);
}

ResultFile SweepFile::combination(std::size_t index) const {
  if (index >= combinations())
    throw OutputError(fmt::format("'{}' has {} combinations (0 to {}); there is no combination {}", path_.string(),
                                  combinations(), combinations() - 1, index));
  return ResultFile(path_, groups_[index]);
}

}  // namespace carecast::output
