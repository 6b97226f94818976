"""Numbers as the report prints them, the same rules in every table:

- a figure reads 'mean (q05 to q95)': the mean over replicates and the 90 % interval;
- counts of children and events are whole, or have one decimal when the mean and both ends are
  below 10 in size and not all whole, 'whole' within 1e-9 (carecast's format_figure in
  output/yearly_summary.cpp);
- caseworker FTE and caseload per worker have two decimals when the high end is below 10, else
  one (carecast's format_ratio in output/planning_summary.cpp);
- money is in millions, with one decimal, or two when every figure of the table is below 10
  million in size;
- numbers are rounded as printf's %.Nf (and carecast's fmt) round: the exact binary value to
  nearest, ties to even; a value that rounds to zero loses its minus sign (carecast's
  fixed_decimals in output/fixed_decimals.cpp);
- thousands are separated by ',' and the decimal point is '.'; negatives have '-'.
"""
import numpy as np


def number(value, decimals):
    """'1,234.5'; a value that rounds to zero is written without a minus sign."""
    text = f"{float(value):,.{decimals}f}"
    if text.startswith("-") and not any(c in "123456789" for c in text):
        text = text[1:]
    return text


def count_decimals(*values):
    values = np.asarray(values, dtype=float)
    small = np.all(np.abs(values) < 10)
    whole = np.all(np.abs(values - np.round(values)) < 1e-9)
    return 1 if small and not whole else 0


def interval(mean, low, high, decimals):
    return f"{number(mean, decimals)} ({number(low, decimals)} to {number(high, decimals)})"


def count_figure(cell):
    """A Spread cell of a count: '150 (127 to 170)'."""
    decimals = count_decimals(cell.mean, cell.q05, cell.q95)
    return interval(cell.mean, cell.q05, cell.q95, decimals)


def count_mean(value):
    return number(value, count_decimals(value))


def money_decimals(*values_in_millions):
    """1, or 2 when every value (in millions) is below 10 in size."""
    values = np.concatenate([np.ravel(np.asarray(v, dtype=float)) for v in values_in_millions])
    return 2 if values.size == 0 or np.all(np.abs(values) < 10) else 1


def money_figure(cell, decimals):
    """A Spread cell in millions (spread.millions_as_summary or millions_as_compare):
    '180.7 (163.4 to 202.3)'."""
    return interval(cell.mean, cell.q05, cell.q95, decimals)


def spread_millions(spread):
    """Every printed figure of a Spread in millions, for money_decimals."""
    return [spread.mean, spread.q05, spread.q95]


def percent(share):
    return f"{100 * float(share):.0f} %"


def ratio_figure(cell):
    """FTE and caseload per worker: two decimals when the high end is below 10, else one (as
    'carecast summary' prints them)."""
    decimals = 2 if float(cell.q95) < 10 else 1
    return interval(cell.mean, cell.q05, cell.q95, decimals)
