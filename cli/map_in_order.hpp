#pragma once
// Works on items on several threads and hands the results back in the order the items came.
// `week --all` plans each runner on its own (plans share nothing), so a caseload is planned on
// every core while its output stays exactly what one thread would write.
//
//   next()               gives the next item, or nothing at the end. Called by one thread at a
//                        time, so it need not be thread-safe itself.
//   work(item, worker)   turns an item into a result, on one of `threads` threads at once;
//                        `worker` (0 .. threads - 1) lets each thread keep its own scratch.
//   consume(result)      runs on the calling thread, for each result in item order.
//
// At most `max_waiting` results wait to be consumed (items in hand included), so memory stays
// bounded when one item takes long. An exception thrown by `work` stops the others once their
// current item is done and is rethrown here; so is one thrown by `consume`.

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

namespace runback::cli {

// How many threads to work on: one per core, within reason.
inline unsigned worker_count() {
  return std::clamp(std::thread::hardware_concurrency(), 1u, 8u);
}

template <class Next, class Work, class Consume>
void map_in_order(unsigned threads, std::size_t max_waiting, Next next, Work work,
                  Consume consume) {
  using Item = typename std::invoke_result_t<Next&>::value_type;
  using Output = std::invoke_result_t<Work&, Item&, unsigned>;
  threads = std::max(threads, 1u);
  max_waiting = std::max<std::size_t>(max_waiting, threads);

  std::mutex take_mutex;  // next() and the order of the items taken
  std::size_t taken = 0;
  bool input_ended = false;

  std::mutex mutex;  // all below
  std::condition_variable result_ready;
  std::condition_variable room;
  std::map<std::size_t, Output> finished;
  std::size_t in_hand = 0;  // taken and not yet consumed
  std::size_t consumed = 0;
  unsigned running = threads;
  bool stop = false;
  std::exception_ptr failure;

  auto fail = [&](std::exception_ptr error) {
    std::lock_guard lock(mutex);
    if (!failure) failure = error;
    stop = true;
    room.notify_all();
    result_ready.notify_all();
  };

  auto run_worker = [&](unsigned worker) {
    for (;;) {
      {
        std::unique_lock lock(mutex);
        room.wait(lock, [&] { return stop || in_hand < max_waiting; });
        if (stop) break;
        ++in_hand;
      }
      std::optional<Item> item;
      std::size_t index = 0;
      try {
        std::lock_guard lock(take_mutex);
        if (!input_ended) item = next();
        input_ended = !item;
        index = taken++;
      } catch (...) {
        fail(std::current_exception());
        break;
      }
      if (!item) {
        std::lock_guard lock(mutex);
        --in_hand;
        break;
      }
      try {
        Output output = work(*item, worker);
        std::lock_guard lock(mutex);
        finished.emplace(index, std::move(output));
        result_ready.notify_all();
      } catch (...) {
        fail(std::current_exception());
        break;
      }
    }
    std::lock_guard lock(mutex);
    --running;
    result_ready.notify_all();
  };

  std::vector<std::thread> workers;
  workers.reserve(threads);
  try {
    for (unsigned worker = 0; worker < threads; ++worker) workers.emplace_back(run_worker, worker);
  } catch (...) {
    fail(std::current_exception());
  }

  for (;;) {
    std::unique_lock lock(mutex);
    result_ready.wait(lock, [&] {
      return stop || finished.count(consumed) != 0 || running == 0 || workers.empty();
    });
    if (stop) break;
    auto it = finished.find(consumed);
    if (it == finished.end()) break;  // every worker has ended and every result was consumed
    Output output = std::move(it->second);
    finished.erase(it);
    ++consumed;
    --in_hand;
    room.notify_all();
    lock.unlock();
    try {
      consume(output);
    } catch (...) {
      fail(std::current_exception());
      break;
    }
  }
  for (auto& worker : workers) worker.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace runback::cli
