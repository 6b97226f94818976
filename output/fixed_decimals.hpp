#pragma once
// Numbers for the printed tables: a fixed number of decimals, and a value that rounds to zero
// written "0.0", never "-0.0" (a difference of -0.02 is no decrease worth a minus sign).
#include <string>

namespace carecast::output {

/// `value` with `decimals` decimals ("{:.1f}"), without the minus sign of a rounded zero.
std::string fixed_decimals(double value, int decimals);

}  // namespace carecast::output
