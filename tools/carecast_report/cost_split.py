"""The split of an alternative's yearly cost difference into the interventions' own cost
categories (`intervention:*`: what the scenarios price as the interventions themselves) and every
other category (care days, one-off costs and, when costed, caseworkers). The care days of children an intervention moves
into a support state are in the second part, netted against the care days it saves: the first
part is not the programme's gross cost. Read from the comparison group's `cost_by_category`
(alternative minus base, per replicate, labelled by the group's own `categories`;
docs/output-schema.md, 'Comparison files'). Each part is added up in each replicate, so its
interval is taken over replicates like any other figure; the parts are checked to add up to the
stored `cost` difference in every replicate and year."""
import numpy as np

from .errors import ReportError
from .in_order import sum_in_order

INTERVENTIONS = "intervention:"


def cost_split(ctx, group):
    """(the interventions' own cost categories, every other category), each [replicate, year] in
    currency units, or None when the group has no cost_by_category."""
    if not ctx.has(group, "cost_by_category"):
        return None
    categories = ctx.reader.strings(f"{group}/categories")
    by_category = ctx.reader.array(f"{group}/replicates/cost_by_category", ("replicate", "year", "category"),
                                   {"replicate": ctx.replicates, "year": len(ctx.year_starts),
                                    "category": len(categories)})
    interventions = [c for c, name in enumerate(categories) if name.startswith(INTERVENTIONS)]
    rest = [c for c, name in enumerate(categories) if not name.startswith(INTERVENTIONS)]
    parts = (sum_in_order(by_category[:, :, interventions], axis=2), sum_in_order(by_category[:, :, rest], axis=2))
    check_parts(ctx, group, parts, by_category)
    return parts


def check_parts(ctx, group, parts, by_category):
    """The parts must add up to the stored cost difference in every replicate and year (up to the
    rounding of adding the categories in another order)."""
    total = ctx.figure(group, "cost")
    tolerance = 1e-9 * max(1.0, float(np.max(np.abs(by_category), initial=0.0))) * max(1, by_category.shape[2])
    gap = np.abs(parts[0] + parts[1] - total)
    if np.any(gap > tolerance):
        raise ReportError(f"'{ctx.reader.path}': in /{group}, cost_by_category does not add up to cost "
                          f"(by up to {float(np.max(gap)):.6g}); expected its sum over categories in each replicate "
                          "and year")
