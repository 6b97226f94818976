#!/usr/bin/python3
"""Compares example-scenario results with the published figures they rest on.

Usage: compare_with_figures.py BASELINE.h5 [ENGLAND_LA.h5]

Prints, for each figure, the published value and the scenario's mean with its 90 % interval
over replicates (docs/model.md, "How the baseline compares with published figures").
"""
import csv
import pathlib
import sys

import h5py
import numpy as np

HERE = pathlib.Path(__file__).parent


def names(f, key):
    return [s.decode() if isinstance(s, bytes) else s for s in f[key][:]]


def interval(values, scale=1.0, digits=0):
    values = np.asarray(values, dtype=float) * scale
    lo, hi = np.quantile(values, [0.05, 0.95])
    return f"{values.mean():.{digits}f} ({lo:.{digits}f}-{hi:.{digits}f})"


def population_total(table, year, ages):
    with open(table) as rows:
        data = csv.DictReader(line for line in rows if not line.startswith("#"))
        return sum(float(r["population"]) for r in data if int(r["year"]) == year and int(r["age"]) in ages)


class Result:
    def __init__(self, path):
        self.file = h5py.File(path, "r")
        self.states = names(self.file, "states/name")
        self.kinds = names(self.file, "states/kind")
        self.dates = names(self.file, "grid/date")
        self.stock = self.file["replicates/stock"][:].astype(float)
        self.care = [i for i, k in enumerate(self.kinds) if k != "exit"]

    def index(self, name):
        return self.states.index(name)

    def in_care(self, point):
        return self.stock[:, point, self.care].sum(axis=1)

    def share(self, point, members):
        return self.stock[:, point, [self.index(m) for m in members]].sum(axis=1) / self.in_care(point)

    def first_year_total(self, array):
        values = self.file[f"replicates/{array}"][:]
        return values[:, :12].reshape(values.shape[0], -1).sum(axis=1)


def baseline_rows(result):
    last = len(result.dates) - 1
    population = population_total(HERE / "data/dk_municipality_population.csv", 2025, range(23))
    return [
        ("stock on 2025-01-01 (≈236 = 13,900 × 1.7 %)", interval(result.in_care(0))),
        ("stock on 2035-01-01", interval(result.in_care(last))),
        ("placed, share of 0-22-year-olds (0.9 %)", interval(result.in_care(0) / population, 100, 2) + " %"),
        ("entries in 2025 (≈58 = 3,400 × 1.7 %)", interval(result.first_year_total("entries"))),
        ("foster family incl. network care (63 %)", interval(result.share(0, ["kinship", "foster"]), 100) + " %"),
        ("residential institution (17 %)", interval(result.share(0, ["institution"]), 100) + " %"),
        ("private residential home (14 %)", interval(result.share(0, ["residential_home"]), 100) + " %"),
        ("kinship share of family care (11 %)",
         interval(result.stock[:, 0, result.index("kinship")] /
                  result.stock[:, 0, [result.index("kinship"), result.index("foster")]].sum(axis=1), 100) + " %"),
        ("left care within the year, of those in care on 1 Jan (16 %)",
         interval(result.file["replicates/left_within_year"][:, 0] / result.in_care(0), 100) + " %"),
    ]


def stability_rows(result):
    f = result.file
    years = f["replicates/left_within_year"].shape[1]
    year_starts = [12 * k for k in range(years)]
    breakdowns = f["replicates/breakdowns"][:]  # [r, interval, state, cause]
    per_year = breakdowns.sum(axis=(2, 3)).reshape(breakdowns.shape[0], years, -1).sum(axis=2)
    # "Children placed" in a year: those in care on its first day and those entering during it.
    entries = f["replicates/entries"][:].sum(axis=2).reshape(breakdowns.shape[0], years, -1).sum(axis=2)
    placed_in_year = np.stack([result.in_care(p) for p in year_starts], axis=1) + entries
    foster = [result.index(s) for s in ("kinship", "foster")]
    endings = f["replicates/placement_endings"][:][:, :, foster, :].sum(axis=(1, 2))  # [r, ending]
    cohort = f["replicates/cohort_placements"][:][:, :3, :].sum(axis=1)  # first three entry years
    placed = cohort[:, 1:].sum(axis=1)
    exam = f["replicates/exam_cohort"][:].sum(axis=(1, 2))
    passes = f["replicates/exam_expected_passes"][:].sum(axis=1)
    rows = [
        ("breakdowns a year, share of children placed (3.2-3.7 %)", interval(per_year / placed_in_year, 100, 1) + " %"),
        ("foster placements ending in a breakdown (more than 1/3)", interval(endings[:, 0] / endings.sum(axis=1), 100) + " %"),
        ("children with 2 placements, entered 2025-27 (21 %)", interval(cohort[:, 2] / placed, 100) + " %"),
        ("children with 3 placements (9 %)", interval(cohort[:, 3] / placed, 100) + " %"),
        ("children with 4 or more placements (10 %)", interval(cohort[:, 4:].sum(axis=1) / placed, 100) + " %"),
        ("in care at the exam age who complete the exams (50 %)", interval(passes / exam, 100) + " %"),
    ]
    if "replicates/carer_pool" in f:
        pool = f["replicates/carer_pool"][:]
        flows = f["replicates/carer_pool_flows"][:].sum(axis=1) / years
        rows += [
            ("foster families on 2025-01-01, of which free", interval(pool[:, 0, 0]) + ", " + interval(pool[:, 0, 1])),
            ("foster families at the end, of which free", interval(pool[:, -1, 0]) + ", " + interval(pool[:, -1, 1])),
            ("children a year sent to the fallback for want of a family", interval(flows[:, 0], 1, 1)),
        ]
    return rows


def england_rows(result):
    population = population_total(HERE / "data/england_la_population.csv", 2025, range(18))
    return [
        ("looked after on 2025-04-01 (≈559 = 83,840 / 150)", interval(result.in_care(0))),
        ("per 10,000 under-18s (71)", interval(result.in_care(0) / population, 10000)),
        ("started in the first year (≈220 = 33,000 / 150)", interval(result.first_year_total("entries"))),
        ("ceased in the first year (≈211 = 31,680 / 150)", interval(result.first_year_total("exits"))),
        ("foster care (68 %)", interval(result.share(0, ["foster"]), 100) + " %"),
        ("children's homes, secure units, semi-independent (17 %)",
         interval(result.share(0, ["childrens_home", "semi_independent"]), 100) + " %"),
    ]


def print_rows(title, rows):
    print(f"\n{title}\n")
    width = max(len(label) for label, _ in rows)
    for label, value in rows:
        print(f"  {label:<{width}}  {value}")


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    baseline = Result(argv[1])
    print_rows("Baseline (Danish municipality) against published figures", baseline_rows(baseline))
    if "replicates/breakdowns" in baseline.file:
        print_rows("Baseline stability, school and carers against published figures", stability_rows(baseline))
    if len(argv) > 2:
        print_rows("England local authority against published figures", england_rows(Result(argv[2])))


if __name__ == "__main__":
    main(sys.argv)
