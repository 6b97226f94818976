"""Checks of a report against its HDF5 file, used by tests/notebooks/report.sh:

    python3 report_checks.py result|years|financial|comparison|sweep FILE.h5 REPORT.html [ARG]
    python3 report_checks.py compare-stdout FILE.h5 REPORT.html COMPARE_STDOUT.txt
    python3 report_checks.py summary-stdout FILE.h5 REPORT.html SUMMARY_STDOUT.txt
    python3 report_checks.py marks FILE.h5 REPORT.html SUMMARY_STDOUT.txt

Every expected figure is computed here from the file's replicates in plain Python, independently
of the report's code, in carecast's arithmetic (a running mean in replicate order, type-7
quantiles of the sorted values, sums in index order), and written by the rules of docs/report.md
('mean (q05 to q95)', counts whole or with one decimal below 10, money in millions with one
decimal from 10 million up). compare-stdout and summary-stdout check the report's cells against
the tables that 'carecast compare' and 'carecast summary' printed (a '*' on a cell whose mean lies
outside its interval included); marks checks that such a cell of a file made to have them is
marked in both, with one note under each table that has one."""
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


def fixed(value, decimals):
    text = f"{value:,.{decimals}f}"
    return text[1:] if text.startswith("-") and not any(c in "123456789" for c in text) else text


def count_text(values):
    values = [float(v) for v in values]
    small = all(abs(v) < 10 for v in values)
    whole = all(abs(v - round(v)) < 1e-9 for v in values)
    d = 1 if small and not whole else 0
    mean, low, high = values
    return f"{fixed(mean, d)} ({fixed(low, d)} to {fixed(high, d)})"


def quantile(ordered, level):
    position = level * (len(ordered) - 1)
    below = int(position // 1)
    above = min(below + 1, len(ordered) - 1)
    return ordered[below] + (position - below) * (ordered[above] - ordered[below])


def figure_of(per_replicate):
    """[mean, q05, q95] in carecast's arithmetic, in plain Python."""
    values = [float(v) for v in np.ravel(per_replicate)]
    mean = values[0]
    for k, value in enumerate(values[1:], start=2):
        mean += (value - mean) / k
    ordered = sorted(values)
    return [mean, quantile(ordered, 0.05), quantile(ordered, 0.95)]


def summed(rows):
    """Each row's sum, added in order: [replicate, ...] -> [replicate]."""
    totals = []
    for row in rows:
        total = 0.0
        for value in np.ravel(row):
            total += float(value)
        totals.append(total)
    return totals


def money_text(per_replicate, decimals):
    """Millions as 'carecast summary' computes them: summarized, then divided by 1e6."""
    mean, low, high = (v / 1e6 for v in figure_of(per_replicate))
    return f"{fixed(mean, decimals)} ({fixed(low, decimals)} to {fixed(high, decimals)})"


def compare_money_text(per_replicate, decimals):
    """Millions as 'carecast compare' computes them: each replicate times 1e-6, then summarized."""
    mean, low, high = figure_of([float(v) * 1e-6 for v in np.ravel(per_replicate)])
    return f"{fixed(mean, decimals)} ({fixed(low, decimals)} to {fixed(high, decimals)})"


def decimals_of(cell_text):
    """The decimals of the first number of a cell ('1.25 (...)' -> 2)."""
    number = (cell_text or "0").split(" ")[0]
    return len(number.split(".")[1]) if "." in number else 0


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


def check_result(h5_path, html_path, group="/"):
    """A result file, or the group of one sweep combination (group): stock, flows and budget
    figures, the budget's total over all years, and the wording of the money."""
    page, tables = read_page(html_path)
    with h5py.File(h5_path, "r") as file:
        f = file[group]
        dates = list(f["grid/date"].asstr()[()])
        kinds = list(f["states/kind"].asstr()[()])
        labels = list(f["states/label"].asstr()[()])
        stock = f["replicates/stock"][()]
        entries = f["replicates/entries"][()]
        costs = f["replicates/costs"][()]
        discounted = f["replicates/costs_discounted"][()]
        present = {name: name in f["replicates"] for name in ("school_changes", "carer_pool", "fte_needed")}
        exam_cohort = f["replicates/exam_cohort"][()]
        exam_passes = f["replicates/exam_expected_passes"][()]
        text = f.attrs["scenario_text"]
    check(all(present.values()), f"the scenario should have school, carer pool and caseload: {present}")
    placements = [s for s, k in enumerate(kinds) if k == "placement"]
    # One fan chart per placement state and one of all placements; then flows, breakdowns, the pool,
    # the budget and caseworkers: one chart each.
    expected_charts = len(placements) + 1 + 5
    check(page.count("<svg") == expected_charts, f"{page.count('<svg')} charts; expected {expected_charts}")
    for section in ("run", "stock", "flows", "breakdowns", "exams", "carer-pool", "budget", "caseload", "how-to-read"):
        check(f'<section id="{section}">' in page, f"section {section} is missing")
    check("million DKK" in page and "currency: DKK" in text, "the budget is not in million DKK")
    check("10 years from 2025-01-01 to 2035-01-01; budget years are calendar years, each a whole year" in page,
          "the header does not say '10 years from 2025-01-01 to 2035-01-01; ... calendar years, each a whole year'")
    for words in ("divided by (1 + 0.035)^t, t the years from the start date", "rising 2 % a year",
                  "costs.price_growth_per_year"):
        check(words in page, f"the money note does not say '{words}'")

    second = dates.index("2026-01-01")                     # the second year's first grid date (monthly)
    foster = kinds.index("placement") + 1                   # the second placement state
    expect(tables, "stock-by-year", "2026-01-01", labels[foster], count_text(figure_of(stock[:, second, foster])))
    year2 = entries[:, second:second + 12, :].sum(axis=(1, 2))
    expect(tables, "flows-by-year", "2026", "entries", count_text(figure_of(year2)))
    total = summed(costs[:, 0, :])                          # year 1, summed over categories per replicate
    check(np.all(costs.sum(axis=2) > 10e6), "the baseline's yearly budgets should exceed 10 million")
    expect(tables, "budget-by-year", "2025", "total", money_text(total, 1))
    expect(tables, "budget-by-year", "all years", "total", money_text(summed(costs), 1))
    expect(tables, "budget-by-year", "all years", "total, discounted", money_text(summed(discounted), 1))
    takers = summed(exam_cohort[:, 1, :])                   # the second year, over states per replicate
    share = [100.0 * p / t if t > 0 else 0.0 for p, t in zip(exam_passes[:, 1], takers)]
    check(min(takers) > 0, "every replicate should have children at the exam age in the second year")
    expect(tables, "exams-by-year", "2026", "in care at the exam age", count_text(figure_of(takers)))
    expect(tables, "exams-by-year", "2026", "expected to complete, %", count_text(figure_of(share)))


def check_years(h5_path, html_path):
    """A run from 1 July in calendar years (/grid/year_start): a year's flows are those of the
    intervals starting in it and its stock is that on its first grid date; the first and last
    years are short and marked so in the tables, and the header says so."""
    page, tables = read_page(html_path)
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
    expect(tables, "flows-by-year", "2025 (Jul–Dec)", "entries",
           count_text(figure_of(entries[:, in_year].sum(axis=1))))
    in_year = (dates[:-1] >= second) & (dates[:-1] < third)
    expect(tables, "flows-by-year", "2026", "entries", count_text(figure_of(entries[:, in_year].sum(axis=1))))
    point = int(np.argmax(dates >= second))
    expect(tables, "stock-by-year", starts[1], labels[0], count_text(figure_of(stock[:, point, 0])))
    expected = ["2025 (Jul–Dec)", "2026", "2027", "2028 (Jan–Jun)", "all years"]
    for table in ("budget-by-year", "flows-by-year", "breakdowns-by-year", "caseload-by-year"):
        found = [r[0] for r in tables.get(table, [])[1:]]
        check(found == expected[:len(found)] and len(found) >= 4, f"{table}: years {found}; expected {expected}")
    check("3 years from 2025-07-01 to 2028-07-01; budget years are calendar years, the first and the last of them "
          "shorter" in page, "the header does not say '3 years from 2025-07-01 to 2028-07-01; ... shorter'")
    check("(Jan–Jun)" in page.split('id="budget-by-category"')[1].split("</thead>")[0],
          "the budget by category does not mark the short last year")


def check_financial(h5_path, html_path):
    """A run from 1 July 2026 over 2 years in financial years from 1 April (simulation.year_begins
    04-01): years 2026/27 (Jul–Mar), 2027/28, 2028/29 (Apr–Jun)."""
    page, tables = read_page(html_path)
    with h5py.File(h5_path, "r") as f:
        starts = list(f["grid/year_start"].asstr()[()])
    check(starts == ["2026-07-01", "2027-04-01", "2028-04-01"], f"unexpected year starts {starts}")
    found = [r[0] for r in tables.get("budget-by-year", [])[1:]]
    expected = ["2026/27 (Jul–Mar)", "2027/28", "2028/29 (Apr–Jun)", "all years"]
    check(found == expected, f"budget-by-year: years {found}; expected {expected}")
    check("2 years from 2026-07-01 to 2028-07-01; budget years are years beginning on 1 April" in page,
          "the header does not say '2 years from 2026-07-01 to 2028-07-01; budget years are years beginning on "
          "1 April'")


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
        cost = group["replicates/cost"][()]
        by_category = group["replicates/cost_by_category"][()]
        categories = list(group["categories"].asstr()[()])
    check(page.count("<svg") == 2 * len(alternatives), f"{page.count('<svg')} charts; expected 2 per alternative")
    mean, low, high = figure_of([v * 1e-6 for v in npv])
    decimals = 1 if max(abs(mean), abs(low), abs(high)) >= 10 else 2
    expect(tables, "comparison-1-totals", "net present value", "value",
           compare_money_text(npv, decimals) + " million DKK")
    expect(tables, "comparison-1-totals", "replicates paying back", "value", f"{100 * np.mean(payback > 0):.0f} %")
    path = cumulative.mean(axis=0)
    paying = [k for k in range(len(path)) if np.all(path[k:] <= 0)]
    year = f"year {paying[0] + 1}: {starts[paying[0]][:4]}, from {starts[paying[0]]}" if paying \
        else "none within the horizon"
    expect(tables, "comparison-1-totals", "payback year", "value", year)
    expect(tables, "comparison-1-by-year", "2026", "new placements", count_text(figure_of(new_placements[:, 1])))
    check_cost_split(tables, cost, by_category, categories)


def check_cost_split(tables, cost, by_category, categories):
    """The cost difference of the last year, split into the interventions' categories and the rest,
    each summed per replicate; the means of the parts add up to the mean of the total."""
    interventions = [c for c, name in enumerate(categories) if name.startswith("intervention:")]
    rest = [c for c, name in enumerate(categories) if not name.startswith("intervention:")]
    check(interventions and rest, f"expected intervention and other categories: {categories}")
    k = cost.shape[1] - 1
    label = tables.get("comparison-1-cost-split", [["?"]])[-1][0]
    header = "cost difference, million DKK", "of which the interventions' own cost categories, million DKK", \
        "of which every other category: care days (support states included), one-off, caseworkers, million DKK"
    parts = [cost[:, k], summed(by_category[:, k, interventions]), summed(by_category[:, k, rest])]
    check(np.allclose(np.asarray(parts[1]) + parts[2], parts[0], atol=1e-3), "the parts do not add up per replicate")
    means = []
    for name, values in zip(header, parts):
        found = cell(tables, "comparison-1-cost-split", label, name)
        expect(tables, "comparison-1-cost-split", label, name, compare_money_text(values, decimals_of(found)))
        means.append(float(found.split(" ")[0]) if found else 0.0)
    step = 10.0 ** -decimals_of(found)
    check(abs(means[1] + means[2] - means[0]) <= step + 1e-9,
          f"the parts' means {means[1:]} do not add up to {means[0]}")
    check(means[1] > 0, f"the interventions' own cost should be positive, not {means[1]}")


def check_sweep(h5_path, html_path, combination):
    """One combination of a sweep file: its figures are those of its group, and the header names its
    swept values."""
    page, _ = read_page(html_path)
    index = int(combination)
    with h5py.File(h5_path, "r") as f:
        group = f["sweep/groups"].asstr()[index]
        keys = list(f["sweep/keys"].asstr()[()])
        values = list(f["sweep/values"].asstr()[index])
    for key, value in zip(keys, values):
        check(f"{key} = {value}" in page, f"the page does not name the swept value '{key} = {value}'")
    check(f"sweep combination {index}" in page, f"the title does not name combination {index}")
    check_result(h5_path, html_path, group)


def text_tables(stdout):
    """The tables of carecast's text output: {the header's cells joined by spaces: (header, rows)},
    columns cut at the gaps of the '----  ----' line under the header (see table_starting)."""
    lines = stdout.splitlines()
    found = {}
    for i, line in enumerate(lines):
        if not re.fullmatch(r"-+( +-+)*", line.strip()) or i == 0:
            continue
        starts = [m.start() for m in re.finditer(r"-+", line)]
        rows = []
        for row in lines[i + 1:]:
            if not row.strip() or row.startswith("("):          # the end, or a note under the table
                break
            rows.append(cut_at(row, starts))
        header = cut_at(lines[i - 1], starts)
        found[" ".join(header)] = (header, rows)
    return found


def table_starting(tables, prefix):
    """The (header, rows) of the table whose header begins with `prefix`, or ([], [])."""
    return next((table for key, table in tables.items() if key.startswith(prefix)), ([], []))


def cut_at(text, starts):
    """The cells of a line of a text table whose columns begin at `starts`."""
    ends = starts[1:] + [len(text)]
    return [text[a:b].strip() for a, b in zip(starts, ends)]


def as_report(text):
    """carecast's '-3.5 (-9.1–0.0)' or '1.9 (0.6 to 2.6)' as the report writes it: '-3.5 (-9.1 to 0.0)',
    thousands separated by ','."""
    text = re.sub(r"\((-?[\d.]+)–(-?[\d.]+)\)", r"(\1 to \2)", text)
    return re.sub(r"-?\d+(\.\d+)?", lambda m: f"{float(m.group(0)):,.{len(m.group(1) or '.')-1}f}"
                  if m.group(1) else f"{int(m.group(0)):,}", text)


def same_figure(found, printed, where):
    """The report's cell equals carecast's printed figure; a money cell with two decimals (the report's
    rule for small figures) is not compared digit by digit."""
    if found is None:
        return 0
    if re.search(r"\.\d\d\b", found) and not re.search(r"\.\d\d\b", printed):
        return 0
    expected = as_report(printed)
    check(found == expected, f"{where}: the report has '{found}', carecast printed '{printed}'")
    return 1


def check_compare_stdout(h5_path, html_path, stdout_path):
    """Every figure of the yearly table and the net present value that 'carecast compare' printed
    for the first alternative equals the report's."""
    _, tables = read_page(html_path)
    with open(stdout_path, encoding="utf-8") as stream:
        stdout = stream.read()
    header, rows = table_starting(text_tables(stdout), "year from new placements")
    columns = {"new placements": "new placements", "children placed": "children placed (average)",
               "breakdowns": "breakdowns", "school changes": "school changes", "exam passes": "exam passes",
               "FTE needed": "FTE needed",
               "cost, m": "cost, million DKK", "cumulative net cost, m": "cumulative net cost, million DKK"}
    report = tables.get("comparison-1-by-year", [[]])
    compared = 0
    for k, row in enumerate(rows):
        for name, printed in zip(header[1:], row[1:]):
            if name in columns and columns[name] in report[0]:
                found = report[k + 1][report[0].index(columns[name])]
                compared += same_figure(found, printed, f"comparison-1-by-year [{rows[k][0]}, {name}]")
    npv = re.search(r"discounted\): \S+ (-?[\d.]+) m \((-?[\d.]+) to (-?[\d.]+)\)", stdout)
    found = cell(tables, "comparison-1-totals", "net present value", "value")
    if npv and found:
        compared += same_figure(found.split(" million")[0], f"{npv[1]} ({npv[2]} to {npv[3]})", "net present value")
    check("exam passes" in header and "exam passes" in report[0], "the exam passes difference is not compared")
    check(compared >= 70, f"only {compared} figures of carecast compare's output were compared")
    print(f"  {compared} figures equal those printed by carecast compare")


def check_summary_stdout(h5_path, html_path, stdout_path, minimum="170"):
    """The flows, breakdowns, exams, carer pool, budget and caseworkers per year that 'carecast
    summary' printed equal the report's, at least `minimum` figures of them."""
    _, tables = read_page(html_path)
    with open(stdout_path, encoding="utf-8") as stream:
        printed = text_tables(stream.read())
    compared = 0
    pairs = [("year period entries", "flows-by-year", {n: n for n in ("entries", "exits", "moves")}),
             ("year breakdowns, carer-initiated", "breakdowns-by-year",
              {n: n for n in ("breakdowns, carer-initiated", "breakdowns, other", "school changes")}),
             ("year in care at the exam age", "exams-by-year",
              {n: n for n in ("in care at the exam age", "expected to complete, %")}),
             ("year families on the first date", "carer-pool-by-year",
              {"families on the first date": "families", **{n: n for n in ("of which free", "children waiting",
                                                                          "sent to the fallback", "moved back")}}),
             ("year period total", "budget-by-year", {n: n for n in ("total", "total, discounted", "care days",
                                                                     "one-off", "interventions")}),
             ("year period FTE needed", "caseload-by-year",
              {n: n for n in ("FTE needed", "caseload per worker", "months above the norm")})]
    for key, table, names in pairs:
        header, rows = table_starting(printed, key)
        check(rows, f"carecast summary printed no table '{key}'")
        report = tables.get(table, [[]])
        for k, row in enumerate(rows):
            for printed_name, name in names.items():
                found = report[k + 1][report[0].index(name)]
                compared += same_figure(found, row[header.index(printed_name)], f"{table} [{row[0]}, {name}]")
    check(compared >= int(minimum), f"only {compared} figures of carecast summary's output were compared")
    print(f"  {compared} figures equal those printed by carecast summary")


MARK_NOTE = '<p class="note">* The mean lies outside its 90 % interval'
STDOUT_NOTE = "(* mean outside its 90 % interval"


def report_marks(page, tables):
    """{table id: (cells marked '*', whether the note follows the table)} of the report's tables."""
    found = {}
    for table, rows in tables.items():
        marked = sum(cell.endswith("*") for row in rows[1:] for cell in row[1:])
        after = page.split(f' id="{table}">', 1)[1].split("</table>", 1)[1]
        found[table] = (marked, after.startswith(MARK_NOTE))
    return found


def stdout_marks(stdout):
    """{table title: (cells marked '*', notes under it)} of carecast's text tables, each table from its
    title to the next blank line."""
    found = {}
    for block in stdout.split("\n\n"):
        lines = block.splitlines()
        rule = next((i for i, line in enumerate(lines) if re.fullmatch(r"-+( +-+)*", line.strip())), None)
        if rule is None or rule < 2:
            continue
        rows = [line for line in lines[rule + 1:] if not line.startswith("(")]
        marked = sum(len(re.findall(r"\)\*", row)) for row in rows)
        found[lines[rule - 2]] = (marked, sum(line.startswith(STDOUT_NOTE) for line in lines))
    return found


def check_marks(h5_path, html_path, stdout_path):
    """A file whose children waiting are 0 in every replicate but one: the mean lies above the
    interval on every date, so the report and 'carecast summary' mark those cells '*' (the cells
    themselves are compared by summary-stdout) and put one note under the table; every other table
    has a note exactly when it has a marked cell."""
    page, tables = read_page(html_path)
    with open(stdout_path, encoding="utf-8") as stream:
        printed = stdout_marks(stream.read())
    in_report = report_marks(page, tables)
    waiting = [row[3] for row in tables.get("carer-pool-by-year", [[]])[1:]]
    check(waiting and all(cell.endswith(")*") for cell in waiting),
          f"the report does not mark every children-waiting cell: {waiting}")
    for table, (marked, noted) in in_report.items():
        check(noted == (marked > 0), f"report table {table}: {marked} marked cells, note {'present' if noted else 'absent'}")
    pool = printed.get("Foster-carer pool", (0, 0))
    check(pool[0] >= len(waiting) and pool[1] == 1, f"carecast summary's pool table: {pool[0]} marked cells, {pool[1]} notes")
    for title, (marked, notes) in printed.items():
        check(notes == (1 if marked else 0), f"carecast summary table '{title}': {marked} marked cells, {notes} notes")
    print(f"  marked: {sum(m for m, _ in in_report.values())} report cells, "
          f"{sum(m for m, _ in printed.values())} summary cells")


if __name__ == "__main__":
    kind, h5_path, html_path, *more = sys.argv[1:]
    {"result": check_result, "years": check_years, "financial": check_financial, "comparison": check_comparison,
     "sweep": check_sweep, "compare-stdout": check_compare_stdout,
     "summary-stdout": check_summary_stdout, "marks": check_marks}[kind](h5_path, html_path, *more)
    for problem in problems:
        print("  -", problem, file=sys.stderr)
    sys.exit(1 if problems else 0)
