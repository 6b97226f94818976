"""Charts as inline SVG (matplotlib, Agg). Text is drawn as paths, so the page needs no fonts;
the ids inside each SVG get a prefix of their own, so that several SVGs can share one page."""
import io
import itertools
import re

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (after choosing the backend)
import numpy as np  # noqa: E402

from .year_labels import axis_label  # noqa: E402

STYLE = {
    "text.parse_math": False,            # a '$' in a state's label is a dollar sign, not TeX
    "svg.fonttype": "path",
    "svg.hashsalt": "carecast-report",   # the same page for the same file
    "font.size": 9,
    "axes.titlesize": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.alpha": 0.3,
}
BLUE, ORANGE, GREY = "#1f5f99", "#c8641e", "#666666"
_serial = itertools.count(1)


def svg_of(figure, label):
    """The figure as an <svg> element for an HTML page, with `label` for screen readers."""
    buffer = io.StringIO()
    with matplotlib.rc_context(STYLE):
        figure.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    plt.close(figure)
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg"):]
    svg = re.sub(r"\s*<metadata>.*?</metadata>", "", svg, flags=re.S)
    svg = prefix_ids(svg, f"c{next(_serial)}-")
    label = label.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
    return svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1)


def prefix_ids(svg, prefix):
    ids = set(re.findall(r'\bid="([^"]+)"', svg))
    if not ids:
        return svg
    pattern = "|".join(re.escape(i) for i in sorted(ids, key=len, reverse=True))
    svg = re.sub(rf'\bid="({pattern})"', lambda m: f'id="{prefix}{m.group(1)}"', svg)
    return re.sub(rf'#({pattern})(?=["\)])', lambda m: f"#{prefix}{m.group(1)}", svg)


def new_figure(width=6.4, height=3.0, columns=1):
    with matplotlib.rc_context(STYLE):
        return plt.subplots(1, columns, figsize=(width, height), squeeze=False)


def draw_fan(axes, x, spread, colour=BLUE, label=None):
    """Mean line with the 50 % (q25-q75) and 90 % (q05-q95) bands."""
    axes.fill_between(x, spread.q05, spread.q95, color=colour, alpha=0.18, linewidth=0, label="90 % of replicates")
    axes.fill_between(x, spread.q25, spread.q75, color=colour, alpha=0.35, linewidth=0, label="50 % of replicates")
    axes.plot(x, spread.mean, color=colour, linewidth=1.6, label=label or "mean")


def fan_chart(dates, spread, title, ylabel):
    """A fan chart over grid dates (ISO strings)."""
    with matplotlib.rc_context(STYLE):
        figure, axes = new_figure()
        ax = axes[0][0]
        draw_fan(ax, np.asarray(dates, dtype="datetime64[D]"), spread)
        ax.set_title(title)
        ax.set_ylabel(ylabel)
        ax.set_ylim(bottom=min(0, float(np.min(spread.q05))))
        ax.legend(loc="best", fontsize=8, frameon=False)
        return svg_of(figure, title)


def fan_panels(dates, panels, title):
    """Fan charts side by side, one per (subtitle, spread, ylabel)."""
    with matplotlib.rc_context(STYLE):
        figure, axes = new_figure(width=3.0 * len(panels), height=2.8, columns=len(panels))
        x = np.asarray(dates, dtype="datetime64[D]")
        for ax, (subtitle, spread, ylabel) in zip(axes[0], panels):
            draw_fan(ax, x, spread)
            ax.set_title(subtitle)
            ax.set_ylabel(ylabel)
            ax.set_ylim(bottom=min(0, float(np.min(spread.q05))))
            ax.tick_params(axis="x", labelrotation=45)
        axes[0][0].legend(loc="best", fontsize=7, frameon=False)
        return svg_of(figure, title)


def set_year_ticks(ax, x, year_labels):
    """Year labels under the bars or points, a short year's part on a second line ('2026\n(Jul–Dec)')."""
    small = {"fontsize": 7} if any("(" in label for label in year_labels) else {}
    ax.set_xticks(x, [axis_label(label) for label in year_labels], rotation=45 if len(year_labels) > 6 else 0,
                  **small)


def bars_with_whiskers(year_labels, series, title, ylabel):
    """Grouped bars of the means per year, with whiskers from q05 to q95; series is a list of
    (name, Spread over years); year_labels are those of year_labels.year_labels."""
    colours = [BLUE, ORANGE, GREY]
    with matplotlib.rc_context(STYLE):
        figure, axes = new_figure()
        ax = axes[0][0]
        x = np.arange(len(year_labels))
        width = 0.8 / len(series)
        for i, (name, spread) in enumerate(series):
            whiskers = [spread.mean - spread.q05, spread.q95 - spread.mean]
            ax.bar(x + (i - (len(series) - 1) / 2) * width, spread.mean, width, yerr=whiskers, capsize=2,
                   color=colours[i % len(colours)], ecolor="#222222", error_kw={"linewidth": 0.8}, label=name)
        ax.axhline(0, color="#222222", linewidth=0.6)
        set_year_ticks(ax, x, year_labels)
        ax.set_title(title)
        ax.set_ylabel(ylabel)
        ax.legend(loc="best", fontsize=8, frameon=False)
        ax.grid(axis="x", visible=False)
        return svg_of(figure, title)


def cumulative_net_cost_chart(year_labels, discounted, nominal_mean, payback_index, title, ylabel):
    """The cumulative discounted net cost per year (fan) and the nominal mean (dashed); a marker on
    the payback year of the mean path (payback_index: 0-based year, or None)."""
    with matplotlib.rc_context(STYLE):
        figure, axes = new_figure()
        ax = axes[0][0]
        x = np.arange(len(year_labels))
        draw_fan(ax, x, discounted, label="mean, discounted")
        ax.plot(x, nominal_mean, color=GREY, linestyle="--", linewidth=1.2, label="mean, nominal")
        ax.axhline(0, color="#222222", linewidth=0.8)
        if payback_index is not None:
            ax.axvline(payback_index, color=ORANGE, linewidth=1.2, linestyle=":",
                       label=f"payback year ({year_labels[payback_index]})")
        set_year_ticks(ax, x, year_labels)
        ax.set_xlabel("to the end of the year")
        ax.set_title(title)
        ax.set_ylabel(ylabel)
        ax.legend(loc="best", fontsize=8, frameon=False)
        return svg_of(figure, title)


def lines_chart(dates, series, title, ylabel):
    """Plain lines over grid dates, one per (name, values): the expected stock of analytic mode."""
    with matplotlib.rc_context(STYLE):
        figure, axes = new_figure()
        ax = axes[0][0]
        x = np.asarray(dates, dtype="datetime64[D]")
        for name, values in series:
            ax.plot(x, values, linewidth=1.5, label=name)
        ax.set_ylim(bottom=0)
        ax.set_title(title)
        ax.set_ylabel(ylabel)
        ax.legend(loc="best", fontsize=8, frameon=False)
        return svg_of(figure, title)
