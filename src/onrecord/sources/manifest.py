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
        if not path.is_file():
            continue
        try:
            if name.endswith(".csv"):
                with path.open(encoding="utf-8-sig", newline="") as handle:
                    rows: list[dict[str, Any]] = list(csv.DictReader(handle))
            else:
                with path.open(encoding="utf-8") as handle:
                    rows = [json.loads(line) for line in handle if line.strip()]
        except (UnicodeDecodeError, json.JSONDecodeError, csv.Error) as exc:
            raise SourceError(
                str(path), f"unreadable manifest ({exc.__class__.__name__})"
            ) from None
        for row in rows:
            file = (row.get("file") or "").strip()
            if not file:
                raise SourceError(str(path), "a manifest row has no 'file' column value")
            entries[str(Path(file))] = {k: v for k, v in row.items() if k != "file" and v}
    return entries
