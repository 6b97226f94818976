"""What every section of a result file's report needs: the grid, the years, the states, the
replicates, the extents of the axes, and checked reads of the arrays."""
from dataclasses import dataclass

import numpy as np

from . import scenario_text, year_labels, year_span, years
from .errors import ReportError
from .input_file import text as attribute_text
from .spread import across_replicates, from_summary

# The dimensions of each array the report reads (docs/output-schema.md).
DIMENSIONS = {
    "stock": ("replicate", "time", "state"),
    "entries": ("replicate", "interval", "state"),
    "exits": ("replicate", "interval", "state"),
    "moves": ("replicate", "interval", "state"),
    "breakdowns": ("replicate", "interval", "state", "cause"),
    "school_changes": ("replicate", "interval", "move_kind"),
    "carer_pool": ("replicate", "time", "measure"),
    "carer_pool_flows": ("replicate", "interval", "flow"),
    "costs": ("replicate", "year", "category"),
    "costs_discounted": ("replicate", "year", "category"),
    "fte_needed": ("replicate", "time"),
    "caseload_per_worker": ("replicate", "time"),
    "months_above_norm": ("replicate", "year"),
    "exam_cohort": ("replicate", "year", "state"),
    "exam_expected_passes": ("replicate", "year"),
}


@dataclass
class ResultContext:
    reader: object
    grid_dates: list
    year_starts: list
    names: list
    labels: list
    kinds: np.ndarray
    replicates: int
    scenario_text: str
    stored_years: bool = True      # the file has /grid/year_start (else anniversaries of the start)
    sweep: object = None           # a sweep_combination.Combination when reporting one combination of a sweep

    @property
    def extents(self):
        return {"replicate": self.replicates, "time": len(self.grid_dates), "interval": len(self.grid_dates) - 1,
                "state": len(self.names), "year": len(self.year_starts), "cause": 2, "move_kind": 4,
                "measure": 3, "flow": 2}

    def has(self, name):
        return self.reader.has(f"replicates/{name}")

    def replicate_array(self, name):
        """/replicates/<name> [replicate, ...], checked against its dimensions and the file's extents."""
        return self.reader.array(f"replicates/{name}", DIMENSIONS[name], self.extents)

    def summary_spread(self, name):
        """The Spread stored in /summary/<name>."""
        dataset = self.reader.dataset(f"summary/{name}")
        values = self.reader.array(f"summary/{name}", ("statistic",) + DIMENSIONS[name][1:],
                                   dict(self.extents, statistic=7))
        statistics = dataset.attrs.get("statistics")
        if statistics is None:
            raise ReportError(f"'{self.reader.path}': summary/{name} has no attribute statistics; "
                              "expected mean, sd, q05, q25, q50, q75, q95")
        return from_summary(values, [attribute_text(s) for s in statistics])

    def by_year(self, per_interval):
        return years.sum_by_year(per_interval, self.grid_dates, self.year_starts)

    def yearly_spread(self, name, reduce_axes):
        """Each replicate's yearly sum of /replicates/<name>, summed over `reduce_axes` (axes after
        replicate and interval), then its Spread over replicates: [year, ...]."""
        values = self.replicate_array(name)
        if reduce_axes:
            values = values.sum(axis=reduce_axes)
        return across_replicates(self.by_year(values))

    def year_labels(self):
        """'2026 (Jul–Dec)', '2027', ...: each reporting year's name, a short year marked."""
        return year_labels.year_labels(self.year_starts, self.grid_dates[-1])

    def span_sentence(self):
        """'5 years from 2026-07-01 to 2031-07-01; budget years are calendar years, ...'."""
        return year_span.span_sentence(self.whole_years(), self.grid_dates[0], self.grid_dates[-1], self.year_starts,
                                       scenario_text.year_begins(self.scenario_text), self.stored_years)

    def whole_years(self):
        """simulation.years of the scenario, else the grid's intervals over the grid's points per year."""
        stated = scenario_text.simulation_years(self.scenario_text)
        if stated is not None:
            return stated
        per_year = years.POINTS_PER_YEAR.get(self.reader.optional_attribute("grid_step"))
        intervals = len(self.grid_dates) - 1
        return intervals // per_year if per_year and intervals % per_year == 0 else None

    def first_points(self):
        return years.first_grid_points(self.grid_dates, self.year_starts)

    def placement_states(self):
        return [i for i, k in enumerate(self.kinds) if k == "placement"]

    def in_care_states(self):
        return [i for i, k in enumerate(self.kinds) if k != "exit"]

    def scenario_name(self):
        return scenario_text.scenario_name(self.scenario_text) or self.reader.optional_attribute("scenario_path")

    def money(self):
        return scenario_text.money_of(self.scenario_text, self.grid_dates[0])


def load_context(reader, sweep=None):
    grid_dates = reader.strings("grid/date")
    if len(grid_dates) < 2:
        raise ReportError(f"'{reader.path}': /grid/date holds {len(grid_dates)} dates; expected at least two")
    names = reader.strings("states/name")
    labels = reader.strings("states/label") if reader.has("states/label") else names
    kinds = np.asarray(reader.strings("states/kind"))
    if len(labels) != len(names) or len(kinds) != len(names):
        raise ReportError(f"'{reader.path}': /states/name, /states/label and /states/kind differ in length")
    return ResultContext(reader=reader, grid_dates=grid_dates, year_starts=years.result_year_starts(reader, grid_dates),
                         names=names, labels=labels, kinds=kinds, replicates=int(reader.attribute("replicates")),
                         scenario_text=str(reader.attribute("scenario_text")),
                         stored_years=reader.has("grid/year_start"), sweep=sweep)
