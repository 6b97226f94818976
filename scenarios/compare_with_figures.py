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
    print_rows("Baseline (Danish municipality) against published figures", baseline_rows(Result(argv[1])))
    if len(argv) > 2:
        print_rows("England local authority against published figures", england_rows(Result(argv[2])))


if __name__ == "__main__":
    main(sys.argv)
