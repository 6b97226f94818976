#pragma once
// Rules that act on new arrivals before they are followed: within a window of arrival times and
// a band of ages, a share of the arrivals bound for chosen first states is reached, and a share
// of those reached is diverted to another first state, or kept out of the system altogether.
// (The domain uses this for early interventions that prevent or redirect entries.)
//
// Each arrival draws one uniform per rule on its own stream (purpose `arrival_rule`, counted by
// the rule's key), so a rule never changes any other draw: arrivals a rule does not act on
// follow exactly the path they follow without it (common random numbers).
#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine/individual.hpp"
#include "engine/random_stream.hpp"

namespace carecast::engine {

inline constexpr int leaves_system = -1;

struct ArrivalRule {
  double from = 0.0, until = 0.0;          // arrival times in [from, until), days
  double min_age = 0.0, max_age = 0.0;     // ages at arrival in [min_age, max_age), days
  std::vector<bool> bound_for;             // by first state: arrivals the rule may reach
  double reach = 0.0;                      // probability that a matching arrival is reached
  double divert_given_reached = 0.0;       // probability that a reached arrival is diverted
  int divert_to = leaves_system;           // the new first state, or leaves_system
  std::uint64_t key = 0;                   // the rule's stable identity: it counts the rule's draws
};

/// How several rules that match the same arrival combine: each acts independently in turn
/// (the probabilities of not being diverted multiply), or only the one most likely to divert.
enum class RuleCombination { multiply, strongest };

/// What a rule did to one arrival: reached it, and perhaps diverted it. `child` is the arrival
/// as it was before any rule acted.
struct RuleOutcome {
  Individual child;
  std::size_t rule = 0;
  bool diverted = false;
};

class ArrivalRules {
 public:
  ArrivalRules() = default;
  ArrivalRules(std::vector<ArrivalRule> rules, RuleCombination combination);

  bool empty() const { return rules_.empty(); }
  const std::vector<ArrivalRule>& rules() const { return rules_; }
  /// Applies the rules to `child`; appends what each rule that reached it did to `outcomes`.
  /// Returns false if the child leaves the system.
  bool apply(Individual& child, StreamKey key, std::vector<RuleOutcome>& outcomes) const;

 private:
  bool matches(const ArrivalRule& rule, const Individual& child) const;
  std::vector<std::size_t> acting_rules(const Individual& child) const;

  std::vector<ArrivalRule> rules_;
  RuleCombination combination_ = RuleCombination::multiply;
};

}  // namespace carecast::engine
