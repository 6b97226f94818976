"""The report of a comparison file ('carecast compare'): for each alternative, the paired
differences from the base by year, the cumulative net cost with its band and payback year, the
net present value and the share of replicates paying back; then each scenario's own figures.

Every figure is stored per replicate (alternative minus base in the same replicate); the report
takes means and quantiles across replicates of those stored values. docs/output-schema.md,
'Comparison files', describes the file."""
from dataclasses import dataclass

from . import charts, html_page as html, scenario_text
from .errors import ReportError
from .formatting import count_figure, money_decimals, money_figure, percent, ratio_figure, spread_millions
from .spread import across_replicates
from .years import year_names

NINETY = "mean (90 % interval: 5th to 95th percentile of the replicates)"
COUNT_FIGURES = [("new_placements", "new placements"), ("children_placed", "children placed (average)"),
                 ("breakdowns", "breakdowns"), ("school_changes", "school changes"), ("fte_needed", "FTE needed")]
MONEY_FIGURES = [("cost", "cost"), ("cumulative_net_cost", "cumulative net cost"),
                 ("cumulative_net_cost_discounted", "cumulative net cost, discounted")]


@dataclass
class ComparisonContext:
    reader: object
    year_starts: list
    replicates: int
    base: str
    scenarios: list        # group names under /scenarios, the base first
    alternatives: list     # group names under /comparisons

    def figure(self, group, name, dimensions=("replicate", "year")):
        return self.reader.array(f"{group}/replicates/{name}", dimensions,
                                 {"replicate": self.replicates, "year": len(self.year_starts)})

    def has(self, group, name):
        return self.reader.has(f"{group}/replicates/{name}")

    def money(self):
        text = str(self.reader.attribute("scenario_text", f"scenarios/{self.base}"))
        return scenario_text.money_of(text, self.year_starts[0])


def group_names(reader, group):
    if group not in reader.file or not hasattr(reader.file[group], "keys"):
        raise ReportError(f"'{reader.path}' has no group /{group}; a carecast comparison file has it "
                          "(docs/output-schema.md)")
    return list(reader.file[group].keys())


def load_comparison(reader):
    base = str(reader.attribute("base"))
    scenarios = group_names(reader, "scenarios")
    if base not in scenarios:
        raise ReportError(f"'{reader.path}': the base '{base}' has no group under /scenarios")
    alternatives = group_names(reader, "comparisons")
    if not alternatives:
        raise ReportError(f"'{reader.path}': /comparisons is empty; expected one group per alternative")
    return ComparisonContext(reader, reader.strings("years/start"), int(reader.attribute("replicates")), base,
                             [base] + [s for s in scenarios if s != base], alternatives)


def header_section(page, ctx):
    reader, run = ctx.reader, "run_info"
    facts = [("base", ctx.base)]
    for name in ctx.scenarios:
        where = f"scenarios/{name}"
        facts.append((f"scenario '{name}'", f"{reader.optional_attribute('scenario_path', where)}, SHA-256 "
                                            f"{reader.optional_attribute('scenario_sha256', where)}"))
    facts += [("years", f"{len(ctx.year_starts)} (from {ctx.year_starts[0]})"),
              ("replicates", ctx.replicates), ("seed", reader.optional_attribute("seed")),
              ("carecast version", reader.optional_attribute("engine_version")),
              ("git commit", reader.optional_attribute("git_commit")),
              ("run", f"{reader.optional_attribute('started_at', run)} to "
                      f"{reader.optional_attribute('finished_at', run)}"),
              ("command line", reader.optional_attribute("command_line", run)),
              ("comparison file", reader.path),
              ("schema version", reader.optional_attribute("schema_version"))]
    page.add_section("run", "The comparison and its run", [
        html.paragraph("Every scenario ran with the same seed and replicates (common random numbers), so replicate "
                       "r of each scenario meets the same children with the same random draws. A difference is the "
                       "alternative minus the base in the same replicate.", note=True),
        html.facts_table(facts, "run-facts")])


def payback_text(ctx, year):
    year = int(year)
    return f"year {year} (from {ctx.year_starts[year - 1]})" if year > 0 else "none within the horizon"


def alternative_section(page, ctx, index, name):
    group = f"comparisons/{name}"
    attributes = ctx.reader.file[group].attrs
    money = ctx.money()
    payback = int(ctx.reader.attribute("mean_payback_year", group))
    npv = across_replicates(ctx.figure(group, "net_present_value", ("replicate",)))
    net = {key: across_replicates(ctx.figure(group, key)) for key, _ in MONEY_FIGURES}
    labels = year_names(ctx.year_starts)
    chart = charts.cumulative_net_cost_chart(
        labels, net["cumulative_net_cost_discounted"].scaled(1e-6), net["cumulative_net_cost"].mean / 1e6,
        payback - 1 if payback > 0 else None, "Cumulative net cost, alternative minus base", money.unit())
    cost_bars = charts.bars_with_whiskers(labels, [("cost difference", net["cost"].scaled(1e-6))],
                                          "Cost per year, alternative minus base", money.unit())
    base = str(attributes.get("base", ctx.base))
    page.add_section(f"comparison-{index}", f"{name} against {base}", [
        totals_table(ctx, index, npv, payback, float(ctx.reader.attribute("share_paying_back", group)), money),
        yearly_table(ctx, index, group, net, money),
        html.charts([html.figure(chart, "Cumulative net cost (positive: the alternative has cost more so far), "
                                        "discounted: mean with 50 % and 90 % bands; dashed: the nominal mean. The "
                                        "dotted line marks the payback year of the mean path."),
                     html.figure(cost_bars, "Bars: mean difference in cost per year (nominal); whiskers: 90 % "
                                            "interval across replicates.")]),
    ])


def totals_table(ctx, index, npv, payback, share, money):
    decimals = money_decimals(*spread_millions(npv))
    rows = [["net present value", f"{money_figure(npv, decimals)} {money.unit()}"],
            ["payback year (of the mean path)", payback_text(ctx, payback)],
            ["replicates paying back within the horizon", percent(share)]]
    return html.data_table(f"comparison-{index}-totals", "The net present value is what the alternative saves minus "
                           f"what it costs, discounted: {NINETY}; positive: it saves more than it costs. The payback "
                           "year is the first year from which the cumulative discounted net cost stays at or below "
                           "zero.", ["measure", "value"], rows)


def yearly_table(ctx, index, group, net, money):
    counts = [(label, across_replicates(ctx.figure(group, key)))
              for key, label in COUNT_FIGURES if ctx.has(group, key)]
    decimals = money_decimals(*(v for s in net.values() for v in spread_millions(s)))
    rows = [[start] + [(ratio_figure if label == "FTE needed" else count_figure)(s.at(k)) for label, s in counts] +
            [money_figure(net[key].at(k), decimals) for key, _ in MONEY_FIGURES]
            for k, start in enumerate(ctx.year_starts)]
    headers = ["year from"] + [label for label, _ in counts]
    headers += [f"{label}, {money.unit()}" for _, label in MONEY_FIGURES]
    return html.data_table(f"comparison-{index}-by-year", f"Paired differences per year, alternative minus base: "
                           f"{NINETY}. Children placed is the average over the year; cost is nominal.", headers, rows)


def scenarios_section(page, ctx):
    money = ctx.money()
    placed = {n: across_replicates(ctx.figure(f"scenarios/{n}", "children_placed")) for n in ctx.scenarios}
    cost = {n: across_replicates(ctx.figure(f"scenarios/{n}", "cost")) for n in ctx.scenarios}
    decimals = money_decimals(*(v for s in cost.values() for v in spread_millions(s)))
    rows = [[start] + [count_figure(placed[n].at(k)) for n in ctx.scenarios] +
            [money_figure(cost[n].at(k), decimals) for n in ctx.scenarios] for k, start in enumerate(ctx.year_starts)]
    headers = (["year from"] + [f"{n}: children placed" for n in ctx.scenarios] +
               [f"{n}: cost, {money.unit()}" for n in ctx.scenarios])
    page.add_section("scenarios", "Each scenario on its own", [
        html.data_table("scenarios-by-year", f"Children placed (average over the year) and nominal cost per year of "
                        f"each scenario: {NINETY}.", headers, rows)])


def how_to_read_section(page):
    page.add_section("how-to-read", "How to read this report", [
        html.paragraph("Each scenario was simulated many times over (Monte Carlo replicates) with the same seed, so "
                       "that each replicate of the alternative can be set against the same replicate of the base. "
                       "A figure reads 'mean (low to high)': the mean of the paired differences over the replicates, "
                       "and the 90 % interval from their 5th to their 95th percentile. The interval shows how much "
                       "the effect varies between replicates under the scenarios' assumptions, not the uncertainty "
                       "of the mean."),
        html.paragraph("Net cost is the alternative's cost minus the base's: negative is a saving. Money is in the "
                       "base scenario's currency and prices, nominal (each year's prices) unless called "
                       "discounted."),
    ])


def comparison_page_sections(page, reader):
    ctx = load_comparison(reader)
    header_section(page, ctx)
    for index, name in enumerate(ctx.alternatives, start=1):
        alternative_section(page, ctx, index, name)
    scenarios_section(page, ctx)
    how_to_read_section(page)
    return ctx
