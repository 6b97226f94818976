"""Names of reporting years as carecast gives them, a short year marked by the part it covers;
and the span of a forecast in words."""
import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from carecast_report.year_labels import axis_label, year_labels  # noqa: E402
from carecast_report.year_span import horizon_of_years, span_sentence  # noqa: E402

CALENDAR_FROM_JULY = ["2026-07-01", "2027-01-01", "2028-01-01", "2029-01-01", "2030-01-01", "2031-01-01"]
FINANCIAL_FROM_JULY = ["2026-07-01", "2027-04-01", "2028-04-01"]


class YearLabels(unittest.TestCase):
    def test_whole_calendar_years_are_not_marked(self):
        self.assertEqual(year_labels(["2025-01-01", "2026-01-01", "2027-01-01"], "2028-01-01"),
                         ["2025", "2026", "2027"])

    def test_a_start_on_1_july_gives_a_short_first_and_last_calendar_year(self):
        labels = year_labels(CALENDAR_FROM_JULY, "2031-07-01")
        self.assertEqual(labels[0], "2026 (Jul–Dec)")
        self.assertEqual(labels[1:5], ["2027", "2028", "2029", "2030"])
        self.assertEqual(labels[-1], "2031 (Jan–Jun)")

    def test_financial_years_are_named_by_both_calendar_years(self):
        self.assertEqual(year_labels(FINANCIAL_FROM_JULY, "2028-07-01"),
                         ["2026/27 (Jul–Mar)", "2027/28", "2028/29 (Apr–Jun)"])
        self.assertEqual(year_labels(["2025-04-01", "2026-04-01"], "2027-04-01"), ["2025/26", "2026/27"])

    def test_a_short_first_year_takes_the_name_of_the_year_it_is_part_of(self):
        self.assertEqual(year_labels(["2025-01-01", "2025-04-01", "2026-04-01"], "2027-01-01"),
                         ["2024/25 (Jan–Mar)", "2025/26", "2026/27 (Apr–Dec)"])

    def test_years_by_anniversary_from_another_day_are_whole(self):
        self.assertEqual(year_labels(["2025-03-01", "2026-03-01"], "2027-03-01"), ["2025/26", "2026/27"])

    def test_parts_of_months_and_single_months(self):
        self.assertEqual(year_labels(["2025-03-15", "2026-01-01"], "2026-03-15"),
                         ["2025 (15 Mar–31 Dec)", "2026 (1 Jan–14 Mar)"])
        self.assertEqual(year_labels(["2025-12-01", "2026-01-01"], "2026-12-01"), ["2025 (Dec)", "2026 (Jan–Nov)"])

    def test_axis_labels_put_the_part_on_a_second_line(self):
        self.assertEqual(axis_label("2026 (Jul–Dec)"), "2026\n(Jul–Dec)")
        self.assertEqual(axis_label("2027"), "2027")


class Span(unittest.TestCase):
    def test_a_forecast_from_1_july(self):
        self.assertEqual(span_sentence(5, "2026-07-01", "2031-07-01", CALENDAR_FROM_JULY, "01-01"),
                         "5 years from 2026-07-01 to 2031-07-01; budget years are calendar years, the first and "
                         "the last of them shorter (6 budget years)")

    def test_whole_years_counted_from_the_dates(self):
        self.assertEqual(span_sentence(None, "2025-01-01", "2027-01-01", ["2025-01-01", "2026-01-01"], "01-01"),
                         "2 years from 2025-01-01 to 2027-01-01; budget years are calendar years, each a whole "
                         "year (2 budget years)")

    def test_financial_years_and_anniversaries(self):
        self.assertIn("budget years are years beginning on 1 April (simulation.year_begins 04-01), the first and "
                      "the last of them shorter",
                      span_sentence(2, "2026-07-01", "2028-07-01", FINANCIAL_FROM_JULY, "04-01"))
        self.assertIn("budget years run from the start date and its anniversaries",
                      span_sentence(2, "2026-07-01", "2028-07-01", ["2026-07-01", "2027-07-01"], "01-01", False))

    def test_the_horizon_of_stored_years(self):
        self.assertEqual(horizon_of_years(CALENDAR_FROM_JULY), "2031-07-01")
        self.assertEqual(horizon_of_years(FINANCIAL_FROM_JULY), "2028-07-01")
        self.assertEqual(horizon_of_years(["2025-01-01", "2026-01-01"]), "2027-01-01")


if __name__ == "__main__":
    unittest.main()
