#pragma once
// Facts about this process recorded in a result's provenance: host, times, command line.
#include <string>

namespace carecast::cli {

std::string current_utc_time();
std::string host_name();
std::string joined_command_line(int argc, char** argv);

}  // namespace carecast::cli
