"""The budget table's columns: the totals and the three groups always, and caseworkers only when
a result costs them (a staff: category), as carecast's summary table has them; each column adds
up its categories in every replicate."""
import os
import sys
import unittest

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from carecast_report.budget_section import yearly_totals  # noqa: E402


class BudgetGroups(unittest.TestCase):
    def setUp(self):
        # [replicate, year, category]: 2 replicates, 2 years, one of each kind of category.
        self.costs = np.arange(2 * 2 * 4, dtype=float).reshape(2, 2, 4)

    def test_caseworkers_are_a_column_only_when_costed(self):
        without = yearly_totals(self.costs[:, :, :3], self.costs[:, :, :3],
                                ["care:foster", "one_off:entry", "intervention:x"])
        self.assertEqual([name for name, _ in without],
                         ["total", "total, discounted", "care days", "one-off", "interventions"])
        categories = ["care:foster", "one_off:entry", "intervention:x", "staff:caseworkers"]
        with_staff = dict(yearly_totals(self.costs, self.costs, categories))
        self.assertIn("caseworkers", with_staff)
        np.testing.assert_array_equal(with_staff["caseworkers"], self.costs[:, :, 3])
        parts = sum(with_staff[name] for name in ("care days", "one-off", "interventions", "caseworkers"))
        np.testing.assert_allclose(with_staff["total"], parts)


if __name__ == "__main__":
    unittest.main()
