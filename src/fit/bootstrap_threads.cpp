#include "fit/bootstrap_threads.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace cerebro::fit {

int resolve_thread_count(int requested_threads, int task_count) {
  if (requested_threads < 0) {
    throw std::logic_error("resolve_thread_count: requested_threads is " +
                           std::to_string(requested_threads) + ", expected 0 or more");
  }
  int threads = requested_threads;
  if (threads == 0) threads = static_cast<int>(std::thread::hardware_concurrency());
  return std::max(1, std::min(threads, task_count));
}

void run_indexed_tasks(int task_count, int thread_count,
                       const std::function<void(int task_index, int worker_index)>& task) {
  if (thread_count < 1) throw std::logic_error("run_indexed_tasks: thread_count must be >= 1");
  if (thread_count == 1) {
    for (int index = 0; index < task_count; ++index) task(index, 0);
    return;
  }

  std::atomic<int> next_task{0};
  std::atomic<bool> stopped{false};
  std::exception_ptr first_error;
  std::mutex error_mutex;

  auto work = [&](int worker_index) {
    while (!stopped.load(std::memory_order_relaxed)) {
      const int index = next_task.fetch_add(1, std::memory_order_relaxed);
      if (index >= task_count) return;
      try {
        task(index, worker_index);
      } catch (...) {
        const std::lock_guard lock(error_mutex);
        if (!first_error) first_error = std::current_exception();
        stopped.store(true, std::memory_order_relaxed);
      }
    }
  };

  std::vector<std::thread> workers;
  workers.reserve(static_cast<std::size_t>(thread_count));
  try {
    for (int worker = 0; worker < thread_count; ++worker) workers.emplace_back(work, worker);
  } catch (...) {
    // A thread that cannot start must not leave running ones unjoined.
    stopped.store(true);
    for (std::thread& worker : workers) worker.join();
    throw;
  }
  for (std::thread& worker : workers) worker.join();
  if (first_error) std::rethrow_exception(first_error);
}

}  // namespace cerebro::fit
