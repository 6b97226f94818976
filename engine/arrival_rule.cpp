#include "engine/arrival_rule.hpp"

#include <stdexcept>

namespace carecast::engine {

ArrivalRules::ArrivalRules(std::vector<ArrivalRule> rules, RuleCombination combination)
    : rules_(std::move(rules)), combination_(combination) {
  for (const ArrivalRule& rule : rules_)
    if (!(rule.reach >= 0.0 && rule.reach <= 1.0) ||
        !(rule.divert_given_reached >= 0.0 && rule.divert_given_reached <= 1.0))
      throw std::invalid_argument("arrival rule: reach and diversion must be probabilities");
}

bool ArrivalRules::matches(const ArrivalRule& rule, const Individual& child) const {
  double age = child.entered - child.birth;
  auto state = static_cast<std::size_t>(child.state);
  return child.entered >= rule.from && child.entered < rule.until && age >= rule.min_age &&
         age < rule.max_age && state < rule.bound_for.size() && rule.bound_for[state];
}

std::vector<std::size_t> ArrivalRules::acting_rules(const Individual& child) const {
  std::vector<std::size_t> acting;
  for (std::size_t r = 0; r < rules_.size(); ++r)
    if (matches(rules_[r], child)) acting.push_back(r);
  if (combination_ == RuleCombination::strongest && acting.size() > 1) {
    auto strength = [&](std::size_t r) { return rules_[r].reach * rules_[r].divert_given_reached; };
    std::size_t strongest = acting.front();
    for (std::size_t r : acting)
      if (strength(r) > strength(strongest)) strongest = r;
    acting = {strongest};
  }
  return acting;
}

bool ArrivalRules::apply(Individual& child, StreamKey key, std::vector<RuleOutcome>& outcomes) const {
  if (rules_.empty()) return true;
  const Individual before = child;
  for (std::size_t r : acting_rules(before)) {
    const ArrivalRule& rule = rules_[r];
    auto stream = make_stream(key, before.id, Purpose::arrival_rule, rule.key);
    double u = draw_uniform(stream);
    if (u >= rule.reach) continue;
    bool diverted = u < rule.reach * rule.divert_given_reached;
    outcomes.push_back(RuleOutcome{before, r, diverted});
    if (!diverted) continue;
    if (rule.divert_to == leaves_system) return false;
    child.state = rule.divert_to;
    return true;
  }
  return true;
}

}  // namespace carecast::engine
