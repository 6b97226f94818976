"""Scalars of the scenario text, number formats and the output target."""
import os
import sys
import tempfile
import unittest

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from carecast_report import formatting, scenario_text, target  # noqa: E402
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


class Numbers(unittest.TestCase):
    def test_counts(self):
        cell = across_replicates(np.array([2.0, 4.0, 6.0, 8.0]))
        self.assertEqual(formatting.count_figure(cell), "5.0 (2.3 to 7.7)")
        self.assertEqual(formatting.count_figure(across_replicates(np.array([1000.0, 1200.0]))),
                         "1,100 (1,010 to 1,190)")

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
