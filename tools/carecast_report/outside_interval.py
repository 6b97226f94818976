"""Cells printed with their mean outside their own 90 % interval, marked as carecast marks them
(output/mean_outside_interval.cpp): '0.2 (0.0 to 0.0)' reads as a bug, but it is a figure that is
the same (often 0) in most replicates and far larger or smaller in a few, which move the mean but
not the 5th and 95th percentiles. A table marks each such cell with a '*' after it and explains
the mark once, in a note under the table. The rule is read off the cell as printed, 'mean (low to
high)': what the reader sees is what is explained, and a mean that only rounding puts outside (or
inside) is left alone."""
import re

from . import html_page as html

MARKER = "*"
NOTE = ("* The mean lies outside its 90 % interval: most replicates share one value, often 0, and a few lie far "
        "from it, which moves the mean but not the 5th to 95th percentiles.")
NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def mean_outside_interval(printed):
    """True if `printed` ('0.2 (0.0 to 0.0)', thousands separated by ',') has a mean below its low
    end or above its high end; False for a text without three numbers."""
    numbers = [float(n) for n in NUMBER.findall(printed.replace(",", ""))]
    if len(numbers) < 3:
        return False
    mean, low, high = numbers[:3]
    return mean < low or mean > high


class Marks:
    """The marks of one table."""

    def __init__(self):
        self.marked = False

    def mark(self, printed):
        """`printed` (a cell as the table prints it), followed by '*' if its mean lies outside its interval."""
        if not mean_outside_interval(printed):
            return printed
        self.marked = True
        return printed + MARKER

    def note(self):
        """The note under the table (a paragraph), or '' if no cell of the table was marked."""
        return html.paragraph(NOTE, note=True) if self.marked else ""
