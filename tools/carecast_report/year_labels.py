"""The names of reporting years, and the marking of a year shorter than a whole year.

Names follow carecast (output/reporting_years.cpp, reporting_year_names): '2026' when the years
begin on 1 January, '2025/26' when they begin on another day; every year but perhaps the first
begins on the same day, and a short first year takes the name of the year it is part of.

A year that is not a whole year (its end is not its start a year later) is marked by the part
of the year it covers: '2026 (Jul–Dec)', '2031 (Jan–Jun)', '2026/27 (Jul–Mar)'; with days when
it does not run from the first of a month to the last of a month: '2025 (15 Mar–31 Dec)'.
"""
import datetime

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def year_labels(year_starts, horizon):
    """The label of each reporting year: its carecast name, and the part of the year it covers
    when it is shorter (or longer) than a whole year. `year_starts` are ISO dates, the first day
    of each year; `horizon` (ISO) is where the last year ends."""
    names = reporting_year_names(year_starts)
    ends = list(year_starts[1:]) + [horizon]
    return [name + part_of_year(start, end) for name, start, end in zip(names, year_starts, ends)]


def reporting_year_names(year_starts):
    """carecast's names: '2026', or '2025/26' for years that begin on another day than 1 January."""
    begins = (year_starts[1] if len(year_starts) > 1 else year_starts[0])[5:]
    names = []
    for start in year_starts:
        year = int(start[:4])
        if begins == "01-01":
            names.append(str(year))
            continue
        if start[5:] < begins:
            year -= 1                   # part of the year that began the year before
        names.append(f"{year}/{(year + 1) % 100:02d}")
    return names


def part_of_year(start, end):
    """'' for a whole year from `start` to `end` (ISO, end excluded), else ' (Jul–Dec)'."""
    first, after = datetime.date.fromisoformat(start), datetime.date.fromisoformat(end)
    if after == a_year_after(first):
        return ""
    last = after - datetime.timedelta(days=1)
    whole_months = first.day == 1 and (last + datetime.timedelta(days=1)).day == 1
    if whole_months:
        months = MONTHS[first.month - 1] if (first.year, first.month) == (last.year, last.month) \
            else f"{MONTHS[first.month - 1]}–{MONTHS[last.month - 1]}"
        return f" ({months})"
    return f" ({first.day} {MONTHS[first.month - 1]}–{last.day} {MONTHS[last.month - 1]})"


def a_year_after(day):
    """The same month and day a year later (28 February for 29 February)."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


def axis_label(label):
    """A year label for a chart axis: the part of the year on a second line."""
    return label.replace(" (", "\n(", 1)
