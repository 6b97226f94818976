"""The report of a comparison file ('carecast compare'): for each alternative, the paired
differences from the base by year, the cost difference split into the interventions' own cost
categories and the rest (cost_split.py), the cumulative net cost with its band and payback year,
the net present value and the share of replicates paying back; then each scenario's own figures.

Every figure is stored per replicate (alternative minus base in the same replicate); the report
takes means and quantiles across replicates of those stored values, as 'carecast compare' does:
counts (FTE included) by its format_figure rule, money multiplied by 1e-6 in each replicate and
then summarized (output/comparison_report.cpp)."""
from . import charts, html_page as html
from .comparison_context import load_comparison
from .cost_split import cost_split
from .formatting import count_figure, money_decimals, money_figure, percent, spread_millions
from .money_note import money_note
from .outside_interval import Marks
from .spread import across_replicates, millions_as_compare

NINETY = "mean (90 % interval: 5th to 95th percentile of the replicates)"
COUNT_FIGURES = [("new_placements", "new placements"), ("children_placed", "children placed (average)"),
                 ("breakdowns", "breakdowns"), ("school_changes", "school changes"),
                 ("exam_expected_passes", "exam passes"), ("fte_needed", "FTE needed")]
MONEY_FIGURES = [("cost", "cost"), ("cumulative_net_cost", "cumulative net cost"),
                 ("cumulative_net_cost_discounted", "cumulative net cost, discounted")]
SPLIT = ["cost difference", "of which the interventions' own cost categories",
         "of which every other category: care days (support states included), one-off, caseworkers"]


def header_section(page, ctx):
    reader, run = ctx.reader, "run_info"
    facts = [("base", ctx.base)]
    for name in ctx.scenarios:
        where = f"scenarios/{name}"
        facts.append((f"scenario '{name}'", f"{reader.optional_attribute('scenario_path', where)}, SHA-256 "
                                            f"{reader.optional_attribute('scenario_sha256', where)}"))
    facts += [("years", ctx.span_sentence()),
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
        html.paragraph(money_note(ctx.money()), note=True),
        html.facts_table(facts, "run-facts")])


def payback_text(ctx, year):
    year = int(year)
    if year <= 0:
        return "none within the horizon"
    return f"year {year}: {ctx.year_labels()[year - 1]}, from {ctx.year_starts[year - 1]}"


def alternative_section(page, ctx, index, name):
    group = f"comparisons/{name}"
    money = ctx.money()
    payback = int(ctx.reader.attribute("mean_payback_year", group))
    npv = millions_as_compare(ctx.figure(group, "net_present_value", ("replicate",)))
    net = {key: millions_as_compare(ctx.figure(group, key)) for key, _ in MONEY_FIGURES}
    split = split_spreads(ctx, group, net["cost"])
    labels = ctx.year_labels()
    chart = charts.cumulative_net_cost_chart(
        labels, net["cumulative_net_cost_discounted"], net["cumulative_net_cost"].mean,
        payback - 1 if payback > 0 else None, "Cumulative net cost, alternative minus base", money.unit())
    cost_bars = charts.bars_with_whiskers(labels, list(zip(SPLIT, split)), "Cost per year, alternative minus base",
                                          money.unit())
    base = str(ctx.reader.file[group].attrs.get("base", ctx.base))
    page.add_section(f"comparison-{index}", f"{name} against {base}", [
        totals_table(ctx, index, npv, payback, float(ctx.reader.attribute("share_paying_back", group)), money),
        yearly_table(ctx, index, group, net, money),
        split_table(ctx, index, split, money) if len(split) > 1 else "",
        html.charts([html.figure(chart, "Cumulative net cost (positive: the alternative has cost more so far), "
                                        "discounted: mean with 50 % and 90 % bands; dashed: the nominal mean. The "
                                        "dotted line marks the payback year of the mean path."),
                     html.figure(cost_bars, "Bars: mean difference in cost per year (nominal), in total and split "
                                            "into the interventions' own cost categories (intervention:*) and "
                                            "every other category (care days, those of children the "
                                            "interventions move into support states included, one-off "
                                            "costs and, when costed, caseworkers); whiskers: 90 % interval across replicates.")]),
    ])


def split_spreads(ctx, group, cost):
    """[total, the interventions' own cost categories, every other category] as spreads in millions;
    only the total without cost_by_category."""
    parts = cost_split(ctx, group)
    return [cost] + ([millions_as_compare(part) for part in parts] if parts is not None else [])


def totals_table(ctx, index, npv, payback, share, money):
    decimals = money_decimals(*spread_millions(npv))
    rows = [["net present value", f"{money_figure(npv, decimals)} {money.unit()}"],
            ["payback year (of the mean path)", payback_text(ctx, payback)],
            ["replicates paying back within the horizon", percent(share)]]
    return html.data_table(f"comparison-{index}-totals", "The net present value is what the alternative saves minus "
                           f"what it costs, discounted: {NINETY}; positive: it saves more than it costs. The payback "
                           "year is the first year from which the cumulative discounted net cost stays at or below "
                           "zero, not before the first year in which the alternative's money differs from the base's.", ["measure", "value"], rows)


def yearly_table(ctx, index, group, net, money):
    counts = [(label, across_replicates(ctx.figure(group, key)))
              for key, label in COUNT_FIGURES if ctx.has(group, key)]
    decimals = money_decimals(*(v for s in net.values() for v in spread_millions(s)))
    marks = Marks()
    rows = [[label] + [marks.mark(count_figure(s.at(k))) for _, s in counts] +
            [marks.mark(money_figure(net[key].at(k), decimals)) for key, _ in MONEY_FIGURES]
            for k, label in enumerate(ctx.year_labels())]
    headers = ["year"] + [label for label, _ in counts]
    headers += [f"{label}, {money.unit()}" for _, label in MONEY_FIGURES]
    return html.data_table(f"comparison-{index}-by-year", f"Paired differences per year, alternative minus base: "
                           f"{NINETY}. Children placed is the average over the year; exam passes are the expected "
                           "completions of the lower-secondary exams; cost is nominal.", headers, rows) + marks.note()


def split_table(ctx, index, split, money):
    decimals = money_decimals(*(v for s in split for v in spread_millions(s)))
    marks = Marks()
    rows = [[label] + [marks.mark(money_figure(s.at(k), decimals)) for s in split]
            for k, label in enumerate(ctx.year_labels())]
    caption = (f"The cost difference per year, {money.unit()}, nominal: {NINETY}; split into the interventions' own "
               "cost categories (intervention:*, what the scenarios price as the interventions themselves) and every "
               "other category (the care days of every state and the one-off costs). The care days of children an "
               "intervention moves into a support state (in-home support, say) are in the second part, netted "
               "against the care days it saves, not in the first: the first part is not the programme's gross "
               "cost. Each part is added up in each replicate; the means of the parts add up to the mean of the "
               "total, their intervals do not.")
    headers = ["year"] + [f"{s}, {money.unit()}" for s in SPLIT]
    return html.data_table(f"comparison-{index}-cost-split", caption, headers, rows) + marks.note()


def scenarios_section(page, ctx):
    money = ctx.money()
    placed = {n: across_replicates(ctx.figure(f"scenarios/{n}", "children_placed")) for n in ctx.scenarios}
    cost = {n: millions_as_compare(ctx.figure(f"scenarios/{n}", "cost")) for n in ctx.scenarios}
    decimals = money_decimals(*(v for s in cost.values() for v in spread_millions(s)))
    marks = Marks()
    rows = [[label] + [marks.mark(count_figure(placed[n].at(k))) for n in ctx.scenarios] +
            [marks.mark(money_figure(cost[n].at(k), decimals)) for n in ctx.scenarios]
            for k, label in enumerate(ctx.year_labels())]
    headers = (["year"] + [f"{n}: children placed" for n in ctx.scenarios] +
               [f"{n}: cost, {money.unit()}" for n in ctx.scenarios])
    page.add_section("scenarios", "Each scenario on its own", [
        html.data_table("scenarios-by-year", f"Children placed (average over the year) and nominal cost per year of "
                        f"each scenario: {NINETY}.", headers, rows) + marks.note()])


def how_to_read_section(page):
    page.add_section("how-to-read", "How to read this report", [
        html.paragraph("Each scenario was simulated many times over (Monte Carlo replicates) with the same seed, so "
                       "that each replicate of the alternative can be set against the same replicate of the base. "
                       "A figure reads 'mean (low to high)': the mean of the paired differences over the replicates, "
                       "and the 90 % interval from their 5th to their 95th percentile. The interval shows how much "
                       "the effect varies between replicates under the scenarios' assumptions, not the uncertainty "
                       "of the mean. A figure marked * has its mean outside its interval: most replicates share one "
                       "value, often 0, and a few lie far from it; a note under its table says so."),
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
