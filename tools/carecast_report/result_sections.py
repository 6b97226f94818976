"""The sections of the report of a result file ('carecast run'), each only when the file has the
data. The budget is in budget_section.py."""
import numpy as np

from . import charts, html_page as html
from .formatting import count_figure, number, ratio_figure
from .outside_interval import Marks
from .spread import across_replicates
from .years import mean_by_year

NINETY = "mean (90 % interval: 5th to 95th percentile of the replicates)"


def header_facts(ctx):
    reader = ctx.reader
    run = "run_info"
    started, finished = (reader.optional_attribute(a, run) for a in ("started_at", "finished_at"))
    wall = reader.optional_attribute("wall_seconds", run, None)
    return sweep_facts(ctx) + [
        ("scenario", ctx.scenario_name()),
        ("scenario file", reader.optional_attribute("scenario_path")),
        ("scenario SHA-256", reader.optional_attribute("scenario_sha256")),
        ("start date", ctx.grid_dates[0]),
        ("horizon", ctx.grid_dates[-1]),
        ("years", ctx.span_sentence()),
        ("grid", f"{reader.optional_attribute('grid_step')} ({len(ctx.grid_dates)} dates)"),
        ("replicates", ctx.replicates),
        ("seed", reader.optional_attribute("seed")),
        ("carecast version", reader.optional_attribute("engine_version")),
        ("git commit", reader.optional_attribute("git_commit")),
        ("run", f"{started} to {finished}" + (f" ({float(wall):.1f} s)" if wall is not None else "")),
        ("command line", reader.optional_attribute("command_line", run)),
        ("result file", reader.path),
        ("schema version", reader.optional_attribute("schema_version")),
    ]


def sweep_facts(ctx):
    """The combination of a sweep file that the page reports, with its swept values."""
    if ctx.sweep is None:
        return []
    return [("sweep file", f"{ctx.reader.path}: {ctx.sweep.count} combinations"),
            ("combination", f"{ctx.sweep.index} (group {ctx.sweep.group}): {ctx.sweep.values_text()}")]


def header_section(page, ctx):
    page.add_section("run", "The forecast and its run", [html.facts_table(header_facts(ctx), "run-facts")])


def stock_section(page, ctx):
    summary = ctx.summary_spread("stock")
    stock = ctx.replicate_array("stock")
    placed = across_replicates(stock[:, :, ctx.placement_states()].sum(axis=2))
    in_care = across_replicates(stock[:, :, ctx.in_care_states()].sum(axis=2))
    figures = [html.figure(charts.fan_chart(ctx.grid_dates, summary.at((slice(None), s)), ctx.labels[s], "children"),
                           f"{ctx.labels[s]} ({ctx.names[s]}): children on each grid date")
               for s in ctx.placement_states()]
    figures.append(html.figure(charts.fan_chart(ctx.grid_dates, placed, "All placements", "children"),
                               "Children in every state of kind placement, summed per replicate"))
    page.add_section("stock", "Children in care by state", [
        html.paragraph("Children in each placement on each grid date: the line is the mean over replicates, the "
                       "dark band holds the middle 50 % of replicates, the light band 90 %.", note=True),
        html.charts(figures),
        stock_table(ctx, summary, placed, in_care),
    ])


def stock_table(ctx, summary, placed, in_care):
    points = ctx.first_points() + [len(ctx.grid_dates) - 1]
    labels = [first_date_label(ctx, start, t) for start, t in zip(ctx.year_starts, points)]
    labels.append(f"{ctx.grid_dates[-1]} (horizon)")
    marks = Marks()
    rows = []
    for label, t in zip(labels, points):
        cells = [summary.at((t, s)) for s in ctx.in_care_states()] + [placed.at(t), in_care.at(t)]
        rows.append([label] + [marks.mark(count_figure(c)) for c in cells])
    headers = ["date"] + [ctx.labels[s] for s in ctx.in_care_states()] + ["placements, total", "in care, total"]
    return html.data_table("stock-by-year", f"Children by state on each year's first grid date and at the horizon: "
                           f"{NINETY}. In care = every state that is not an exit, support included.", headers,
                           rows) + marks.note()


def first_date_label(ctx, start, point):
    date = ctx.grid_dates[point]
    return date if date == start else f"{date} (first grid date of the year from {start})"


def flows_section(page, ctx):
    entries = ctx.yearly_spread("entries", (2,))
    exits = ctx.yearly_spread("exits", (2,))
    moves = ctx.yearly_spread("moves", (2,))
    ends = ctx.year_starts[1:] + [ctx.grid_dates[-1]]
    periods = zip(ctx.year_labels(), ctx.year_starts, ends)
    marks = Marks()
    rows = [[label, f"{start} to {end}"] + [marks.mark(count_figure(s.at(k))) for s in (entries, exits, moves)]
            for k, (label, start, end) in enumerate(periods)]
    chart = charts.bars_with_whiskers(ctx.year_labels(), [("entries", entries), ("exits", exits)],
                                      "Entries and exits per year", "children")
    page.add_section("flows", "Entries, exits and moves per year", [
        html.data_table("flows-by-year", f"Per year (the grid intervals that start in it): {NINETY}. Exits include "
                        "ageing out; moves are transitions between states that are not exits.",
                        ["year", "period", "entries", "exits", "moves"], rows) + marks.note(),
        html.figure(chart, "Bars: mean per year; whiskers: 90 % interval across replicates."),
    ])


def breakdowns_section(page, ctx):
    by_cause = ctx.replicate_array("breakdowns").sum(axis=2)          # [replicate, interval, cause]
    yearly = ctx.by_year(by_cause)                                    # [replicate, year, cause]
    carer, other, total = (across_replicates(v) for v in (yearly[:, :, 0], yearly[:, :, 1], yearly.sum(axis=2)))
    school = ctx.yearly_spread("school_changes", (2,)) if ctx.has("school_changes") else None
    headers = ["year", "breakdowns, carer-initiated", "breakdowns, other", "breakdowns, total"]
    headers += ["school changes"] if school else []
    marks = Marks()
    rows = []
    for k, label in enumerate(ctx.year_labels()):
        cells = [carer.at(k), other.at(k), total.at(k)] + ([school.at(k)] if school else [])
        rows.append([label] + [marks.mark(count_figure(c)) for c in cells])
    series = [("breakdowns", total)] + ([("school changes", school)] if school else [])
    heading = "Breakdowns" + (" and school changes" if school else "") + " per year"
    chart = charts.bars_with_whiskers(ctx.year_labels(), series, heading, "events")
    parts = [html.data_table("breakdowns-by-year", f"Breakdowns (unplanned ends of placements) by cause"
                             f"{' and school changes' if school else ''} per year: {NINETY}.", headers, rows)
             + marks.note(),
             html.figure(chart, "Bars: mean per year; whiskers: 90 % interval across replicates.")]
    if not np.any(yearly):
        parts.insert(0, html.paragraph("No breakdown in any replicate: the scenario has no breakdown transitions.",
                                       note=True))
    page.add_section("breakdowns", heading, parts)


def carer_pool_section(page, ctx):
    pool = ctx.replicate_array("carer_pool")                          # [replicate, time, measure]
    flows = ctx.by_year(ctx.replicate_array("carer_pool_flows"))      # [replicate, year, flow]
    spreads = [across_replicates(pool[:, :, m]) for m in range(3)]
    panels = [("Families in the pool", spreads[0], "families"), ("Free families", spreads[1], "families"),
              ("Children waiting", spreads[2], "children")]
    diverted, returned = across_replicates(flows[:, :, 0]), across_replicates(flows[:, :, 1])
    marks = Marks()
    cells = [[s.at(t) for s in spreads] + [diverted.at(k), returned.at(k)] for k, t in enumerate(ctx.first_points())]
    rows = [[label] + [marks.mark(count_figure(c)) for c in row] for label, row in zip(ctx.year_labels(), cells)]
    headers = ["year", "families", "of which free", "children waiting", "sent to the fallback",
               "moved back"]
    page.add_section("carer-pool", "The foster-carer pool", [
        html.figure(charts.fan_panels(ctx.grid_dates, panels, "The foster-carer pool on each grid date"),
                    "Families in the pool, how many of them are free, and children waiting in the fallback "
                    "placement for a family: mean, 50 % and 90 % bands."),
        html.data_table("carer-pool-by-year", f"On each year's first grid date (families, free, waiting) and during "
                        f"the year (children sent to the fallback for want of a free family, and moved back): "
                        f"{NINETY}.", headers, rows) + marks.note(),
    ])


def exams_section(page, ctx):
    """Children reaching the exam age in care in each year and the share expected to complete the
    lower-secondary exams, per replicate (as 'carecast summary' prints them)."""
    takers, share = exam_figures(ctx.replicate_array("exam_cohort"), ctx.replicate_array("exam_expected_passes"))
    spreads = (across_replicates(takers), across_replicates(share))
    marks = Marks()
    rows = [[label] + [marks.mark(count_figure(s.at(k))) for s in spreads]
            for k, label in enumerate(ctx.year_labels())]
    page.add_section("exams", "Lower-secondary exams", [
        html.data_table("exams-by-year", f"Children who reach the exam age while in care in each year, and the share "
                        f"of them expected to complete the lower-secondary exams (the logistic model's expected "
                        f"completions over those children, in each replicate; 0 in a replicate with none): "
                        f"{NINETY}.", ["year", "in care at the exam age", "expected to complete, %"], rows)
        + marks.note(),
    ])


def exam_figures(cohort, passes):
    """([replicate, year] children at the exam age, summed over states in order; [replicate, year]
    expected completions over them in %, 0 where there are none), as carecast's exam table computes
    them."""
    takers = np.zeros(cohort.shape[:2])
    for s in range(cohort.shape[2]):
        takers += cohort[:, :, s]
    present = takers > 0
    share = np.where(present, 100.0 * passes / np.where(present, takers, 1.0), 0.0)
    return takers, share


def caseload_section(page, ctx):
    fte = ctx.replicate_array("fte_needed")
    columns = [("FTE needed", across_replicates(mean_by_year(fte, ctx.grid_dates, ctx.year_starts)))]
    if ctx.has("caseload_per_worker"):
        per_worker = ctx.replicate_array("caseload_per_worker")
        columns.append(("caseload per worker",
                        across_replicates(mean_by_year(per_worker, ctx.grid_dates, ctx.year_starts))))
    if ctx.has("months_above_norm"):
        columns.append(("months above the norm", across_replicates(ctx.replicate_array("months_above_norm"))))
    marks = Marks()
    rows = [[label] + [marks.mark(format_caseload(name, s.at(k))) for name, s in columns]
            for k, label in enumerate(ctx.year_labels())]
    page.add_section("caseload", "Caseworkers", [
        html.figure(charts.fan_chart(ctx.grid_dates, across_replicates(fte), "Caseworkers needed", "FTE"),
                    "Full-time caseworkers needed on each grid date (weighted open cases divided by the caseload "
                    "norm): mean, 50 % and 90 % bands."),
        html.data_table("caseload-by-year", f"By year, FTE and caseload as the mean over the year's grid dates, "
                        f"per replicate: {NINETY}.", ["year"] + [n for n, _ in columns], rows) + marks.note(),
    ])


def format_caseload(name, cell):
    return count_figure(cell) if name == "months above the norm" else ratio_figure(cell)


def analytic_section(page, ctx):
    stock = ctx.reader.array("analytic/stock", ("time", "state"), ctx.extents)
    points = ctx.first_points() + [len(ctx.grid_dates) - 1]
    states = ctx.in_care_states()
    rows = [[ctx.grid_dates[t]] + [number(stock[t, s], 1) for s in states] +
            [number(stock[t, states].sum(), 1)] for t in points]
    page.add_section("analytic", "Expected children in care (analytic mode)", [
        html.paragraph("This file was written by 'carecast run --analytic': the expected stock by matrix algebra, "
                       "without replicates, so without intervals.", note=True),
        html.figure(charts.lines_chart(ctx.grid_dates, [(ctx.labels[s], stock[:, s]) for s in states],
                                       "Expected children by state", "children"),
                    "Expected children in each state that is not an exit, on each grid date."),
        html.data_table("analytic-stock", "Expected children by state on each year's first grid date and at the "
                        "horizon.", ["date"] + [ctx.labels[s] for s in states] + ["in care, total"], rows),
    ])


def how_to_read_section(page):
    page.add_section("how-to-read", "How to read this report", [
        html.paragraph("carecast simulates the scenario many times over (Monte Carlo replicates), each with other "
                       "random draws of who enters care, moves and leaves. A figure reads 'mean (low to high)': the "
                       "mean over the replicates, and the 90 % interval from the 5th to the 95th percentile of the "
                       "replicates, which holds the outcome with 90 % probability under the model. In the charts "
                       "the light band is that 90 % interval and the dark band the 50 % interval (25th to 75th "
                       "percentile). A figure marked * has its mean outside its interval: most replicates share one value, "
                       "often 0, and a few lie far from it; a note under its table says so."),
        html.paragraph("Totals (over states, categories or the months of a year) are added up in each replicate "
                       "first and then summarized, so the interval of a total is not the sum of the intervals of "
                       "its parts. The intervals show how much the outcome varies under the scenario's "
                       "assumptions; they do not cover assumptions the scenario does not make."),
    ])
