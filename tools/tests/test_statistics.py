"""Means, quantiles and sums in carecast's arithmetic: the figures must print the digits that
'carecast summary' and 'carecast compare' print."""
import os
import sys
import unittest

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from carecast_report import formatting  # noqa: E402
from carecast_report.in_order import mean_in_order, sum_in_order  # noqa: E402
from carecast_report.spread import across_replicates, millions_as_compare, running_mean  # noqa: E402

# Ten replicates whose exact mean is -16.5. Boost's running mean, which carecast uses, gives
# -16.500000000000004 (checked with carecast's compiler and Boost), which carecast prints as -17;
# numpy's pairwise mean gives -16.5 exactly, which prints as -16 (ties to even).
TEN = np.array([-27, -6, -3, -20, -23, -29, -8, -10, -30, -9], dtype=float)


class Mean(unittest.TestCase):
    def test_the_running_mean_is_carecasts(self):
        self.assertEqual(float(running_mean(TEN)), -16.500000000000004)
        self.assertEqual(float(np.mean(TEN)), -16.5)

    def test_it_prints_as_carecast_prints_it(self):
        cell = across_replicates(TEN)
        self.assertEqual(formatting.count_figure(cell), "-17 (-30 to -4)")

    def test_over_cells_and_edge_cases(self):
        values = np.stack([TEN, -TEN], axis=1)                       # [replicate, cell]
        np.testing.assert_array_equal(running_mean(values), [-16.500000000000004, 16.500000000000004])
        self.assertEqual(float(running_mean(np.array([7.0]))), 7.0)


class Quantiles(unittest.TestCase):
    def test_linear_interpolation_between_order_statistics(self):
        cell = across_replicates(np.array([4.0, 1.0, 3.0, 2.0]))    # positions 0.15, 0.75, 1.5, 2.25, 2.85
        self.assertAlmostEqual(float(cell.q05), 1.15)
        self.assertAlmostEqual(float(cell.q25), 1.75)
        self.assertAlmostEqual(float(cell.q50), 2.5)
        self.assertAlmostEqual(float(cell.q95), 3.85)

    def test_carecasts_arithmetic_not_numpys(self):
        # above the midpoint numpy computes b - (b - a)(1 - w), carecast a + w (b - a)
        values = np.array([0.1, 0.7, 0.2, 1e6 / 3, 0.3, 0.9, 5.0, 2.2, 1.1, 7.7, 3.3, 0.4, 0.8, 9.9, 6.1,
                           0.05, 2.5, 4.4, 8.8, 1.9])
        ordered = np.sort(values)
        position = 0.95 * (len(values) - 1)
        below = int(position)
        expected = ordered[below] + (position - below) * (ordered[below + 1] - ordered[below])
        self.assertEqual(float(across_replicates(values).q95), expected)


class Sums(unittest.TestCase):
    def test_sums_in_order(self):
        values = np.array([[0.1, 0.2, 0.3, 1e16, -1e16]])
        self.assertEqual(float(sum_in_order(values, axis=1)[0]), (((0.1 + 0.2) + 0.3) + 1e16) - 1e16)
        self.assertEqual(sum_in_order(np.zeros((2, 0)), axis=1).tolist(), [0.0, 0.0])
        self.assertEqual(float(mean_in_order(np.array([[1.0, 2.0, 4.0]]), axis=1)[0]), 7.0 / 3.0)

    def test_money_as_compare_scales_each_replicate_first(self):
        cell = millions_as_compare(np.array([1.5e6, 2.5e6]))
        self.assertEqual(float(cell.mean), (1.5e6 * 1e-6 + (2.5e6 * 1e-6 - 1.5e6 * 1e-6) / 2.0))


if __name__ == "__main__":
    unittest.main()
