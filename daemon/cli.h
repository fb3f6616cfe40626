#pragma once
// The command line: `wirefeed <command> [options]`. Lives outside main.cc so tests can drive it.

#include <string>
#include <vector>

namespace wirefeed {

// Runs a command; returns the process exit code. Messages go to stdout/stderr.
int run_cli(const std::vector<std::string>& args);

}  // namespace wirefeed
