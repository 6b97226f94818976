"""The errors that stop the report. Each message names the file and says what was expected.
Exit statuses follow carecast's: 2 a file cannot be read or written, 3 a wrong command line."""


class ReportError(Exception):
    """The input file cannot be reported: not HDF5, another kind, another schema, a missing dataset."""

    exit_status = 2


class TargetError(ReportError):
    """The output file cannot be written: it exists, it is the input, its folder is missing."""

    exit_status = 2


class UsageError(ReportError):
    """The command line does not fit the input: --combination of a file that is not a sweep, or of
    a combination the sweep does not have, or a sweep file without --combination."""

    exit_status = 3
