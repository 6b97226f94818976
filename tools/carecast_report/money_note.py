"""How the money of a page is counted, in words: the currency, the prices (the price year and the
price growth or price index that raises them), and the discounting to the start date
(docs/scenario-reference.md, costs: a year's money is divided by (1 + discount_rate)^t, t the
years from the start date to the year's first day, in whole months / 12)."""
from .formatting import number


def money_note(money):
    if not money.has_costs:
        return ("The scenario has no costs section: only the interventions' costs are counted, at face value, "
                "without price growth or discounting.")
    return f"Money in {money.unit()}. {prices_sentence(money)} {discount_sentence(money)}"


def prices_sentence(money):
    start = f"Nominal money is in each year's prices: the scenario's amounts are in {money.price_year} prices, moved"
    end = "to the prices of the calendar year in which each reporting year begins."
    if money.price_index:
        return f"{start} by the scenario's price index (costs.price_index) {end}"
    if money.price_growth:
        direction = "rising" if money.price_growth > 0 else "falling"
        return (f"{start} with prices {direction} {percent_rate(abs(money.price_growth))} a year "
                f"(costs.price_growth_per_year) {end}")
    return (f"Nominal money is at constant {money.price_year} prices: the scenario sets no price growth or price "
            "index.")


def discount_sentence(money):
    if not money.discount_rate:
        return "Discounted money equals nominal money: the scenario's discount rate is 0."
    rate = number(money.discount_rate, 4).rstrip('0').rstrip('.')
    return (f"Discounted money is discounted to the start date at {percent_rate(money.discount_rate)} a year "
            f"(costs.discount_rate): each year's money is divided by (1 + {rate})^t, t the years from the start "
            "date to the year's first day (whole months / 12), so the first year is not discounted.")


def percent_rate(rate):
    """0.035 -> '3.5 %', 0.02 -> '2 %'."""
    return f"{number(100 * rate, 4).rstrip('0').rstrip('.')} %"
