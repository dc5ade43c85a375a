#pragma once
// A fixed pool of std::thread workers over indexed tasks. Each task writes
// only its own preallocated slot, so results do not depend on the number of
// threads or on scheduling.
#include <functional>

namespace cerebro::fit {

// Returns the number of workers for a request of `requested_threads`
// (0 = std::thread::hardware_concurrency(), at least 1), capped at
// `task_count` and never below 1. Throws std::logic_error when
// requested_threads < 0.
int resolve_thread_count(int requested_threads, int task_count);

// Runs task(task_index, worker_index) for every task_index in
// [0, task_count) on `thread_count` >= 1 workers; worker_index in
// [0, thread_count) lets a task reuse that worker's scratch buffers. With one
// worker the tasks run in the calling thread. When a task throws, the workers
// start no further tasks and the first exception is rethrown here after
// every worker has stopped.
void run_indexed_tasks(int task_count, int thread_count,
                       const std::function<void(int task_index, int worker_index)>& task);

}  // namespace cerebro::fit
