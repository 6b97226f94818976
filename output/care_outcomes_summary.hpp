#pragma once
// The stability, school and foster-carer figures of a result by year, as plain text:
// breakdowns by cause, school changes, the share of children in care at the exam age expected
// to complete the exams, and the foster-carer pool. Rows appear only for arrays the result has.
#include <string>

#include "output/result_file.hpp"

namespace carecast::output {

/// Empty if the result has none of these arrays.
std::string format_care_outcomes(const ResultFile& file);

}  // namespace carecast::output
