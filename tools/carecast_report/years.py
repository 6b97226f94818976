"""Years of a result: where each begins, and which dates and grid intervals fall in it.

A result file that has /grid/year_start (ISO dates, one per year; carecast writes each on a grid
date, though these functions do not need it) is labelled by it. A file written before it was
stored has years that begin on the start and its anniversaries: year k on grid date 12k, 4k or k
on a monthly, quarterly or yearly grid (docs/output-schema.md). A year holds the dates on or
after its start and before the next year's start; the last year ends at the horizon. A grid
interval belongs to the year that holds its start date.
"""
import numpy as np

from .errors import ReportError
from .in_order import mean_in_order, sum_in_order

POINTS_PER_YEAR = {"monthly": 12, "quarterly": 4, "yearly": 1}


def year_starts_on_grid(grid_dates, grid_step):
    """The first grid date of each simulated year, by the rule of a file without /grid/year_start."""
    if grid_step not in POINTS_PER_YEAR:
        raise ValueError(f"grid_step '{grid_step}'; expected one of {', '.join(POINTS_PER_YEAR)}")
    step = POINTS_PER_YEAR[grid_step]
    intervals = len(grid_dates) - 1
    if intervals < step or intervals % step:
        raise ValueError(f"{len(grid_dates)} grid dates are not whole {grid_step} years")
    return list(grid_dates[:-1:step])


def year_of_dates(dates, year_starts):
    """For each ISO date, the index of the year that holds it: the last year starting on or before
    it; -1 for a date before the first year."""
    days = np.asarray(dates, dtype="datetime64[D]")
    starts = np.asarray(year_starts, dtype="datetime64[D]")
    return np.searchsorted(starts, days, side="right") - 1


def sum_by_year(per_interval, grid_dates, year_starts):
    """[replicate, interval, ...] -> [replicate, year, ...]: each replicate's sum over the intervals
    of each year (the intervals whose start date lies in the year), added in order as carecast adds."""
    year = year_of_dates(grid_dates[:-1], year_starts)
    return np.stack([sum_in_order(per_interval[:, year == k], axis=1) for k in range(len(year_starts))], axis=1)


def mean_by_year(per_point, grid_dates, year_starts):
    """[replicate, time] -> [replicate, year]: each replicate's mean over the grid dates of each year
    (the horizon excluded, as it begins no interval): the sum in order divided by their number, as
    carecast's mean_over_year."""
    year = year_of_dates(grid_dates[:-1], year_starts)
    return np.stack([mean_in_order(per_point[:, :-1][:, year == k], axis=1) for k in range(len(year_starts))],
                    axis=1)


def first_grid_points(grid_dates, year_starts):
    """For each year, the index of its first grid date (the first on or after its start)."""
    points = np.searchsorted(np.asarray(grid_dates, dtype="datetime64[D]"),
                             np.asarray(year_starts, dtype="datetime64[D]"), side="left")
    return [int(p) for p in points]


def result_year_starts(reader, grid_dates):
    """The year starts of a result file: /grid/year_start if present, else the grid rule."""
    if reader.has("grid/year_start"):
        starts = reader.strings("grid/year_start")
        check_year_starts(reader.path, starts, grid_dates)
        return starts
    try:
        return year_starts_on_grid(grid_dates, reader.attribute("grid_step"))
    except ValueError as error:
        raise ReportError(f"'{reader.path}': {error}; expected the grid of a carecast result") from error


def check_year_starts(path, starts, grid_dates):
    try:
        days = np.asarray(starts, dtype="datetime64[D]")
    except ValueError as error:
        raise ReportError(f"'{path}': /grid/year_start holds a value that is not an ISO date ({error})") from error
    if len(days) == 0 or np.any(np.diff(days) <= np.timedelta64(0, "D")) \
            or days[0] < np.datetime64(grid_dates[0]) or days[-1] >= np.datetime64(grid_dates[-1]):
        raise ReportError(f"'{path}': /grid/year_start must hold increasing dates from the start "
                          f"{grid_dates[0]} to before the horizon {grid_dates[-1]}")

