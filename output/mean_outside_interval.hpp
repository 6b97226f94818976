#pragma once
// A figure printed with its mean outside its own 90 % interval reads as a bug: "0.2 (0.0–0.0)".
// It is a figure that is the same (often 0) in most replicates and far larger or smaller in a
// few: those few move the mean but not the 5th and 95th percentiles. A table marks each such cell
// with a '*' after it and explains the mark once, in a note under the table. The rule is read off
// the cell as printed, "mean (low–high)" or "mean (low to high)": what the reader sees is what is
// explained, and a mean that only rounding puts outside (or inside) is left alone.
// tools/carecast_report/outside_interval.py marks the report's tables by the same rule.
#include <string>
#include <string_view>

namespace carecast::output {

/// True if `printed`, a figure as a table prints it ("0.2 (0.0–0.0)", "-2.4 (-10.6 to 3.1)"), has
/// a mean below its low end or above its high end. False for a text without three numbers.
bool mean_outside_interval(std::string_view printed);

/// The marks of one table.
class MeanOutsideIntervalMarks {
 public:
  /// `printed` (a cell as the table prints it), followed by '*' if its mean lies outside its
  /// interval.
  std::string mark(std::string printed);
  /// The note that explains the mark, one line in brackets ending in a newline; "" if no cell of
  /// the table was marked.
  std::string note() const;

 private:
  bool marked_ = false;
};

}  // namespace carecast::output
