"""Sums in the order carecast adds: a total over categories, states or grid intervals is a loop
`total += value` from 0 in index order (output/budget_measures.cpp replicate_totals,
output/planning_summary.cpp mean_over_year). numpy's sum adds pairwise, which can differ in the
last bit; a cumulative sum adds strictly in order, so its last element is carecast's total."""
import numpy as np


def sum_in_order(values, axis):
    """The sum of `values` over `axis`, added in index order."""
    values = np.asarray(values, dtype=float)
    if values.shape[axis] == 0:
        return np.zeros(np.delete(values.shape, axis))
    return np.take(np.cumsum(values, axis=axis), -1, axis=axis)


def mean_in_order(values, axis):
    """The sum in order over `axis`, divided by the number of values (carecast's mean over a year's
    grid dates)."""
    return sum_in_order(values, axis) / float(np.asarray(values).shape[axis])
