#pragma once
// The one exception type of the output layer: anything that goes wrong while writing or reading
// a result file. Messages name the file and, where there is one, the object inside it.
#include <stdexcept>

namespace carecast::output {

class OutputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace carecast::output
