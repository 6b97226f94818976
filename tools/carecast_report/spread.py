"""Mean and quantiles across Monte Carlo replicates, computed exactly as carecast computes them
(engine/replicate_statistics.cpp), so that a figure prints the same digits in the report as in
'carecast summary' and 'carecast compare':

- the mean is Boost's running mean (boost::math::statistics::mean_and_sample_variance, Higham
  1.6a): M = x[0], then M += (x[k-1] - M) / k for k = 2, 3, ... in replicate order. It is not
  numpy.mean (pairwise summation), which can differ in the last bit and so in a printed digit;
- a quantile at level p of the n sorted values is s[b] + w (s[b+1] - s[b]) with position
  p (n - 1) = b + w (linear interpolation, type 7, numpy's default method, but written in
  carecast's arithmetic rather than numpy's, which differs in the last bit for w >= 0.5).

Figures are computed per replicate first (a yearly sum, a total over states or categories), then
summarized here: never by adding up the quantiles of parts."""
import math
from dataclasses import dataclass

import numpy as np

QUANTILES = {"q05": 0.05, "q25": 0.25, "q50": 0.50, "q75": 0.75, "q95": 0.95}


@dataclass
class Spread:
    """mean and the 5, 25, 50, 75 and 95 % quantiles, each an array over the axes after the
    replicate axis."""
    mean: np.ndarray
    q05: np.ndarray
    q25: np.ndarray
    q50: np.ndarray
    q75: np.ndarray
    q95: np.ndarray

    def at(self, index):
        """The spread of one cell, e.g. one year: spread.at(k)."""
        return Spread(*(np.asarray(getattr(self, name))[index] for name in FIELDS))

    def divided(self, divisor):
        """Every statistic divided by `divisor`, as carecast divides a summarized figure (f.mean / 1e6)."""
        return Spread(*(np.asarray(getattr(self, name)) / divisor for name in FIELDS))


FIELDS = ("mean",) + tuple(QUANTILES)


def running_mean(values):
    """carecast's mean over axis 0 (replicates): Boost's running update, in replicate order."""
    values = np.asarray(values, dtype=float)
    if values.shape[0] == 0:
        return np.zeros(values.shape[1:])
    mean = values[0].copy()
    for k in range(2, values.shape[0] + 1):
        mean += (values[k - 1] - mean) / float(k)
    return mean


def quantile_of_sorted(ordered, level):
    """carecast's quantile_of_sorted over axis 0 of values sorted along it."""
    position = level * float(ordered.shape[0] - 1)
    below = int(math.floor(position))
    above = min(below + 1, ordered.shape[0] - 1)
    weight = position - float(below)
    return ordered[below] + weight * (ordered[above] - ordered[below])


def across_replicates(values):
    """The spread over axis 0 (replicates) of `values`."""
    values = np.asarray(values, dtype=float)
    if values.shape[0] == 0:
        zeros = np.zeros(values.shape[1:])
        return Spread(*([zeros] * len(FIELDS)))
    ordered = np.sort(values, axis=0)
    return Spread(running_mean(values), *(quantile_of_sorted(ordered, level) for level in QUANTILES.values()))


def millions_as_summary(values):
    """The spread of money `values` in millions as 'carecast summary' prints it: summarized in
    currency units, then each statistic divided by 1e6."""
    return across_replicates(values).divided(1e6)


def millions_as_compare(values):
    """The spread of money `values` in millions as 'carecast compare' prints it: each replicate's
    value multiplied by 1e-6, then summarized."""
    return across_replicates(np.asarray(values, dtype=float) * 1e-6)


def from_summary(summary, statistics):
    """The spread stored in a /summary dataset, whose first axis is listed by its `statistics`."""
    rows = [str(s) for s in statistics]
    return Spread(*(summary[rows.index(name)] for name in FIELDS))
