#!/usr/bin/python3
"""carecast report: one self-contained HTML page of a carecast result or comparison file.

Run with Debian's python3 (h5py, numpy and matplotlib; nothing else):

    /usr/bin/python3 tools/report.py RESULT.h5 -o report.html [--force] [--combination N]

docs/report.md describes what the report shows and how each figure is computed.
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from carecast_report import budget_section, comparison_sections, result_sections  # noqa: E402
from carecast_report.errors import ReportError, UsageError  # noqa: E402
from carecast_report.html_page import Page  # noqa: E402
from carecast_report.input_file import COMPARISON, SWEEP, Reader, open_input  # noqa: E402
from carecast_report.result_context import load_context  # noqa: E402
from carecast_report.sweep_combination import combination_of  # noqa: E402
from carecast_report.target import check_target, write_atomically  # noqa: E402

DESCRIPTION = """\
Write a report of a carecast result file (of 'carecast run'), of one combination of a sweep file
(with --combination) or of a comparison file (of 'carecast compare') as ONE self-contained HTML
file: charts inlined as SVG, styles inline, no scripts, fonts or links to anything else. Open it
in a browser, print it, or paste its tables into a document or spreadsheet.

A result file gives: the scenario and its run; children in care by state over time (a fan
chart per placement state and a table by year); entries, exits and moves per year;
breakdowns by cause and school changes per year; lower-secondary exams per year; the foster-carer
pool; the budget per year and over all years (nominal and discounted, and by category);
caseworkers needed. Each section appears only when the file has its data. A comparison file
gives, for each alternative against the base: the paired differences per year (new placements,
children placed, breakdowns, school changes, exam passes, FTE, cost, cumulative net cost), the
cost difference split into the interventions' own cost categories (intervention:*) and the rest
(care days, the care days of children the interventions move into support states included,
one-off costs and, when costed, caseworkers), a chart of the cumulative net cost with its 90 % band and the payback year, the
net present value and the share of replicates paying back; then each scenario's own figures."""

EPILOG = """\
Figures read 'mean (low to high)': the mean over the Monte Carlo replicates and the 90 %
interval, from the 5th to the 95th percentile of the replicates. Yearly sums and totals are
computed in each replicate first, then summarized. Money is in millions of the scenario's
currency (costs.currency). A cell marked '*' has its mean outside its interval: most replicates
share one value (often 0) and a few lie far from it; a note under the table says so.

The report is written under a temporary name in the output's folder and renamed when complete,
so a failed report leaves nothing behind. An existing output is replaced only with --force, and
the output may never be the input file.

Years are reporting years (calendar years unless the scenario sets simulation.year_begins); a
year shorter than a whole year is marked by the part it covers: '2026 (Jul-Dec)'. Means and
quantiles are computed and rounded as carecast computes and prints them.

Exit status, as carecast's: 0 written; 2 a file cannot be read or written (the input missing,
not HDF5, not a result, sweep or comparison file, schema version other than 1.x, a dataset
missing or misshapen; the output exists without --force, is the input, its folder is missing);
3 wrong command line (also: a sweep file without --combination, --combination of another kind
of file or of a combination the sweep does not have).

Example:
  carecast run scenarios/baseline.yaml -o base.h5
  /usr/bin/python3 tools/report.py base.h5 -o base-report.html
  carecast compare scenarios/baseline.yaml scenarios/family-support-12-17.yaml -o fs.h5
  /usr/bin/python3 tools/report.py fs.h5 -o fs-report.html
  carecast run scenarios/family-support-sweep.yaml -o sweep.h5
  /usr/bin/python3 tools/report.py sweep.h5 --combination 12 -o sweep-12.html

Details: docs/report.md."""


class Parser(argparse.ArgumentParser):
    """argparse, but a wrong command line exits with 3, as carecast's does (argparse's is 2)."""

    def error(self, message):
        self.print_usage(sys.stderr)
        self.exit(3, f"{self.prog}: error: {message}\n")


def parse_arguments(argv):
    parser = Parser(prog="report.py", description=DESCRIPTION, epilog=EPILOG,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("input", metavar="RESULT",
                        help="a result file of 'carecast run' or a comparison file of 'carecast compare' (.h5)")
    parser.add_argument("-o", "--output", metavar="HTML", required=True,
                        help="the HTML file to write; it must not exist unless --force is given, and must not be "
                             "the input")
    parser.add_argument("-f", "--force", action="store_true", help="overwrite the output if it exists")
    parser.add_argument("-c", "--combination", metavar="N", type=int,
                        help="report combination N (from 0) of a sweep file as a result; required for a sweep file, "
                             "refused for other files")
    return parser.parse_args(argv)


def result_page(reader, sweep=None):
    ctx = load_context(reader, sweep)
    title = f"carecast forecast: {ctx.scenario_name()}"
    if sweep is not None:
        title += f", sweep combination {sweep.index} ({sweep.values_text()})"
    page = Page(title, f"{ctx.span_sentence()}; {ctx.replicates} replicates")
    result_sections.header_section(page, ctx)
    if ctx.replicates == 0:
        result_sections.analytic_section(page, ctx)
        return page
    result_sections.stock_section(page, ctx)
    result_sections.flows_section(page, ctx)
    result_sections.breakdowns_section(page, ctx)
    if ctx.has("exam_cohort") and ctx.has("exam_expected_passes"):
        result_sections.exams_section(page, ctx)
    if ctx.has("carer_pool"):
        result_sections.carer_pool_section(page, ctx)
    budget_section.budget_section(page, ctx)
    if ctx.has("fte_needed"):
        result_sections.caseload_section(page, ctx)
    result_sections.how_to_read_section(page)
    return page


def comparison_page(reader):
    base = reader.attribute("base")
    page = Page(f"carecast comparison against {base}", "")
    ctx = comparison_sections.comparison_page_sections(page, reader)
    page.subtitle = f"{ctx.span_sentence()}; {ctx.replicates} replicates, common random numbers"
    return page


def make_report(input_path, combination=None):
    """The HTML text of the report of `input_path` (of its combination `combination` for a sweep file)."""
    file, kind = open_input(input_path)
    with file:
        if combination is not None and kind != SWEEP:
            raise UsageError(f"--combination applies to sweep files; '{input_path}' is a {kind} file")
        try:
            page = make_page(file, input_path, kind, combination)
        except (KeyError, ValueError, IndexError, OSError) as error:    # a file carecast did not write so
            raise ReportError(f"'{input_path}' cannot be read as a carecast {kind} file of schema 1.x: "
                              f"{error}") from error
        return page.render()


def make_page(file, input_path, kind, combination):
    if kind == COMPARISON:
        return comparison_page(Reader(file, input_path, kind))
    if kind == SWEEP:
        sweep = combination_of(file, input_path, combination)
        return result_page(Reader(file[sweep.group.strip("/")], input_path, "result"), sweep)
    return result_page(Reader(file, input_path, kind))


def main(argv=None):
    arguments = parse_arguments(argv)
    try:
        check_target(arguments.output, arguments.input, arguments.force)
        html = make_report(arguments.input, arguments.combination)
        write_atomically(arguments.output, html, arguments.force)
    except ReportError as error:
        print(f"report.py: error: {error}", file=sys.stderr)
        return error.exit_status
    print(f"{arguments.input}: report written to '{arguments.output}'.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
