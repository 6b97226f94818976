"""Settings of the resolved scenario stored in a file's `scenario_text` attribute: the name, the
simulation's years, end and year_begins, and the money settings (costs.currency, costs.price_year,
costs.price_growth_per_year or costs.price_index, costs.discount_rate), read with PyYAML
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
    price_growth: float = 0.0   # costs.price_growth_per_year (0: constant prices)
    price_index: bool = False   # costs.price_index is given

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


def section(scenario_text, name):
    value = parsed(scenario_text).get(name)
    return value if isinstance(value, dict) else None


def money_of(scenario_text, start_date):
    costs = section(scenario_text, "costs")
    if costs is None:
        return Money(False, "", "", 0.0)
    currency = str(costs.get("currency") or "DKK")
    price_year = str(costs.get("price_year") or start_date[:4])
    rate, growth = costs.get("discount_rate"), costs.get("price_growth_per_year")
    return Money(True, currency, price_year, float(rate) if rate is not None else 0.0,
                 float(growth) if growth is not None else 0.0, isinstance(costs.get("price_index"), dict))


def simulation_years(scenario_text):
    """simulation.years as an int, or None when the text does not say."""
    years = (section(scenario_text, "simulation") or {}).get("years")
    return years if isinstance(years, int) and not isinstance(years, bool) else None


def simulation_end(scenario_text):
    """simulation.end as an ISO date, or None when the text does not give it (or gives ~)."""
    end = (section(scenario_text, "simulation") or {}).get("end")
    return end.isoformat() if hasattr(end, "isoformat") else (str(end) if end else None)


def year_begins(scenario_text):
    """simulation.year_begins as 'MM-DD'; '01-01' (calendar years) when it is not set."""
    begins = (section(scenario_text, "simulation") or {}).get("year_begins")
    return str(begins) if begins else "01-01"


def scenario_name(scenario_text):
    name = parsed(scenario_text).get("name")
    return "" if name is None else str(name)
