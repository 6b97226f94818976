"""The '*' on a cell whose mean lies outside its 90 % interval and the note under its table; the
exam figures of a result as carecast's exam table computes them; and the horizon of a comparison
file, stored or (in a file of schema 1.1 or older) read from the base scenario."""
import os
import sys
import unittest

import h5py
import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from carecast_report import scenario_text  # noqa: E402
from carecast_report.comparison_context import ComparisonContext  # noqa: E402
from carecast_report.formatting import count_figure  # noqa: E402
from carecast_report.input_file import Reader  # noqa: E402
from carecast_report.outside_interval import Marks, mean_outside_interval  # noqa: E402
from carecast_report.result_sections import exam_figures  # noqa: E402
from carecast_report.spread import across_replicates  # noqa: E402
from carecast_report.year_span import horizon_of_scenario  # noqa: E402

# 21 replicates: children waiting 0 in 20 of them and 4 in one. The 95th percentile is the 20th
# of the sorted values (position 0.95 x 20 = 19), a 0, so the mean 4/21 lies above the interval.
RARE = np.array([0.0] * 20 + [4.0])


class MeanOutsideItsInterval(unittest.TestCase):
    def test_a_rare_large_value_lifts_the_mean_above_the_interval(self):
        printed = count_figure(across_replicates(RARE))
        self.assertEqual(printed, "0.2 (0.0 to 0.0)")
        self.assertTrue(mean_outside_interval(printed))
        marks = Marks()
        self.assertEqual(marks.mark(printed), "0.2 (0.0 to 0.0)*")
        self.assertIn("The mean lies outside its 90 % interval", marks.note())
        self.assertIn('class="note"', marks.note())

    def test_a_rare_value_below_and_thousands_and_negative_ends(self):
        for printed in ("-0.2 (0.0 to 0.0)", "1,500.0 (1,000.0 to 1,400.0)", "-12.5 (-10.6 to 3.1)"):
            self.assertTrue(mean_outside_interval(printed), printed)

    def test_a_mean_inside_or_on_the_interval_is_not_marked_and_gives_no_note(self):
        marks = Marks()
        for printed in ("3 (1 to 5)", "0 (0 to 0)", "5 (2 to 5)", "1,281.1 (1,143.2 to 1,471.7)", "-2.4 (-10.6 to 3.1)",
                        "0.0 (0.0 to 0.0)", "none within the horizon"):
            self.assertEqual(marks.mark(printed), printed)
        self.assertEqual(marks.note(), "")

    def test_a_mean_only_the_last_bit_puts_outside_is_not_marked(self):
        # 20 replicates, one outlier: mean and q95 agree in exact arithmetic, not in the last bit.
        printed = count_figure(across_replicates(RARE[1:]))
        self.assertEqual(printed, "0.2 (0.0 to 0.2)")
        self.assertFalse(mean_outside_interval(printed))

    def test_one_note_for_a_table_of_many_marked_cells(self):
        marks = Marks()
        for _ in range(3):
            marks.mark("0.2 (0.0 to 0.0)")
        self.assertEqual(marks.note().count("<p"), 1)


class ExamFigures(unittest.TestCase):
    def test_takers_summed_over_states_and_the_share_in_percent(self):
        cohort = np.array([[[2, 1], [0, 0]], [[1, 3], [4, 0]]])           # [replicate, year, state]
        passes = np.array([[1.5, 0.0], [2.0, 1.0]])                      # [replicate, year]
        takers, share = exam_figures(cohort, passes)
        np.testing.assert_array_equal(takers, [[3, 0], [4, 4]])
        np.testing.assert_array_equal(share, [[100.0 * 1.5 / 3, 0.0], [50.0, 25.0]])


class ComparisonHorizon(unittest.TestCase):
    STARTS = ["2026-07-01", "2027-01-01", "2028-01-01"]

    def context(self, f, text):
        f.create_group("scenarios/base").attrs["scenario_text"] = text
        return ComparisonContext(Reader(f, "c.h5", "comparison"), self.STARTS, 2, "base", ["base"], ["alt"])

    def test_a_stored_end_is_the_horizon(self):
        with h5py.File("c.h5", "w", driver="core", backing_store=False) as f:
            f["years/end"] = np.array(["2027-01-01", "2028-01-01", "2028-07-01"], dtype=h5py.string_dtype())
            ctx = self.context(f, "simulation: {start: 2026-07-01, years: 9}")
            self.assertEqual(ctx.horizon(), "2028-07-01")
            self.assertEqual(ctx.year_labels()[-1], "2028 (Jan–Jun)")

    def test_an_older_file_takes_the_end_or_years_of_its_base_scenario(self):
        with h5py.File("c.h5", "w", driver="core", backing_store=False) as f:
            self.assertEqual(self.context(f, "simulation: {start: 2026-07-01, end: 2029-01-01}").horizon(),
                             "2029-01-01")
        with h5py.File("c.h5", "w", driver="core", backing_store=False) as f:
            self.assertEqual(self.context(f, "simulation: {start: 2026-07-01, years: 2}").horizon(), "2028-07-01")

    def test_the_scenario_text_and_whole_years(self):
        self.assertEqual(scenario_text.simulation_end("simulation: {start: 2026-07-01, end: 2036-01-01}"),
                         "2036-01-01")
        self.assertIsNone(scenario_text.simulation_end("simulation: {start: 2026-07-01, years: 3, end: ~}"))
        self.assertEqual(horizon_of_scenario(None, 5, "2024-02-29"), "2029-02-28")
        self.assertIsNone(horizon_of_scenario(None, None, "2024-02-29"))


if __name__ == "__main__":
    unittest.main()
