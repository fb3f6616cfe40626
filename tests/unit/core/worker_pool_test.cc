#include "core/worker_pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <vector>

namespace wirefeed {
namespace {

TEST(WorkerPoolTest, RunsEveryWorkerOncePerSection) {
  WorkerPool pool(3);
  ASSERT_EQ(pool.size(), 3u);
  for (int round = 0; round < 50; ++round) {
    std::vector<std::atomic<int>> hits(3);
    pool.run([&](size_t w) { hits[w]++; });
    for (auto& h : hits) EXPECT_EQ(h.load(), 1);
  }
}

TEST(WorkerPoolTest, SingleThreadRunsInline) {
  WorkerPool pool(1);
  int calls = 0;
  pool.run([&](size_t w) {
    EXPECT_EQ(w, 0u);
    ++calls;
  });
  EXPECT_EQ(calls, 1);
}

}  // namespace
}  // namespace wirefeed
