#pragma once
// A fixed set of threads that run one parallel section at a time: run(fn) calls fn(worker) on
// every worker (0..size-1, the caller being worker 0) and returns when all are done. Batch-parallel
// stages use it so that no thread is created per batch.

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace wirefeed {

class WorkerPool {
 public:
  explicit WorkerPool(size_t threads);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  [[nodiscard]] size_t size() const { return threads_.size() + 1; }
  void run(const std::function<void(size_t worker)>& fn);

 private:
  void loop(size_t worker);

  std::vector<std::thread> threads_;
  std::mutex mu_;
  std::condition_variable start_cv_;
  std::condition_variable done_cv_;
  const std::function<void(size_t)>* fn_ = nullptr;
  uint64_t generation_ = 0;
  size_t pending_ = 0;
  bool stop_ = false;
};

}  // namespace wirefeed
