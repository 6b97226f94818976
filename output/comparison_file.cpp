#include "output/comparison_file.hpp"

#include <fmt/format.h>

#include "output/file_kind.hpp"
#include "output/hdf5_attributes.hpp"
#include "output/hdf5_datasets.hpp"
#include "output/output_error.hpp"
#include "output/result_schema.hpp"
#include "output/scenario_horizon.hpp"
#include "output/stored_array.hpp"

namespace carecast::output {

namespace fs = std::filesystem;

namespace {

constexpr char scenarios_group[] = "scenarios";
constexpr char comparisons_group[] = "comparisons";
constexpr char categories_dataset[] = "categories";
constexpr char year_ends_dataset[] = "end";  // in /years, since schema 1.2

const char* group_of(ComparisonPart part) {
  return part == ComparisonPart::scenario ? scenarios_group : comparisons_group;
}

std::vector<std::string> group_members(hid_t root, const char* name) {
  hdf5::Group group = hdf5::open_group(root, name);
  return hdf5::member_names(group.get());
}

}  // namespace

bool ComparisonFile::is_comparison_file(const fs::path& path) {
  return is_file_of_kind(path, schema::comparison_file_kind);
}

ComparisonFile::ComparisonFile(fs::path path)
    : path_(std::move(path)), file_(open_file_of_kind(path_, schema::comparison_file_kind, "comparison")) {
  read_root();
  read_group_names();
  read_axes();
}

void ComparisonFile::read_root() {
  hid_t root = file_.get();
  schema_version_ = readable_schema_version(root, path_);
  seed_ = hdf5::read_number_attribute<std::uint64_t>(root, schema::seed);
  replicates_ = hdf5::read_number_attribute<std::uint64_t>(root, schema::replicates);
  engine_version_ = hdf5::read_string_attribute(root, schema::engine_version);
  git_commit_ = hdf5::read_string_attribute(root, schema::git_commit);
  base_ = hdf5::read_string_attribute(root, "base");
}

void ComparisonFile::read_axes() {
  hdf5::Group years = hdf5::open_group(file_.get(), "years");
  year_starts_ = hdf5::read_string_dataset(years.get(), "start");
  read_year_ends(years.get());
  hdf5::Group axes = hdf5::open_group(file_.get(), schema::axes);
  states_ = hdf5::read_string_dataset(axes.get(), "state");
}

void ComparisonFile::read_year_ends(hid_t years) {
  if (hdf5::exists(years, year_ends_dataset)) {
    year_ends_ = hdf5::read_string_dataset(years, year_ends_dataset);
    if (year_ends_.size() != year_starts_.size())
      throw OutputError(fmt::format("'{}': /years/end holds {} dates but /years/start {}", path_.string(),
                                    year_ends_.size(), year_starts_.size()));
    return;
  }
  if (year_starts_.empty()) return;
  year_ends_.assign(year_starts_.begin() + 1, year_starts_.end());
  year_ends_.push_back(horizon_of_scenario(source(base_).text, year_starts_.front()).value_or(""));
}

void ComparisonFile::read_group_names() {
  scenarios_ = group_members(file_.get(), scenarios_group);
  alternatives_ = group_members(file_.get(), comparisons_group);
  if (scenarios_.empty() || scenarios_.front() != base_)
    throw OutputError(fmt::format("'{}': the base '{}' is not the first group of /{}", path_.string(), base_,
                                  scenarios_group));
}

const std::vector<std::string>& ComparisonFile::names(ComparisonPart part) const {
  return part == ComparisonPart::scenario ? scenarios_ : alternatives_;
}

hdf5::Group ComparisonFile::open_part(ComparisonPart part, const std::string& name) const {
  hdf5::Group parent = hdf5::open_group(file_.get(), group_of(part));
  return hdf5::open_group(parent.get(), name);
}

std::vector<std::string> ComparisonFile::figures(ComparisonPart part, const std::string& name) const {
  hdf5::Group group = open_part(part, name);
  return group_members(group.get(), schema::summary);
}

std::vector<std::string> ComparisonFile::categories(ComparisonPart part, const std::string& name) const {
  hdf5::Group group = open_part(part, name);
  return hdf5::read_string_dataset(group.get(), categories_dataset);
}

ComparisonFile::Source ComparisonFile::source(const std::string& scenario) const {
  hdf5::Group group = open_part(ComparisonPart::scenario, scenario);
  return {hdf5::read_string_attribute(group.get(), schema::scenario_path),
          hdf5::read_string_attribute(group.get(), schema::scenario_sha256),
          hdf5::read_string_attribute(group.get(), schema::scenario_text)};
}

ComparisonFile::Payback ComparisonFile::payback(const std::string& alternative) const {
  hdf5::Group group = open_part(ComparisonPart::comparison, alternative);
  auto year = hdf5::read_number_attribute<std::int64_t>(group.get(), "mean_payback_year");  // 0: none
  Payback payback;
  if (year > 0) payback.mean_path_year = static_cast<std::size_t>(year);
  payback.share_paying_back = hdf5::read_number_attribute<double>(group.get(), "share_paying_back");
  return payback;
}

SummaryArray ComparisonFile::read_summary(ComparisonPart part, const std::string& name,
                                          const std::string& figure) const {
  hdf5::Group group = open_part(part, name);
  hdf5::Group summary = hdf5::open_group(group.get(), schema::summary);
  return read_stored_summary(summary.get(), figure);
}

ResultArray<double> ComparisonFile::read_replicates(ComparisonPart part, const std::string& name,
                                                    const std::string& figure) const {
  hdf5::Group group = open_part(part, name);
  hdf5::Group replicates = hdf5::open_group(group.get(), schema::replicates);
  return read_stored_array<double>(replicates.get(), figure);
}

}  // namespace carecast::output
