#pragma once
// A floating-point number as YAML text that every YAML reader reads as a number.
//
// C++'s shortest "%g" form writes 3,000,000 as `3e+06` and 0.00001 as `1e-05`. YAML 1.2 reads
// those as floats, but YAML 1.1 readers (PyYAML's safe_load among them) need a decimal point in
// the mantissa and read them as the strings '3e+06' and '1e-05'. So the mantissa of an exponent
// form always gets one: `3.0e+06`, `1.0e-05`, `1.3194e+06`. Values without an exponent are
// written as "%g" writes them (`0.17168`, `119945`, `0`): a whole number reads as an integer,
// which is a number to every reader. Infinity is `.inf` (`-.inf`), not-a-number `.nan`.
#include <string>

namespace carecast::models::calibration {

/// `value` rounded to `significant_digits` significant digits, as above.
std::string yaml_float(double value, int significant_digits);

}  // namespace carecast::models::calibration
