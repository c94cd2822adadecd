"""Planning a batch run's inputs, and the readers its executors call.

The driver only lists files (walking folders in the same order as
`onrecord.sources.read_sources`); JSONL lines and WARC archives are read by
the executors. Other inputs (``.txt``, HTML, feeds, URLs) are small by nature
and are read on the driver with the normal readers. Every item carries an
``ordinal`` (`onrecord.batch.parquet.ordinal`) so outputs keep input order.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from onrecord.errors import SourceError
from onrecord.model import Article, Rejected
from onrecord.sources.walk import WARC_SUFFIXES, suffix_of, walk_folder

__all__ = ["InputPlan", "Item", "parse_jsonl_line", "plan_inputs", "warc_items"]

Item = tuple[int, Article | Rejected]  # (ordinal, what was read)


@dataclass(slots=True)
class InputPlan:
    """What a run reads: numbered files by reader, and what was rejected while listing."""

    jsonl: list[tuple[int, str]] = field(default_factory=list)
    warc: list[tuple[int, str]] = field(default_factory=list)
    local: list[tuple[int, str]] = field(default_factory=list)  # read on the driver
    rejected: list[tuple[int, Rejected]] = field(default_factory=list)

    @property
    def files(self) -> int:
        """How many files (and URLs) the run reads."""
        return len(self.jsonl) + len(self.warc) + len(self.local)


class _Planner:
    def __init__(self) -> None:
        self.plan = InputPlan()
        self.number = 0

    def _next(self) -> int:
        self.number += 1
        return self.number

    def reject(self, source: str, reason: str, stage: str = "read") -> None:
        self.plan.rejected.append((self._next() << 32, Rejected(source, stage, reason)))

    def file(self, path: Path) -> None:
        suffix = suffix_of(path)
        if suffix == ".jsonl":
            if path.stat().st_size == 0:
                self.reject(str(path), "empty file")
            else:
                self.plan.jsonl.append((self._next(), str(path)))
        elif suffix in WARC_SUFFIXES:
            self.plan.warc.append((self._next(), str(path)))
        else:
            self.plan.local.append((self._next(), str(path)))

    def folder(self, folder: Path) -> None:
        for entry in walk_folder(folder):
            if isinstance(entry, SourceError):
                self.reject(entry.source, entry.reason, entry.stage)
            else:
                self.file(entry[0])


def plan_inputs(paths: Iterable[str | os.PathLike[str]]) -> InputPlan:
    """Number the files named by ``paths`` (folders walked) in `read_sources` order."""
    planner = _Planner()
    for raw in paths:
        name = os.fspath(raw)
        path = Path(name)
        if name.startswith(("http://", "https://")):
            planner.plan.local.append((planner._next(), name))
        elif path.is_dir():
            planner.folder(path)
        elif path.is_file():
            planner.file(path)
        else:
            planner.reject(name, "no such file or folder")
    return planner.plan


def parse_jsonl_line(line: str, where: str) -> Article | Rejected | None:
    """One JSONL line (without its newline) as `read_jsonl` reads it; None for a blank line."""
    from onrecord.sources.jsonl import parse_line

    item = parse_line(line.encode("utf-8", "surrogatepass") + b"\n", where)
    if isinstance(item, SourceError):
        return Rejected(item.source, item.stage, item.reason)
    return item


def warc_items(file_number: int, path: str) -> Iterator[Item]:
    """The articles and rejections of one WARC archive, numbered in record order."""
    from onrecord.batch.parquet import ordinal
    from onrecord.sources.warc import read_warc

    try:
        for position, item in enumerate(read_warc(Path(path), path)):
            if isinstance(item, SourceError):
                item = Rejected(item.source, item.stage, item.reason)
            yield ordinal(file_number, position), item
    except Exception as error:  # a damaged archive is a rejected input, never a failed job
        reason = f"{error.__class__.__name__}: {error}".splitlines()[0][:300]
        yield ordinal(file_number, 0), Rejected(path, "read", reason)


def local_items(file_number: int, name: str) -> list[Item]:
    """A small input read on the driver with the normal readers, numbered in order."""
    from onrecord.batch.parquet import ordinal
    from onrecord.sources import read_sources

    return [
        (ordinal(file_number, position), item) for position, item in enumerate(read_sources([name]))
    ]
