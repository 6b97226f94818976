"""Choosing a combination of a sweep file, and the split of a cost difference into the
interventions' own cost categories and the rest, on small in-memory HDF5 files."""
import os
import sys
import unittest

import h5py
import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from carecast_report.comparison_context import ComparisonContext  # noqa: E402
from carecast_report.cost_split import cost_split  # noqa: E402
from carecast_report.errors import ReportError, UsageError  # noqa: E402
from carecast_report.input_file import Reader  # noqa: E402
from carecast_report.sweep_combination import combination_of  # noqa: E402


def memory_file(name):
    return h5py.File(name, "w", driver="core", backing_store=False)


def sweep_file():
    f = memory_file("sweep.h5")
    f["sweep/groups"] = np.array(["/combinations/0", "/combinations/1"], dtype=h5py.string_dtype())
    f["sweep/keys"] = np.array(["costs.discount_rate", "interventions.x.uptake"], dtype=h5py.string_dtype())
    f["sweep/values"] = np.array([["0.035", "0.1"], ["0.0", "0.5"]], dtype=h5py.string_dtype())
    f.create_group("combinations/0")
    f.create_group("combinations/1").attrs["scenario_text"] = "name: one"
    return f


class SweepCombination(unittest.TestCase):
    def test_the_chosen_combination_and_its_values(self):
        with sweep_file() as f:
            combination = combination_of(f, "s.h5", 1)
            self.assertEqual((combination.group, combination.count), ("/combinations/1", 2))
            self.assertEqual(combination.values_text(), "costs.discount_rate = 0.0; interventions.x.uptake = 0.5")
            reader = Reader(f[combination.group.strip("/")], "s.h5", "result")
            self.assertEqual(reader.attribute("scenario_text"), "name: one")
            with self.assertRaisesRegex(ReportError, "no dataset /combinations/1/grid/date"):
                reader.strings("grid/date")

    def test_refusals_name_the_option_and_the_number_of_combinations(self):
        with sweep_file() as f:
            with self.assertRaisesRegex(UsageError, "sweep file of 2 combinations.*--combination N, N from 0 to 1"):
                combination_of(f, "s.h5", None)
            with self.assertRaisesRegex(UsageError, "--combination 2: 's.h5' has 2 combinations"):
                combination_of(f, "s.h5", 2)


def comparison_context(f, cost):
    by_category = np.array([[[1.0e6, 2.0e6, 0.5e6]], [[-1.0e6, 3.0e6, 0.25e6]]])     # [replicate, year, category]
    group = f.create_group("comparisons/alt")
    group["categories"] = np.array(["care:foster", "intervention:team", "one_off:entry"], dtype=h5py.string_dtype())
    for name, values, dimensions in (("cost_by_category", by_category, ["replicate", "year", "category"]),
                                     ("cost", cost, ["replicate", "year"])):
        group[f"replicates/{name}"] = values
        group[f"replicates/{name}"].attrs["dimensions"] = dimensions
    return ComparisonContext(Reader(f, "c.h5", "comparison"), ["2025-01-01"], 2, "base", ["base", "alt"], ["alt"])


class CostSplit(unittest.TestCase):
    def test_the_interventions_categories_and_the_rest_add_up_per_replicate(self):
        with memory_file("c.h5") as f:
            interventions, rest = cost_split(comparison_context(f, np.array([[3.5e6], [2.25e6]])), "comparisons/alt")
            np.testing.assert_array_equal(interventions, [[2.0e6], [3.0e6]])
            np.testing.assert_array_equal(rest, [[1.5e6], [-0.75e6]])

    def test_parts_that_do_not_add_up_to_the_stored_cost_are_refused(self):
        with memory_file("c.h5") as f:
            with self.assertRaisesRegex(ReportError, "does not add up to cost"):
                cost_split(comparison_context(f, np.array([[3.5e6], [2.0e6]])), "comparisons/alt")


if __name__ == "__main__":
    unittest.main()
