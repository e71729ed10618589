#pragma once
// Runs a producer on a second thread while the caller consumes what it produces, in order.
// `week --all` reads the next runners from the store while it plans the ones already read:
// reading and planning each take about half the time, and machines have more than one core.
//
// The producer owns whatever it reads from (the store's connection is used by its thread only
// until the consumer has seen the end); items cross over in batches to keep locking rare, and
// at most `max_batches` wait, so memory stays bounded however large the caseload.

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

namespace runback::cli {

template <class Item>
class ReadAhead {
 public:
  using Emit = std::function<void(Item&&)>;
  using Produce = std::function<void(const Emit& emit)>;

  explicit ReadAhead(Produce produce, std::size_t batch_size = 64, std::size_t max_batches = 8)
      : batch_size_(batch_size), max_batches_(max_batches) {
    thread_ = std::thread([this, produce = std::move(produce)] {
      std::vector<Item> batch;
      const Emit emit = [&](Item&& item) {
        batch.push_back(std::move(item));
        if (batch.size() >= batch_size_) hand_over(batch);
      };
      produce(emit);
      hand_over(batch);
      std::lock_guard lock(mutex_);
      done_ = true;
      ready_.notify_all();
    });
  }

  ReadAhead(const ReadAhead&) = delete;
  ReadAhead& operator=(const ReadAhead&) = delete;

  // Waits for the producer; what it still emits is dropped.
  ~ReadAhead() {
    {
      std::lock_guard lock(mutex_);
      stopped_ = true;
      room_.notify_all();
    }
    thread_.join();
  }

  // The next batch in order, or nothing once the producer has finished and all was taken.
  std::optional<std::vector<Item>> next() {
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [&] { return !batches_.empty() || done_; });
    if (batches_.empty()) return std::nullopt;
    std::vector<Item> batch = std::move(batches_.front());
    batches_.pop_front();
    room_.notify_one();
    return batch;
  }

  // After next() returned nothing: the producer is done and no longer uses what it read from.
  void wait_until_done() {
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [&] { return done_; });
  }

 private:
  void hand_over(std::vector<Item>& batch) {
    if (batch.empty()) return;
    std::unique_lock lock(mutex_);
    room_.wait(lock, [&] { return batches_.size() < max_batches_ || stopped_; });
    if (!stopped_) batches_.push_back(std::move(batch));
    batch.clear();
    ready_.notify_one();
  }

  const std::size_t batch_size_;
  const std::size_t max_batches_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::condition_variable room_;
  std::deque<std::vector<Item>> batches_;
  bool done_ = false;
  bool stopped_ = false;
  std::thread thread_;
};

}  // namespace runback::cli
