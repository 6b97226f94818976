"""The budget of a result file: per year and over all years, nominal and discounted totals with
their intervals, and the money by category group; then the nominal money by category. Every
total is added up in each replicate (over categories in order, as carecast's replicate_totals,
and over years) before its mean and quantiles are taken, so the figures per year are those of
'carecast summary' and budget.csv."""
import numpy as np

from . import charts, html_page as html
from .formatting import money_decimals, money_figure, number, spread_millions
from .in_order import sum_in_order
from .money_note import money_note
from .outside_interval import Marks
from .spread import millions_as_summary, running_mean

GROUPS = [("care days", "care:"), ("one-off", "one_off:"), ("interventions", "intervention:")]
STAFF = ("caseworkers", "staff:")       # a column only when caseworkers are costed, as in carecast's table


def category_label(category, ctx):
    kind, _, name = category.partition(":")
    if kind == "care" and name in ctx.names:
        return f"care days: {ctx.labels[ctx.names.index(name)]}"
    if kind == "staff":
        return name
    return {"care": "care days: ", "one_off": "one-off: ", "intervention": "intervention: "}.get(kind, "") + name


def group_totals(costs, categories, prefix):
    """[replicate, year]: each replicate's sum, in category order, over the categories starting with prefix."""
    chosen = [i for i, c in enumerate(categories) if c.startswith(prefix)]
    return sum_in_order(costs[:, :, chosen], axis=2)


def yearly_totals(costs, discounted, categories):
    """(name, [replicate, year]) of the columns of the budget table."""
    totals = [("total", group_totals(costs, categories, "")),
              ("total, discounted", group_totals(discounted, categories, ""))]
    groups = GROUPS + ([STAFF] if any(c.startswith(STAFF[1]) for c in categories) else [])
    return totals + [(name, group_totals(costs, categories, prefix)) for name, prefix in groups]


def budget_section(page, ctx):
    categories = ctx.reader.strings("axes/category")
    extents = dict(ctx.extents, category=len(categories))
    costs = ctx.reader.array("replicates/costs", ("replicate", "year", "category"), extents)
    discounted = ctx.reader.array("replicates/costs_discounted", ("replicate", "year", "category"), extents)
    if not np.any(costs):
        page.add_section("budget", "Budget per year", [html.paragraph(
            "This result spends no money: the scenario has no costs section and no intervention with a cost "
            "(docs/scenario-reference.md, costs).", note=True)])
        return
    money = ctx.money()
    totals = yearly_totals(costs, discounted, categories)
    by_year = [(name, millions_as_summary(values)) for name, values in totals]
    all_years = [(name, millions_as_summary(sum_in_order(values, axis=1))) for name, values in totals]
    page.add_section("budget", "Budget per year", [
        html.paragraph(money_note(money), note=True),
        totals_table(ctx, by_year, all_years, money),
        html.figure(charts.bars_with_whiskers(ctx.year_labels(), by_year[:2],
                                              "Budget per year", money.unit()),
                    f"Total per year, nominal and discounted, {money.unit()}: bars are means, whiskers the 90 % "
                    "interval across replicates."),
        category_table(ctx, costs, categories, money),
    ])


def totals_table(ctx, by_year, all_years, money):
    decimals = money_decimals(*(v for _, s in by_year + all_years for v in spread_millions(s)))
    marks = Marks()
    rows = [[label] + [marks.mark(money_figure(s.at(k), decimals)) for _, s in by_year]
            for k, label in enumerate(ctx.year_labels())]
    rows.append(["all years"] + [marks.mark(money_figure(s, decimals)) for _, s in all_years])
    return html.data_table("budget-by-year", f"Budget per year and over all years, {money.unit()}: mean (90 % "
                           "interval), each total added up over its categories, and over the years, in each replicate "
                           "before the mean and interval are taken.",
                           ["year"] + [f"{name}" for name, _ in by_year], rows, total_rows={len(rows) - 1}) + marks.note()


def category_table(ctx, costs, categories, money):
    """Means by category (rows) and year (columns); rows add up to the total row."""
    means = running_mean(costs) / 1e6                                  # [year, category], millions
    used = [c for c in range(len(categories)) if np.any(costs[:, :, c])]
    decimals = money_decimals(means[:, used], means.sum(axis=0)[used], means.sum(axis=1), means.sum())
    rows = [[category_label(categories[c], ctx)] + [number(v, decimals) for v in means[:, c]] +
            [number(means[:, c].sum(), decimals)] for c in used]
    rows.append(["total"] + [number(v, decimals) for v in means.sum(axis=1)] + [number(means.sum(), decimals)])
    headers = ["category"] + ctx.year_labels() + ["all years"]
    return html.data_table("budget-by-category", f"Nominal money by category, {money.unit()}: means over replicates "
                           "(the intervals of the totals are in the table above). Categories that are zero in "
                           "every replicate and year are left out.", headers, rows, total_rows={len(rows) - 1})
