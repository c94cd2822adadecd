"""Folder manifests: ``manifest.csv`` or ``manifest.jsonl`` giving metadata per file."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from onrecord.errors import SourceError

MANIFEST_NAMES = ("manifest.csv", "manifest.jsonl")


def read_manifest(folder: Path) -> dict[str, dict[str, Any]]:
    """Return ``{file name relative to folder: metadata}`` from the folder's manifest, if any."""
    entries: dict[str, dict[str, Any]] = {}
    for name in MANIFEST_NAMES:
        path = folder / name
        if path.is_file():
            entries.update(read_manifest_file(path))
    return entries


def read_manifest_file(path: Path) -> dict[str, dict[str, Any]]:
    """Return ``{file as named in the manifest: metadata}`` from a CSV or JSONL manifest.

    Raises `SourceError` naming the manifest when it cannot be read.
    """
    entries: dict[str, dict[str, Any]] = {}
    name = path.name.lower()
    if not name.endswith((".csv", ".jsonl")):
        raise SourceError(str(path), "a manifest must be a .csv or .jsonl file", stage="manifest")
    if not path.is_file():
        raise SourceError(str(path), "no such manifest file", stage="manifest")
    try:
        if name.endswith(".csv"):
            with path.open(encoding="utf-8-sig", newline="") as handle:
                rows: list[dict[str, Any]] = list(csv.DictReader(handle))
        else:
            with path.open(encoding="utf-8") as handle:
                rows = [json.loads(line) for line in handle if line.strip()]
    except (UnicodeDecodeError, json.JSONDecodeError, csv.Error) as exc:
        raise SourceError(str(path), f"unreadable manifest ({exc.__class__.__name__})") from None
    for row in rows:
        file = (row.get("file") or "").strip()
        if not file:
            raise SourceError(str(path), "a manifest row has no 'file' column value")
        entries[str(Path(file))] = {k: v for k, v in row.items() if k != "file" and v}
    return entries


def external_manifest(path: Path) -> dict[str, dict[str, Any]]:
    """A manifest given by the user: ``{resolved file path: metadata}``.

    Its ``file`` entries are absolute or relative to the manifest's own folder,
    so metadata can be kept apart from a read-only folder of articles.
    """
    base = path.resolve().parent
    return {
        str((base / file).resolve()): fields for file, fields in read_manifest_file(path).items()
    }
