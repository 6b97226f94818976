#!/usr/bin/python3
"""Paired differences between a baseline and one or more lever scenarios run with the same seed.

Usage: compare_scenarios.py BASELINE.h5 LEVER.h5 [LEVER.h5 ...]

Under common random numbers the same replicate of two runs with the same seed sees the same
children and draws, so the difference is taken replicate by replicate (lever minus baseline)
before averaging. For each measure it prints, as a Markdown table, the baseline's mean with its
90 % interval over replicates (5 %-95 % quantiles) and, for each lever, the mean of the paired
differences with their 90 % interval; "0 (identical)" means equal in every replicate. Totals
run over the whole horizon; "at the start" and "at the end" are the first and last grid dates.
See docs/model.md, "Levers: carer support, recruitment, school stability".
"""
import pathlib
import sys

import h5py
import numpy as np


def names(f, key):
    return list(f[key].asstr()[:])


def measures(path):
    """Per-replicate values of each measure: {label: array [replicate]}."""
    with h5py.File(path, "r") as f:
        r = {}
        breakdowns = f["replicates/breakdowns"][:]  # [replicate, interval, state, cause]
        r["breakdowns, carer-initiated"] = breakdowns[..., 0].sum(axis=(1, 2))
        r["breakdowns, other"] = breakdowns[..., 1].sum(axis=(1, 2))
        r["breakdowns, all"] = breakdowns.sum(axis=(1, 2, 3))
        if "replicates/school_changes" in f:
            school = f["replicates/school_changes"][:]  # [replicate, interval, move_kind]
            for k, kind in enumerate(["entry", "planned move", "breakdown", "return home"]):
                r[f"school changes at {kind}"] = school[:, :, k].sum(axis=1)
            r["school changes, all"] = school.sum(axis=(1, 2))
            cohort = f["replicates/exam_cohort"][:].sum(axis=(1, 2))  # children at the exam age
            passes = f["replicates/exam_expected_passes"][:].sum(axis=1)
            r["children reaching the exam age in care"] = cohort
            r["expected exam passes"] = passes
            r["expected exam passes / exam cohort, %"] = 100 * passes / cohort
        if "replicates/carer_pool" in f:
            r["diversions to the fallback"] = f["replicates/carer_pool_flows"][:][:, :, 0].sum(axis=1)
            r["foster families at the end"] = f["replicates/carer_pool"][:][:, -1, 0]
        stock = f["replicates/stock"][:]  # [replicate, time, state]
        kinds = names(f, "states/kind")
        for s, (label, kind) in enumerate(zip(names(f, "states/label"), kinds)):
            if kind == "placement":
                r[f"at the end: {label}"] = stock[:, -1, s]
        in_care = [s for s, kind in enumerate(kinds) if kind != "exit"]
        r["at the start: in care"] = stock[:, 0, in_care].sum(axis=1)
        r["at the end: in care"] = stock[:, -1, in_care].sum(axis=1)
        return r, (int(f.attrs["seed"]), int(f.attrs["replicates"]), f["grid/date"].shape)


def cell(values, digits):
    if not values.any():
        return "0 (identical)"
    lo, hi = np.quantile(values, [0.05, 0.95])
    return f"{values.mean():+.{digits}f} ({lo:+.{digits}f} to {hi:+.{digits}f})"


def base_cell(values, digits):
    lo, hi = np.quantile(values, [0.05, 0.95])
    return f"{values.mean():.{digits}f} ({lo:.{digits}f}-{hi:.{digits}f})"


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    base, base_run = measures(argv[1])
    levers = []
    for path in argv[2:]:
        lever, run = measures(path)
        if run != base_run:
            sys.exit(f"{path}: seed, replicates or grid differ from {argv[1]}; differences would not be paired")
        levers.append(lever)
    print("| measure | baseline | " + " | ".join(pathlib.Path(p).stem for p in argv[2:]) + " |")
    print("|---|---|" + "---|" * len(levers))
    for label, values in base.items():
        digits = 1 if "%" in label else 0
        diffs = [cell(lever[label] - values, 1) if label in lever else "—" for lever in levers]
        print(f"| {label} | {base_cell(values, digits)} | " + " | ".join(diffs) + " |")


if __name__ == "__main__":
    main(sys.argv)
