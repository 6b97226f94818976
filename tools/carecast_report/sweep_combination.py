"""One combination of a sweep file (docs/output-schema.md, 'Sweep files'), reported as a result:
its group (listed in /sweep/groups) has the layout of a result file, and /sweep/keys and
/sweep/values name the values swept into it."""
from dataclasses import dataclass

from .errors import ReportError, UsageError
from .input_file import text


@dataclass
class Combination:
    index: int
    count: int
    group: str
    values: list         # (key path, value as YAML) of each swept key

    def values_text(self):
        return "; ".join(f"{key} = {value}" for key, value in self.values)


def strings(file, path, name):
    if name not in file:
        raise ReportError(f"'{path}' has no dataset /{name}; a carecast sweep file of schema 1.x has it "
                          "(docs/output-schema.md, 'Sweep files')")
    return [str(s) for s in file[name].asstr()[()]]


def refusal(path, count):
    """The error for a sweep file given without --combination."""
    return UsageError(f"'{path}' is a sweep file of {count} combinations (one result per combination, in the groups "
                      f"listed in /sweep/groups); pass --combination N, N from 0 to {count - 1}, to report one of them")


def combination_of(file, path, index):
    """The Combination `index` of the open sweep file, checked; its group is file[combination.group]."""
    groups = strings(file, path, "sweep/groups")
    if index is None:
        raise refusal(path, len(groups))
    if not 0 <= index < len(groups):
        raise UsageError(f"--combination {index}: '{path}' has {len(groups)} combinations, numbered 0 to "
                         f"{len(groups) - 1}")
    group = groups[index]
    if group.strip("/") not in file:
        raise ReportError(f"'{path}': /sweep/groups names {group} for combination {index}, which is not in the file")
    keys = strings(file, path, "sweep/keys")
    values = [text(v) for v in file["sweep/values"].asstr()[index]] if "sweep/values" in file else []
    return Combination(index, len(groups), group, list(zip(keys, values)))
