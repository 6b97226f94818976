// ObserverChain: an observer is only called for the calls it declares (hooks()), observers are
// called in the order they were added, and optional calls an observer's class ignores stop
// reaching it after the first.
#include "engine/life_observer.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

namespace carecast::engine {
namespace {

class Logger final : public LifeObserver {
 public:
  Logger(std::string name, unsigned hooks, std::vector<std::string>& log) : name_(std::move(name)), hooks_(hooks), log_(log) {}
  unsigned hooks() const override { return hooks_; }
  void on_arrival(Individual&) override { log_.push_back(name_ + ":arrival"); }
  void on_stay(const Individual&, double) override { log_.push_back(name_ + ":stay"); }
  void on_transition(Individual&, int, const Exit*) override { log_.push_back(name_ + ":transition"); }

 private:
  std::string name_;
  unsigned hooks_;
  std::vector<std::string>& log_;
};

TEST(ObserverChain, CallsEachObserverForTheCallsItDeclaresInOrder) {
  std::vector<std::string> log;
  ObserverChain chain;
  chain.add(std::make_unique<Logger>("a", all_hooks, log));
  chain.add(std::make_unique<Logger>("b", hook_transition, log));
  chain.add(std::make_unique<Logger>("c", hook_stay | hook_arrival, log));
  Individual child;
  chain.on_arrival(child);
  chain.on_stay(child, 1.0);
  chain.on_transition(child, 0, nullptr);
  chain.on_pool_change(1.0, PoolCensus{});  // none of them listens: the defaults ignore it
  chain.on_pool_change(2.0, PoolCensus{});
  EXPECT_EQ(log, (std::vector<std::string>{"a:arrival", "c:arrival", "a:stay", "c:stay", "a:transition",
                                           "b:transition"}));
}

}  // namespace
}  // namespace carecast::engine
