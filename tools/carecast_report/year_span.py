"""The span of a forecast in words, for the header of a page: '5 years from 2026-07-01 to
2031-07-01; budget years are calendar years, the first and the last of them shorter (6 budget
years)'. The number of years is the scenario's simulation.years (else counted from the dates);
the reporting years follow docs/scenario-reference.md, 'Reporting years'."""
import datetime

from .year_labels import part_of_year

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")


def span_sentence(whole_years, start, horizon, year_starts, begins, stored=True):
    """`whole_years` may be None (then counted from start to horizon); `begins` is 'MM-DD';
    `stored` is False for a file of years that begin on the start date and its anniversaries."""
    if whole_years is None:
        whole_years = years_between(start, horizon)
    head = f"{whole_years} year{'' if whole_years == 1 else 's'}" if whole_years is not None else "a forecast"
    return f"{head} from {start} to {horizon}; {budget_years_clause(year_starts, horizon, begins, stored)}"


def budget_years_clause(year_starts, horizon, begins, stored):
    count = f"({len(year_starts)} budget year{'' if len(year_starts) == 1 else 's'})"
    if not stored:
        return f"budget years run from the start date and its anniversaries {count}"
    ends = list(year_starts[1:]) + [horizon]
    short = [part_of_year(s, e) != "" for s, e in zip(year_starts, ends)]
    first, last = short[0], len(short) > 1 and short[-1]
    shorter = {(True, True): "the first and the last of them shorter", (True, False): "the first of them shorter",
               (False, True): "the last of them shorter", (False, False): "each a whole year"}[(first, last)]
    return f"budget years are {kind_of_years(begins)}, {shorter} {count}"


def kind_of_years(begins):
    if begins == "01-01":
        return "calendar years"
    month, day = (int(part) for part in begins.split("-"))
    return f"years beginning on {day} {MONTH_NAMES[month - 1]} (simulation.year_begins {begins})"


def years_between(start, horizon):
    """Whole years from `start` to `horizon` when they share month and day, else None."""
    first, last = datetime.date.fromisoformat(start), datetime.date.fromisoformat(horizon)
    return last.year - first.year if (first.month, first.day) == (last.month, last.day) else None


def horizon_of_scenario(end, whole_years, start):
    """The horizon a scenario gives: its simulation.end (ISO), else `start` moved on by its
    simulation.years (the last day of February for 29 February, as carecast's add_months); None
    when it gives neither."""
    if end:
        return end
    if whole_years is None:
        return None
    first = datetime.date.fromisoformat(start)
    try:
        return first.replace(year=first.year + whole_years).isoformat()
    except ValueError:                   # 29 February
        return first.replace(year=first.year + whole_years, day=28).isoformat()


def horizon_of_years(year_starts):
    """The horizon of reporting years whose end is not stored (a comparison file of schema 1.1 or
    older whose scenario text gives neither simulation.end nor simulation.years): the start moved
    on by whole years, as carecast's years are whole: the years counted, less one when the first
    year is short (a short first and a short last year make one year together)."""
    start = datetime.date.fromisoformat(year_starts[0])
    first_short = len(year_starts) > 1 and year_starts[0][5:] != year_starts[1][5:]
    years = len(year_starts) - (1 if first_short else 0)
    try:
        return start.replace(year=start.year + years).isoformat()
    except ValueError:                   # 29 February
        return start.replace(year=start.year + years, day=28).isoformat()
