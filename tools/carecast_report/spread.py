"""Mean and quantiles across Monte Carlo replicates. Figures are computed per replicate first (a
yearly sum, a total over states or categories), then summarized here: never by adding up the
quantiles of parts."""
from dataclasses import dataclass

import numpy as np

QUANTILES = {"q05": 0.05, "q25": 0.25, "q50": 0.50, "q75": 0.75, "q95": 0.95}


@dataclass
class Spread:
    """mean and the 5, 25, 50, 75 and 95 % quantiles (linear interpolation, numpy's default, as
    carecast computes them), each an array over the axes after the replicate axis."""
    mean: np.ndarray
    q05: np.ndarray
    q25: np.ndarray
    q50: np.ndarray
    q75: np.ndarray
    q95: np.ndarray

    def at(self, index):
        """The spread of one cell, e.g. one year: spread.at(k)."""
        return Spread(*(np.asarray(getattr(self, name))[index] for name in FIELDS))

    def scaled(self, factor):
        return Spread(*(np.asarray(getattr(self, name)) * factor for name in FIELDS))


FIELDS = ("mean",) + tuple(QUANTILES)


def across_replicates(values):
    """The spread over axis 0 (replicates) of `values`."""
    values = np.asarray(values, dtype=float)
    quantiles = np.quantile(values, list(QUANTILES.values()), axis=0)
    return Spread(np.mean(values, axis=0), *quantiles)


def from_summary(summary, statistics):
    """The spread stored in a /summary dataset, whose first axis is listed by its `statistics`."""
    rows = [str(s) for s in statistics]
    return Spread(*(summary[rows.index(name)] for name in FIELDS))
