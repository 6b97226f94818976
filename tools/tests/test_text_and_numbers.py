"""Scalars of the scenario text, number formats and the output target."""
import os
import sys
import tempfile
import unittest

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from carecast_report import formatting, money_note, scenario_text, target  # noqa: E402
from carecast_report.errors import TargetError  # noqa: E402
from carecast_report.spread import across_replicates  # noqa: E402

TEXT = """name: "Kin/foster: a test"
simulation:
  start: 2025-01-01
  years: 3
costs:
  per_year:
    foster: 470000
    currency: NOT_THIS
  currency: SEK
  discount_rate: 0.035
caseload:
  currency: NOR_THIS
"""


class ScenarioText(unittest.TestCase):
    def test_money_of_a_block_section(self):
        money = scenario_text.money_of(TEXT, "2025-01-01")
        self.assertEqual((money.currency, money.price_year, money.discount_rate), ("SEK", "2025", 0.035))
        self.assertEqual(money.unit(), "million SEK")

    def test_money_of_a_flow_section_and_defaults(self):
        money = scenario_text.money_of("costs: {price_year: 2019, currency: 'GBP'}\n", "2024-04-01")
        self.assertEqual((money.currency, money.price_year, money.discount_rate), ("GBP", "2019", 0.0))
        self.assertEqual(scenario_text.money_of("costs:\n  per_year: {a: 1}\n", "2024-04-01").currency, "DKK")
        self.assertFalse(scenario_text.money_of("name: x\n", "2024-04-01").has_costs)

    def test_name(self):
        self.assertEqual(scenario_text.scenario_name(TEXT), "Kin/foster: a test")

    def test_years_and_year_begins(self):
        self.assertEqual(scenario_text.simulation_years(TEXT), 3)
        self.assertEqual(scenario_text.year_begins(TEXT), "01-01")
        self.assertEqual(scenario_text.year_begins("simulation: {start: 2026-07-01, year_begins: 04-01}"), "04-01")
        self.assertIsNone(scenario_text.simulation_years("name: x"))


class MoneyNote(unittest.TestCase):
    def test_growth_and_discounting_by_whole_reporting_years(self):
        note = money_note.money_note(scenario_text.money_of(
            "costs: {price_year: 2019, price_growth_per_year: 0.02, discount_rate: 0.035}", "2026-07-01"))
        self.assertIn("2019 prices, moved with prices rising 2 % a year (costs.price_growth_per_year)", note)
        self.assertIn("each year's money is divided by (1 + 0.035)^t, t the years from the start date to the year's "
                      "first day (whole months / 12)", note)

    def test_a_price_index_constant_prices_and_no_discounting(self):
        index = money_note.money_note(scenario_text.money_of("costs: {price_index: {2025: 100, 2026: 102}}",
                                                             "2025-01-01"))
        self.assertIn("by the scenario's price index (costs.price_index)", index)
        self.assertIn("the scenario's discount rate is 0", index)
        constant = money_note.money_note(scenario_text.money_of("costs: {currency: SEK}", "2025-01-01"))
        self.assertIn("constant 2025 prices", constant)


class Numbers(unittest.TestCase):
    def test_counts(self):
        cell = across_replicates(np.array([2.0, 4.0, 6.0, 8.0]))
        self.assertEqual(formatting.count_figure(cell), "5.0 (2.3 to 7.7)")
        self.assertEqual(formatting.count_figure(across_replicates(np.array([1000.0, 1200.0]))),
                         "1,100 (1,010 to 1,190)")

    def test_whole_within_carecasts_tolerance(self):
        self.assertEqual(formatting.count_decimals(3.0000000000001, 2.0, 4.0), 0)
        self.assertEqual(formatting.count_decimals(3.01, 2.0, 4.0), 1)

    def test_ratios_have_two_decimals_when_the_high_end_is_below_10(self):
        cell = across_replicates(np.array([-12.0, -11.0]))
        self.assertEqual(formatting.ratio_figure(cell), "-11.50 (-11.95 to -11.05)")

    def test_money_and_signs(self):
        self.assertEqual(formatting.money_decimals(np.array([9.99, -3.0])), 2)
        self.assertEqual(formatting.money_decimals(np.array([10.0])), 1)
        self.assertEqual(formatting.number(-0.004, 2), "0.00")
        self.assertEqual(formatting.number(-1234.56, 1), "-1,234.6")


class Target(unittest.TestCase):
    def test_refusals_and_atomic_write(self):
        with tempfile.TemporaryDirectory() as folder:
            existing = os.path.join(folder, "old.html")
            with open(existing, "w") as f:
                f.write("old")
            with self.assertRaises(TargetError):
                target.check_target(existing, os.path.join(folder, "in.h5"), force=False)
            with self.assertRaises(TargetError):
                target.check_target(existing, existing, force=True)
            target.check_target(existing, os.path.join(folder, "in.h5"), force=True)
            with self.assertRaises(TargetError):
                target.write_atomically(existing, "new", force=False)
            target.write_atomically(existing, "new", force=True)
            with open(existing) as f:
                self.assertEqual(f.read(), "new")
            self.assertEqual(os.listdir(folder), ["old.html"])   # no temporary left behind


if __name__ == "__main__":
    unittest.main()
