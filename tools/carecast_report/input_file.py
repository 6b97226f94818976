"""Opening the input file, telling its kind (result, comparison or sweep), and checked reads.

A result file of 'carecast run' has no root attribute `kind`; a comparison file has
kind = "comparison", a sweep file kind = "sweep" (docs/output-schema.md). All carry
`schema_version`, whose major version must be 1. A Reader reads from a group: the file's root,
or the group of one combination of a sweep file, which has the layout of a result file.
"""
import os

import h5py
import numpy as np

from .errors import ReportError

RESULT = "result"
COMPARISON = "comparison"
SWEEP = "sweep"
EXPECTED = ("a result file of 'carecast run', a sweep file (with --combination) or a comparison file of "
            "'carecast compare'")
READABLE_MAJOR_VERSION = "1"


def open_input(path):
    """Open `path` read-only; return (h5py.File, kind) or raise ReportError."""
    check_is_hdf5(path)
    try:
        file = h5py.File(path, "r")
    except OSError as error:
        raise ReportError(f"'{path}' cannot be opened as HDF5 ({error}); expected {EXPECTED}") from error
    try:
        check_schema_version(file, path)
        return file, kind_of(file, path)
    except ReportError:
        file.close()
        raise


def check_is_hdf5(path):
    if not os.path.exists(path):
        raise ReportError(f"'{path}' does not exist; expected {EXPECTED}")
    if os.path.isdir(path):
        raise ReportError(f"'{path}' is a folder; expected {EXPECTED}")
    if not h5py.is_hdf5(path):
        raise ReportError(f"'{path}' is not an HDF5 file; expected {EXPECTED}")


def check_schema_version(file, path):
    version = file.attrs.get("schema_version")
    if version is None:
        raise ReportError(f"'{path}' has no root attribute schema_version, so it is not a carecast file; "
                          f"expected {EXPECTED}")
    version = text(version)
    if version.split(".")[0] != READABLE_MAJOR_VERSION:
        raise ReportError(f"'{path}' has schema version {version}; this report reads "
                          f"version {READABLE_MAJOR_VERSION}.x")


def kind_of(file, path):
    kind = file.attrs.get("kind")
    if kind is None:
        return RESULT
    kind = text(kind)
    if kind == COMPARISON:
        return COMPARISON
    if kind == SWEEP:
        return SWEEP
    raise ReportError(f"'{path}' is a carecast file of kind '{kind}'; expected {EXPECTED}")


def text(value):
    """An HDF5 string attribute as str (h5py returns str, or bytes for fixed-length strings)."""
    return value.decode("utf-8") if isinstance(value, bytes) else str(value)


class Reader:
    """Checked reads from an open carecast file, relative to the group `root` (the file itself, or
    a sweep combination's group): a missing or misshapen dataset is a ReportError naming the file,
    the dataset and what was expected."""

    def __init__(self, root, path, kind):
        self.file, self.path, self.kind = root, path, kind
        self.prefix = root.name.rstrip("/")           # '' at the file's root, '/combinations/03' in a sweep

    def node(self, where):
        """The group or dataset at `where`, relative to the root ('/' is the root itself)."""
        return self.file if where.strip("/") == "" else self.file[where.strip("/")]

    def has(self, name):
        return isinstance(self.file.get(name), h5py.Dataset)

    def missing(self, name):
        return ReportError(f"'{self.path}' has no dataset {self.prefix}/{name.lstrip('/')}; a carecast {self.kind} "
                           "file of schema 1.x has it (docs/output-schema.md)")

    def dataset(self, name):
        if not self.has(name):
            raise self.missing(name)
        return self.file[name]

    def strings(self, name):
        return [str(s) for s in self.dataset(name).asstr()[()]]

    def attribute(self, name, where="/"):
        attributes = self.node(where).attrs
        if name not in attributes:
            raise ReportError(f"'{self.path}' has no attribute {name} at {self.prefix}/{where.strip('/')}; a "
                              f"carecast {self.kind} file of schema 1.x has it (docs/output-schema.md)")
        value = attributes[name]
        return text(value) if isinstance(value, (str, bytes)) else value

    def optional_attribute(self, name, where="/", default=""):
        if (where.strip("/") and where.strip("/") not in self.file) or name not in self.node(where).attrs:
            return default
        return self.attribute(name, where)

    def array(self, name, dimensions, extents):
        """The dataset `name` as a numpy array, after checking its `dimensions` attribute against
        `dimensions` and its shape against `extents` (axis name -> length, where known)."""
        dataset = self.dataset(name)
        stored = tuple(text(d) for d in dataset.attrs.get("dimensions", []))
        if stored != tuple(dimensions):
            raise ReportError(f"'{self.path}': {name} has dimensions {list(stored)}; expected {list(dimensions)}")
        expected = tuple(extents.get(axis, n) for axis, n in zip(dimensions, dataset.shape))
        if dataset.shape != expected:
            raise ReportError(f"'{self.path}': {name} has shape {dataset.shape}; expected {expected} "
                              f"({', '.join(dimensions)})")
        return np.asarray(dataset[()])
