"""Checks of a report against its HDF5 file, used by tests/notebooks/report.sh:

    python3 report_checks.py result|years|comparison FILE.h5 REPORT.html

Every expected figure is computed here from the file's replicates with numpy, independently of
the report's code, and written by the rules of docs/report.md ('mean (q05 to q95)', counts whole
or with one decimal below 10, money in millions with one decimal from 10 million up)."""
import re
import sys
from html.parser import HTMLParser

import h5py
import numpy as np

problems = []


def check(condition, message):
    if not condition:
        problems.append(message)


class Tables(HTMLParser):
    """The page's tables by id: lists of rows of cell texts (SVG text left out)."""

    def __init__(self):
        super().__init__()
        self.tables, self.table, self.row, self.cell, self.in_svg = {}, None, None, None, 0

    def handle_starttag(self, tag, attributes):
        self.in_svg += tag == "svg"
        if tag == "table":
            self.table = dict(attributes).get("id")
            self.tables[self.table] = []
        elif tag == "tr" and self.table:
            self.row = []
        elif tag in ("td", "th") and self.row is not None:
            self.cell = ""

    def handle_endtag(self, tag):
        self.in_svg -= tag == "svg"
        if tag in ("td", "th") and self.cell is not None:
            self.row.append(self.cell.strip())
            self.cell = None
        elif tag == "tr" and self.row is not None:
            self.tables[self.table].append(self.row)
            self.row = None
        elif tag == "table":
            self.table = None

    def handle_data(self, data):
        if self.cell is not None and not self.in_svg:
            self.cell += data


def count_text(values):
    values = np.asarray(values, dtype=float)
    d = 1 if np.all(np.abs(values) < 10) and not np.all(values == np.round(values)) else 0
    mean, low, high = values
    return f"{mean:,.{d}f} ({low:,.{d}f} to {high:,.{d}f})"


def figure_of(per_replicate):
    return [np.mean(per_replicate), *np.quantile(per_replicate, [0.05, 0.95])]


def money_text(per_replicate, decimals):
    mean, low, high = (v / 1e6 for v in figure_of(per_replicate))
    return f"{mean:,.{decimals}f} ({low:,.{decimals}f} to {high:,.{decimals}f})"


def cell(tables, table, row_label, column_label):
    rows = tables.get(table)
    if not rows:
        problems.append(f"table {table} is missing")
        return None
    header = rows[0]
    matches = [r for r in rows[1:] if r[0].startswith(row_label)]
    if column_label not in header or not matches:
        problems.append(f"table {table} has no cell ({row_label}, {column_label}); header {header}")
        return None
    return matches[0][header.index(column_label)]


def expect(tables, table, row_label, column_label, expected):
    found = cell(tables, table, row_label, column_label)
    if found is not None:
        check(found == expected, f"{table} [{row_label}, {column_label}]: the report has '{found}', "
                                 f"the file gives '{expected}'")
        print(f"  {table} [{row_label}, {column_label}] = {found}")


def self_contained(page):
    check(page.startswith("<!DOCTYPE html>"), "the page does not start with <!DOCTYPE html>")
    bare = re.sub(r'xmlns(:\w+)?="http://www\.w3\.org/[^"]*"', "", page)
    for pattern in ("http:", "https:", "<script", "<link", "<img", "@import", "src="):
        check(pattern not in bare, f"the page refers to something outside it: '{pattern}'")


def read_page(path):
    with open(path, encoding="utf-8") as stream:
        page = stream.read()
    tables = Tables()
    tables.feed(page)
    self_contained(page)
    return page, tables.tables


def check_result(h5_path, html_path):
    page, tables = read_page(html_path)
    with h5py.File(h5_path, "r") as f:
        dates = list(f["grid/date"].asstr()[()])
        kinds = list(f["states/kind"].asstr()[()])
        labels = list(f["states/label"].asstr()[()])
        stock = f["replicates/stock"][()]
        entries = f["replicates/entries"][()]
        costs = f["replicates/costs"][()]
        present = {name: name in f["replicates"] for name in ("school_changes", "carer_pool", "fte_needed")}
        text = f.attrs["scenario_text"]
    check(all(present.values()), f"the scenario should have school, carer pool and caseload: {present}")
    placements = [s for s, k in enumerate(kinds) if k == "placement"]
    # One fan chart per placement state and one of all placements; then flows, breakdowns, the pool,
    # the budget and caseworkers: one chart each.
    expected_charts = len(placements) + 1 + 5
    check(page.count("<svg") == expected_charts, f"{page.count('<svg')} charts; expected {expected_charts}")
    for section in ("run", "stock", "flows", "breakdowns", "carer-pool", "budget", "caseload", "how-to-read"):
        check(f'<section id="{section}">' in page, f"section {section} is missing")
    check("million DKK" in page and "currency: DKK" in text, "the budget is not in million DKK")

    second = dates.index("2026-01-01")                     # the second year's first grid date (monthly)
    foster = kinds.index("placement") + 1                   # the second placement state
    expect(tables, "stock-by-year", "2026-01-01", labels[foster], count_text(figure_of(stock[:, second, foster])))
    year2 = entries[:, second:second + 12, :].sum(axis=(1, 2))
    expect(tables, "flows-by-year", "2026-01-01", "entries", count_text(figure_of(year2)))
    total = costs[:, 0, :].sum(axis=1)                      # year 1, summed over categories per replicate
    check(np.all(costs.sum(axis=2) > 10e6), "the baseline's yearly budgets should exceed 10 million")
    expect(tables, "budget-by-year", "2025-01-01", "total", money_text(total, 1))


def check_years(h5_path, html_path):
    """A run from 1 July in calendar years (/grid/year_start): a year's flows are those of the
    intervals starting in it and its stock is that on its first grid date."""
    _, tables = read_page(html_path)
    with h5py.File(h5_path, "r") as f:
        dates = np.array(f["grid/date"].asstr()[()], dtype="datetime64[D]")
        starts = list(f["grid/year_start"].asstr()[()])
        entries = f["replicates/entries"][()].sum(axis=2)
        stock = f["replicates/stock"][()]
        labels = list(f["states/label"].asstr()[()])
    first, second, third = (np.datetime64(s) for s in starts[:3])
    in_year = (dates[:-1] >= first) & (dates[:-1] < second)
    check(starts[:3] == ["2025-07-01", "2026-01-01", "2027-01-01"], f"unexpected year starts {starts[:3]}")
    check(in_year.sum() == 6, f"the first year should hold 6 months, not {in_year.sum()}")
    expect(tables, "flows-by-year", starts[0], "entries", count_text(figure_of(entries[:, in_year].sum(axis=1))))
    in_year = (dates[:-1] >= second) & (dates[:-1] < third)
    expect(tables, "flows-by-year", starts[1], "entries", count_text(figure_of(entries[:, in_year].sum(axis=1))))
    point = int(np.argmax(dates >= second))
    expect(tables, "stock-by-year", starts[1], labels[0], count_text(figure_of(stock[:, point, 0])))
    check([r[0] for r in tables.get("budget-by-year", [])[1:]] == starts, "the budget's years are not /grid/year_start")


def check_comparison(h5_path, html_path):
    page, tables = read_page(html_path)
    with h5py.File(h5_path, "r") as f:
        starts = list(f["years/start"].asstr()[()])
        alternatives = list(f["comparisons"].keys())
        group = f["comparisons"][alternatives[0]]
        npv = group["replicates/net_present_value"][()]
        payback = group["replicates/payback_year"][()]
        cumulative = group["replicates/cumulative_net_cost_discounted"][()]
        new_placements = group["replicates/new_placements"][()]
    check(page.count("<svg") == 2 * len(alternatives), f"{page.count('<svg')} charts; expected 2 per alternative")
    mean, low, high = (v / 1e6 for v in figure_of(npv))
    decimals = 1 if max(abs(mean), abs(low), abs(high)) >= 10 else 2
    expect(tables, "comparison-1-totals", "net present value", "value", money_text(npv, decimals) + " million DKK")
    expect(tables, "comparison-1-totals", "replicates paying back", "value", f"{100 * np.mean(payback > 0):.0f} %")
    path = cumulative.mean(axis=0)
    paying = [k for k in range(len(path)) if np.all(path[k:] <= 0)]
    year = f"year {paying[0] + 1} (from {starts[paying[0]]})" if paying else "none within the horizon"
    expect(tables, "comparison-1-totals", "payback year", "value", year)
    expect(tables, "comparison-1-by-year", starts[1], "new placements", count_text(figure_of(new_placements[:, 1])))


if __name__ == "__main__":
    kind, h5_path, html_path = sys.argv[1:]
    {"result": check_result, "years": check_years, "comparison": check_comparison}[kind](h5_path, html_path)
    for problem in problems:
        print("  -", problem, file=sys.stderr)
    sys.exit(1 if problems else 0)
