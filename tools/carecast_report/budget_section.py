"""The budget of a result file: per year, nominal and discounted totals with their intervals, and
the money by category group. Every total is added up over categories in each replicate before
its mean and quantiles are taken (as carecast's budget.csv)."""
import numpy as np

from . import charts, html_page as html
from .formatting import money_decimals, money_figure, number, spread_millions
from .spread import across_replicates
from .years import year_names

GROUPS = [("care days", "care:"), ("one-off", "one_off:"), ("interventions", "intervention:")]


def category_label(category, ctx):
    kind, _, name = category.partition(":")
    if kind == "care" and name in ctx.names:
        return f"care days: {ctx.labels[ctx.names.index(name)]}"
    return {"care": "care days: ", "one_off": "one-off: ", "intervention": "intervention: "}.get(kind, "") + name


def group_totals(costs, categories, prefix):
    """[replicate, year]: each replicate's sum over the categories starting with prefix."""
    chosen = [i for i, c in enumerate(categories) if c.startswith(prefix)]
    return costs[:, :, chosen].sum(axis=2)


def budget_section(page, ctx):
    categories = ctx.reader.strings("axes/category")
    extents = dict(ctx.extents, category=len(categories))
    costs = ctx.reader.array("replicates/costs", ("replicate", "year", "category"), extents)
    discounted = ctx.reader.array("replicates/costs_discounted", ("replicate", "year", "category"), extents)
    if not np.any(costs):
        return
    money = ctx.money()
    totals = [("total", across_replicates(costs.sum(axis=2))),
              ("total, discounted", across_replicates(discounted.sum(axis=2)))]
    totals += [(name, across_replicates(group_totals(costs, categories, prefix))) for name, prefix in GROUPS]
    page.add_section("budget", "Budget per year", [
        html.paragraph(money_note(money), note=True),
        totals_table(ctx, totals, money),
        html.figure(charts.bars_with_whiskers(year_names(ctx.year_starts),
                                              [(n, s.scaled(1e-6)) for n, s in totals[:2]],
                                              "Budget per year", money.unit()),
                    f"Total per year, nominal and discounted, {money.unit()}: bars are means, whiskers the 90 % "
                    "interval across replicates."),
        category_table(ctx, costs, categories, money),
    ])


def money_note(money):
    if not money.has_costs:
        return ("The scenario has no costs section: only the interventions' costs are counted, at face value, "
                "without price index or discounting.")
    return (f"Money in {money.unit()}. Nominal: in each year's prices (the scenario's amounts are in "
            f"{money.price_year} prices, raised by its price index). Discounted: to the start date at "
            f"{number(100 * money.discount_rate, 1)} % a year.")


def totals_table(ctx, totals, money):
    decimals = money_decimals(*(v for _, s in totals for v in spread_millions(s)))
    rows = [[start] + [money_figure(s.at(k), decimals) for _, s in totals] for k, start in enumerate(ctx.year_starts)]
    return html.data_table("budget-by-year", f"Budget per year, {money.unit()}: mean (90 % interval), each total "
                           "added up over its categories in each replicate.",
                           ["year from"] + [f"{name}" for name, _ in totals], rows)


def category_table(ctx, costs, categories, money):
    """Means by category (rows) and year (columns); rows add up to the total row."""
    means = costs.mean(axis=0) / 1e6                                  # [year, category], millions
    used = [c for c in range(len(categories)) if np.any(costs[:, :, c])]
    decimals = money_decimals(means[:, used], means.sum(axis=0)[used], means.sum(axis=1), means.sum())
    rows = [[category_label(categories[c], ctx)] + [number(v, decimals) for v in means[:, c]] +
            [number(means[:, c].sum(), decimals)] for c in used]
    rows.append(["total"] + [number(v, decimals) for v in means.sum(axis=1)] + [number(means.sum(), decimals)])
    headers = ["category"] + year_names(ctx.year_starts) + ["all years"]
    return html.data_table("budget-by-category", f"Nominal money by category, {money.unit()}: means over replicates "
                           "(the intervals of the totals are in the table above). Categories that are zero in "
                           "every replicate and year are left out.", headers, rows, total_rows={len(rows) - 1})
