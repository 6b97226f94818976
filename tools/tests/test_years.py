"""The years of a result, both ways: by the grid rule (no /grid/year_start) and from stored year
starts that need not be grid dates."""
import os
import sys
import unittest

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from carecast_report import years  # noqa: E402


def monthly_grid(first_year, first_month, months):
    dates = []
    for i in range(months + 1):
        y, m = divmod(first_month - 1 + i, 12)
        dates.append(f"{first_year + y:04d}-{m + 1:02d}-01")
    return dates


class GridRule(unittest.TestCase):
    def test_monthly_quarterly_yearly(self):
        grid = monthly_grid(2025, 1, 36)
        self.assertEqual(years.year_starts_on_grid(grid, "monthly"), ["2025-01-01", "2026-01-01", "2027-01-01"])
        self.assertEqual(years.year_starts_on_grid(grid[::3], "quarterly"),
                         ["2025-01-01", "2026-01-01", "2027-01-01"])
        self.assertEqual(years.year_starts_on_grid(grid[::12], "yearly"), ["2025-01-01", "2026-01-01", "2027-01-01"])

    def test_a_grid_of_broken_years_is_refused(self):
        with self.assertRaises(ValueError):
            years.year_starts_on_grid(monthly_grid(2025, 1, 30), "monthly")
        with self.assertRaises(ValueError):
            years.year_starts_on_grid(monthly_grid(2025, 1, 24), "weekly")

    def test_sums_by_year_equal_blocks_of_twelve_intervals(self):
        grid = monthly_grid(2025, 3, 36)                       # a start on 1 March: years from March
        starts = years.year_starts_on_grid(grid, "monthly")
        flows = np.arange(2 * 36 * 2).reshape(2, 36, 2)          # [replicate, interval, state]
        expected = flows.reshape(2, 3, 12, 2).sum(axis=2)
        np.testing.assert_array_equal(years.sum_by_year(flows, grid, starts), expected)
        self.assertEqual(years.first_grid_points(grid, starts), [0, 12, 24])


class StoredYearStarts(unittest.TestCase):
    """Calendar years over a grid that starts on 15 March: the first year is short, and the year
    starts (1 January) are not grid dates."""
    grid = [f"{d[:8]}15" for d in monthly_grid(2025, 3, 24)]      # 2025-03-15 ... 2027-03-15
    starts = ["2025-03-15", "2026-01-01", "2027-01-01"]

    def test_each_interval_belongs_to_the_year_of_its_start(self):
        year = years.year_of_dates(self.grid[:-1], self.starts)
        # 2025-03-15 .. 2025-12-15 (10 intervals), 2026-01-15 .. 2026-12-15 (12), 2027-01-15 .. 02-15 (2)
        np.testing.assert_array_equal(year, [0] * 10 + [1] * 12 + [2] * 2)

    def test_sums_and_first_points(self):
        flows = np.ones((3, 24), dtype=np.int64)
        np.testing.assert_array_equal(years.sum_by_year(flows, self.grid, self.starts), [[10, 12, 2]] * 3)
        self.assertEqual(years.first_grid_points(self.grid, self.starts), [0, 10, 22])

    def test_a_date_before_the_first_year_is_in_none(self):
        self.assertEqual(list(years.year_of_dates(["2025-01-01", "2026-01-01"], self.starts)), [-1, 1])

    def test_means_over_the_grid_dates_of_each_year_leave_out_the_horizon(self):
        points = np.arange(25, dtype=float)[None, :]               # value = grid index
        means = years.mean_by_year(points, self.grid, self.starts)
        np.testing.assert_allclose(means, [[np.mean(range(0, 10)), np.mean(range(10, 22)), np.mean([22, 23])]])


if __name__ == "__main__":
    unittest.main()
