#include "fit/bootstrap_threads.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <vector>

namespace cerebro::fit {
namespace {

TEST(ThreadCount, ResolvesRequests) {
  EXPECT_GE(resolve_thread_count(0, 1000), 1);
  EXPECT_EQ(resolve_thread_count(5, 3), 3);
  EXPECT_EQ(resolve_thread_count(2, 10), 2);
  EXPECT_EQ(resolve_thread_count(4, 0), 1);
  EXPECT_THROW(resolve_thread_count(-1, 10), std::logic_error);
}

TEST(IndexedTasks, RunEachTaskOnce) {
  constexpr int kTasks = 257;
  for (int threads : {1, 2, 4}) {
    std::vector<std::atomic<int>> runs(kTasks);
    std::atomic<bool> worker_in_range{true};
    run_indexed_tasks(kTasks, threads, [&](int task, int worker) {
      runs[task].fetch_add(1);
      if (worker < 0 || worker >= threads) worker_in_range = false;
    });
    for (int task = 0; task < kTasks; ++task) {
      ASSERT_EQ(runs[task].load(), 1) << "task " << task << " with " << threads << " threads";
    }
    EXPECT_TRUE(worker_in_range.load()) << threads << " threads";
  }
}

TEST(IndexedTasks, RethrowTaskError) {
  for (int threads : {1, 3}) {
    EXPECT_THROW(run_indexed_tasks(100, threads,
                                   [](int task, int) {
                                     if (task == 37) throw std::runtime_error("task 37 failed");
                                   }),
                 std::runtime_error)
        << threads << " threads";
  }
}

TEST(IndexedTasks, ZeroTasksRunNothing) {
  int runs = 0;
  run_indexed_tasks(0, 2, [&](int, int) { ++runs; });
  EXPECT_EQ(runs, 0);
}

}  // namespace
}  // namespace cerebro::fit
