"""What every section of a comparison file's report needs: the base, the scenarios and
alternatives, the reporting years and their labels, and checked reads of the figures
(docs/output-schema.md, 'Comparison files')."""
from dataclasses import dataclass

from . import scenario_text, year_labels, year_span
from .errors import ReportError


@dataclass
class ComparisonContext:
    reader: object
    year_starts: list
    replicates: int
    base: str
    scenarios: list        # group names under /scenarios, the base first
    alternatives: list     # group names under /comparisons

    def figure(self, group, name, dimensions=("replicate", "year")):
        return self.reader.array(f"{group}/replicates/{name}", dimensions,
                                 {"replicate": self.replicates, "year": len(self.year_starts)})

    def has(self, group, name):
        return self.reader.has(f"{group}/replicates/{name}")

    def base_text(self):
        return str(self.reader.attribute("scenario_text", f"scenarios/{self.base}"))

    def money(self):
        return scenario_text.money_of(self.base_text(), self.year_starts[0])

    def horizon(self):
        """The end of the last year: /years/end (schema 1.2 on); for an older file, the base
        scenario's simulation.end, or its start moved on by simulation.years, or else the start moved
        on by the whole years counted."""
        if self.reader.has("years/end"):
            return self.reader.strings("years/end")[-1]
        stated = year_span.horizon_of_scenario(scenario_text.simulation_end(self.base_text()),
                                               scenario_text.simulation_years(self.base_text()), self.year_starts[0])
        return stated or year_span.horizon_of_years(self.year_starts)

    def year_labels(self):
        return year_labels.year_labels(self.year_starts, self.horizon())

    def span_sentence(self):
        text = self.base_text()
        return year_span.span_sentence(scenario_text.simulation_years(text), self.year_starts[0], self.horizon(),
                                       self.year_starts, scenario_text.year_begins(text))


def group_names(reader, group):
    if group not in reader.file or not hasattr(reader.file[group], "keys"):
        raise ReportError(f"'{reader.path}' has no group /{group}; a carecast comparison file has it "
                          "(docs/output-schema.md)")
    return list(reader.file[group].keys())


def load_comparison(reader):
    base = str(reader.attribute("base"))
    scenarios = group_names(reader, "scenarios")
    if base not in scenarios:
        raise ReportError(f"'{reader.path}': the base '{base}' has no group under /scenarios")
    alternatives = group_names(reader, "comparisons")
    if not alternatives:
        raise ReportError(f"'{reader.path}': /comparisons is empty; expected one group per alternative")
    return ComparisonContext(reader, reader.strings("years/start"), int(reader.attribute("replicates")), base,
                             [base] + [s for s in scenarios if s != base], alternatives)
