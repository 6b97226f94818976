"""Settings of the resolved scenario stored in a file's `scenario_text` attribute: the name and the
money settings (costs.currency, costs.price_year, costs.discount_rate), read with PyYAML
(Debian's python3-yaml). Defaults follow docs/scenario-reference.md.
"""
from dataclasses import dataclass

import yaml


@dataclass
class Money:
    has_costs: bool
    currency: str       # "" without a costs section: money is then counted at face value
    price_year: str
    discount_rate: float

    def unit(self):
        """'million DKK', or 'million (money at face value)' without a costs section."""
        return f"million {self.currency}" if self.currency else "million (money units at face value)"


def parsed(scenario_text):
    """The scenario as a mapping; an empty one if the text is not a YAML mapping."""
    try:
        document = yaml.safe_load(scenario_text)
    except yaml.YAMLError:
        return {}
    return document if isinstance(document, dict) else {}


def money_of(scenario_text, start_date):
    costs = parsed(scenario_text).get("costs")
    if not isinstance(costs, dict):
        return Money(False, "", "", 0.0)
    currency = str(costs.get("currency") or "DKK")
    price_year = str(costs.get("price_year") or start_date[:4])
    rate = costs.get("discount_rate")
    return Money(True, currency, price_year, float(rate) if rate is not None else 0.0)


def scenario_name(scenario_text):
    name = parsed(scenario_text).get("name")
    return "" if name is None else str(name)
