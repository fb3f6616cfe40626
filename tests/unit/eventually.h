#pragma once
// Waiting for another thread in unit tests: no sleep standing in for synchronisation, only a
// generous bound after which the wait fails the test instead of hanging it.

#include <chrono>
#include <thread>

namespace wirefeed::testing {

// True once `done()` is; false if it is still false after 30 s.
template <typename F>
bool eventually(F done) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (!done()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::yield();
  }
  return true;
}

}  // namespace wirefeed::testing
